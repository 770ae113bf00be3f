"""Fetch results to fetch_log rows, pages for extraction and page_state rows; the content-hash check."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest

from ingest import raw_store
from ingest.discover import Discovered
from ingest.fetch import FetchResult, Validators
from ingest.records import (
    FETCH_LOG_SCHEMA,
    PAGE_REFS_SCHEMA,
    PAGE_STATE_SCHEMA,
    PAGES_SCHEMA,
    UNCHANGED,
    Settled,
    fetch_log_frame,
    has_state,
    pages_frame,
    previous_states,
    settle,
    state_row,
    validators_for,
)
from ingest.stored import read_pages

AT = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
BODY = b"<html>\xea</html>"
OK = Discovered("https://example.com/a.html", "ex", "sitemap")


def state_rows(settled: list[Settled], states: dict[str, dict[str, object]]) -> list[dict[str, object]]:
    """The page_state rows the crawl writes for these pages (records.state_row for those has_state keeps)."""
    return [state_row(s, states.get(s.page.url)) for s in settled if has_state(s)]


def fetched(body: bytes = BODY, **changes: object) -> FetchResult:
    values: dict[str, object] = {
        "url": OK.url,
        "outcome": "fetched",
        "final_url": "https://example.com/a2.html",
        "status": 200,
        "charset": "windows-1251",
        "body": body,
        "etag": '"v2"',
        "fetched_at": AT,
    }
    return FetchResult(**{**values, **changes})  # type: ignore[arg-type]


def state(body: bytes = BODY, **changes: object) -> dict[str, object]:
    sha = raw_store.content_hash(body)
    values = {"url": OK.url, "etag": '"v1"', "last_modified": "Tue, 30 Apr 2024 10:00:00 GMT"}
    return {**values, "content_hash": sha, "raw_path": raw_store.relative_path(sha).as_posix(), **changes}


@pytest.fixture
def settled(tmp_path: Path) -> list[Settled]:
    gone = Discovered("https://example.com/b.html", "ex", "feed")
    pdf = Discovered("https://example.com/c.html", "other", "start_page")
    attempts = ({"status": 500, "outcome": "failed", "reason": "HTTP 500", "ms": 1.0},)
    lost = FetchResult(url=gone.url, outcome="failed", status=404, reason="HTTP 404", fetched_at=AT)
    other = FetchResult(url=pdf.url, outcome="skipped", status=200, reason="not HTML: application/pdf")
    return [
        settle(OK, fetched(attempts=2, duration_ms=12.5, attempt_log=attempts), None, tmp_path),
        settle(gone, lost, None, tmp_path),
        settle(pdf, other, None, tmp_path),
    ]


def test_fetch_log_has_one_row_per_page(settled: list[Settled]) -> None:
    log = fetch_log_frame(settled)
    assert log.schema == pl.Schema(FETCH_LOG_SCHEMA)
    assert log.get_column("url").to_list() == [s.page.url for s in settled]
    assert log.get_column("source_name").to_list() == ["ex", "ex", "other"]
    assert log.get_column("via").to_list() == ["sitemap", "feed", "start_page"]
    assert log.get_column("outcome").to_list() == ["fetched", "failed", "skipped"]
    assert log.get_column("reason").to_list() == [None, "HTTP 404", "not HTML: application/pdf"]
    assert log.get_column("bytes").to_list() == [len(BODY), 0, 0]
    assert log.get_column("final_url").to_list() == ["https://example.com/a2.html", None, None]
    assert log.get_column("attempts").to_list() == [2, 1, 1]
    assert log.get_column("content_hash").to_list() == [raw_store.content_hash(BODY), None, None]
    assert json.loads(log.get_column("attempt_log")[0]) == [
        {"status": 500, "outcome": "failed", "reason": "HTTP 500", "ms": 1.0}
    ]


def test_pages_frame_carries_the_sitemap_and_http_dates(tmp_path: Path) -> None:
    listed = Discovered(OK.url, "ex", "sitemap", lastmod="2012-01-16")
    result = fetched(last_modified="Tue, 17 Jan 2012 10:00:00 GMT")
    pages = pages_frame([settle(listed, result, None, tmp_path)])
    assert pages.select("lastmod", "last_modified").row(0) == ("2012-01-16", "Tue, 17 Jan 2012 10:00:00 GMT")


def test_fetched_body_is_in_the_raw_store(settled: list[Settled], tmp_path: Path) -> None:
    first = settled[0]
    assert first.raw_path == raw_store.relative_path(raw_store.content_hash(BODY)).as_posix()
    assert raw_store.get(tmp_path, first.content_hash or "") == BODY


def test_pages_frame_only_fetched_bodies_by_reference(settled: list[Settled]) -> None:
    pages = pages_frame(settled)
    assert pages.schema == pl.Schema(PAGE_REFS_SCHEMA)  # no body: it is in the raw store
    assert pages.select("url", "source_name", "content_hash", "charset", "final_url").to_dicts() == [
        {
            "url": "https://example.com/a.html",
            "source_name": "ex",
            "content_hash": raw_store.content_hash(BODY),
            "charset": "windows-1251",
            "final_url": "https://example.com/a2.html",
        }
    ]
    assert settled[0].result.body == b"" and settled[0].result.size == len(BODY)  # released, size kept


def test_read_pages_brings_the_bodies_back(settled: list[Settled], tmp_path: Path) -> None:
    pages, unreadable = read_pages(tmp_path, pages_frame(settled))
    assert pages.schema == pl.Schema(PAGES_SCHEMA)
    assert pages["body"].to_list() == [BODY] and unreadable == []
    missing = pages_frame(settled).with_columns(content_hash=pl.lit("0" * 64))
    pages, unreadable = read_pages(tmp_path, missing)
    assert pages.height == 0 and unreadable[0][0] == "https://example.com/a.html"
    assert unreadable[0][1].startswith("raw copy unreadable")


def test_empty_results_give_typed_empty_frames() -> None:
    assert fetch_log_frame([]).schema == pl.Schema(FETCH_LOG_SCHEMA)
    assert pages_frame([]).schema == pl.Schema(PAGE_REFS_SCHEMA)
    assert fetch_log_frame([]).height == pages_frame([]).height == 0


def test_same_body_as_last_run_is_not_modified_and_not_extracted(tmp_path: Path) -> None:
    before = state()
    item = settle(OK, fetched(), before, tmp_path)
    assert (item.result.outcome, item.result.reason) == ("not_modified", UNCHANGED)
    assert pages_frame([item]).height == 0
    row = state_rows([item], {OK.url: before})[0]
    assert (row["etag"], row["last_modified"], row["status"]) == ('"v2"', None, 200)  # what the 200 said
    assert row["content_hash"] == before["content_hash"]


def test_changed_body_is_fetched(tmp_path: Path) -> None:
    item = settle(OK, fetched(b"<html>new</html>"), state(), tmp_path)
    assert item.result.outcome == "fetched"
    assert pages_frame([item]).height == 1
    assert [r["content_hash"] for r in state_rows([item], {})] == [
        raw_store.content_hash(b"<html>new</html>")
    ]


def test_304_keeps_the_earlier_hash_and_validators(tmp_path: Path) -> None:
    before = state()
    answer = FetchResult(url=OK.url, outcome="not_modified", status=304, reason="HTTP 304", fetched_at=AT)
    item = settle(OK, answer, before, tmp_path)
    assert (item.content_hash, item.raw_path) == (before["content_hash"], before["raw_path"])
    row = state_rows([item], {OK.url: before})[0]
    assert (row["etag"], row["last_modified"], row["status"]) == ('"v1"', before["last_modified"], 304)
    assert fetch_log_frame([item]).get_column("bytes").to_list() == [0]


def test_failures_leave_page_state_alone(settled: list[Settled]) -> None:
    assert [r["url"] for r in state_rows(settled, {})] == [OK.url]


def test_raw_store_failure_is_a_failed_page(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    item = settle(OK, fetched(), None, blocker)
    assert item.result.outcome == "failed"
    assert (item.result.reason or "").startswith("raw store: ")
    assert item.result.body == b"" and item.result.size == len(BODY)


def test_validators_only_while_the_raw_copy_exists(tmp_path: Path) -> None:
    before = state()
    assert validators_for(before, tmp_path) == Validators()  # body not stored yet: fetch it whole
    raw_store.put(tmp_path, BODY)
    assert validators_for(before, tmp_path) == Validators('"v1"', "Tue, 30 Apr 2024 10:00:00 GMT")
    assert validators_for(None, tmp_path) == Validators()


def test_previous_states_by_url() -> None:
    frame = pl.DataFrame([{**state(), "status": 200, "fetched_at": AT}], schema=PAGE_STATE_SCHEMA)
    assert set(previous_states(frame)) == {OK.url}
    assert previous_states(pl.DataFrame()) == {}
