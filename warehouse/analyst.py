"""What analysts touch: the database they open, read-only queries, exports of every dim, fact and view."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

ALLOWED_STATEMENTS = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
EXPORT_FORMATS = ("parquet", "csv")
EXPORTABLE = """
SELECT table_name AS name FROM duckdb_tables()
WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
    AND regexp_matches(table_name, '^(dim|fact)_')
UNION ALL
SELECT view_name FROM duckdb_views()
WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
    AND regexp_matches(view_name, '^v_')
ORDER BY name
"""


class QueryRefused(ValueError):
    """The statement is not a read-only query, or does not parse."""


class NoDatabase(FileNotFoundError):
    """Neither a published snapshot nor a working database exists under the home folder."""


@dataclass(frozen=True)
class AnalystDatabase:
    path: Path
    is_snapshot: bool


@dataclass(frozen=True)
class QueryResult:
    columns: list[str]
    rows: list[tuple[Any, ...]]
    truncated: bool


@dataclass(frozen=True)
class Exported:
    name: str
    rows: int
    path: Path


def analyst_database(working: Path, snapshot: Path) -> AnalystDatabase:
    """The published snapshot, or the working database when nothing has been published yet."""
    if snapshot.is_file():
        return AnalystDatabase(snapshot, True)
    if working.is_file():
        return AnalystDatabase(working, False)
    raise NoDatabase(
        f"no database at {snapshot} or {working}: run `clusterwatch run` or `clusterwatch demo` first"
    )


def connect_read_only(database: AnalystDatabase) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(database.path), read_only=True)
    except duckdb.IOException as exc:
        raise NoDatabase(f"cannot open {database.path} read-only (a run may be writing it): {exc}") from exc


def check_query(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    """Refuse anything but one SELECT / WITH / EXPLAIN / DESCRIBE / SHOW statement, before it runs."""
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise QueryRefused(f"the query does not parse: {exc}") from exc
    if len(statements) != 1:
        raise QueryRefused(f"one statement at a time, please (got {len(statements)})")
    kind = statements[0].type
    if kind not in ALLOWED_STATEMENTS:
        raise QueryRefused(
            f"refused: this is a {kind.name} statement; only read-only queries "
            "(SELECT, WITH, EXPLAIN, DESCRIBE, SHOW) run here"
        )


def run_query(con: duckdb.DuckDBPyConnection, sql: str, max_rows: int) -> QueryResult:
    check_query(con, sql)
    cursor = con.execute(sql)
    columns = [d[0] for d in cursor.description or []]
    rows = cursor.fetchmany(max_rows + 1)
    return QueryResult(columns, rows[:max_rows], len(rows) > max_rows)


def exportable(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every dim_*, fact_* table and v_* view, by name, from the catalogue."""
    return [row[0] for row in con.execute(EXPORTABLE).fetchall()]


def export_all(con: duckdb.DuckDBPyConnection, out: Path, fmt: str) -> list[Exported]:
    """Write each dim, fact and view to OUT/<name>.<fmt> (DuckDB's COPY, through the relation API)."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"format must be one of {EXPORT_FORMATS}, not {fmt!r}")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in exportable(con):
        relation, path = con.table(name), out / f"{name}.{fmt}"
        if fmt == "parquet":
            relation.write_parquet(str(path))
        else:
            relation.write_csv(str(path), header=True)
        written.append(Exported(name, relation.aggregate("count(*)").fetchall()[0][0], path))
    return written
