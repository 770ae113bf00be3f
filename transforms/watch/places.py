"""The names and codes a watchlist may give for a region of Russia or an investor's country, each
mapped (casefolded) to its ISO code, from the reference tables."""

from __future__ import annotations

from functools import cache

from transforms.intel.lexicon.gazetteer import read_rows


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split("|") if part.strip()]


def _names(row: dict[str, str]) -> list[str]:
    return [row["iso_code"], row["name_en"], row["name_ru"], *_split(row["alt_en"]), *_split(row["alt_ru"])]


@cache
def region_lookup() -> dict[str, str]:
    """Every federal subject by its ISO 3166-2:RU code and its English and Russian names."""
    return {
        name.casefold(): row["iso_code"] for row in read_rows("regions.csv") for name in _names(row) if name
    }


@cache
def country_lookup() -> dict[str, str]:
    """Every country by its ISO 3166-1 alpha-2 code and its English and Russian names (Russia included)."""
    table = {
        name.casefold(): row["iso_code"] for row in read_rows("countries.csv") for name in _names(row) if name
    }
    table.update({"ru": "RU", "russia": "RU", "россия": "RU"})
    return table
