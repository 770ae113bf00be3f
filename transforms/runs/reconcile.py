"""Run counts per stage, and the check that they add up: nothing disappears silently."""

from __future__ import annotations

import polars as pl

OUTCOMES = ("fetched", "not_modified", "skipped", "failed")


def run_counts(
    fetch_log: pl.DataFrame, extracted: int, loaded: pl.DataFrame, held_back: int
) -> dict[str, int]:
    outcomes = dict(fetch_log.group_by("outcome").len().iter_rows())
    return {
        "pages_discovered": fetch_log.height,
        **{f"pages_{o}": int(outcomes.get(o, 0)) for o in OUTCOMES},
        "articles_extracted": extracted,
        "articles_loaded": loaded.height,
        "articles_held_back": held_back,
        "duplicates": int(loaded.get_column("duplicate_of").is_not_null().sum()) if loaded.height else 0,
    }


def reconciliation_gaps(counts: dict[str, int]) -> list[str]:
    """Empty when discovered = fetched + not modified + skipped + failed and fetched = loaded + held back."""
    gaps = []
    pages = sum(counts[f"pages_{o}"] for o in OUTCOMES)
    if pages != counts["pages_discovered"]:
        gaps.append(f"pages discovered {counts['pages_discovered']} != sum of fetch outcomes {pages}")
    accounted = counts["articles_loaded"] + counts["articles_held_back"]
    if accounted != counts["pages_fetched"]:
        gaps.append(f"pages fetched {counts['pages_fetched']} != loaded + held back {accounted}")
    return gaps
