"""Reference gazetteers (reference/*.csv) and a longest-match phrase matcher over normalised tokens.

Tokens are normalised the same way in the text and in the reference: Cyrillic words to their lemma
(pymorphy2), Latin words to lower case without a plural -s. So «Калужской области» meets
«Калужская область», and "Technoparks" meets "technopark".
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

import reference
from transforms.intel.lexicon.nlp_ru import is_function_word, lemma
from transforms.intel.lexicon.translit import fold_lookalikes, has_cyrillic, to_latin

TOKEN = re.compile(r"[^\W_]+(?:[-'’&.][^\W_]+)*|&")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    norm: str


@dataclass(frozen=True)
class Entry:
    kind: str  # region, country, organization, company, city, site_type, industry, subject
    ident: str  # iso code, org id, canonical name, site type, industry code, subject
    proper: bool = True  # a proper name: its first word must be capitalised
    exact: str | None = None  # an acronym matched case-sensitively
    data: dict = field(default_factory=dict, hash=False, compare=False)


def norm_word(word: str) -> str:
    if word == "&":
        return "and"
    word = fold_lookalikes(word)
    if has_cyrillic(word):
        return lemma(word)
    low = word.lower().replace("’", "'").removesuffix("'s")
    if len(low) > 4 and low.endswith("ies"):
        return low[:-3] + "y"
    if len(low) > 3 and low.endswith("s") and not low.endswith("ss"):
        low = low[:-1]
    return low


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end(), norm_word(m.group())) for m in TOKEN.finditer(text)]


def _phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(token.norm for token in tokenize(phrase))


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split("|") if part.strip()]


@cache
def read_rows(name: str) -> tuple[dict[str, str], ...]:
    with reference.path(name).open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return tuple(dict(row) for row in csv.DictReader(lines))


class Matcher:
    """Longest match of reference phrases over a token list."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, ...], list[Entry]] = {}
        self.lengths: dict[str, list[int]] = {}  # first word → phrase lengths, longest first
        self.max_len = 1

    def add(self, phrase: str, entry: Entry) -> None:
        key = _phrase_key(phrase)
        if not key or (len(key) == 1 and entry.proper and is_function_word(phrase)):
            return
        exact = phrase if phrase.isupper() and len(phrase) <= 5 else None
        if exact is not None:
            entry = Entry(entry.kind, entry.ident, entry.proper, exact, entry.data)
        bucket = self.entries.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)
        lengths = self.lengths.setdefault(key[0], [])
        if len(key) not in lengths:
            lengths.append(len(key))
            lengths.sort(reverse=True)
        self.max_len = max(self.max_len, len(key))

    def _accept(self, entry: Entry, tokens: list[Token], i: int, j: int) -> bool:
        surface = tokens[i].text
        if entry.exact is not None:
            if " ".join(t.text for t in tokens[i:j]).replace(".", "") != entry.exact.replace(".", ""):
                return False
            return entry.kind != "industry" or not _in_capitals(tokens, i, j)
        return not entry.proper or surface[:1].isupper() or surface[:1].isdigit()

    def find(self, tokens: list[Token], kinds: set[str] | None = None) -> Iterator[tuple[int, int, Entry]]:
        """(first token, end token, entry) for the longest matches, left to right, not overlapping."""
        i = 0
        while i < len(tokens):
            hit = self._longest(tokens, i, kinds)
            if hit is None:
                i += 1
                continue
            yield hit
            i = hit[1]

    def _longest(self, tokens: list[Token], i: int, kinds: set[str] | None) -> tuple | None:
        for length in self.lengths.get(tokens[i].norm, ()):
            if i + length > len(tokens):
                continue
            key = tuple(t.norm for t in tokens[i : i + length])
            for entry in self.entries.get(key, ()):
                if (kinds is None or entry.kind in kinds) and self._accept(entry, tokens, i, i + length):
                    return i, i + length, entry
        return None


def _in_capitals(tokens: list[Token], i: int, j: int) -> bool:
    """True when the Latin words right beside tokens i..j (a space apart) are in capitals too ("HOW IT
    WORKS"): a line in capitals, where an industry's abbreviation (IT) cannot be told from a word ("it")."""
    near = []
    if i > 0 and tokens[i].start - tokens[i - 1].end <= 1:
        near.append(tokens[i - 1])
    if j < len(tokens) and tokens[j].start - tokens[j - 1].end <= 1:
        near.append(tokens[j])
    return bool(near) and all(t.text.isupper() and t.text.isascii() and len(t.text) > 1 for t in near)


