"""ration(): at most the cap per source; pages never tried first, then those tried longest ago."""

from __future__ import annotations

from datetime import UTC, datetime

import polars as pl

from ingest.cap import over_cap_reason, ration
from ingest.discover import Discovered


def pages(source: str, *names: str) -> list[Discovered]:
    return [Discovered(f"https://{source}.test/{n}.html", source, "sitemap") for n in names]


def history(*items: tuple[str, int]) -> pl.DataFrame:
    """(url, day of May 2024) rows, as page_state or last_tried give them."""
    rows = [{"url": url, "fetched_at": datetime(2024, 5, day, tzinfo=UTC)} for url, day in items]
    return pl.DataFrame(rows, schema={"url": pl.String, "fetched_at": pl.Datetime("us", "UTC")})


def test_without_history_the_first_pages_of_each_source_are_taken() -> None:
    found = pages("a", "1", "2", "3") + pages("b", "1", "2")
    now, later = ration(found, 2, history())
    assert now == [found[0], found[1], found[3], found[4]]
    assert later == [found[2]]


def test_pages_never_tried_go_first_then_the_longest_ago() -> None:
    found = pages("a", "1", "2", "3", "4", "5")
    tried = history((found[1].url, 4), (found[0].url, 3), (found[1].url, 1), (found[2].url, 2))
    now, later = ration(found, 3, tried)
    assert now == [found[2], found[3], found[4]]  # two never tried, then the one tried longest ago
    assert later == [found[0], found[1]]
    now, later = ration(found, 4, tried)
    assert later == [found[1]]  # its latest try (4 May) counts, not an earlier one (1 May)


def test_the_reason_names_the_setting() -> None:
    assert "fetch.max_pages_per_source (500)" in over_cap_reason(500)
