"""page_state: read back what was upserted, one row per URL, inside the caller's transaction."""

from __future__ import annotations

from datetime import UTC, datetime

import duckdb
import polars as pl
import pytest

from warehouse.page_state import PAGE_STATE_SCHEMA, last_tried, read_page_state, upsert_page_state

AT = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def rows(*items: tuple[str, str | None, str]) -> pl.DataFrame:
    return pl.DataFrame(
        [
            {"url": url, "etag": etag, "last_modified": None, "content_hash": sha, "raw_path": f"ab/cd/{sha}",
             "status": 200, "fetched_at": AT}
            for url, etag, sha in items
        ],
        schema=PAGE_STATE_SCHEMA,
    )  # fmt: skip


def test_empty_table_reads_as_typed_empty_frame(memory_db: duckdb.DuckDBPyConnection) -> None:
    state = read_page_state(memory_db)
    assert state.height == 0
    assert state.schema == pl.Schema(PAGE_STATE_SCHEMA)


def test_upsert_then_read_back(memory_db: duckdb.DuckDBPyConnection) -> None:
    frame = rows(("http://x.test/a", '"v1"', "h1"), ("http://x.test/b", None, "h2"))
    upsert_page_state(memory_db, frame)
    assert read_page_state(memory_db).equals(frame)


def test_upsert_replaces_by_url(memory_db: duckdb.DuckDBPyConnection) -> None:
    upsert_page_state(memory_db, rows(("http://x.test/a", '"v1"', "h1"), ("http://x.test/b", None, "h2")))
    upsert_page_state(memory_db, rows(("http://x.test/a", '"v2"', "h3")))
    state = read_page_state(memory_db)
    assert state.select("url", "etag", "content_hash").rows() == [
        ("http://x.test/a", '"v2"', "h3"),
        ("http://x.test/b", None, "h2"),
    ]


def test_times_stay_utc_whatever_the_session_time_zone(memory_db: duckdb.DuckDBPyConnection) -> None:
    memory_db.execute("SET TimeZone = 'Asia/Vladivostok'")
    upsert_page_state(memory_db, rows(("http://x.test/a", None, "h1")))
    assert read_page_state(memory_db).get_column("fetched_at").to_list() == [AT]


def test_runs_in_the_callers_transaction(memory_db: duckdb.DuckDBPyConnection) -> None:
    memory_db.begin()
    upsert_page_state(memory_db, rows(("http://x.test/a", None, "h1")))
    memory_db.rollback()
    assert read_page_state(memory_db).height == 0


def test_duplicate_urls_are_refused(memory_db: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(ValueError, match="more than once"):
        upsert_page_state(memory_db, rows(("http://x.test/a", None, "h1"), ("http://x.test/a", None, "h2")))
    upsert_page_state(memory_db, pl.DataFrame())  # nothing to do
    assert read_page_state(memory_db).height == 0


def test_last_tried_counts_every_request_but_not_the_pages_over_the_cap(
    memory_db: duckdb.DuckDBPyConnection,
) -> None:
    insert = """INSERT INTO fetch_log (run_id, source_name, url, bytes, duration_ms, attempts, outcome,
        fetched_at, kind) VALUES ($run, 's', $url, 0, 0, $attempts, $outcome, $at, $kind)"""
    for run, day, url, attempts, outcome, kind in [
        ("r1", 1, "http://x.test/a", 1, "fetched", "page"),
        ("r2", 2, "http://x.test/a", 2, "failed", "page"),  # the latest try counts, failed or not
        ("r2", 2, "http://x.test/b", 0, "skipped", "page"),  # over the cap: never requested
        ("r2", 2, "http://x.test/c", 1, "skipped", "page"),  # disallowed by robots.txt: its turn came
        ("r2", 2, "http://x.test/rss", 1, "fetched", "seed"),
    ]:
        at = datetime(2024, 5, day, 12, 0)
        memory_db.execute(insert, {"run": run, "url": url, "attempts": attempts, "outcome": outcome,
                                   "at": at, "kind": kind})  # fmt: skip
    tried = last_tried(memory_db)
    assert tried.rows() == [
        ("http://x.test/a", datetime(2024, 5, 2, 12, 0, tzinfo=UTC)),
        ("http://x.test/c", datetime(2024, 5, 2, 12, 0, tzinfo=UTC)),
    ]
