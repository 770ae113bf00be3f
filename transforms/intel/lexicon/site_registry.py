"""The site registry (reference/sites.csv): SEZs, technoparks, industrial parks and clusters, with aliases.

Names are compared as lemma sequences (the gazetteer's token normalisation), so «Технополиса „Москва“»,
"Технополис Москва" and ОЭЗ «Титановой долины» meet their entries in any case form. A name only counts for an
entry of its own site type, except where the entry's name is standalone (distinctive enough to name the site
alone) and found in the text by itself. A park, technopark or cluster is found in its own region only: two
entries of one type may share a name in two regions, and the region the text gives the site decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from transforms.intel.lexicon.gazetteer import Entry, Matcher, Token, matcher, read_rows, tokenize
from transforms.intel.lexicon.translit import has_cyrillic

SITE_TYPES = ("cluster", "technopark", "industrial_park", "sez")
ZONE_TYPES = ("industrial_production", "technology_innovation", "tourist_recreational", "port")
STATUSES = ("active", "closed")


class RegistryError(ValueError):
    """A row of reference/sites.csv that breaks the file's rules."""


@dataclass(frozen=True)
class Registered:
    registry_id: str
    site_type: str
    zone_type: str | None
    name_en: str
    name_ru: str
    region_iso: str
    year: int | None
    status: str | None


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split("|") if part.strip()]


def parse_row(row: dict[str, str]) -> Registered:
    """One row of sites.csv as an entry; RegistryError naming the row and the column that breaks a rule."""
    ident = row["registry_id"]
    if row["site_type"] not in SITE_TYPES:
        raise RegistryError(f"sites.csv {ident}: site_type {row['site_type']!r} is not one of {SITE_TYPES}")
    if row["zone_type"] and (row["site_type"] != "sez" or row["zone_type"] not in ZONE_TYPES):
        raise RegistryError(f"sites.csv {ident}: zone_type {row['zone_type']!r}: SEZs only, {ZONE_TYPES}")
    if row["status"] and row["status"] not in STATUSES:
        raise RegistryError(f"sites.csv {ident}: status {row['status']!r} is not one of {STATUSES}")
    year = row["year"].strip()
    if year and not (year.isdigit() and 1990 <= int(year) <= 2100):
        raise RegistryError(f"sites.csv {ident}: year {year!r} is not a year between 1990 and 2100")
    if row["standalone"] not in ("yes", "no"):
        raise RegistryError(f"sites.csv {ident}: standalone must be yes or no, not {row['standalone']!r}")
    if any(not url.startswith(("http://", "https://")) for url in _split(row.get("source"))):
        raise RegistryError(
            f"sites.csv {ident}: source must be web addresses separated by |, not {row['source']!r}"
        )
    return Registered(ident, row["site_type"], row["zone_type"] or None, row["name_en"], row["name_ru"],
                      row["region_iso"], int(year) if year else None, row["status"] or None)  # fmt: skip


def _names(row: dict[str, str]) -> list[str]:
    return [row["name_en"], row["name_ru"], *_split(row["aliases_en"]), *_split(row["aliases_ru"])]


@cache
def registry() -> dict[str, Registered]:
    """Every registered site, by registry id."""
    table: dict[str, Registered] = {}
    for row in read_rows("sites.csv"):
        entry = parse_row(row)
        if entry.registry_id in table:
            raise RegistryError(f"sites.csv: registry_id {entry.registry_id} is listed twice")
        table[entry.registry_id] = entry
    return table


_LATIN_HYPHEN = re.compile(r"(?<=[A-Za-z])-(?=[A-Za-z])")


def _name_key(name: str) -> tuple[str, ...]:
    """A name as compared: its lemmas, a hyphen between Latin words read as a space (Kazan IT-Park is Kazan IT
    Park)."""
    return tuple(token.norm for token in tokenize(_LATIN_HYPHEN.sub(" ", name)))


@cache
def _by_name() -> dict[tuple[str, ...], tuple[str, ...]]:
    index: dict[tuple[str, ...], list[str]] = {}
    for row in read_rows("sites.csv"):
        for name in _names(row):
            ids = index.setdefault(_name_key(name), [])
            if row["registry_id"] not in ids:
                ids.append(row["registry_id"])
    return {key: tuple(ids) for key, ids in index.items() if key}


def _own_abbreviation(name: str) -> bool:
    """ "СКИП Мастер", "КИП «Мастер»": a name led by the site's own upper-case abbreviation (three letters or
    more) is distinctive whatever the words after it."""
    words = name.split()
    return len(words) > 1 and len(words[0]) >= 3 and words[0].isalpha() and words[0].isupper()


@cache
def standalone_matcher() -> Matcher:
    """A matcher over the names that name their site without a site word: every name of a standalone entry,
    and any entry's names led by its own abbreviation."""
    names = Matcher()
    for row in read_rows("sites.csv"):
        for name in _names(row):
            if row["standalone"] == "yes" or _own_abbreviation(name):
                names.add(name, Entry("registered_site", row["registry_id"]))
    return names


# a federal city and the oblast around it: a park "near Moscow" may be listed under either
_SAME_PLACE = {"RU-MOW": "RU-MOS", "RU-MOS": "RU-MOW", "RU-SPE": "RU-LEN", "RU-LEN": "RU-SPE"}


