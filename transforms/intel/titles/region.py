"""A region named by its adjective in a title: «калужский губернатор», «Тульский губернатор Алексей Дюмин»,
«оренбургского вице-губернатора». The adjective is read by pymorphy2's lemma and matched to the first word
of a region's Russian name or alias when that word is an adjective (Калужская область, Чувашская
Республика: калужский, чувашский); it stands among the words that open the title, right before its head."""

from __future__ import annotations

import re
from functools import cache

from transforms.intel.lexicon.gazetteer import regions
from transforms.intel.lexicon.nlp_ru import lemma, parses

_WORDS_BEFORE = re.compile(r"((?:[А-ЯЁа-яё-]+\s+){1,3})$")
_KINDS = {"область", "край", "республика", "округ"}  # Калужская область, not Горный Алтай
_OPENERS = {"первый", "новый", "врио", "бывший"}  # words that may stand between the adjective and the title


@cache
def _adjectives() -> dict[str, str]:
    """The lemma of each region's adjective → its ISO code (an adjective two regions share is left out)."""
    found: dict[str, set[str]] = {}
    for iso, row in regions().items():
        for name in [row.get("name_ru") or "", *(row.get("alt_ru") or "").split("|")]:
            words = name.split()
            if len(words) > 1 and lemma(words[-1]) in _KINDS and _is_adjective(words[0]):
                found.setdefault(lemma(words[0]), set()).add(iso)
    return {adjective: next(iter(isos)) for adjective, isos in found.items() if len(isos) == 1}


def _is_adjective(word: str) -> bool:
    found = parses(word)
    return bool(found) and found[0].tag.POS == "ADJF"


def region_by_adjective(text: str, title_start: int) -> str | None:
    """The ISO code of the region whose adjective opens the title starting at title_start, or None."""
    before = _WORDS_BEFORE.search(text[max(0, title_start - 60) : title_start])
    if before is None:
        return None
    for word in reversed(before.group(1).split()):
        if (iso := _adjectives().get(lemma(word))) is not None and _is_adjective(word):
            return iso
        if lemma(word) not in _OPENERS:
            return None
    return None


_WORD = re.compile(r"[А-ЯЁа-яё]+(?:ск|цк)[а-яё]+")


def regions_by_adjective(text: str) -> str | None:
    """The region most often named by its adjective anywhere in the text («калининградской Особой
    экономической зоны», «калининградской ОЭЗ»), for an article that names its region no other way."""
    counts: dict[str, int] = {}
    for word in _WORD.findall(text):
        if (iso := _adjectives().get(lemma(word))) is not None and _is_adjective(word):
            counts[iso] = counts.get(iso, 0) + 1
    return max(counts, key=lambda iso: counts[iso]) if counts else None


def adjective_regions(text: str, start: int, end: int) -> list[str]:
    """The ISO codes of the regions named by their adjectives between start and end, in order («главами
    Новосибирской и Амурской областей»: RU-NVS, RU-AMU)."""
    found = []
    for word in _WORD.findall(text[start:end]):
        if (iso := _adjectives().get(lemma(word))) is not None and _is_adjective(word):
            found.append(iso)
    return found
