"""End to end, twice over the unchanged sample site: the second run downloads into nothing new,
extracts nothing and loads nothing, and the counts still reconcile."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from ingest import raw_store


@pytest.fixture(scope="module")
def runs(sample_run: dict, sample_rerun: dict) -> tuple:
    """The session's run over the sample site and a second one after it (on a copy of its home)."""
    return Path(sample_run["database"]).parent, sample_run, sample_rerun


def test_first_run_fetches_and_second_run_finds_nothing_changed(runs: tuple) -> None:
    _home, first, second = runs
    assert (first["pages_fetched"], first["pages_not_modified"], first["articles_loaded"]) == (6, 0, 5)
    assert second["status"] == "completed"
    assert second["pages_discovered"] == first["pages_discovered"] == 7
    assert second["pages_fetched"] == 0
    assert second["pages_not_modified"] == 6  # 5 articles and the listing page
    assert second["pages_skipped"] == 1  # /admin/, robots.txt
    assert (second["articles_extracted"], second["articles_loaded"], second["articles_held_back"]) == (
        0,
        0,
        0,
    )


def test_raw_bodies_are_in_the_store(runs: tuple) -> None:
    home, first, _second = runs
    with duckdb.connect(first["database"], read_only=True) as con:
        stored = con.execute(
            "SELECT content_hash, raw_path FROM fetch_log "
            "WHERE run_id = $r AND outcome = 'fetched' AND kind = 'page'",
            {"r": first["run_id"]},
        ).fetchall()
    assert len(stored) == 6
    for sha, path in stored:
        assert Path(path) == raw_store.relative_path(sha)
        assert raw_store.content_hash(raw_store.get(home / "raw", sha)) == sha


def test_page_state_and_fetch_log_after_two_runs(runs: tuple) -> None:
    _home, _first, second = runs
    with duckdb.connect(second["database"], read_only=True) as con:
        states = con.execute("SELECT count(*), count(content_hash) FROM page_state").fetchone()
        reasons = con.execute(
            "SELECT DISTINCT reason FROM fetch_log WHERE run_id = $r AND outcome = 'not_modified'",
            {"r": second["run_id"]},
        ).fetchall()
        articles = con.execute("SELECT count(*) FROM fact_article").fetchone()
        downloaded = con.execute(
            "SELECT sum(bytes) FROM fetch_log WHERE run_id = $r AND outcome = 'not_modified'",
            {"r": second["run_id"]},
        ).fetchone()
    assert states == (6, 6)
    assert reasons == [("HTTP 304: unchanged since the last run",)]  # the sample server sends ETags
    assert downloaded == (0,)  # conditional GET: no body came over the wire
    assert articles == (5,)
