"""A title named before the person, in a sentence of its own: «Врио губернатора рассказал, что … — Наша
задача … , — подчеркнул Александр Хинштейн», "the St. Petersburg governor said Monday evening. Valentina
Matviyenko said …". The title stands as a subject — a Russian one in the nominative singular (pymorphy2),
not after a preposition; an English one after "the", not after a preposition — and belongs to the first
name in the two sentences that follow (a title in the name's own sentence is read by
transforms/intel/roles.py) when no other name comes between, that name has no title of its own and is not
named earlier in the text (a title after a name's first mention is another person's: «… губернатор Роман
Бусаргин. Руководитель региона представил … Дмитрий Чернышенко также …»). No other title, even one marked
former, may stand between the two (it is the name's own: «экс-руководителя … Ольги Торбич»). The name is
the subject too: in the nominative in Russian, in English next to a verb of saying or at its sentence's
start."""

from __future__ import annotations

import re

from transforms.intel.lexicon.nlp_ru import case_of, lemma, parses, reads_as
from transforms.intel.lexicon.translit import has_cyrillic
from transforms.intel.mentions import Mention, sentence_of

SENTENCES = 3  # the title's sentence and the two after it
_THE = re.compile(r"(?i)(?:^|[^\w])the\s+(?:[\w.-]+\s+){0,3}$")
_PREPOSITION_EN = re.compile(
    r"(?i)\b(?:to|of|with|by|for|at|from|on|about|between|and)\s+the\s+(?:[\w.-]+\s+){0,3}$"
)
_COPULAS = {"быть", "являться", "стать", "работать", "оставаться"}
_SAYING = r"said|says|noted|added|told|stated|stressed|explained|commented|announced|emphasized"
_SAYS_AFTER = re.compile(rf"\s*(?:,\s*)?(?:{_SAYING})\b")
_SAYS_BEFORE = re.compile(rf"\b(?:{_SAYING})\s*$")


def named_before(
    text: str, titles: list[re.Match], people: list[Mention], untitled: list[Mention], every_title: list[int]
) -> dict[int, re.Match]:
    """The title each untitled person is given by a free title (`titles`) named before them, by the id of
    the person; `every_title` holds where every title of the text starts, held or former ones included."""
    subjects = [t for t in titles if is_subject(text, t)]
    found: dict[int, re.Match] = {}
    for person in untitled:
        if not is_subject_name(text, person) or any(
            p.key == person.key for p in people if p.start < person.start
        ):
            continue
        window_start, own_start = _sentences_before(text, person.start), sentence_of(text, person.start)[0]
        earlier = [t for t in subjects if window_start <= t.start() and t.end() <= own_start]
        if not earlier:
            continue
        title = earlier[-1]
        between = [p.start for p in people if p is not person] + every_title
        quoted = _quoted(text, title.end(), person.start)
        if not any(title.end() <= at < person.start and not quoted(at) for at in between):
            found[id(person)] = title
    return found


_QUOTE = re.compile(r"«[^«»]*»")


def _quoted(text: str, start: int, end: int):
    """Whether a position between start and end stands inside a quotation there: the words of the person
    the quote is given to («"…Иван Иноземцев призван усилить нашу команду…", - пожелал Георгий Филимонов»),
    no name or title between the title and that person."""
    spans = [(m.start(), m.end()) for m in _QUOTE.finditer(text, start, end)]
    return lambda at: any(a < at < b for a, b in spans)


def _sentences_before(text: str, at: int) -> int:
    """Where the sentence SENTENCES - 1 before the one at `at` starts."""
    start = sentence_of(text, at)[0]
    for _ in range(SENTENCES - 1):
        if start == 0:
            break
        start = sentence_of(text, start - 1)[0]
    return start


def is_subject(text: str, title: re.Match) -> bool:
    """The title stands as its sentence's subject: a Russian one in the nominative singular, not after a
    preposition; an English one after "the", not after a preposition."""
    words = title.group(1).split()
    before = text[max(0, title.start() - 60) : title.start()]
    if not has_cyrillic(words[0]):
        return _THE.search(before) is not None and _PREPOSITION_EN.search(before) is None
    previous = re.search(r"(\w+)\W*$", before)
    if previous is not None and any(p.tag.POS == "PREP" for p in parses(previous.group(1))[:1]):
        return False  # «по словам губернатора», «с губернатором»
    if previous is not None and lemma(previous.group(1)) in _COPULAS:
        return False  # «который до этого был замминистра»: the predicate, not the subject
    if not case_of(words[0]):
        return True  # a word pymorphy2 does not decline
    return reads_as(words[0], "nomn", "sing")  # not «нового гендиректора» (its plural reading)


def is_subject_name(text: str, person: Mention) -> bool:
    """The name stands as a subject: in Russian in the nominative, in English next to a verb of saying or
    at its sentence's (or line's) start."""
    if has_cyrillic(person.surface):
        cases = case_of(person.surface.split()[0])
        return not cases or "nomn" in cases
    before = max(0, person.start - 30)
    if _SAYS_AFTER.match(text, person.end) or _SAYS_BEFORE.search(text, before, person.start):
        return True
    start = max(sentence_of(text, person.start)[0], text.rfind("\n", 0, person.start) + 1)
    return not text[start : person.start].strip()  # the first words of its sentence or line
