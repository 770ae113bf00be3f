"""Loads into a real DuckDB: one transaction per run, idempotent upserts, dim_date coverage."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import polars as pl
import pytest

from tests.processes import REPO
from transforms.held import held_back_frame
from transforms.runs.sources import sources_frame
from warehouse.load import RunBatch, RunRecord, load_batch
from warehouse.queries import latest_run_id, run_summary, table_counts
from warehouse.schema import connect

NOW = datetime(2024, 5, 1, 12, tzinfo=UTC)


def _articles(published: list[date | None]) -> pl.DataFrame:
    n = len(published)
    return pl.DataFrame(
        {
            "article_key": list(range(1, n + 1)),
            "source_name": ["s"] * n,
            "published": published,
            "language": ["ru"] * n,
            "url": [f"http://x.test/{i}" for i in range(n)],
            "title": ["t"] * n,
            "author": [None] * n,
            "word_count": [3] * n,
            "content_hash": [f"h{i}" for i in range(n)],
            "duplicate_of": [None] * n,
            "text": ["a b c"] * n,
        },
        schema_overrides={"published": pl.Date, "author": pl.String, "duplicate_of": pl.Int64},
    )


def _fetch_log(n: int) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "source_name": ["s"] * n,
            "url": [f"http://x.test/{i}" for i in range(n)],
            "final_url": [None] * n,
            "status": [200] * n,
            "bytes": [10] * n,
            "duration_ms": [1.0] * n,
            "attempts": [1] * n,
            "outcome": ["fetched"] * n,
            "reason": [None] * n,
            "fetched_at": [NOW] * n,
        },
        schema_overrides={"final_url": pl.String, "reason": pl.String},
    )


def _batch(run_id: str, articles: pl.DataFrame) -> RunBatch:
    run = RunRecord(run_id, None, NOW, NOW, "completed", articles_loaded=articles.height)
    sources = sources_frame([{"name": "s", "allowed_domains": ["x.test"]}])
    held = held_back_frame([{"stage": "extract", "record_key": "u", "reason": "r", "record": "{}"}])
    return RunBatch(run, sources, _fetch_log(articles.height), articles, held)


def test_load_fills_facts_dims_and_dates(memory_db: duckdb.DuckDBPyConnection) -> None:
    load_batch(memory_db, _batch("r1", _articles([date(2021, 4, 27), date(2021, 5, 2), None])))
    counts = table_counts(memory_db)
    assert counts["fact_article"] == 3 and counts["article_text"] == 3 and counts["dim_source"] == 1
    assert counts["dim_date"] == 6  # the whole range 27 April .. 2 May
    keys = memory_db.execute("SELECT published_date_key FROM fact_article ORDER BY article_key").fetchall()
    assert keys == [(20210427,), (20210502,), (None,)]
    row = memory_db.execute(
        "SELECT year, quarter, month, iso_week, day_of_week FROM dim_date WHERE date_key = 20210427"
    )
    assert row.fetchone() == (2021, 2, 4, 17, 2)


def test_same_input_twice_keeps_article_counts(memory_db: duckdb.DuckDBPyConnection) -> None:
    articles = _articles([date(2021, 4, 27)])
    load_batch(memory_db, _batch("r1", articles))
    load_batch(memory_db, _batch("r2", articles))
    counts = table_counts(memory_db)
    assert (counts["fact_article"], counts["article_text"], counts["dim_source"]) == (1, 1, 1)
    assert counts["etl_run"] == 2
    assert memory_db.execute("SELECT run_id FROM fact_article").fetchone() == ("r2",)


def test_failed_load_leaves_previous_state(memory_db: duckdb.DuckDBPyConnection) -> None:
    load_batch(memory_db, _batch("r1", _articles([None])))
    broken = _articles([None]).with_columns(language=pl.lit(None, pl.String))  # NOT NULL violation
    with pytest.raises(duckdb.ConstraintException):
        load_batch(memory_db, _batch("r2", broken.with_columns(article_key=pl.lit(99, pl.Int64))))
    assert table_counts(memory_db)["fact_article"] == 1
    assert latest_run_id(memory_db) == "r1"


def test_run_summary_and_file_database(tmp_path: Path) -> None:
    path = tmp_path / "w" / "clusterwatch.duckdb"
    with connect(path) as con:
        load_batch(con, _batch("r1", _articles([None])))
    with connect(path, read_only=True) as con:
        summary = run_summary(con, "r1")
    assert summary["status"] == "completed" and summary["articles_loaded"] == 1
    with connect(path, read_only=True) as con, pytest.raises(KeyError):
        run_summary(con, "nope")


CRASHING_RUN = """
import os, sys
from datetime import UTC, datetime
from tests.warehouse.test_load import _articles, held_back_frame, sources_frame
from warehouse.load import RunLoad
from warehouse.schema import connect

