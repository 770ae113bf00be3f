"""The migration runner: files applied once and in order, older databases migrated, newer ones refused."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import duckdb
import pytest

from warehouse.schema import (
    DatabaseDamaged,
    DatabaseLocked,
    SchemaError,
    SchemaTooNew,
    code_version,
    connect,
    migrate,
    migrations,
)


def _versions(con: duckdb.DuckDBPyConnection) -> list[int]:
    return [r[0] for r in con.execute("SELECT version FROM schema_version ORDER BY version").fetchall()]


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute(
        "SELECT table_name FROM duckdb_tables() UNION ALL SELECT view_name FROM duckdb_views()"
    )
    return {r[0] for r in rows.fetchall()}


def test_fresh_database_gets_every_file_once_in_order(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with connect(path) as con:
        assert _versions(con) == [m.version for m in migrations()]
        names = [r[0] for r in con.execute("SELECT name FROM schema_version ORDER BY version").fetchall()]
    assert names == [m.path.name for m in migrations()]
    with connect(path) as con:
        assert migrate(con) == []  # nothing pending the second time
        assert len(_versions(con)) == len(migrations())


def test_database_with_only_the_first_files_is_migrated(tmp_path: Path) -> None:
    path, files = tmp_path / "old.duckdb", migrations()
    first = [m for m in files if m.version <= 7]
    with duckdb.connect(str(path)) as con:
        assert migrate(con, first) == [m.version for m in first]
        con.execute("INSERT INTO dim_source VALUES (1, 's', 'x.test', 'S', 'ru')")
        assert "dim_region" not in _tables(con)
    with connect(path) as con:
        assert _versions(con) == [m.version for m in files]
        assert {"dim_region", "fact_figure", "v_support_measures"} <= _tables(con)
        assert con.execute("SELECT count(*) FROM dim_source").fetchone() == (1,)  # data kept


def test_database_made_before_schema_version_existed_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "legacy.duckdb"
    with duckdb.connect(str(path)) as con:  # the old runner: every file, no bookkeeping
        for migration in migrations()[:5]:
            con.execute(migration.sql())
    with connect(path) as con:
        assert _versions(con) == [m.version for m in migrations()]


def test_newer_schema_stops_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "new.duckdb"
    with connect(path) as con:
        con.execute("INSERT INTO schema_version (version, name) VALUES (999, '999_future.sql')")
    with pytest.raises(SchemaTooNew, match=r"schema version 999, newer than this code's \d+"):
        connect(path)
    assert code_version() < 999


def test_views_are_reapplied_on_every_start(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with connect(path) as con:
        con.execute("DROP VIEW v_articles")
    with connect(path) as con:
        assert "v_articles" in _tables(con)


def test_a_later_view_file_wins_at_every_start(tmp_path: Path) -> None:
    sql = tmp_path / "sql"
    sql.mkdir()
    (sql / "001_t.sql").write_text("CREATE TABLE t (a INTEGER, b INTEGER);", encoding="utf-8")
    (sql / "030_v_t.sql").write_text("CREATE OR REPLACE VIEW v_t AS SELECT a FROM t;", encoding="utf-8")
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    migrate(con, migrations(sql))
    (sql / "060_v_t_b.sql").write_text("CREATE OR REPLACE VIEW v_t AS SELECT a, b FROM t;", encoding="utf-8")
    for _ in range(2):  # the start that applies 060, and a later one that re-applies 030 and 060
        migrate(con, migrations(sql))
        assert [d[0] for d in con.execute("SELECT * FROM v_t").description] == ["a", "b"]


def test_failed_migration_is_rolled_back_and_not_recorded(tmp_path: Path) -> None:
    sql_dir = tmp_path / "sql"
    sql_dir.mkdir()
    (sql_dir / "001_ok.sql").write_text("CREATE TABLE a (x INTEGER);", encoding="utf-8")
    (sql_dir / "002_bad.sql").write_text(
        "CREATE TABLE b (x INTEGER); SELECT * FROM nowhere;", encoding="utf-8"
    )
    with duckdb.connect(":memory:") as con:
        with pytest.raises(SchemaError, match=r"002_bad\.sql"):
            migrate(con, migrations(sql_dir))
        assert _versions(con) == [1]
        assert "b" not in _tables(con)


def test_two_files_with_one_number_are_refused(tmp_path: Path) -> None:
    sql_dir = tmp_path / "sql"
    sql_dir.mkdir()
    for name in ("003_a.sql", "003_b.sql"):
        (sql_dir / name).write_text("SELECT 1;", encoding="utf-8")
    with pytest.raises(SchemaError, match="share number 3"):
        migrations(sql_dir)


HOLD_READ_ONLY = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print("open", flush=True)
time.sleep(600)
"""


def test_a_database_held_by_another_process_is_named_with_that_process(tmp_path: Path) -> None:
    database = tmp_path / "clusterwatch.duckdb"
    connect(database).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_READ_ONLY, str(database)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(DatabaseLocked) as locked:
            connect(database)
    finally:
        holder.kill()
        holder.wait()
    message = str(locked.value)
    assert message.startswith(f"{database} is locked by ")
    assert f"(PID {holder.pid})" in message and "\n" not in message


def test_unchanged_view_files_are_not_applied_again(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with connect(path) as con:
        first = con.execute("SELECT digest, applied_at FROM schema_views").fetchall()
        con.execute("CREATE OR REPLACE VIEW v_articles AS SELECT 1 AS marker")  # stands until files change
    with connect(path) as con:
        assert con.execute("SELECT digest, applied_at FROM schema_views").fetchall() == first
        assert [d[0] for d in con.execute("SELECT * FROM v_articles").description] == ["marker"]


HOLD_UNTIL_TOLD = """
import pathlib, sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print("open", flush=True)
while not pathlib.Path(sys.argv[2]).exists():
    time.sleep(0.05)
con.close()
"""


def test_a_connection_waits_for_a_holder_that_lets_go_and_gives_up_on_one_that_does_not(
    tmp_path: Path,
) -> None:
    database, release = tmp_path / "w.duckdb", tmp_path / "release"
    connect(database).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_UNTIL_TOLD, str(database), str(release)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(DatabaseLocked, match=f"PID {holder.pid}"):
            connect(database, wait_seconds=0.5)  # still held after half a second of tries
        threading.Timer(0.5, release.touch).start()  # the holder lets go while the next call waits
        with connect(database, wait_seconds=120) as con:
            assert con.execute("SELECT count(*) FROM schema_version").fetchone()[0] > 0
    finally:
        release.touch()
        holder.wait(timeout=60)


def test_a_database_cut_short_is_damaged_not_opened(tmp_path: Path) -> None:
    database = tmp_path / "w.duckdb"
    with connect(database) as con:
        con.execute("CREATE TABLE filler AS SELECT range AS a, md5(range::VARCHAR) AS b FROM range(300000)")
    with database.open("r+b") as file:
        file.truncate(database.stat().st_size // 2)
    for read_only in (False, True):
        with pytest.raises(DatabaseDamaged, match="is damaged") as info:
            connect(database, read_only=read_only)
        assert "\n" not in str(info.value) and "operations.md" in str(info.value)
