"""Open the warehouse and migrate it: the files in warehouse/sql/ are numbered forward migrations.

Each file `NNN_name.sql` is applied once, in number order, in its own transaction, and recorded in
`schema_version`. View files (`NNN_v_*.sql`, all `CREATE OR REPLACE VIEW`) are applied again, all of
them in number order so the last file that defines a view wins, at every start that finds them changed
(their digest in `schema_views` differs), a migration applied, or one of their views missing. A database whose
schema_version is newer than the newest file here stops with SchemaTooNew: it was written by a newer
release of the code.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

SQL_DIR = Path(__file__).parent / "sql"
FILE_NAME = re.compile(r"^(\d+)_(\w+)\.sql$")
VIEW_NAME = re.compile(r"^v_\w+$")

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
COMMENT ON COLUMN schema_views.digest IS 'SHA-256 of the view files (NNN_v_*.sql) in number order.';
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


def _open(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        locked = _locked(path, exc)
        if locked is None:
            raise
        raise locked from None


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    path: Path

    @property
    def is_view(self) -> bool:
        return bool(VIEW_NAME.match(self.name))

    def sql(self) -> str:
        return self.path.read_text(encoding="utf-8")


def migrations(sql_dir: Path = SQL_DIR) -> list[Migration]:
    """The migration files in number order; two files with one number are an error."""
    found: dict[int, Migration] = {}
    for path in sorted(sql_dir.glob("*.sql")):
        match = FILE_NAME.match(path.name)
        if match is None:
            raise SchemaError(f"{path.name}: migration files are named NNN_name.sql")
        version = int(match.group(1))
        if version in found:
            raise SchemaError(f"{path.name} and {found[version].path.name} share number {version}")
        found[version] = Migration(version, match.group(2), path)
    return [found[v] for v in sorted(found)]


def ddl_files() -> list[Path]:
    return [m.path for m in migrations()]


def code_version(files: list[Migration] | None = None) -> int:
    files = migrations() if files is None else files
    return max((m.version for m in files), default=0)


def _meta_tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {row[0] for row in con.execute(META_TABLES).fetchall()}


def applied_versions(con: duckdb.DuckDBPyConnection) -> set[int]:
    if "schema_version" not in _meta_tables(con):
        con.execute(CREATE_SCHEMA_VERSION)
    return {row[0] for row in con.execute(APPLIED_VERSIONS).fetchall()}


def views_digest(views: list[Migration]) -> str:
    digest = hashlib.sha256()
    for view in views:
        digest.update(f"{view.path.name}\0{view.sql()}\0".encode())
    return digest.hexdigest()


def _views_current(con: duckdb.DuckDBPyConnection, views: list[Migration], digest: str) -> bool:
    """The view files applied last are these, and every view they define exists."""
    if "schema_views" not in _meta_tables(con):
        con.execute(CREATE_SCHEMA_VIEWS)
        return False
    recorded = con.execute(VIEWS_DIGEST).fetchall()
    defined = {name.lower() for view in views for name in DEFINED_VIEW.findall(view.sql())}
    present = {row[0].lower() for row in con.execute(VIEW_NAMES).fetchall()}
    return recorded == [(digest,)] and defined <= present


def _apply_views(con: duckdb.DuckDBPyConnection, views: list[Migration], digest: str) -> None:
    for view in views:  # in order, so a later file's definition wins
        _apply(con, view, record=False)
    con.execute(CREATE_SCHEMA_VIEWS)
    con.execute(FORGET_VIEWS)
    con.execute(RECORD_VIEWS, {"digest": digest})


def _apply(con: duckdb.DuckDBPyConnection, migration: Migration, record: bool) -> None:
    con.begin()
    try:
        con.execute(migration.sql())
        if record:
            con.execute(RECORD_VERSION, {"version": migration.version, "name": migration.path.name})
        con.commit()
    except Exception as exc:
        con.rollback()
        raise SchemaError(f"migration {migration.path.name} failed: {exc}") from exc


def migrate(con: duckdb.DuckDBPyConnection, files: list[Migration] | None = None) -> list[int]:
    """Apply the pending migrations in order, then the views again when needed; returns the versions
    applied."""
    files = migrations() if files is None else files
    applied = applied_versions(con)
    newest = code_version(files)
    if applied and max(applied) > newest:
        raise SchemaTooNew(
            f"the database has schema version {max(applied)}, newer than this code's {newest}: "
            "it was written by a newer release of clusterwatch; upgrade the code (or use another --home)"
        )
    pending = [m for m in files if m.version not in applied]
    for migration in pending:
        _apply(con, migration, record=True)
    views = [m for m in files if m.is_view]
    digest = views_digest(views)
    if pending or not _views_current(con, views, digest):
        _apply_views(con, views, digest)
    return [m.version for m in pending]


def apply_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Bring the database to the code's schema (the name the rest of the project knows)."""
    migrate(con)


def connect(path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection with the schema migrated (a read-only one is opened as it is). DatabaseLocked,
    naming the process, when another process holds the file."""
    if read_only:
        return _open(path, read_only=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = _open(path, read_only=False)
    try:
        migrate(con)
    except Exception:
        con.close()
        raise
    return con
