"""Read-only queries (refused before they run, and by DuckDB too); exports of every dim, fact and view."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl
import pytest

from warehouse.analyst import (
    AnalystDatabase,
    NoDatabase,
    QueryRefused,
    analyst_database,
    check_query,
    export_all,
    exportable,
    run_query,
)
from warehouse.publish import publish, published_path

READS = [
    "SELECT count(*) FROM dim_region",
    "WITH r AS (SELECT * FROM dim_region) SELECT iso_code FROM r",
    "EXPLAIN SELECT * FROM fact_figure",
    "DESCRIBE dim_site",
    "SHOW TABLES",
    "FROM v_articles",
]
WRITES = [
    "DELETE FROM dim_region",
    "INSERT INTO dim_metric VALUES (1, 'x', 'y', now())",
    "WITH r AS (SELECT 1) INSERT INTO dim_metric SELECT 9, 'x', 'y', now()",
    "DROP TABLE fact_figure",
    "COPY dim_region TO 'out.csv'",
    "ATTACH 'other.duckdb'",
    "SELECT 1; DROP TABLE fact_figure",
    "PRAGMA table_info('dim_site')",
]


@pytest.mark.parametrize("sql", READS)
def test_read_only_queries_are_allowed(star_shared: duckdb.DuckDBPyConnection, sql: str) -> None:
    check_query(star_shared, sql)
    assert run_query(star_shared, sql, 100).columns


@pytest.mark.parametrize("sql", WRITES)
def test_writes_are_refused_before_running(star_shared: duckdb.DuckDBPyConnection, sql: str) -> None:
    with pytest.raises(QueryRefused):
        run_query(star_shared, sql, 100)
    assert star_shared.execute("SELECT count(*) FROM dim_region").fetchone() == (3,)
    assert star_shared.execute("SELECT count(*) FROM fact_figure").fetchone() == (6,)


def test_unparseable_query_is_refused_with_the_parser_message(star_shared: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(QueryRefused, match=r"does not parse.*syntax error"):
        check_query(star_shared, "SELEC 1")


def test_read_only_snapshot_refuses_writes_even_past_the_check(star_file: Path) -> None:
    snapshot = publish(star_file, published_path(star_file.parent))
    with duckdb.connect(str(snapshot), read_only=True) as con, pytest.raises(duckdb.InvalidInputException):
        con.execute("DELETE FROM dim_region")


def test_result_is_cut_at_max_rows(star_shared: duckdb.DuckDBPyConnection) -> None:
    result = run_query(star_shared, "SELECT * FROM fact_mention ORDER BY article_key", 5)
    assert len(result.rows) == 5 and result.truncated
    assert not run_query(star_shared, "SELECT * FROM dim_region", 5).truncated


def test_snapshot_first_then_working_database(tmp_path: Path, star_file: Path) -> None:
    snapshot = published_path(star_file.parent)
    assert analyst_database(star_file, snapshot) == AnalystDatabase(star_file, False)
    publish(star_file, snapshot)
    assert analyst_database(star_file, snapshot) == AnalystDatabase(snapshot, True)
    with pytest.raises(NoDatabase, match="clusterwatch demo"):
        analyst_database(tmp_path / "none.duckdb", tmp_path / "p" / "none.duckdb")


def test_exportable_lists_every_dim_fact_and_view(star_shared: duckdb.DuckDBPyConnection) -> None:
    names = exportable(star_shared)
    assert {"dim_date", "dim_region", "fact_article", "fact_figure", "fact_person_role"} <= set(names)
    assert {"v_articles", "v_support_measures", "v_people_roles", "v_site_mentions"} <= set(names)
    assert not {"etl_run", "schema_version", "article_text"} & set(names)


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_writes_every_object_with_its_rows(
    star_shared: duckdb.DuckDBPyConnection, tmp_path: Path, fmt: str
) -> None:
    written = export_all(star_shared, tmp_path / "out", fmt)
    assert [w.name for w in written] == exportable(star_shared)
    by_name = {w.name: w for w in written}
    read = pl.read_parquet if fmt == "parquet" else pl.read_csv
    assert read(by_name["fact_figure"].path).height == by_name["fact_figure"].rows == 6
    assert read(by_name["v_support_measures"].path).height == 2


def test_export_refuses_an_unknown_format(star_shared: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="format must be one of"):
        export_all(star_shared, tmp_path, "xlsx")