con = connect(__import__("pathlib").Path(sys.argv[1]))
load = RunLoad(con, "crashed")
load.begin(sources_frame([{"name": "s", "allowed_domains": ["x.test"]}]))
load.add(_articles([None, None]), held_back_frame([]))
print("batch written", flush=True)
os._exit(9)  # killed before the commit
"""


def test_batches_are_invisible_until_the_commit_and_a_killed_run_leaves_nothing(tmp_path: Path) -> None:
    import subprocess
    import sys

    database = tmp_path / "w.duckdb"
    repo = REPO
    done = subprocess.run(
        [sys.executable, "-c", CRASHING_RUN, str(database)], cwd=repo, capture_output=True, text=True
    )
    assert done.returncode == 9 and "batch written" in done.stdout
    with connect(database) as con:
        assert con.execute("SELECT count(*) FROM fact_article").fetchone() == (0,)
        assert con.execute("SELECT count(*) FROM dim_source").fetchone() == (0,)


def test_a_run_written_batch_by_batch_commits_once(tmp_path: Path) -> None:
    from warehouse.load import RunLoad

    database = tmp_path / "w.duckdb"
    sources = sources_frame([{"name": "s", "allowed_domains": ["x.test"]}])
    first, second = _articles([None, None]), _articles([None, None, None]).slice(2)
    with connect(database) as con, connect(database) as reader:
        load = RunLoad(con, "r1")
        load.begin(sources)
        load.add(first, held_back_frame([]))
        load.add(second, held_back_frame([]))
        assert reader.execute("SELECT count(*) FROM fact_article").fetchone() == (0,)  # not yet
        run = RunRecord("r1", None, NOW, NOW, "completed", articles_loaded=3)
        load.finish(_fetch_log(3), pl.DataFrame(), run)
        assert reader.execute("SELECT count(*) FROM fact_article").fetchone() == (3,)
        assert reader.execute("SELECT count(*) FROM fetch_log WHERE run_id = 'r1'").fetchone() == (3,)


LIMIT = "SELECT current_setting('memory_limit')"
STAGED = "SELECT table_name FROM duckdb_tables() WHERE starts_with(table_name, 'stage_') ORDER BY 1"


def _facts(article_key: int, value: float) -> dict[str, pl.DataFrame]:
    """One metric and one figure of the article, in the contracted frames."""
    from warehouse.frames import FRAMES

    metric = {"metric_key": 7, "metric_code": "investment", "unit": "RUB"}
    figure = {"figure_key": article_key * 10, "article_key": article_key, "metric_key": 7, "value": value}
    figure |= {"unit": "RUB", "qualifier": "exact"}
    rows = {"dim_metric": metric, "fact_figure": figure}
    return {
        name: pl.DataFrame([{c: row.get(c) for c in FRAMES[name]}], schema=FRAMES[name])
        for name, row in rows.items()
    }


def test_staged_batches_are_seen_by_no_other_connection_and_dropped_once_moved(tmp_path: Path) -> None:
    from warehouse.load import RunLoad

    database = tmp_path / "w.duckdb"
    sources = sources_frame([{"name": "s", "allowed_domains": ["x.test"]}])
    held = held_back_frame([{"stage": "articles", "record_key": "u", "reason": "r", "record": "{}"}])
    with connect(database) as con, connect(database) as reader:
        load = RunLoad(con, "r1")
        load.begin(sources)
        load.add(_articles([None]), held, _facts(1, 5.0))
        assert [t for (t,) in con.execute(STAGED).fetchall()] == [
            "stage_articles", "stage_dim_metric", "stage_fact_figure", "stage_quarantine"
        ]  # fmt: skip
        assert reader.execute(STAGED).fetchall() == []  # the run's own connection only
        assert reader.execute("SELECT count(*) FROM quarantine").fetchone() == (0,)
        load.finish(_fetch_log(1), pl.DataFrame(), RunRecord("r1", None, NOW, NOW, "completed"))
        assert con.execute(STAGED).fetchall() == []
        moved = (
            "SELECT (SELECT count(*) FROM fact_figure), (SELECT count(*) FROM quarantine WHERE run_id = 'r1')"
        )
        assert reader.execute(moved).fetchone() == (1, 1)


def test_an_article_staged_by_two_batches_keeps_the_later_row_and_facts(tmp_path: Path) -> None:
    from warehouse.load import RunLoad

    sources = sources_frame([{"name": "s", "allowed_domains": ["x.test"]}])
    first = _articles([None, None])
    second = first.slice(1).with_columns(title=pl.lit("later"))
    with connect(tmp_path / "w.duckdb") as con:
        load = RunLoad(con, "r1")
        load.begin(sources)
        load.add(first, held_back_frame([]), _facts(2, 5.0))
        load.add(second, held_back_frame([]), _facts(2, 9.0))
        load.finish(_fetch_log(2), pl.DataFrame(), RunRecord("r1", None, NOW, NOW, "completed"))
        titles = con.execute("SELECT article_key, title FROM fact_article ORDER BY 1").fetchall()
        figures = con.execute("SELECT article_key, value FROM fact_figure").fetchall()
    assert titles == [(1, "t"), (2, "later")]
    assert figures == [(2, 9.0)]  # the later batch replaced the article's facts


def test_an_abandoned_run_leaves_nothing_staged_or_loaded(tmp_path: Path) -> None:
    from warehouse.load import RunLoad

    with connect(tmp_path / "w.duckdb") as con:
        load = RunLoad(con, "r1")
        load.begin(sources_frame([{"name": "s", "allowed_domains": ["x.test"]}]))
        load.add(_articles([None]), held_back_frame([]))
        load.abandon()
        assert con.execute(STAGED).fetchall() == []
        assert con.execute("SELECT count(*) FROM fact_article").fetchone() == (0,)


def test_staged_batches_past_the_memory_limit_spill_to_disk(tmp_path: Path) -> None:
    """64 MB of memory for the database, 96 MB of article text staged: DuckDB keeps what the limit
    allows and writes the rest to its temporary folder. The texts do not fit in 64 MB at the commit
    (a table with a primary key keeps its new rows in memory): the move is done again without the
    limit, and all of them load; the limit is then what it was."""
    from warehouse.load import RunLoad

    database = tmp_path / "w.duckdb"
    text = "Технопарк открыл корпус. " * 2000  # 96 KB in UTF-8
    with connect(database) as con:
        con.execute("SET memory_limit = '1GiB'")
        load = RunLoad(con, "r1", memory_limit_mb=64)
        load.begin(sources_frame([{"name": "s", "allowed_domains": ["x.test"]}]))
        for batch in range(4):
            articles = _articles([None] * 250).with_columns(
                article_key=pl.int_range(batch * 250, (batch + 1) * 250, dtype=pl.Int64),
                content_hash=pl.lit(f"b{batch}-") + pl.int_range(0, 250).cast(pl.String),
                text=pl.lit(text),
            )
            load.add(articles, held_back_frame([]))
        used, spilled = con.execute(
            "SELECT sum(memory_usage_bytes), sum(temporary_storage_bytes) FROM duckdb_memory()"
        ).fetchone()
        assert used <= 64 * 2**20 < 64 * 2**20 + spilled
        assert con.execute(LIMIT).fetchone() == ("64.0 MiB",)
        load.finish(_fetch_log(1), pl.DataFrame(), RunRecord("r1", None, NOW, NOW, "completed"))
        assert con.execute(LIMIT).fetchone() == ("1.0 GiB",)
        assert con.execute("SELECT count(*), sum(length(text)) FROM article_text").fetchone() == (
            1000, 1000 * len(text)
        )  # fmt: skip
