"""Titles the text marks as no longer held: «бывший министр», «экс-руководителя», «Предыдущий глава
филиала», "the former Sverdlovsk Governor", "ex-governor". Such a title is not the person's role (the role
layer records the titles a person holds in the text). The marker stands right before the title, or before
the adjectives and capitalised words that open it («бывший калужский губернатор», "the former Sverdlovsk
Governor"); Russian words are read by pymorphy2's lemma, so every case form counts."""

from __future__ import annotations

import re

from transforms.intel.lexicon.nlp_ru import lemma, parses
from transforms.intel.lexicon.translit import has_cyrillic

_FORMER_RU = {"бывший", "предыдущий", "прежний"}
_FORMER_EN = {"former", "previous", "erstwhile"}
# adverbs that may stand between the marker and the title
_EARLIER = {"ранее", "прежде", "когда-то", "previously", "once"}
_PREFIX = re.compile(r"(?i)\b(?:экс|ex)[-‐]\s*$")
_BREAK = re.compile(r"[,.;:!?()«»\"“”\n]|\s[–—-]\s")
# an English title whose end the sentence states: "accepted the resignation of Krasnoyarsk Region Governor",
# "the early resignation of Governor", "dismissed the governor of"
_ENDED_EN = re.compile(
    r"(?:\b(?:resignation|dismissal)\s+of|\bdismiss(?:ed|es)?)\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){0,3}$"
)


def is_former(text: str, title_start: int) -> bool:
    """True when the title starting at title_start is marked as no longer held: «экс-» / "ex-" on it, or a
    marker («бывший», «предыдущий», «прежний», "former", "previous") before it in its phrase."""
    before = text[max(0, title_start - 60) : title_start]
    if _PREFIX.search(before) or _not_now(text[title_start : title_start + 30]) or _ENDED_EN.search(before):
        return True
    held = re.search(r"([а-яё]+)\s+(?:пост[ыа]?|должност[ьи])\s*$", before)
    if held is not None and (_not_now(held.group(1)) or _left(held.group(1))):
        return True  # «Игорь Эдель занимал должность начальника управления», «покинул пост министра»
    if re.search(r"([а-яё]+)\s+от\s+(?:поста|должности)\s*$", before) and _relieved(before):
        return True  # «Он досрочно освобожден от должности зампреда правительства»
    cut = max((m.end() for m in _BREAK.finditer(before)), default=0)
    for word in reversed(re.findall(r"[\w-]+", before[cut:])[-4:]):
        if _marks_former(word):
            return True
        if word.lower() in _EARLIER:
            continue  # «Бывший ранее руководителем департамента …»
        if not _opens_title(word):
            return False
    return False


def _not_now(words: str) -> bool:
    """The first word is a verb or participle in the past of the imperfective aspect, a post held before
    («который восемь лет возглавлял это ведомство», «занимал должность»), in the future or the infinitive, a
    post not yet taken («возглавит», «предложение … возглавить департамент»); not one taken («возглавил»)."""
    first = re.match(r"[а-яё]+", words, re.I)
    found = parses(first.group(0)) if first else []
    if not found or found[0].tag.POS not in {"VERB", "PRTF", "INFN"}:
        return False
    grammemes = set(found[0].tag.grammemes)
    return {"past", "impf"} <= grammemes or "futr" in grammemes or found[0].tag.POS == "INFN"


def _marks_former(word: str) -> bool:
    low = word.lower()
    if has_cyrillic(word):
        return lemma(word) in _FORMER_RU or low.startswith("экс-")
    return low in _FORMER_EN or low.startswith("ex-")


def _opens_title(word: str) -> bool:
    """A word a title may open with before its head: an adjective («калужский») or a capitalised name
    ("Sverdlovsk")."""
    if not has_cyrillic(word):
        return word[:1].isupper()
    found = parses(word)
    return bool(found) and found[0].tag.POS == "ADJF"


# the verbs of leaving a post: «освобожден от должности», «покинул свой пост», «ушел в отставку», «сложил
# полномочия», «оставил пост»
_LEAVING = {"освободить", "освобождать", "покинуть", "оставить", "уйти", "сложить"}
_POST_NOUNS = {"пост", "должность", "отставка", "полномочие", "кресло"}
# the verb and its post noun (past a possessive or a preposition); a date and adverbs may stand before the
# verb: «Сергей Новиченко 25 марта официально покинул свой пост»
_LEFT_AFTER = [
    re.compile(rf"\s+(?:[\dа-яё]+\s+){{{n}}}([а-яё]+)\s+(?:(?:свой|своё|свою|свои|со?|в)\s+)?([а-яё]+)")
    for n in range(4)
]


def _left(verb: str) -> bool:
    """A verb of leaving in the past: «покинул», «оставил» (not «покидает»: a post still held today)."""
    found = parses(verb)
    return bool(found) and "past" in found[0].tag and lemma(verb) in _LEAVING


def _relieved(before: str) -> bool:
    """The words before «от должности» relieve someone of it: «освобожден», «освободить»."""
    found = re.search(r"([а-яё]+)\s+от\s+(?:поста|должности)\s*$", before)
    return found is not None and lemma(found.group(1)) in _LEAVING


def left_post(text: str, name_end: int) -> bool:
    """The name is the subject of a verb of leaving its post in the past, right after it: «Министр
    промышленности … Павел Рыжий покинул свой пост» — the titles before the name are no longer held."""
    for pattern in _LEFT_AFTER:
        found = pattern.match(text, name_end)
        if found is None or _BREAK.search(text, name_end, found.end()):
            continue
        verb, noun = found.group(1), found.group(2)
        verb_parses = parses(verb)
        past = bool(verb_parses) and "past" in verb_parses[0].tag
        if past and lemma(verb) in _LEAVING and lemma(noun) in _POST_NOUNS:
            return True
    return False
