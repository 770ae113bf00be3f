"""Read-side queries used by the CLI and the tests."""

from __future__ import annotations

from typing import Any

import duckdb

RUN_SUMMARY = "SELECT * FROM etl_run WHERE run_id = $run_id"
LATEST_RUN = "SELECT run_id FROM etl_run ORDER BY started_at DESC LIMIT 1"
TABLES = (
    "dim_date",
    "dim_source",
    "dim_region",
    "dim_entity",
    "dim_site",
    "dim_legal_act",
    "dim_metric",
    "fact_article",
    "fact_mention",
    "fact_figure",
    "fact_person_role",
    "fact_relation",
    "fact_event",
    "fact_event_participant",
    "article_text",
    "etl_run",
    "fetch_log",
    "quarantine",
)


def run_summary(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, Any]:
    cursor = con.execute(RUN_SUMMARY, {"run_id": run_id})
    row = cursor.fetchone()
    if row is None:
        raise KeyError(f"no run {run_id}")
    return dict(zip([d[0] for d in cursor.description], row, strict=True))


def latest_run_id(con: duckdb.DuckDBPyConnection) -> str | None:
    row = con.execute(LATEST_RUN).fetchone()
    return row[0] if row else None


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row count of each warehouse table (names come from the fixed list above, not from input)."""
    return {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}


LATEST_STAGE_SECONDS = """
SELECT map_keys(stage_seconds), map_values(stage_seconds) FROM etl_run
WHERE stage_seconds IS NOT NULL ORDER BY started_at DESC LIMIT 1
"""


def latest_stage_seconds(con: duckdb.DuckDBPyConnection) -> dict[str, float]:
    """Seconds per stage of the latest run that recorded them ({} when none did)."""
    row = con.execute(LATEST_STAGE_SECONDS).fetchone()
    return dict(zip(row[0], row[1], strict=True)) if row else {}
