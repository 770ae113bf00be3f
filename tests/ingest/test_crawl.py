"""fetch_log_frame and pages_frame: one log row per discovered URL, bodies only for fetched pages."""

from __future__ import annotations

from datetime import UTC, datetime

import polars as pl
import pytest

from ingest.crawl import FETCH_LOG_SCHEMA, fetch_log_frame, pages_frame
from ingest.discover import Discovered
from ingest.fetch import FetchResult

AT = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
BODY = b"<html>\xea</html>"


@pytest.fixture
def results() -> list[tuple[Discovered, FetchResult]]:
    ok = Discovered("https://example.com/a.html", "ex", "sitemap")
    gone = Discovered("https://example.com/b.html", "ex", "feed")
    pdf = Discovered("https://example.com/c.html", "other", "start_page")
    return [
        (
            ok,
            FetchResult(
                url=ok.url,
                outcome="fetched",
                final_url="https://example.com/a2.html",
                status=200,
                charset="windows-1251",
                body=BODY,
                attempts=2,
                duration_ms=12.5,
                fetched_at=AT,
            ),
        ),
        (gone, FetchResult(url=gone.url, outcome="failed", status=404, reason="HTTP 404", fetched_at=AT)),
        (
            pdf,
            FetchResult(
                url=pdf.url, outcome="skipped", status=200, reason="not HTML: application/pdf", fetched_at=AT
            ),
        ),
    ]


def test_fetch_log_has_one_row_per_pair(results: list[tuple[Discovered, FetchResult]]) -> None:
    log = fetch_log_frame(results)
    assert log.schema == pl.Schema(FETCH_LOG_SCHEMA)
    assert log.height == 3
    assert log.get_column("url").to_list() == [page.url for page, _ in results]
    assert log.get_column("source_name").to_list() == ["ex", "ex", "other"]
    assert log.get_column("outcome").to_list() == ["fetched", "failed", "skipped"]
    assert log.get_column("reason").to_list() == [None, "HTTP 404", "not HTML: application/pdf"]
    assert log.get_column("bytes").to_list() == [len(BODY), 0, 0]
    assert log.get_column("final_url").to_list() == ["https://example.com/a2.html", None, None]
    assert log.get_column("attempts").to_list() == [2, 1, 1]
    assert log.get_column("fetched_at").to_list() == [AT, AT, AT]


def test_pages_frame_only_fetched(results: list[tuple[Discovered, FetchResult]]) -> None:
    pages = pages_frame(results)
    assert pages.to_dicts() == [
        {
            "url": "https://example.com/a.html",
            "source_name": "ex",
            "body": BODY,
            "charset": "windows-1251",
        }
    ]
    assert pages.schema == pl.Schema(
        {"url": pl.String(), "source_name": pl.String(), "body": pl.Binary(), "charset": pl.String()}
    )


def test_empty_results_give_typed_empty_frames() -> None:
    assert fetch_log_frame([]).schema == pl.Schema(FETCH_LOG_SCHEMA)
    assert fetch_log_frame([]).height == 0
    assert pages_frame([]).height == 0
    assert pages_frame([]).columns == ["url", "source_name", "body", "charset"]
