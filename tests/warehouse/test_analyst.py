"""Read-only queries (refused before they run, and by DuckDB too); exports of every dim, fact and view."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import polars as pl
import pytest

from warehouse.analyst import (
    ANALYST_CONFIG,
    AnalystDatabase,
    NoDatabase,
    QueryRefused,
    analyst_database,
    check_query,
    connect_read_only,
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
    "PRAGMA enable_profiling",
    "PRAGMA table_info('dim_site')",  # DuckDB 1.5 parses it as a SELECT: refused by its first word
    "EXPLAIN ANALYZE COPY (SELECT 1) TO 'out.csv'",
    "EXPLAIN ANALYZE DELETE FROM dim_region",
    "explain analyse select 1",
    "EXPLAIN /* the plan */ ANALYZE -- and more\n SELECT 1",
    "EXPLAIN (ANALYZE) SELECT 1",
    "EXPLAIN (FORMAT json, ANALYZE true) SELECT 1",
    "SET enable_external_access = true",
    "RESET lock_configuration",
    "SET memory_limit = '1GB'",
    "INSTALL httpfs",
    "LOAD httpfs",
    "CREATE SECRET (TYPE s3, KEY_ID 'k', SECRET 's')",
    "EXPORT DATABASE 'out'",
    "IMPORT DATABASE 'out'",
    "CALL pragma_version()",
    "CHECKPOINT",
    "VACUUM",
    "USE memory",
    "BEGIN",
    "PREPARE p AS SELECT 1",
    "DETACH memory",
    "CREATE TEMP TABLE t AS SELECT 1",
    "CREATE MACRO m() AS 1",
    "/* a comment first */ COPY dim_region TO 'out.csv'",
    "SELECT 1 -- a comment, then\n; COPY dim_region TO 'out.csv'",
    "SELECT 1 /* ; */; ATTACH 'other.duckdb'",
]
EXTERNAL = [
    "SELECT * FROM read_text('/etc/passwd')",
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM read_blob('/etc/passwd')",
    "SELECT * FROM glob('/root/*')",
    "SELECT * FROM glob('/etc/*')",
    "SELECT * FROM read_json('/etc/hostname')",
    "SELECT * FROM read_parquet('/etc/hostname')",
    "SELECT * FROM sniff_csv('/etc/passwd')",
    "SELECT * FROM '/etc/passwd.csv'",
    "SELECT * FROM read_csv('http://127.0.0.1:9/x.csv')",
]
PAST_THE_CHECK = [
    "COPY (SELECT 1) TO '{target}'",
    "COPY dim_region TO '{target}' (FORMAT parquet)",
    "EXPLAIN ANALYZE COPY (SELECT 1) TO '{target}'",
    "EXPORT DATABASE '{target}'",
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


@pytest.mark.parametrize("sql", ["", "  ", "-- only a comment", "/* nothing */ ;"])
def test_an_empty_query_is_refused(star_shared: duckdb.DuckDBPyConnection, sql: str) -> None:
    with pytest.raises(QueryRefused, match="no statement"):
        check_query(star_shared, sql)


def test_explain_alone_still_runs(star_shared: duckdb.DuckDBPyConnection) -> None:
    result = run_query(star_shared, "EXPLAIN SELECT 'analyze' AS \"analyze\" FROM dim_region", 10)
    assert result.columns == ["explain_key", "explain_value"]


@pytest.fixture
def analyst_con(star_file: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """What `clusterwatch sql` opens: the published snapshot, through connect_read_only."""
    con = connect_read_only(AnalystDatabase(publish(star_file, published_path(star_file.parent)), True))
    yield con
    con.close()


def test_analyst_connections_are_locked_down(analyst_con: duckdb.DuckDBPyConnection) -> None:
    settings = dict(
        analyst_con.execute(
            "SELECT name, value FROM duckdb_settings() WHERE name IN $names", {"names": list(ANALYST_CONFIG)}
        ).fetchall()
    )
    assert settings == {name: str(value).lower() for name, value in ANALYST_CONFIG.items()}
    assert settings["enable_external_access"] == "false" and settings["lock_configuration"] == "true"


@pytest.mark.parametrize("sql", EXTERNAL)
def test_a_query_cannot_read_the_machine(analyst_con: duckdb.DuckDBPyConnection, sql: str) -> None:
    with pytest.raises(duckdb.PermissionException, match="disabled by configuration"):
        run_query(analyst_con, sql, 10)


def test_a_query_cannot_read_a_file_of_its_own_folder(
    analyst_con: duckdb.DuckDBPyConnection, star_file: Path
) -> None:
    """The working database sits next to the snapshot's folder: it is out of reach too."""
    for reader in ("read_blob", "read_text", "glob"):
        with pytest.raises(duckdb.PermissionException):
            run_query(analyst_con, f"SELECT * FROM {reader}('{star_file}')", 10)


@pytest.mark.parametrize("sql", PAST_THE_CHECK)
def test_no_file_is_written_even_past_the_check(
    analyst_con: duckdb.DuckDBPyConnection, star_file: Path, tmp_path: Path, sql: str
) -> None:
    before = star_file.read_bytes()
    for target in (tmp_path / "new.csv", star_file):
        with pytest.raises(duckdb.Error):
            analyst_con.execute(sql.format(target=target))
    assert not (tmp_path / "new.csv").exists() and star_file.read_bytes() == before


def test_the_configuration_cannot_be_changed_past_the_check(analyst_con: duckdb.DuckDBPyConnection) -> None:
    for sql in (
        "SET enable_external_access = true",
        "RESET enable_external_access",
        "SET memory_limit = '1GB'",
    ):
        with pytest.raises(duckdb.InvalidInputException, match="locked"):
            analyst_con.execute(sql)
    with pytest.raises(duckdb.Error):
        analyst_con.execute("LOAD httpfs")


def test_a_busy_database_is_named(star_file: Path) -> None:
    with duckdb.connect(str(star_file)), pytest.raises(NoDatabase, match=str(star_file)):
        connect_read_only(AnalystDatabase(star_file, False))


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
    assert {"article_text", "etl_run", "fetch_log", "quarantine", "dq_result"} <= set(names)
    assert not {"schema_version", "schema_views", "page_state"} & set(names)


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


def test_export_writes_its_files_from_a_locked_connection(
    analyst_con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    for fmt in ("parquet", "csv"):
        written = {w.name: w for w in export_all(analyst_con, tmp_path / fmt, fmt)}
        read = pl.read_parquet if fmt == "parquet" else pl.read_csv
        assert read(written["dim_region"].path).height == written["dim_region"].rows == 3
        assert read(written["fact_article"].path).height == 3


def test_csv_export_writes_lists_as_text(analyst_con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    written = {w.name: w for w in export_all(analyst_con, tmp_path, "csv")}
    frame = pl.read_csv(written["fact_article"].path)
    assert frame.schema["tags"] == pl.String and frame.height == 3
    parquet = {w.name: w for w in export_all(analyst_con, tmp_path / "p", "parquet")}
    assert pl.read_parquet(parquet["fact_article"].path).schema["tags"] == pl.List(pl.String)


def test_export_refuses_an_unknown_format(star_shared: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="format must be one of"):
        export_all(star_shared, tmp_path, "xlsx")
