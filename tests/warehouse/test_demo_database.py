"""The database the demo flow builds: the STAR_SCHEMA.md contract, comments everywhere, a second
identical run that changes no counts, and the example queries of docs/queries/."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
import yaml

from tests.processes import REPO

CONTRACT = yaml.safe_load((REPO / "tests" / "data" / "star_schema_contract.yaml").read_text("utf-8"))
CONTRACT_TABLES = {**CONTRACT["dimensions"], **CONTRACT["facts"], **CONTRACT["operations"]}
QUERIES = sorted((REPO / "docs" / "queries").glob("*.sql"))
PER_RUN_TABLES = {
    "etl_run",
    "fetch_log",
    "quarantine",
    "dq_result",
    "page_state",
    "watch_run",
    "watch_delivery",
}  # grow by design
# the `demo` and `demo_db` fixtures (two identical runs of the demo flow) are in conftest.py


def _columns(con: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    columns: dict[str, set[str]] = {}
    for table, column in con.execute("SELECT table_name, column_name FROM duckdb_columns()").fetchall():
        columns.setdefault(table, set()).add(column)
    return columns


@pytest.mark.parametrize("table", sorted(CONTRACT_TABLES))
def test_contract_table_has_its_columns(demo_db: duckdb.DuckDBPyConnection, table: str) -> None:
    columns = _columns(demo_db)
    assert table in columns, f"{table} is missing"
    assert set(CONTRACT_TABLES[table]) <= columns[table], (
        f"{table} lacks {set(CONTRACT_TABLES[table]) - columns[table]}"
    )


def test_contract_views_exist_with_comments(demo_db: duckdb.DuckDBPyConnection) -> None:
    views = dict(
        demo_db.execute("SELECT view_name, comment FROM duckdb_views() WHERE NOT internal").fetchall()
    )
    for view in CONTRACT["views"]:
        assert views.get(view), f"{view} is missing or has no comment"


def test_every_table_and_column_has_a_comment(demo_db: duckdb.DuckDBPyConnection) -> None:
    tables = demo_db.execute("SELECT table_name FROM duckdb_tables() WHERE NOT internal AND comment IS NULL")
    assert tables.fetchall() == []
    columns = demo_db.execute(
        "SELECT table_name, column_name FROM duckdb_columns() WHERE NOT internal AND comment IS NULL"
    )
    assert columns.fetchall() == []


def test_second_identical_run_changes_no_counts(demo: dict) -> None:
    first, second = demo["counts"]
    assert first["fact_article"] > 0
    assert {t: n for t, n in second.items() if t not in PER_RUN_TABLES} == {
        t: n for t, n in first.items() if t not in PER_RUN_TABLES
    }
    assert second["etl_run"] == first["etl_run"] + 1


def test_dim_date_covers_every_article_date(demo_db: duckdb.DuckDBPyConnection) -> None:
    orphans = demo_db.execute(
        "SELECT count(*) FROM fact_article a LEFT JOIN dim_date d ON d.date_key = a.published_date_key "
        "WHERE a.published_date_key IS NOT NULL AND d.date_key IS NULL"
    )
    assert orphans.fetchone() == (0,)


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.name)
def test_example_query_returns_rows_on_the_demo(demo_db: duckdb.DuckDBPyConnection, path: Path) -> None:
    assert demo_db.execute(path.read_text(encoding="utf-8")).fetchall(), f"{path.name} returned no rows"
