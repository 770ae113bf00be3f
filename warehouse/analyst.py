"""What analysts touch: the database they open, read-only queries, exports of every dim, fact and view.

An analyst connection is read-only and cannot reach anything but its database: no file or URL is
read or written (read_csv, glob, COPY, ATTACH, EXPORT DATABASE), no extension is installed or
loaded, and the configuration is locked, so no statement can turn any of this back on. Its memory,
threads and the temporary files a large query spills are bounded (AnalystLimits) before the lock.
Exports are written by pyarrow from Arrow batches the connection hands over, never by DuckDB itself;
in CSV, text that a spreadsheet would read as a formula is neutralised (`neutralise`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow
import pyarrow.compute
import pyarrow.csv
import pyarrow.parquet

from warehouse.schema import check_intact, damaged

ANALYST_CONFIG: dict[str, bool] = {
    "enable_external_access": False,
    "autoload_known_extensions": False,
    "autoinstall_known_extensions": False,
    "allow_community_extensions": False,
    "lock_configuration": True,  # last: SET, RESET and PRAGMA cannot undo the lines above
}
LOCKDOWN = ("enable_external_access", "lock_configuration")  # set after the limits: they bar changing them
ALLOWED_STATEMENTS = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
RUNS_WHAT_IT_EXPLAINS = {"analyze", "analyse"}  # EXPLAIN ANALYZE executes the statement
WORD = re.compile(r"\w+")
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
OPERATIONAL = ("article_text", "etl_run", "fetch_log", "quarantine", "dq_result")  # exported beside them
SINCE_COLUMNS = ("loaded_at", "fetched_at", "started_at", "checked_at", "held_at")  # first one found
ARTICLES_SINCE = "article_key IN (SELECT article_key FROM fact_article WHERE loaded_at >= $since)"
COLUMN_NAMES = "SELECT column_name FROM duckdb_columns() WHERE table_name = $name AND schema_name = 'main'"
# OWASP CSV injection: a cell starting with one of these is read as a formula by spreadsheets
FORMULA_START = re.compile(r"^[=+\-@\t\r]")
PLAIN_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")  # "-5" is a number, not a formula
DEPTH_HINT = re.compile(r'\s*Use "SET max_expression_depth TO x" to increase the maximum expression depth\.?')


class QueryRefused(ValueError):
    """The statement is not a read-only query, or does not parse."""


class NoDatabase(FileNotFoundError):
    """Neither a published snapshot nor a working database exists under the home folder."""


@dataclass(frozen=True)
class AnalystLimits:
    """What one analyst connection may use: memory, threads, and temporary files on disk."""

    memory_mb: int = 1024
    temp_mb: int = 1024
    temp_directory: Path | None = None  # None: DuckDB's own (the database file's name + .tmp)
    threads: int = 2

    def config(self) -> dict[str, Any]:
        config: dict[str, Any] = {
            "memory_limit": f"{self.memory_mb}MB",
            "max_temp_directory_size": f"{self.temp_mb}MB",
            "threads": self.threads,
        }
        if self.temp_directory is not None:
            config["temp_directory"] = str(self.temp_directory)
        return config


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


def connect_read_only(
    database: AnalystDatabase, limits: AnalystLimits | None = None
) -> duckdb.DuckDBPyConnection:
    """A read-only connection on DATABASE that reaches no file, URL or extension (ANALYST_CONFIG),
    within LIMITS. DatabaseDamaged when the file is damaged."""
    opening = {k: v for k, v in ANALYST_CONFIG.items() if k not in LOCKDOWN}
    opening.update((limits or AnalystLimits()).config())
    try:
        con = duckdb.connect(str(database.path), read_only=True, config=opening)
    except duckdb.Error as exc:
        problem = damaged(database.path, exc)
        if problem is not None:
            raise problem from None
        if isinstance(exc, duckdb.IOException):
            raise NoDatabase(
                f"cannot open {database.path} read-only (a run may be writing it): {exc}"
            ) from exc
        if isinstance(exc, duckdb.ConnectionException):  # this process already holds it, opened otherwise
            raise NoDatabase(f"cannot open {database.path} read-only: {exc}") from exc
        raise
    try:
        check_intact(con, database.path)
        for name in LOCKDOWN:  # the temporary directory cannot be set once external access is off
            con.execute(f"SET {name} = {str(ANALYST_CONFIG[name]).lower()}")
    except BaseException:
        con.close()
        raise
    return con


def _words(sql: str) -> set[str]:
    """The keywords and bare identifiers of SQL, lower-cased; comments and strings left out."""
    raw = sql.encode()  # the tokenizer counts offsets in UTF-8 bytes
    tokens = duckdb.tokenize(sql)
    ends = [start for start, _ in tokens[1:]] + [len(raw)]
    words = (
        WORD.match(raw[start:end].decode(errors="replace").lstrip())
        for (start, kind), end in zip(tokens, ends, strict=True)
        if kind in WORD_TOKENS
    )  # a token's slice runs to the next token: comments after it are cut off
    return {word.group(0).lower() for word in words if word}


def _first_word(sql: str) -> str:
    raw = sql.encode()
    tokens = [start for start, kind in duckdb.tokenize(sql) if kind in WORD_TOKENS]
    found = WORD.match(raw[tokens[0] :].decode(errors="replace")) if tokens else None
    return found.group(0).lower() if found else ""


def check_query(con: duckdb.DuckDBPyConnection, sql: str) -> duckdb.Statement:
    """The one SELECT / WITH / EXPLAIN / DESCRIBE / SHOW statement of SQL; anything else is refused."""
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise QueryRefused(f"the query does not parse: {_without_depth_hint(str(exc))}") from exc
    if not statements:
        raise QueryRefused("no statement to run: the query is empty or only comments")
    if len(statements) != 1 and "pivot" in _words(sql):
        raise QueryRefused(
            "a PIVOT must name the values it turns into columns here (the snapshot is read-only): "
            "PIVOT t ON col IN ('a', 'b') USING sum(x)"
        )
    if len(statements) != 1:
        raise QueryRefused(f"one statement at a time, please (got {len(statements)})")
    statement = statements[0]
    if _first_word(sql) == "pragma":
        raise QueryRefused("refused: PRAGMA statements do not run here; query duckdb_columns() and the like")
    if statement.type not in ALLOWED_STATEMENTS:
        raise QueryRefused(
            f"refused: this is a {statement.type.name} statement; only read-only queries "
            "(SELECT, WITH, EXPLAIN, DESCRIBE, SHOW) run here"
        )
    if statement.type == duckdb.StatementType.EXPLAIN and RUNS_WHAT_IT_EXPLAINS & _words(statement.query):
        raise QueryRefused("refused: EXPLAIN ANALYZE runs the statement it explains; use EXPLAIN alone")
    return statement


def _without_depth_hint(message: str) -> str:
    """DuckDB's message without its advice to SET max_expression_depth, which an analyst cannot."""
    if not DEPTH_HINT.search(message):
        return message
    return DEPTH_HINT.sub("", message) + " (write the expression with less nesting)"


