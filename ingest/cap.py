"""The per-source cap (`fetch.max_pages_per_source`): which discovered pages this run fetches and which
wait for a later run. Pages never tried go first, in discovery order, then those tried longest ago, so
a source larger than the cap is covered over successive runs instead of its first pages forever (and a
page that always fails or is always skipped, never reaching page_state, does not keep its turn)."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

import polars as pl

from ingest.discover import Discovered


def over_cap_reason(cap: int) -> str:
    return (
        f"over fetch.max_pages_per_source ({cap}) for this source: left for a later run "
        "(pages never tried go first)"
    )


def ration(
    pages: list[Discovered], cap: int, tried: pl.DataFrame
) -> tuple[list[Discovered], list[Discovered]]:
    """(pages to fetch now, pages over the cap), each in discovery order; at most `cap` per source.
    `tried` (url, fetched_at: warehouse.page_state.last_tried, or page_state) says which pages were
    tried before, and when; a URL listed twice counts at its latest."""
    last: dict[str, datetime | None] = {}
    for url, when in tried.select("url", "fetched_at").sort("fetched_at", nulls_last=False).iter_rows():
        last[url] = when
    by_source: dict[str, list[int]] = defaultdict(list)
    for index, page in enumerate(pages):
        by_source[page.source].append(index)
    now: set[int] = set()
    for indexes in by_source.values():
        now.update(sorted(indexes, key=lambda i: _priority(pages[i].url, i, last))[:cap])
    return (
        [p for i, p in enumerate(pages) if i in now],
        [p for i, p in enumerate(pages) if i not in now],
    )


def _priority(url: str, index: int, last: dict[str, datetime | None]) -> tuple[int, float, int]:
    if url not in last:
        return (0, 0.0, index)
    when = last[url]
    return (1, when.timestamp() if when is not None else 0.0, index)