def lookup(name: str, site_type: str, iso: str | None = None) -> Registered | None:
    """The registered site of this type with this name or alias (in any case form), if any. Given the region
    the text puts the site in (iso), a park, technopark or cluster must be listed there: «Мастер» in Stavropol
    and in Naberezhnye Chelny are two parks, and a «Титан» the text places in a third region is a third, not
    the listed one. A zone's name is its own by decree, so an SEZ matches wherever the text places it."""
    entries = [registry()[ident] for ident in _by_name().get(_name_key(name), ())]
    entries = [entry for entry in entries if entry.site_type == site_type]
    if iso is None or site_type == "sez":
        return entries[0] if entries else None
    return next((e for e in entries if iso in (e.region_iso, _SAME_PLACE.get(e.region_iso))), None)


def lookup_near(name: str, site_type: str, iso: str | None = None) -> Registered | None:
    """The registered site a misspelt name names: «Богородкий» is «Богородский», one letter left out, added,
    or changed in a name of seven letters or more, when exactly one entry of the type is that near."""
    key = " ".join(_name_key(name))
    if len(key) < 7:
        return None
    near = {
        ident
        for other, ids in _by_name().items()
        if _one_edit(key, " ".join(other))
        for ident in ids
        if registry()[ident].site_type == site_type
        and (iso is None or site_type == "sez" or iso in (registry()[ident].region_iso, _SAME_PLACE.get(iso)))
    }
    return registry()[near.pop()] if len(near) == 1 else None


def lookup_spelling(name: str, site_type: str, iso: str | None = None) -> Registered | None:
    """The registered site a Latin name spelt another way names: Tyulyachy is Tyulyachi (y and i transliterate
    one Russian letter at a word's end, и or ы), when exactly one entry of the type is so spelt."""
    if has_cyrillic(name) or len(name) < 5:
        return None
    key = _spelling_key(_name_key(name))
    found = {
        ident
        for other, ids in _by_name().items()
        if other != _name_key(name) and _spelling_key(other) == key
        for ident in ids
        if registry()[ident].site_type == site_type
        and (iso is None or site_type == "sez" or iso in (registry()[ident].region_iso, _SAME_PLACE.get(iso)))
    }
    return registry()[found.pop()] if len(found) == 1 else None


def _spelling_key(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(word[:-1] + "i" if word.endswith("y") and len(word) > 3 else word for word in words)


def _one_edit(a: str, b: str) -> bool:
    """True when b is a with one letter left out, added or changed (not when they are equal)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]


def _place_tail(tokens: list[Token]) -> int:
    """How many of a name's last tokens name a place (Технополис Москва → 1; Москва → 1), 0 when none do."""
    for i, j, _ in matcher().find(tokens, {"region", "city", "country"}):
        if j == len(tokens):
            return j - i
    return 0


@cache
def _by_short_name() -> dict[tuple[str, str], tuple[str, ...]]:
    """(site type, a name's words before its trailing place) → the entries so named: «Технополис» of
    «Технополис Москва»."""
    index: dict[tuple[str, str], set[str]] = {}
    for row in read_rows("sites.csv"):
        for name in _names(row):
            tokens = tokenize(name)
            tail = _place_tail(tokens)
            if 0 < tail < len(tokens) and _distinctive(tokens[: len(tokens) - tail], row["site_type"]):
                short = " ".join(token.norm for token in tokens[: len(tokens) - tail])
                index.setdefault((row["site_type"], short), set()).add(row["registry_id"])
    return {key: tuple(sorted(ids)) for key, ids in index.items()}


def _distinctive(tokens: list[Token], site_type: str) -> bool:
    """A short form names a site of its own: not a site word of its type («Технопарк» of «Технопарк
    Мордовии»), nor words ending in a preposition ("Industrial and Logistic Park of" Novosibirsk Oblast)."""
    if tokens[-1].norm in ("of", "in", "the"):
        return False
    words = matcher().find(tokens, {"site_type"})
    return not any(i == 0 and j == len(tokens) and entry.ident == site_type for i, j, entry in words)


def lookup_short(name: str, site_type: str) -> Registered | None:
    """The registered site a short form names: ОЭЗ «Технополис» is «Технополис Москва», the one entry of the
    type whose name is these words and a place after them; none when two entries share the short form or the
    short form is itself a place."""
    tokens = tokenize(name)
    if not tokens or _place_tail(tokens) or len(name) < 4:
        return None
    ids = _by_short_name().get((site_type, " ".join(token.norm for token in tokens)), ())
    return registry()[ids[0]] if len(ids) == 1 else None


def only_zone_in(iso: str) -> Registered | None:
    """The region's special economic zone when the registry lists exactly one there ("the Moscow SEZ" is
    Technopolis Moscow; the Moscow Oblast has six, so "the Moscow Oblast SEZ" is none of them)."""
    zones = [entry for entry in registry().values() if entry.site_type == "sez" and entry.region_iso == iso]
    return zones[0] if len(zones) == 1 else None


def standalone_hits(tokens: list[Token]) -> list[tuple[int, int, Registered]]:
    """(first token, end token, entry) of the standalone registered names in a token list."""
    return [(i, j, registry()[entry.ident]) for i, j, entry in standalone_matcher().find(tokens)]
