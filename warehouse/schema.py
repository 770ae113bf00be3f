"""Open the warehouse and migrate it: tables are numbered forward migrations, views are files.

Each file `warehouse/sql/NNN_name.sql` changes tables: it is applied once, in number order, in its own
transaction, and recorded in `schema_version`. Views are not data: each lives in one file,
`warehouse/sql/views/v_name.sql` (one `CREATE OR REPLACE VIEW v_name` and its comments), edited in
place when the view changes. All of them are applied again, a view after the views it reads, at every
start that finds them changed (their digest in `schema_views` differs), a migration applied, or one of
their views missing. A numbered file named `NNN_v_*.sql` is refused: a view goes in `views/`.

A database migrated by older releases, whose `schema_version` records the numbered view files that
came before `views/`, upgrades like any other: those numbers are simply never pending again. A
database whose schema_version is newer than the newest file here stops with SchemaTooNew: it was
written by a newer release of the code.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

SQL_DIR = Path(__file__).parent / "sql"
VIEWS_FOLDER = "views"
FILE_NAME = re.compile(r"^(\d+)_(\w+)\.sql$")
VIEW_NAME = re.compile(r"^v_\w+$")
VIEW_REFERENCE = re.compile(r"\bv_\w+\b", re.I)

CREATE_SCHEMA_VERSION = """
CREATE TABLE IF NOT EXISTS schema_version (
    version    INTEGER PRIMARY KEY,
    name       VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
COMMENT ON TABLE schema_version IS 'One row per migration file of warehouse/sql/ applied to this database.';
COMMENT ON COLUMN schema_version.version IS 'Number of the migration file (its NNN_ prefix).';
COMMENT ON COLUMN schema_version.name IS 'File name of the migration.';
COMMENT ON COLUMN schema_version.applied_at IS 'When it was applied.';
"""
CREATE_SCHEMA_VIEWS = """
CREATE TABLE IF NOT EXISTS schema_views (
    digest     VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
COMMENT ON TABLE schema_views IS
    'The view files last applied to this database: they are applied again when they change.';
COMMENT ON COLUMN schema_views.digest IS
    'SHA-256 of the view files (warehouse/sql/views/v_*.sql) in the order applied.';
COMMENT ON COLUMN schema_views.applied_at IS 'When they were applied.';
"""
META_TABLES = (
    "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND table_name LIKE 'schema_%'"
)
VIEW_NAMES = "SELECT view_name FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal"
VIEWS_DIGEST = "SELECT digest FROM schema_views"
FORGET_VIEWS = "DELETE FROM schema_views"
RECORD_VIEWS = "INSERT INTO schema_views (digest) VALUES ($digest)"
DEFINED_VIEW = re.compile(r"CREATE\s+OR\s+REPLACE\s+VIEW\s+(\w+)", re.I)
APPLIED_VERSIONS = "SELECT version FROM schema_version"
RECORD_VERSION = "INSERT INTO schema_version (version, name) VALUES ($version, $name)"


class SchemaError(RuntimeError):
    """The database and the code disagree about the schema."""


class SchemaTooNew(SchemaError):
    """The database was migrated by a newer release of the code than this one."""


class DatabaseLocked(RuntimeError):
    """Another process holds the database file: the message names the file and that process."""


class DatabaseDamaged(RuntimeError):
    """The database file is damaged (cut short, or blocks that fail their checksum): what to do is in
    docs/operations.md."""


DAMAGE_SIGNS = ("Could not read enough bytes", "Corrupt database file", "not a valid DuckDB database")
DATABASE_SIZE = "SELECT block_size, total_blocks FROM pragma_database_size()"
TABLES_STORED = "SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = current_database()"
HIGHEST_BLOCK = "SELECT max(block_id) FROM pragma_storage_info(?)"
HEADER_BYTES = 3 * 4096  # the main header and the two database headers before the first block
LOCKED_WAIT_SECONDS = 60.0  # a connection waits this long for another process to let go of the file
LOCKED_RETRY_SECONDS = (0.1, 2.0)  # first and longest pause between tries

LOCK_HOLDER = re.compile(r"Conflicting lock is held in (?P<program>.+?) \(PID (?P<pid>\d+)\)")


def _locked(path: Path, exc: duckdb.IOException) -> DatabaseLocked | None:
    """DatabaseLocked for DuckDB's "Could not set lock" error, None for any other I/O error."""
    if "Could not set lock" not in str(exc):
        return None
    found = LOCK_HOLDER.search(str(exc))
    holder = f"{found['program']} (PID {found['pid']})" if found else "another process"
    return DatabaseLocked(
        f"{path} is locked by {holder}; close that connection and run again "
        "(analysts: query the published snapshot, not the working database)"
    )


def damaged(path: Path, exc: BaseException) -> DatabaseDamaged | None:
    """DatabaseDamaged for the errors DuckDB gives on a damaged file, None for any other."""
    if not any(sign in str(exc) for sign in DAMAGE_SIGNS):
        return None
    detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return DatabaseDamaged(
        f"{path} is damaged ({detail}); nothing was changed: move it aside and restore it from the "
        "published snapshot or a backup (see 'A damaged database' in docs/operations.md)"
    )


# The files found whole when this process first opened them, with their length then. DuckDB shares one
# instance per file within a process, and the blocks a still-open connection has not written yet count in
# its size: the length is checked at the first open (before a run fetches anything) and again only when the
# file has become shorter since, not against a run's own open transaction.
_FOUND_INTACT: dict[Path, int] = {}


def check_intact(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """DatabaseDamaged when the file is shorter than the blocks its tables use (cut short by a full
    disk, a copy or a crash of the storage)."""
    block_size, total_blocks = con.execute(DATABASE_SIZE).fetchone() or (0, 0)
    actual = path.stat().st_size
    if actual >= HEADER_BYTES + block_size * total_blocks:
        return
    # DuckDB leaves free blocks off the end of the file: the count may run past a whole file, so what
    # must be in it is every block a table uses (reading one past the end is an IO error)
    try:
        highest = _highest_block_in_use(con)
    except duckdb.IOException:
        highest = total_blocks - 1
    expected = HEADER_BYTES + block_size * (highest + 1)
    if actual < expected:
        raise DatabaseDamaged(
            f"{path} is damaged (cut short: {actual} bytes of {expected}); nothing was changed: move it "
            "aside and restore it from the published snapshot or a backup (see 'A damaged database' "
            "in docs/operations.md)"
        )


def _highest_block_in_use(con: duckdb.DuckDBPyConnection) -> int:
    """The highest block number any table's stored data uses (-1 when none)."""
    highest = -1
    for schema, table in con.execute(TABLES_STORED).fetchall():
        name = '"' + schema.replace('"', '""') + '"."' + table.replace('"', '""') + '"'
        block = con.execute(HIGHEST_BLOCK, [name]).fetchone()[0]
        highest = max(highest, -1 if block is None else block)
    return highest


# The stamp of a file its last writer closed cleanly (`record_closed`): its size, modification and change
# times and inode then, beside it as `NAME.closed`. A file that still matches its stamp is the file
# DuckDB left, so the length check (a walk of every table's blocks: 0.34 s of CPU, cold, on the
# warehouse of 1,000 real pages) is skipped; a file cut short, written, copied over or touched since no
# longer matches (its change time moves with any of these) and gets the whole check.
STAMP_SUFFIX = ".closed"


def _stamp_path(path: Path) -> Path:
    return path.with_name(path.name + STAMP_SUFFIX)


def _file_stamp(path: Path) -> dict[str, int]:
    found = path.stat()
    return {
        "size": found.st_size,
        "mtime_ns": found.st_mtime_ns,
        "ctime_ns": found.st_ctime_ns,
        "inode": found.st_ino,
        "device": found.st_dev,
    }


def record_closed(path: Path) -> None:
    """Stamp PATH as closed cleanly: call it once every connection of this process to the file is closed
    (its last checkpoint written). Nothing is stamped when the file is missing."""
    try:
        stamp = _file_stamp(path)
    except FileNotFoundError:
        return
    temporary = path.with_name(f".{path.name}{STAMP_SUFFIX}.{os.getpid()}")
    temporary.write_text(json.dumps(stamp) + "\n", encoding="utf-8")
    os.replace(temporary, _stamp_path(path))


def closed_cleanly(path: Path) -> bool:
    """True when PATH is as its stamp recorded it (`record_closed`); False without a stamp, with a
    damaged one, or when the file changed since."""
    try:
        recorded = json.loads(_stamp_path(path).read_text(encoding="utf-8"))
        return recorded == _file_stamp(path)
    except (OSError, ValueError):
        return False


def _open_once(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as exc:
        problem = _locked(path, exc) if isinstance(exc, duckdb.IOException) else None
        problem = problem or damaged(path, exc)
        if problem is None:
            raise
        raise problem from None
    size = path.stat().st_size
    if size >= _FOUND_INTACT.get(path.resolve(), size + 1):  # found whole here before, and not shorter
        return con
    if path.resolve() in _FOUND_INTACT or not closed_cleanly(path):
        try:
            check_intact(con, path)
        except BaseException:
            con.close()
            raise
    _FOUND_INTACT[path.resolve()] = size
    return con


def _open(
    path: Path, read_only: bool, wait_seconds: float = LOCKED_WAIT_SECONDS
) -> duckdb.DuckDBPyConnection:
    """A connection on PATH; while another process holds the file, tries again for `wait_seconds`."""
    deadline = time.monotonic() + wait_seconds
    pause = LOCKED_RETRY_SECONDS[0]
    while True:
        try:
            return _open_once(path, read_only)
        except DatabaseLocked:
            if time.monotonic() + pause > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, LOCKED_RETRY_SECONDS[1])


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    path: Path

    def sql(self) -> str:
        return self.path.read_text(encoding="utf-8")


@dataclass(frozen=True)
class View:
    """One view file: `views/v_name.sql` defines the view `v_name`."""

    name: str
    path: Path

    def sql(self) -> str:
        return self.path.read_text(encoding="utf-8")

    def reads(self, names: set[str]) -> set[str]:
        """The other views of NAMES this one's SQL mentions."""
        return {word.lower() for word in VIEW_REFERENCE.findall(self.sql())} & names - {self.name}


def migrations(sql_dir: Path = SQL_DIR) -> list[Migration]:
    """The numbered migration files in number order; two files with one number, or a numbered view
    file, are an error."""
    found: dict[int, Migration] = {}
    for path in sorted(sql_dir.glob("*.sql")):
        match = FILE_NAME.match(path.name)
        if match is None:
            raise SchemaError(f"{path.name}: migration files are named NNN_name.sql")
        if VIEW_NAME.match(match.group(2)):
            raise SchemaError(
                f"{path.name}: a view is not a migration; put it in {sql_dir.name}/{VIEWS_FOLDER}/"
                f"{match.group(2)}.sql (one file per view, re-created when it changes)"
            )
        version = int(match.group(1))
        if version in found:
            raise SchemaError(f"{path.name} and {found[version].path.name} share number {version}")
        found[version] = Migration(version, match.group(2), path)
    return [found[v] for v in sorted(found)]


def view_files(sql_dir: Path = SQL_DIR) -> list[View]:
    """The view files of SQL_DIR/views/, each after the views it reads (then by name); a file must be
    named after the view it defines, and views that read each other in a circle are an error."""
    views: dict[str, View] = {}
    for path in sorted((sql_dir / VIEWS_FOLDER).glob("*.sql")):
        defined = [name.lower() for name in DEFINED_VIEW.findall(path.read_text(encoding="utf-8"))]
        if not VIEW_NAME.match(path.stem) or defined != [path.stem]:
            raise SchemaError(f"{path.name}: a view file defines one view, named as the file (v_name.sql)")
        views[path.stem] = View(path.stem, path)
    ordered: list[View] = []
    waiting = dict(views)
    while waiting:
        ready = [v for v in waiting.values() if not v.reads(set(waiting))]
        if not ready:
            raise SchemaError(f"these views read each other in a circle: {', '.join(sorted(waiting))}")
        for view in ready:
            ordered.append(waiting.pop(view.name))
    return ordered


def ddl_files() -> list[Path]:
    return [m.path for m in migrations()] + [v.path for v in view_files()]


def code_version(files: list[Migration] | None = None) -> int:
    files = migrations() if files is None else files
    return max((m.version for m in files), default=0)


def _meta_tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {row[0] for row in con.execute(META_TABLES).fetchall()}


def applied_versions(con: duckdb.DuckDBPyConnection) -> set[int]:
    if "schema_version" not in _meta_tables(con):
        con.execute(CREATE_SCHEMA_VERSION)
    return {row[0] for row in con.execute(APPLIED_VERSIONS).fetchall()}


def views_digest(views: list[View]) -> str:
    digest = hashlib.sha256()
    for view in views:
        digest.update(f"{view.path.name}\0{view.sql()}\0".encode())
    return digest.hexdigest()


def _views_current(con: duckdb.DuckDBPyConnection, views: list[View], digest: str) -> bool:
    """The view files applied last are these, and every view they define exists."""
    if "schema_views" not in _meta_tables(con):
        con.execute(CREATE_SCHEMA_VIEWS)
        return False
    recorded = con.execute(VIEWS_DIGEST).fetchall()
    defined = {view.name for view in views}
    present = {row[0].lower() for row in con.execute(VIEW_NAMES).fetchall()}
    return recorded == [(digest,)] and defined <= present


def _apply_views(con: duckdb.DuckDBPyConnection, views: list[View], digest: str) -> None:
    con.begin()
    try:
        for view in views:  # a view after the views it reads
            con.execute(view.sql())
    except Exception as exc:
        con.rollback()
        raise SchemaError(f"view file {view.path.name} failed: {exc}") from exc
    con.commit()
    con.execute(CREATE_SCHEMA_VIEWS)
    con.execute(FORGET_VIEWS)
    con.execute(RECORD_VIEWS, {"digest": digest})


def _apply(con: duckdb.DuckDBPyConnection, migration: Migration) -> None:
    con.begin()
    try:
        con.execute(migration.sql())
        con.execute(RECORD_VERSION, {"version": migration.version, "name": migration.path.name})
        con.commit()
    except Exception as exc:
        con.rollback()
        raise SchemaError(f"migration {migration.path.name} failed: {exc}") from exc


def migrate(
    con: duckdb.DuckDBPyConnection, files: list[Migration] | None = None, views: list[View] | None = None
) -> list[int]:
    """Apply the pending migrations in order, then the views again when needed; returns the versions
    applied."""
    files = migrations() if files is None else files
    views = view_files() if views is None else views
    applied = applied_versions(con)
    newest = code_version(files)
    if applied and max(applied) > newest:
        raise SchemaTooNew(
            f"the database has schema version {max(applied)}, newer than this code's {newest}: "
            "it was written by a newer release of clusterwatch; upgrade the code (or use another --home)"
        )
    pending = [m for m in files if m.version not in applied]
    for migration in pending:
        _apply(con, migration)
    digest = views_digest(views)
    if pending or not _views_current(con, views, digest):
        _apply_views(con, views, digest)
    return [m.version for m in pending]


def apply_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Bring the database to the code's schema (the name the rest of the project knows)."""
    migrate(con)


def connect(
    path: Path, read_only: bool = False, wait_seconds: float = LOCKED_WAIT_SECONDS
) -> duckdb.DuckDBPyConnection:
    """A connection with the schema migrated (a read-only one is opened as it is). While another
    process holds the file it tries again for `wait_seconds`, then raises DatabaseLocked naming that
    process; DatabaseDamaged when the file is damaged."""
    if read_only:
        return _open(path, read_only=True, wait_seconds=wait_seconds)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = _open(path, read_only=False, wait_seconds=wait_seconds)
    try:
        migrate(con)
    except Exception:
        con.close()
        raise
    return con
