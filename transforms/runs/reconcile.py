"""Run counts per stage, and the check that they add up: nothing disappears silently; and the sources
that gave no page at all, with what their seeds say."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import polars as pl

OUTCOMES = ("fetched", "not_modified", "skipped", "failed")
SEEDS_TOLD = 4  # seeds quoted per silent source; the rest are counted
READ_BUT_EMPTY = (
    "what its seeds list was filtered out (not articles, other sites) or listed first by another source"
)


def _kind(fetch_log: pl.DataFrame, kind: str) -> pl.DataFrame:
    """The rows of one kind (page or seed); a log without the column holds pages only."""
    if "kind" not in fetch_log.columns:
        return fetch_log if kind == "page" else fetch_log.clear()
    return fetch_log.filter(pl.col("kind") == kind)


def run_counts(
    fetch_log: pl.DataFrame, extracted: int, loaded: pl.DataFrame, held_back: int
) -> dict[str, int]:
    """Counts of the run's pages (the fetch_log rows of kind page; seeds are not pages)."""
    duplicates = int(loaded.get_column("duplicate_of").is_not_null().sum()) if loaded.height else 0
    return page_counts(fetch_log, extracted, loaded.height, duplicates, held_back)


def page_counts(
    fetch_log: pl.DataFrame, extracted: int, loaded: int, duplicates: int, held_back: int
) -> dict[str, int]:
    """run_counts from the counts of a run's batches, kept as they were loaded."""
    pages = _kind(fetch_log, "page")
    outcomes = dict(pages.group_by("outcome").len().iter_rows())
    return {
        "pages_discovered": pages.height,
        **{f"pages_{o}": int(outcomes.get(o, 0)) for o in OUTCOMES},
        "articles_extracted": extracted,
        "articles_loaded": loaded,
        "articles_held_back": held_back,
        "duplicates": duplicates,
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


def _seed_line(via: str, url: str, outcome: str, reason: str | None) -> str:
    return f"{via} {url}: {outcome}" + (f" ({reason})" if reason else "")


def source_report(fetch_log: pl.DataFrame, sources: Iterable[str]) -> dict[str, Any]:
    """`sources_without_pages`: each source with no page in the run's fetch_log, and why (its seeds'
    outcomes); `seeds_not_read`: how many seeds were not read (failed or skipped)."""
    pages, seeds = _kind(fetch_log, "page"), _kind(fetch_log, "seed")
    with_pages = set(pages.get_column("source_name")) if pages.height else set()
    silent: dict[str, str] = {}
    for name in sources:
        if name in with_pages:
            continue
        rows = seeds.filter(pl.col("source_name") == name).select("via", "url", "outcome", "reason").rows()
        told = [_seed_line(*row) for row in rows[:SEEDS_TOLD]]
        more = [f"{len(rows) - SEEDS_TOLD} more seeds"] if len(rows) > SEEDS_TOLD else []
        read = [READ_BUT_EMPTY] if any(outcome == "fetched" for _, _, outcome, _ in rows) else []
        silent[name] = "; ".join(told + more + read) if rows else "no seed was read"
    unread = seeds.filter(pl.col("outcome") != "fetched").height if seeds.height else 0
    return {"sources_without_pages": silent, "seeds_not_read": unread}
