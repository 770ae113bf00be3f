"""Events told in Russian word order, read with yargy grammars over pymorphy2's lemmas rather than fixed
phrases: the verb may come late and far from its noun ("Соглашение о сотрудничестве 12 марта 2024 года
подписали А. Иванов и Б. Петров", "заключено"), or the event is only the setting of the sentence ("В первый
день форума «ИнПарк» подписано …", "в ходе заседания президиума", "on XXV St. Petersburg International
Economic Forum"). A noun of the event's kind and one of its verbs in one clause, in either order, state the
event; so does the noun after a preposition of setting (в рамках, в ходе, на, во время, в … день, по
итогам; at, on, during before a forum's capitalised name)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from yargy import Parser, and_, or_, rule
from yargy.predicates import caseless, eq, gram, is_capitalized, length_eq, normalized
from yargy.predicates import type as token_type

from transforms.intel.lexicon.nlp_ru import lemma
from transforms.intel.lexicon.translit import has_cyrillic
from transforms.intel.links.text import Sentence, clause_of


@dataclass(frozen=True)
class Frame:
    nouns: tuple[str, ...]  # lemmas of the nouns naming the event
    verbs: tuple[str, ...]  # lemmas of the verbs (and their participles) stating it happened
    setting: bool  # the noun after a preposition of setting states it too


FRAMES: dict[str, Frame] = {
    "agreement_signed": Frame(("соглашение", "меморандум", "договор", "контракт", "документ"),
                              ("подписать", "заключить"), setting=False),
    # «запланирована встреча», «планируются переговоры»: a meeting to come (marked planned: tense.py)
    "meeting": Frame(("совещание", "заседание", "встреча", "переговоры", "собрание"),
                     ("пройти", "состояться", "провести", "планироваться", "запланировать"), setting=True),
    "forum": Frame(("форум", "конференция", "выставка", "саммит", "съезд"),
                   ("пройти", "состояться", "стартовать", "открыться", "начаться", "завершиться", "провести"),
                   setting=True),
    # «в ходе визита министра …», «в рамках рабочей поездки»: a visit told as the setting of its sentence
    "visit": Frame(("визит", "поездка"), ("состояться", "пройти"), setting=True),
    # «открылась фабрика спортивной одежды», «планирует запустить производство электроники»
    "plant_launch": Frame(("завод", "фабрика", "производство", "комбинат"),
                          ("открыть", "открыться", "запустить"), setting=False),
}  # fmt: skip
# ordinals and names between the preposition and the noun: "XI Международного", "Российском инвестиционном"
_MODIFIER = or_(
    gram("ADJF"), gram("PRTF"), token_type("LATIN"), token_type("INT"), and_(token_type("RU"), length_eq(1))
)
# prepositions of setting: the noun after them in the genitive ("в рамках форума"), or after "на" in the
# locative ("на форуме"; "на форум", the accusative, is where someone is going, not where something happened)
_SETTING_GENITIVE = or_(
    rule(normalized("в"), normalized("рамка")),
    rule(normalized("в"), normalized("ход")),
    rule(normalized("во"), normalized("время")),
    rule(normalized("по"), normalized("итог")),
    rule(normalized("в"), _MODIFIER.optional(), normalized("день")),
)
_SETTING_EN = or_(caseless("at"), caseless("on"), caseless("during"))
_DAYS_EN = ("first", "second", "third", "last", "final", "opening", "closing")  # "on the first day of …"
_EVENT_NAMES_EN = {"forum": ("Forum", "Conference", "Summit", "Exhibition", "Expo", "Congress")}


_CYRILLIC_WORD = re.compile(r"[а-яёА-ЯЁ]{4,}")


def _names_event(sentence: str, kind: str) -> bool:
    """A noun of the event's kind stands in the sentence (by pymorphy2's cached lemmas): only then do the
    grammars run."""
    nouns = FRAMES[kind].nouns
    return any(lemma(word) in nouns for word in _CYRILLIC_WORD.findall(sentence))


def _words(lemmas: tuple[str, ...]):
    return or_(*(normalized(word) for word in lemmas))


@cache
def _parsers(kind: str) -> tuple[Parser, Parser, Parser | None]:
    """(the event's nouns, its verbs, its nouns after a preposition of setting) for one kind of event."""
    frame = FRAMES[kind]
    nouns, verbs = rule(_words(frame.nouns)), rule(_words(frame.verbs))
    modifiers = _MODIFIER.repeatable(max=5).optional()
    setting = or_(
        rule(_SETTING_GENITIVE, modifiers, and_(_words(frame.nouns), gram("gent"))),
        rule(normalized("на"), modifiers, and_(_words(frame.nouns), gram("loct"))),
    )
    return Parser(nouns), Parser(verbs), Parser(setting) if frame.setting else None


@cache
def _english_setting(kind: str) -> Parser:
    """ "on XXV St. Petersburg International Economic Forum", "at the Russian Investment Forum", "on the first
    day of Moscow International Forum"."""
    name = or_(is_capitalized(), token_type("INT"), eq("."), eq("-"))
    noun = or_(*(eq(word) for word in _EVENT_NAMES_EN[kind]))
    which = or_(*(caseless(word) for word in _DAYS_EN))
    day = rule(caseless("the").optional(), which, caseless("day"), caseless("of"))
    return Parser(rule(_SETTING_EN, day.optional(), caseless("the").optional(), name.repeatable(max=8), noun))


def _spans(parser: Parser, text: str, offset: int) -> list[tuple[int, int]]:
    return [(offset + m.span.start, offset + m.span.stop) for m in parser.findall(text)]


ORDER, SETTING = "order", "setting"  # how the event was read: its noun and verb, or its noun as a setting


def word_order_cue(text: str, within: Sentence, kind: str) -> tuple[int, int, str] | None:
    """(start, end, ORDER or SETTING) of the words stating an event of this kind in the sentence, read by
    lemma, or None."""
    start = within.start
    sentence = text[start : within.end]
    if kind in _EVENT_NAMES_EN and not has_cyrillic(sentence):
        if not any(name in sentence for name in _EVENT_NAMES_EN[kind]):
            return None
        found = _spans(_english_setting(kind), sentence, start)
        return (*found[0], SETTING) if found else None
    if kind not in FRAMES or not has_cyrillic(sentence) or not _names_event(sentence, kind):
        return None
    noun_parser, verb_parser, setting_parser = _parsers(kind)
    settings = _spans(setting_parser, sentence, start) if setting_parser is not None else []
    # «пресс-конференция»: not a conference; «в рамках встречи … провели экскурсию»: a setting, whatever
    # the verb after it does
    nouns = [
        n for n in _spans(noun_parser, sentence, start)
        if text[n[0] - 1 : n[0]] != "-" and not any(a <= n[0] < b for a, b in settings)
    ]  # fmt: skip
    verbs = _spans(verb_parser, sentence, start)
    for noun in nouns:
        clause = clause_of(text, within, noun[0])
        verb = next((v for v in verbs if clause[0] <= v[0] < clause[1]), None)
        if verb is not None:
            return min(noun[0], verb[0]), max(noun[1], verb[1]), ORDER
    return (*settings[0], SETTING) if settings else None