def explain(exc: duckdb.Error) -> str:
    """A DuckDB error as one line, without advice that the locked analyst connection refuses."""
    lines = [line.strip() for line in _without_depth_hint(str(exc)).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__


def _execute(
    con: duckdb.DuckDBPyConnection, sql: str, params: Mapping[str, Any] | None
) -> duckdb.DuckDBPyConnection:
    statement = check_query(con, sql)
    try:
        return con.execute(statement.query, dict(params)) if params else con.execute(statement)
    except duckdb.InvalidInputException as exc:
        if params is not None and "parameter" in str(exc).lower():
            raise QueryRefused(f"the parameters do not fit the query: {explain(exc)}") from exc
        raise


def run_query(
    con: duckdb.DuckDBPyConnection, sql: str, max_rows: int, params: Mapping[str, Any] | None = None
) -> QueryResult:
    """Run the one read-only statement of SQL (see check_query) with named PARAMS (`$name`); at most
    MAX_ROWS rows are fetched."""
    cursor = _execute(con, sql, params)
    columns = [d[0] for d in cursor.description or []]
    rows = cursor.fetchmany(max_rows + 1)
    return QueryResult(columns, rows[:max_rows], len(rows) > max_rows)


def stream_query(
    con: duckdb.DuckDBPyConnection,
    sql: str,
    params: Mapping[str, Any] | None = None,
    batch_rows: int = 10_000,
) -> tuple[list[str], Iterator[list[tuple[Any, ...]]]]:
    """The columns of SQL's result, and its rows batch by batch, every one (see check_query)."""
    cursor = _execute(con, sql, params)

    def batches() -> Iterator[list[tuple[Any, ...]]]:
        while rows := cursor.fetchmany(batch_rows):
            yield rows

    return [d[0] for d in cursor.description or []], batches()


def neutralise(text: str) -> str:
    """TEXT made safe for a spreadsheet (OWASP): a cell starting with =, +, -, @, tab or carriage return
    gets a leading `'`, so it is shown, not run as a formula. A plain number ("-5") is left as it is."""
    if FORMULA_START.match(text) and not PLAIN_NUMBER.match(text):
        return "'" + text
    return text


def exportable(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every dim_*, fact_* table and v_* view, then the article texts and the operational tables
    (runs, fetch log, quarantine, quality results), by name, from the catalogue."""
    present = {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    return [row[0] for row in con.execute(EXPORTABLE).fetchall()] + [t for t in OPERATIONAL if t in present]


class UnknownTables(ValueError):
    """--tables named a table or view that cannot be exported."""


def _chosen(available: list[str], tables: Sequence[str] | None) -> list[str]:
    if not tables:
        return available
    unknown = [name for name in tables if name not in available]
    if unknown:
        raise UnknownTables(
            f"no table or view to export named {', '.join(unknown)} (see `clusterwatch export --help`)"
        )
    return [name for name in available if name in tables]


def _since_filter(con: duckdb.DuckDBPyConnection, name: str) -> str | None:
    """The condition that keeps a table's rows from a time on, or None when it has no time column."""
    if name == "article_text":
        return ARTICLES_SINCE
    columns = {row[0] for row in con.execute(COLUMN_NAMES, {"name": name}).fetchall()}
    found = next((c for c in SINCE_COLUMNS if c in columns), None)
    return f'"{found}" >= $since' if found else None


def _relation(con: duckdb.DuckDBPyConnection, name: str, since: datetime | None) -> duckdb.DuckDBPyRelation:
    condition = _since_filter(con, name) if since is not None else None
    if condition is None:
        return con.table(name)
    return con.query(f'SELECT * FROM "{name}" WHERE {condition}', params={"since": since})


def export_all(
    con: duckdb.DuckDBPyConnection,
    out: Path,
    fmt: str,
    tables: Sequence[str] | None = None,
    since: datetime | None = None,
) -> list[Exported]:
    """Write each dim, fact, view and operational table (or only TABLES) to OUT/<name>.<fmt>, batch by
    batch, with pyarrow; with SINCE, a table with a time column (loaded_at, fetched_at, started_at,
    checked_at, held_at) keeps the rows from then on.

    The connection may be an analyst one, which cannot write files: DuckDB only hands over Arrow
    batches. In CSV, list and struct columns are written as DuckDB prints them (`[a, b]`), and text
    that would start a formula is neutralised."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"format must be one of {EXPORT_FORMATS}, not {fmt!r}")
    names = _chosen(exportable(con), tables)
    out.mkdir(parents=True, exist_ok=True)
    return [_export(_relation(con, name, since), name, out / f"{name}.{fmt}", fmt) for name in names]


def _export(relation: duckdb.DuckDBPyRelation, name: str, path: Path, fmt: str) -> Exported:
    reader = (_flat(relation) if fmt == "csv" else relation).to_arrow_reader(EXPORT_BATCH_ROWS)
    writer_type = pyarrow.parquet.ParquetWriter if fmt == "parquet" else pyarrow.csv.CSVWriter
    rows = 0
    with writer_type(str(path), reader.schema) as writer:
        for batch in reader:
            writer.write_batch(_safe_batch(batch) if fmt == "csv" else batch)
            rows += batch.num_rows
    return Exported(name, rows, path)


def _safe_column(column: pyarrow.Array) -> pyarrow.Array:
    """A text column with its would-be formulas neutralised (see neutralise)."""
    if not (pyarrow.types.is_string(column.type) or pyarrow.types.is_large_string(column.type)):
        return column
    compute: Any = pyarrow.compute
    risky = compute.and_(
        compute.match_substring_regex(column, FORMULA_START.pattern),
        compute.invert(compute.match_substring_regex(column, PLAIN_NUMBER.pattern)),
    )
    quoted = compute.binary_join_element_wise(pyarrow.scalar("'", column.type), column, "")
    return compute.if_else(risky, quoted, column)


def _safe_batch(batch: pyarrow.RecordBatch) -> pyarrow.RecordBatch:
    return pyarrow.RecordBatch.from_arrays([_safe_column(c) for c in batch.columns], schema=batch.schema)


def _flat(relation: duckdb.DuckDBPyRelation) -> duckdb.DuckDBPyRelation:
    """RELATION with its nested columns cast to text, which CSV can hold."""
    columns = [
        duckdb.ColumnExpression(column).cast(duckdb.sqltype("VARCHAR")).alias(column)
        if kind.id in NESTED_TYPES
        else duckdb.ColumnExpression(column)
        for column, kind in zip(relation.columns, relation.dtypes, strict=True)
    ]
    return relation.select(*columns)
