"""The same demo on the Dask runner gives the same warehouse; a re-extraction from the raw store
replaces facts instead of adding to them."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from flows.news_etl import news_etl
from flows.reextract import reextract
from tests.conftest import copy_home

TABLES = (
    "fact_article",
    "article_text",
    "fact_mention",
    "fact_figure",
    "dim_entity",
    "dim_site",
    "quarantine",
)


def _counts(database: str) -> dict[str, int]:
    with duckdb.connect(database, read_only=True) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


@pytest.fixture(scope="module")
def threads_run(sample_run_in_batches: dict) -> dict:
    """The session's run over the sample site in batches of two on the default runner (read only here:
    the tests that run again take a copy of its home)."""
    return sample_run_in_batches


def test_dask_runner_gives_identical_counts(threads_run: dict, sample_sources: Path, tmp_path: Path) -> None:
    dask_run = news_etl(str(sample_sources), str(tmp_path), batch_size=2, runner="dask")
    assert dask_run["articles_loaded"] == threads_run["articles_loaded"] == 5
    assert _counts(dask_run["database"]) == _counts(threads_run["database"])
    assert _counts(dask_run["database"])["fact_figure"] > 0


def test_unknown_runner_is_refused(prefect_harness: None, sample_sources: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown runner"):
        news_etl(str(sample_sources), str(tmp_path), runner="spark")


def test_reextract_replaces_facts_without_fetching(threads_run: dict, tmp_path: Path) -> None:
    home = copy_home(threads_run, tmp_path / "home")
    database = str(home / "clusterwatch.duckdb")
    before = _counts(database)
    again = reextract(str(home), batch_size=3)
    assert again["pages_discovered"] == again["pages_fetched"] == 6  # every stored page, none fetched
    assert again["articles_loaded"] == 5 and again["articles_held_back"] == 1
    after = _counts(database)
    assert {t: after[t] for t in TABLES if t != "quarantine"} == {
        t: before[t] for t in TABLES if t != "quarantine"
    }
    with duckdb.connect(database, read_only=True) as con:
        logged = con.execute(
            "SELECT count(*) FROM fetch_log WHERE run_id = $r", {"r": again["run_id"]}
        ).fetchone()
    assert logged == (0,)


def test_one_worker_and_two_give_the_same_warehouse(
    threads_run: dict, sample_sources: Path, tmp_path: Path
) -> None:
    one = news_etl(str(sample_sources), str(tmp_path), batch_size=2, workers=1)
    assert one["articles_loaded"] == threads_run["articles_loaded"] == 5
    query = "SELECT count(*) FROM fact_mention UNION ALL SELECT count(*) FROM fact_figure"
    with duckdb.connect(one["database"], read_only=True) as a:
        counts = a.execute(query).fetchall()
    with duckdb.connect(threads_run["database"], read_only=True) as b:
        assert b.execute(query).fetchall() == counts


def test_a_run_that_fetches_nothing_new_records_its_outcomes_only(threads_run: dict, tmp_path: Path) -> None:
    home = copy_home(threads_run, tmp_path / "home")
    again = news_etl(str(home / "sources.yaml"), str(home), batch_size=2)
    assert again["status"] == "completed"
    assert (again["pages_fetched"], again["articles_loaded"]) == (0, 0)
    assert again["pages_not_modified"] == threads_run["pages_fetched"]
    assert "extract" not in again["stage_seconds"] and "data_docs" not in again["stage_seconds"]
    with duckdb.connect(again["published"], read_only=True) as con:
        logged = con.execute(
            "SELECT count(*) FROM fetch_log WHERE run_id = ? AND kind = 'page'", [again["run_id"]]
        ).fetchone()
        suites = con.execute("SELECT DISTINCT suite FROM dq_result WHERE run_id = ?", [again["run_id"]])
        suites = suites.fetchall()
        articles = con.execute("SELECT count(*) FROM fact_article").fetchone()
    assert logged == (again["pages_discovered"],)  # every page discovered has its outcome
    assert {s for (s,) in suites} <= {"reconciliation", "warehouse"}  # no page was validated: none was new
    assert articles == (5,)


def test_the_runs_own_dask_cluster_listens_on_loopback_only() -> None:
    import psutil

    from flows.pipeline import dask_client

    with dask_client(None) as client:
        info = client.scheduler_info()
        assert len(info["workers"]) == 2
        http_port = info["services"]["dashboard"]
        tree = [psutil.Process(), *psutil.Process().children(recursive=True)]
        listening = [
            conn.laddr
            for process in tree
            for conn in process.net_connections(kind="inet")
            if conn.status == psutil.CONN_LISTEN
        ]
    assert http_port in {address.port for address in listening}
    assert len(listening) >= 6  # the scheduler, its HTTP endpoint, two nannies and two workers
    assert {address.ip for address in listening} == {"127.0.0.1"}
