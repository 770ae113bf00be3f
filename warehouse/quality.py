"""dq_result: write a run's expectation results, read a run's quality back (results, held-back reasons)."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import polars as pl

DQ_COLUMNS = (
    "suite",
    "batch",
    "expectation",
    "severity",
    "success",
    "unexpected_count",
    "element_count",
    "level",
    "details",
    "batch_seconds",
    "checked_at",
)

INSERT_RESULTS = """
INSERT INTO dq_result (run_id, suite, batch, expectation, severity, success, unexpected_count, element_count,
    level, details, batch_seconds, checked_at)
SELECT $run_id, suite, batch, expectation, severity, success, unexpected_count, element_count, level,
    CAST(details AS JSON), batch_seconds, checked_at
FROM incoming_dq_result
"""
RUN_RESULTS = """
SELECT suite, batch, expectation, severity, success, unexpected_count, element_count, level,
    CAST(details AS VARCHAR) AS details, batch_seconds, checked_at
FROM dq_result WHERE run_id = $run_id ORDER BY checked_at, suite, batch
"""
RUN_HELD_BACK = """
SELECT stage, reason, count(*) AS records FROM quarantine WHERE run_id = $run_id GROUP BY stage, reason
ORDER BY stage, records DESC, reason
"""
RUN_TIMES = """
SELECT started_at, finished_at, status, articles_extracted FROM etl_run WHERE run_id = $run_id
"""
LATEST_CHECKED_RUN = "SELECT run_id FROM dq_result ORDER BY checked_at DESC LIMIT 1"
# tables a fact may reference, with their key column (names from this fixed list only)
REFERENCED_KEYS = {
    "fact_article": "article_key",
    "dim_metric": "metric_key",
    "dim_region": "region_key",
    "dim_site": "site_key",
    "dim_legal_act": "act_key",
    "dim_entity": "entity_key",
}
EXISTING_TABLES = """
SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main'
"""


@dataclass(frozen=True)
class RunQuality:
    run_id: str
    results: pl.DataFrame  # dq_result rows of the run
    held_back: pl.DataFrame  # stage, reason, records
    run_seconds: float | None  # etl_run finished - started, when known
    status: str | None
    articles_extracted: int | None = None


def record_results(con: duckdb.DuckDBPyConnection, run_id: str, results: pl.DataFrame) -> int:
    """Insert a run's dq_result frame (columns DQ_COLUMNS). Runs inside the caller's transaction."""
    con.register("incoming_dq_result", results.select(DQ_COLUMNS).to_arrow())
    try:
        con.execute(INSERT_RESULTS, {"run_id": run_id})
    finally:
        con.unregister("incoming_dq_result")
    return results.height


def _frame(con: duckdb.DuckDBPyConnection, sql: str, run_id: str) -> pl.DataFrame:
    return pl.from_arrow(con.sql(sql, params={"run_id": run_id}).to_arrow_table())


def latest_checked_run(con: duckdb.DuckDBPyConnection) -> str | None:
    rows = con.execute(LATEST_CHECKED_RUN).fetchall()
    return rows[0][0] if rows else None


def run_quality(con: duckdb.DuckDBPyConnection, run_id: str | None = None) -> RunQuality:
    """The quality record of one run (the latest validated run by default); KeyError when there is none."""
    run_id = run_id or latest_checked_run(con)
    if run_id is None:
        raise KeyError("no run has quality results yet")
    results = _frame(con, RUN_RESULTS, run_id)
    if results.is_empty():
        raise KeyError(f"no quality results for run {run_id}")
    held_back = _frame(con, RUN_HELD_BACK, run_id)
    row = next(iter(con.execute(RUN_TIMES, {"run_id": run_id}).fetchall()), None)
    seconds = (row[1] - row[0]).total_seconds() if row and row[1] else None
    status, extracted = (row[2], row[3]) if row else (None, None)
    return RunQuality(run_id, results, held_back, seconds, status, extracted)


def existing_keys(con: duckdb.DuckDBPyConnection) -> dict[str, set[int]]:
    """The keys already in the warehouse of every table a fact may reference (tables not created yet
    are left out), for the pre-load reference check."""
    tables = {row[0] for row in con.execute(EXISTING_TABLES).fetchall()}
    return {
        table: {row[0] for row in con.execute(f"SELECT {key} FROM {table}").fetchall()}
        for table, key in REFERENCED_KEYS.items()
        if table in tables
    }
