"""The migration runner: files applied once and in order, older databases migrated, newer ones refused."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import duckdb
import pytest

from tests.processes import REPO
from warehouse.schema import (
    DatabaseDamaged,
    DatabaseLocked,
    SchemaError,
    SchemaTooNew,
    check_intact,
    closed_cleanly,
    code_version,
    connect,
    migrate,
    migrations,
    record_closed,
    view_files,
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
        assert migrate(con, first, views=[]) == [m.version for m in first]
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


def _sql_folder(tmp_path: Path, views: dict[str, str]) -> Path:
    sql = tmp_path / "sql"
    (sql / "views").mkdir(parents=True, exist_ok=True)
    (sql / "001_t.sql").write_text("CREATE TABLE t (a INTEGER, b INTEGER);", encoding="utf-8")
    for name, body in views.items():
        (sql / "views" / f"{name}.sql").write_text(body, encoding="utf-8")
    return sql


def test_an_edited_view_file_is_applied_at_the_next_start(tmp_path: Path) -> None:
    sql = _sql_folder(tmp_path, {"v_t": "CREATE OR REPLACE VIEW v_t AS SELECT a FROM t;"})
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    migrate(con, migrations(sql), view_files(sql))
    edited = "CREATE OR REPLACE VIEW v_t AS SELECT a, b FROM t;"
    (sql / "views" / "v_t.sql").write_text(edited, encoding="utf-8")
    assert migrate(con, migrations(sql), view_files(sql)) == []  # no migration, yet the view changed
    assert [d[0] for d in con.execute("SELECT * FROM v_t").description] == ["a", "b"]


def test_a_view_is_applied_after_the_views_it_reads(tmp_path: Path) -> None:
    sql = _sql_folder(
        tmp_path,
        {
            "v_a": "CREATE OR REPLACE VIEW v_a AS SELECT b FROM v_z;",  # reads v_z, named after it
            "v_z": "CREATE OR REPLACE VIEW v_z AS SELECT a, b FROM t;",
        },
    )
    assert [v.name for v in view_files(sql)] == ["v_z", "v_a"]
    with duckdb.connect(":memory:") as con:
        migrate(con, migrations(sql), view_files(sql))
        assert con.execute("SELECT count(*) FROM v_a").fetchone() == (0,)


def test_views_reading_each_other_in_a_circle_are_refused(tmp_path: Path) -> None:
    sql = _sql_folder(
        tmp_path,
        {
            "v_a": "CREATE OR REPLACE VIEW v_a AS SELECT * FROM v_b;",
            "v_b": "CREATE OR REPLACE VIEW v_b AS SELECT * FROM v_a;",
        },
    )
    with pytest.raises(SchemaError, match="in a circle: v_a, v_b"):
        view_files(sql)


@pytest.mark.parametrize(
    ("file", "body", "message"),
    [
        ("views/v_t.sql", "CREATE OR REPLACE VIEW v_other AS SELECT 1;", "named as the file"),
        ("030_v_t.sql", "CREATE OR REPLACE VIEW v_t AS SELECT 1;", r"put it in sql/views/v_t\.sql"),
    ],
)
def test_a_view_file_outside_its_place_is_refused(tmp_path: Path, file: str, body: str, message: str) -> None:
    sql = _sql_folder(tmp_path, {})
    (sql / file).write_text(body, encoding="utf-8")
    with pytest.raises(SchemaError, match=message):
        migrations(sql)
        view_files(sql)


def test_every_view_of_the_code_has_its_own_file() -> None:
    views = view_files()
    assert {v.name for v in views} >= {"v_articles", "v_people_roles", "v_event_participants"}
    assert all(v.path.name == f"{v.name}.sql" for v in views)


OLD_VIEWS = REPO / "tests" / "data" / "warehouse" / "views_before_folder.sql"


def test_a_database_migrated_by_the_numbered_view_files_upgrades(tmp_path: Path) -> None:
    """A database of the release before views/ (numbered view files recorded in schema_version, the
    views as they defined them) is migrated: new migrations applied, every view re-created, data kept."""
    path = tmp_path / "old.duckdb"
    old_views = re.split(r"^-- (\d{3}_v_\w+\.sql)$", OLD_VIEWS.read_text(encoding="utf-8"), flags=re.M)
    with duckdb.connect(str(path)) as con:
        migrate(con, [m for m in migrations() if m.version <= 80], views=[])
        for name, body in zip(old_views[1::2], old_views[2::2], strict=True):
            con.execute(body)
            con.execute(RECORD, {"version": int(name[:3]), "name": name})
        con.execute("INSERT INTO dim_source VALUES (1, 's', 'x.test', 'S', 'ru')")
        old_columns = [d[0] for d in con.execute("SELECT * FROM v_people_roles").description]
        assert "role_normalised" not in old_columns
    with connect(path) as con:
        versions = _versions(con)
        assert {m.version for m in migrations()} <= set(versions)
        assert {30, 60, 67} <= set(versions)  # the old view files stay recorded
        columns = [d[0] for d in con.execute("SELECT * FROM v_people_roles").description]
        assert "role_normalised" in columns
        assert {v.name for v in view_files()} <= _tables(con)
        assert con.execute("SELECT count(*) FROM dim_source").fetchone() == (1,)


RECORD = "INSERT INTO schema_version (version, name) VALUES ($version, $name)"


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
            connect(database, wait_seconds=0.5)  # the waiting itself is the next test's
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


def _free_blocks_off_the_end(path: Path) -> None:
    """A file whose last blocks were freed: DuckDB keeps them off the end of the file but in its count."""
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE kept AS SELECT range AS x, md5(range::VARCHAR) AS y FROM range(100000)")
        con.execute("CHECKPOINT")
        con.execute("CREATE TABLE dropped AS SELECT * FROM kept")
        con.execute("CHECKPOINT")
        con.execute("DROP TABLE dropped")
        con.execute("CHECKPOINT")


def test_free_blocks_off_the_end_are_no_damage_and_a_used_block_cut_off_is(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    _free_blocks_off_the_end(path)
    with duckdb.connect(str(path), read_only=True) as con:
        block_size, counted = con.execute(
            "SELECT block_size, total_blocks FROM pragma_database_size()"
        ).fetchone()
        assert path.stat().st_size < 3 * 4096 + block_size * counted  # what a third run on one HOME met
        check_intact(con, path)
    with path.open("r+b") as file:
        file.truncate(path.stat().st_size - block_size)
    with duckdb.connect(str(path), read_only=True) as con, pytest.raises(DatabaseDamaged, match="cut short"):
        check_intact(con, path)


def test_a_file_closed_cleanly_is_known_by_its_stamp_until_it_changes(tmp_path: Path) -> None:
    """The stamp a run leaves after its last connection closes matches the file until anything touches it:
    cut short, written, or replaced by a copy."""
    database = tmp_path / "w.duckdb"
    with connect(database) as con:
        con.execute("CREATE TABLE filler AS SELECT range AS a FROM range(1000)")
    assert not closed_cleanly(database)  # never stamped
    record_closed(database)
    assert closed_cleanly(database)
    with connect(database) as con:  # opened and read: the file is as it was
        con.execute("SELECT count(*) FROM filler").fetchone()
    assert closed_cleanly(database)
    with connect(database) as con:
        con.execute("INSERT INTO filler VALUES (1)")
    assert not closed_cleanly(database)
    record_closed(database)
    copy = tmp_path / "copy.duckdb"
    shutil.copy2(database, copy)
    os.replace(copy, database)  # the same bytes and times, another file
    assert not closed_cleanly(database)
    (tmp_path / "w.duckdb.closed").write_text("{not json", encoding="utf-8")
    assert not closed_cleanly(database)


def test_a_stamped_file_cut_short_is_still_damaged(tmp_path: Path) -> None:
    """A file stamped at its clean close, then cut short by one block it uses (DuckDB itself opens it):
    the stamp no longer matches, so the whole check runs and finds it."""
    database = tmp_path / "w.duckdb"
    _free_blocks_off_the_end(database)  # shorter than its block count: the whole check walks the tables
    record_closed(database)
    with duckdb.connect(str(database), read_only=True) as con:
        block_size = con.execute("SELECT block_size FROM pragma_database_size()").fetchone()[0]
    with database.open("r+b") as file:  # a used block: DuckDB opens the file, only the check sees it
        file.truncate(database.stat().st_size - block_size)
    for read_only in (False, True):
        with pytest.raises(DatabaseDamaged, match="cut short"):
            connect(database, read_only=read_only)
