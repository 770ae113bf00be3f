"""What completes a title after its head word: the lower-case words that belong to it («председателя
регионального правительства», «глава кабинета министров»: read with them, the title's code is the head of
government's) and whether the body it heads is a ministry («глава Минэка», «заместитель главы
Минпромторга», "Head of the Ministry of Economy": the minister, the deputy minister)."""

from __future__ import annotations

import re

from transforms.intel.lexicon.nlp_ru import lemma, reads_as

# at most three lower-case Russian words right after the title, before a name, a capital or a stop
_COMPLEMENT = re.compile(r"(?:\s+[а-яё]+){1,3}")
_WORD = re.compile(r"[\w-]+")
# "Head of the Ministry of …", "head of the Economic Development Ministry"
_MINISTRY_EN = re.compile(r"\s+of\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){0,4}Ministry\b")
# «Минэка», «Минпромторга», «Минэкономразвития»: a ministry's short name (not a surname: Минниханов)
_MINISTRY_SHORT = re.compile(r"Мин[а-яё]{2,}")


def complement(text: str, title_end: int) -> str:
    """The lower-case Russian words that follow the title directly ("" when a capital, a name or a stop
    follows)."""
    found = _COMPLEMENT.match(text, title_end)
    return found.group(0) if found else ""


def earlier_complement(text: str, title_start: int, title: str) -> str:
    """The complement a bare Russian title word takes from its last use before it with one: «зампреда
    регионального правительства … двумя другими зампредами – …» (the deputy chairmen of the government);
    "" when the text gives none."""
    words = _WORD.findall(title)
    if not words or not reads_as(words[-1], "NOUN"):
        return ""
    head = lemma(words[-1])
    for word in reversed(list(_RU_WORD.finditer(text, 0, title_start))):
        if lemma(word.group(0)) == head and (found := complement(text, word.end())):
            return found
    return ""


_RU_WORD = re.compile(r"[а-яё]+", re.I)


def heads_ministry(text: str, title_end: int) -> bool:
    """True when the body right after the title (past at most two adjectives: «регионального Минэка») is a
    ministry."""
    if _MINISTRY_EN.match(text, title_end):
        return True
    for word in _WORD.findall(text[title_end : title_end + 80])[:3]:
        if lemma(word) == "министерство" or (_MINISTRY_SHORT.fullmatch(word) and not reads_as(word, "Surn")):
            return True
        if word.startswith("мин") and reads_as(word, "Orgn"):  # «глава минздрава», «главу минстроя»
            return True
        if not reads_as(word, "ADJF"):
            return False
    return False
