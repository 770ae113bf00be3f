"""What analysts touch: the database they open, read-only queries, exports of every dim, fact and view.

An analyst connection is read-only and cannot reach anything but its database: no file or URL is
read or written (read_csv, glob, COPY, ATTACH, EXPORT DATABASE), no extension is installed or
loaded, and the configuration is locked, so no statement can turn any of this back on. Exports are
written by pyarrow from Arrow batches the connection hands over, never by DuckDB itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.csv
import pyarrow.parquet

ANALYST_CONFIG: dict[str, bool] = {
    "enable_external_access": False,
    "autoload_known_extensions": False,
    "autoinstall_known_extensions": False,
    "allow_community_extensions": False,
    "lock_configuration": True,  # last: SET, RESET and PRAGMA cannot undo the lines above
}
ALLOWED_STATEMENTS = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
RUNS_WHAT_IT_EXPLAINS = {"analyze", "analyse"}  # EXPLAIN ANALYZE executes the statement
LEADING_WORD = re.compile(r'"[^"]*"|\w+')
WORD_TOKENS = {duckdb.token_type.keyword, duckdb.token_type.identifier}
EXPORT_FORMATS = ("parquet", "csv")
EXPORT_BATCH_ROWS = 64_000
NESTED_TYPES = {"list", "array", "struct", "map", "union"}
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
    """A read-only connection on DATABASE that reaches no file, URL or extension (ANALYST_CONFIG)."""
    try:
        return duckdb.connect(str(database.path), read_only=True, config=ANALYST_CONFIG)
    except duckdb.IOException as exc:
        raise NoDatabase(f"cannot open {database.path} read-only (a run may be writing it): {exc}") from exc
    except duckdb.ConnectionException as exc:  # this process already holds it, opened otherwise
        raise NoDatabase(f"cannot open {database.path} read-only: {exc}") from exc


def _words(sql: str) -> set[str]:
    """The keywords and bare identifiers of SQL, lower-cased; comments and strings left out."""
    raw = sql.encode()  # the tokenizer counts offsets in UTF-8 bytes
    tokens = duckdb.tokenize(sql)
    ends = [start for start, _ in tokens[1:]] + [len(raw)]
    spans = (
        raw[start:end].decode(errors="replace").strip().lower()
        for (start, kind), end in zip(tokens, ends, strict=True)
        if kind in WORD_TOKENS
    )
    return {_leading_word(span) for span in spans}


def _leading_word(span: str) -> str:
    """The word a token's span starts with: DuckDB 1.5's tokenizer gives comments no token of their own,
    so a keyword's span runs on over the comment after it."""
    found = LEADING_WORD.match(span)
    return found.group(0) if found else span


def check_query(con: duckdb.DuckDBPyConnection, sql: str) -> duckdb.Statement:
    """The one SELECT / WITH / EXPLAIN / DESCRIBE / SHOW statement of SQL; anything else is refused."""
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise QueryRefused(f"the query does not parse: {exc}") from exc
    if not statements:
        raise QueryRefused("no statement to run: the query is empty or only comments")
    if len(statements) != 1:
        raise QueryRefused(f"one statement at a time, please (got {len(statements)})")
    statement = statements[0]
    if statement.type not in ALLOWED_STATEMENTS:
        raise QueryRefused(
            f"refused: this is a {statement.type.name} statement; only read-only queries "
            "(SELECT, WITH, EXPLAIN, DESCRIBE, SHOW) run here"
        )
    if statement.type == duckdb.StatementType.EXPLAIN and RUNS_WHAT_IT_EXPLAINS & _words(statement.query):
        raise QueryRefused("refused: EXPLAIN ANALYZE runs the statement it explains; use EXPLAIN alone")
    return statement


def run_query(con: duckdb.DuckDBPyConnection, sql: str, max_rows: int) -> QueryResult:
    """Run the one read-only statement of SQL (see check_query); at most MAX_ROWS rows are fetched."""
    cursor = con.execute(check_query(con, sql))
    columns = [d[0] for d in cursor.description or []]
    rows = cursor.fetchmany(max_rows + 1)
    return QueryResult(columns, rows[:max_rows], len(rows) > max_rows)


def exportable(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every dim_*, fact_* table and v_* view, by name, from the catalogue."""
    return [row[0] for row in con.execute(EXPORTABLE).fetchall()]


def export_all(con: duckdb.DuckDBPyConnection, out: Path, fmt: str) -> list[Exported]:
    """Write each dim, fact and view to OUT/<name>.<fmt>, batch by batch, with pyarrow.

    The connection may be an analyst one, which cannot write files: DuckDB only hands over Arrow
    batches. In CSV, list and struct columns are written as DuckDB prints them (`[a, b]`)."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"format must be one of {EXPORT_FORMATS}, not {fmt!r}")
    out.mkdir(parents=True, exist_ok=True)
    return [_export(con.table(name), name, out / f"{name}.{fmt}", fmt) for name in exportable(con)]


def _export(relation: duckdb.DuckDBPyRelation, name: str, path: Path, fmt: str) -> Exported:
    reader = (_flat(relation) if fmt == "csv" else relation).to_arrow_reader(EXPORT_BATCH_ROWS)
    writer_type = pyarrow.parquet.ParquetWriter if fmt == "parquet" else pyarrow.csv.CSVWriter
    rows = 0
    with writer_type(str(path), reader.schema) as writer:
        for batch in reader:
            writer.write_batch(batch)
            rows += batch.num_rows
    return Exported(name, rows, path)


def _flat(relation: duckdb.DuckDBPyRelation) -> duckdb.DuckDBPyRelation:
    """RELATION with its nested columns cast to text, which CSV can hold."""
    columns = [
        duckdb.ColumnExpression(column).cast(duckdb.sqltype("VARCHAR")).alias(column)
        if kind.id in NESTED_TYPES
        else duckdb.ColumnExpression(column)
        for column, kind in zip(relation.columns, relation.dtypes, strict=True)
    ]
    return relation.select(*columns)