def _region_variants(row: dict[str, str]) -> tuple[list[str], list[str]]:
    en, ru = [row["name_en"], *_split(row["alt_en"])], [row["name_ru"], *_split(row["alt_ru"])]
    stem = re.sub(r"\s+(Oblast|Krai)$", "", row["name_en"])
    if stem != row["name_en"]:
        en += [f"{stem} Region", f"{stem} Oblast", f"{stem} Territory", f"{stem} Province"]
        adjective = row["name_ru"].split()[0]
        ru += [f"{adjective} регион"]
        # "Sverdlovskaya region", "Kaluzhskaya oblast": the Russian adjective transliterated
        en += [f"{to_latin(adjective)} {word}" for word in ("Region", "Oblast", "region", "oblast")]
    if row["region_type"] == "republic":
        en += [f"Republic of {alt}" for alt in _split(row["alt_en"])[:1]]
    return en, ru


@cache
def regions() -> dict[str, dict[str, str]]:
    """Every federal subject and every country, by ISO code."""
    table = {row["iso_code"]: {**row} for row in read_rows("regions.csv")}
    for row in read_rows("countries.csv"):
        table[row["iso_code"]] = {**row, "federal_district": "", "region_type": "country"}
    return table


@cache
def organizations() -> dict[str, dict[str, str]]:
    return {row["org_id"]: row for row in read_rows("organizations.csv")}


@cache
def companies() -> dict[str, dict[str, str]]:
    return {row["name_en"]: row for row in read_rows("companies.csv")}


@cache
def cities() -> dict[str, dict[str, str]]:
    return {row["name_en"]: row for row in read_rows("cities.csv")}


def _org_variants(row: dict[str, str]) -> list[str]:
    names = [row["name_en"], row["name_ru"], *_split(row["aliases_en"]), *_split(row["aliases_ru"])]
    if row["entity_type"] != "government_body":
        return names
    extra = []
    for name in names:
        if has_cyrillic(name):
            extra += [f"{name} России", f"{name} РФ", f"{name} Российской Федерации"]
        else:
            extra += [f"Russian {name}", f"{name} of Russia", f"{name} of the Russian Federation"]
    return names + extra


def _add_vocab(matcher: Matcher, name: str, kind: str, ident_col: str) -> None:
    for row in read_rows(name):
        entry = Entry(kind, row[ident_col], proper=False)
        for phrase in _split(row["words_en"]) + _split(row["words_ru"]) + [row.get("name_en", "")]:
            matcher.add(phrase, entry)


@cache
def matcher() -> Matcher:
    """One matcher over every reference phrase."""
    m = Matcher()
    for iso, row in regions().items():
        kind = "country" if row["region_type"] == "country" else "region"
        en, ru = (_region_variants(row) if kind == "region" else ([row["name_en"], *_split(row["alt_en"])],
                  [row["name_ru"], *_split(row["alt_ru"])]))  # fmt: skip
        for phrase in en + ru:
            # "ульяновского региона": the region's adjective with регион reads as the region in lower case too
            m.add(phrase, Entry(kind, iso, proper=not phrase.endswith(" регион")))
    for org_id, row in organizations().items():
        for phrase in _org_variants(row):
            m.add(phrase, Entry("organization", org_id))
    for name, row in companies().items():
        for phrase in [name, row["name_ru"], *_split(row["aliases_en"]), *_split(row["aliases_ru"])]:
            m.add(phrase, Entry("company", name))
    for name, row in cities().items():
        for phrase in [name, row["name_ru"], *_split(row["aliases_en"]), *_split(row["aliases_ru"])]:
            m.add(phrase, Entry("city", name))
    _add_vocab(m, "site_types.csv", "site_type", "site_type")
    _add_vocab(m, "industries.csv", "industry", "industry")
    _add_vocab(m, "subjects.csv", "subject", "subject")
    return m


@cache
def first_names() -> dict[str, tuple[str, str]]:
    """Given names, Latin and Cyrillic spellings, to (English form, Russian form)."""
    table: dict[str, tuple[str, str]] = {}
    for row in read_rows("first_names.csv"):
        pair = (row["name_en"], row["name_ru"])
        for spelling in [row["name_ru"], row["name_en"], *_split(row["variants_en"])]:
            table.setdefault(spelling.lower(), pair)
    return table


@cache
def site_labels() -> dict[str, dict[str, str]]:
    """Site type → its English label ('industrial park') and plural ('industrial parks')."""
    return {row["site_type"]: row for row in read_rows("site_types.csv")}


@cache
def subject_kinds() -> dict[str, str]:
    """Figure subject → the kind of figure it describes (money, area, count, percent)."""
    return {row["subject"]: row["kind"] for row in read_rows("subjects.csv")}


@cache
def industry_names() -> dict[str, str]:
    return {row["industry"]: row["name_en"] for row in read_rows("industries.csv")}
