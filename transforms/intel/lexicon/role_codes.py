"""A person's title as written ("Deputy Governor", "заместителя председателя правительства", "CEO") → one
role code across languages (deputy_governor, deputy_prime_minister, general_director), from
reference/role_codes.csv."""

from __future__ import annotations

import re
from functools import cache

from transforms.intel.lexicon.gazetteer import read_rows
from transforms.intel.lexicon.nlp_ru import lemma
from transforms.intel.lexicon.translit import has_cyrillic

_WORD = re.compile(r"[^\W\d_]+")
_DEPUTY = {"deputy", "deputies", "vice", "заместитель", "зам", "вице"}
_PREFIXES = ("зам", "вице", "vice")  # замминистра, замгубернатора, вице-губернатор, vice-governor
_REGION_HEAD = {"head", "head_of_region"}


def _norm(word: str) -> str:
    low = word.lower()
    if low in _DEPUTY:
        return low
    return lemma(word) if has_cyrillic(word) else _singular(low)


def _singular(word: str) -> str:
    """Governors → governor, Deputies → deputy: an English title word in the singular."""
    for ending, replacement in (("ies", "y"), ("s", "")):
        stem = word[: -len(ending)] + replacement if word.endswith(ending) else None
        if stem and (stem in _english_words() or stem in _DEPUTY):
            return stem
    return word


@cache
def _english_words() -> frozenset[str]:
    rows = read_rows("role_codes.csv")
    return frozenset(w for row in rows for w in _WORD.findall(row["words_en"].lower()))


def _words(title: str) -> list[str]:
    return [_norm(w) for w in _WORD.findall(title.replace("-", " - "))]


@cache
def _phrases() -> list[tuple[tuple[str, ...], str]]:
    """(normalised phrase, role code), longest phrase first."""
    found = []
    for row in read_rows("role_codes.csv"):
        for phrase in (row["words_en"] + "|" + row["words_ru"]).split("|"):
            if phrase.strip():
                found.append((tuple(w for w in _words(phrase) if w != "-"), row["role_code"]))
    return sorted(found, key=lambda item: -len(item[0]))


def _split_prefix(words: list[str]) -> list[str]:
    """замминистра → зам министр; vice-governor was split on its hyphen already."""
    out = []
    for word in words:
        prefix = next((p for p in _PREFIXES if word.startswith(p) and len(word) > len(p) + 3), None)
        out += [prefix, _norm(word[len(prefix) :])] if prefix and word not in _DEPUTY else [word]
    return [w for w in out if w != "-"]


def _head(words: list[str]) -> tuple[str, int] | None:
    """The first title phrase in words: (its code, its position)."""
    for i in range(len(words)):
        for phrase, code in _phrases():
            if tuple(words[i : i + len(phrase)]) == phrase:
                return code, i
    return None


def role_code(title: str | None, of_region: bool = False) -> str | None:
    """The role code of a title as written, or None when no known title is in it. of_region: the body the
    person heads is a region ("Head of Mordovia": head_of_region)."""
    if not title:
        return None
    words = _split_prefix(_words(title))
    found = _head(words)
    if found is None:
        return None
    code, at = found
    if code in _REGION_HEAD and of_region:
        code = "head_of_region"
    deputy = any(w in _DEPUTY for w in words[:at])
    return f"deputy_{code}" if deputy else code
