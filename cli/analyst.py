"""`clusterwatch sql` and `clusterwatch export`: the analyst's commands, on the published snapshot.

The query comes from the argument, from `--file PATH`, or from standard input (`-`); a query whose
first line is a `-- comment` is taken as the query, not as an option. Results go to standard output
as a table or, whole and untruncated, as CSV, JSON or Markdown; notices and errors go to standard
error, so a piped result holds nothing else.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import duckdb
import typer
from rich.table import Table
from typer.core import TyperCommand

from cli.cancel import Guard, Limits, Stopped
from cli.common import HomeOpt, check_settings, console, error, fail, notices
from cli.results import fits_across, result_table, vertical_lines, write

if TYPE_CHECKING:
    from config.settings import Settings

T = TypeVar("T")


class ExportFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    markdown = "markdown"


QueryArg = Annotated[
    str | None,
    typer.Argument(
        help='A read-only query, e.g. "SELECT * FROM v_articles", or - to read it from standard input.',
        show_default=False,
    ),
]
FileOpt = Annotated[
    Path | None,
    typer.Option("--file", help="Read the query from this file (- for standard input).", dir_okay=False),
]
FormatOpt = Annotated[
    OutputFormat,
    typer.Option(
        "--format", help="table (fitted to the terminal), or csv, json, markdown (every value whole)."
    ),
]
MaxRowsOpt = Annotated[
    int | None,
    typer.Option(
        "--max-rows",
        min=1,
        help="Rows to print at most [table: 1000; csv, json, markdown: all].",
        show_default=False,
    ),
]
TABLE_ROWS = 1000


class QueryCommand(TyperCommand):
    """A command whose arguments starting with `-` but holding white space are queries, not options.

    `clusterwatch sql "$(cat q.sql)"` hands over a query whose first line is a `-- comment`: it is
    moved after `--`, where nothing is read as an option; a mistyped option still fails clearly."""

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:
        if "--" not in args:
            queries = [a for a in args if a.startswith("-") and len(a.split()) > 1]
            if queries:
                args = [a for a in args if a not in queries] + ["--", *queries]
        return super().parse_args(ctx, args)


TimeoutOpt = Annotated[
    float | None,
    typer.Option(
        "--timeout",
        min=0.1,
        max=86_400,
        help="Stop the query after this many seconds [CLUSTERWATCH_ANALYST__TIMEOUT_SECONDS, 300].",
        show_default=False,
    ),
]
ParamOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--param",
        help="A named parameter, NAME=VALUE, used in the query as $NAME (text).",
        show_default=False,
    ),
]
VerticalOpt = Annotated[
    bool | None,
    typer.Option(
        "--vertical/--across",
        help="Table layout: one `column | value` line each, or side by side [vertical when too wide].",
        show_default=False,
    ),
]
TablesOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--tables",
        help="Export only these tables or views (repeat, or separate by commas).",
        show_default=False,
    ),
]
SinceOpt = Annotated[
    datetime | None,
    typer.Option(
        "--since", help="Only rows loaded, fetched or checked since this date or time.", show_default=False
    ),
]
MB = 1024 * 1024


@dataclass(frozen=True)
class Session:
    """An open analyst connection and what bounds its queries."""

    con: duckdb.DuckDBPyConnection
    limits: Limits
    temp: Path


def _open(settings: Settings, timeout: float | None = None) -> Session:
    """A locked-down read-only connection on the snapshot (or on the working database, saying so),
    within the analyst limits, with a temporary folder of its own."""
    from warehouse.analyst import AnalystLimits, NoDatabase, analyst_database, connect_read_only
    from warehouse.publish import published_path
    from warehouse.schema import DatabaseDamaged

    analyst = settings.analyst
    try:
        database = analyst_database(settings.database_path, published_path(settings.home))
        temp = (analyst.temp_directory or database.path.parent / ".sql-tmp") / f"sql-{os.getpid()}"
        limits = AnalystLimits(analyst.memory_limit_mb, analyst.max_temp_mb, temp, analyst.threads)
        temp.mkdir(parents=True, exist_ok=True)
        con = connect_read_only(database, limits)
    except (NoDatabase, DatabaseDamaged) as exc:
        fail(str(exc), out=notices)
    except OSError as exc:
        fail(f"cannot make the temporary folder of the query: {exc}", out=notices)
    if not database.is_snapshot:
        notices.print(
            f"no published snapshot yet: reading the working database {database.path} read-only",
            soft_wrap=True,
        )
    guard = Limits(
        timeout_seconds=analyst.timeout_seconds if timeout is None else timeout,
        temp_directory=temp,
        max_temp_bytes=analyst.max_temp_mb * MB,
        timeout_setting="--timeout, CLUSTERWATCH_ANALYST__TIMEOUT_SECONDS",
        temp_setting="CLUSTERWATCH_ANALYST__MAX_TEMP_MB",
    )
    return Session(con, guard, temp)


def _read_bounded(source: str, file: Path | None, limit: int) -> bytes:
    if source == "-":
        stream = getattr(sys.stdin, "buffer", None)
        return stream.read(limit + 1) if stream is not None else sys.stdin.read(limit + 1).encode()
    with open(file or source, "rb") as handle:  # a device (/dev/zero) is read in part
        return handle.read(limit + 1)


def _query_text(query: str | None, file: Path | None, limit: int) -> str:
    """The query, from the argument, the file, or standard input (`-` for either), at most LIMIT bytes."""
    if (query is None) == (file is None):
        fail("give one query: as an argument, with --file PATH, or - to read standard input", out=notices)
    if file is None and query != "-":
        return query or ""
    source = str(file) if file is not None else "-"
    try:
        data = _read_bounded(source, file if source != "-" else None, limit)
        if len(data) > limit:
            fail(
                f"the query in {source} is longer than {limit} bytes (CLUSTERWATCH_ANALYST__MAX_QUERY_BYTES)",
                out=notices,
            )
        return data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"cannot read the query from {source}: {exc}", out=notices)


def _params(values: list[str] | None) -> dict[str, str] | None:
    """--param NAME=VALUE pairs as a mapping; a malformed one stops the command."""
    if not values:
        return None
    found: dict[str, str] = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name.strip().isidentifier():
            fail(
                f"--param {item!r}: give NAME=VALUE, e.g. --param region=RU-KLU (used as $region)",
                out=notices,
            )
        found[name.strip()] = value
    return found


def _query_failed(exc: duckdb.Error, settings: Settings) -> NoReturn:
    from warehouse.analyst import explain

    if isinstance(exc, duckdb.OutOfMemoryException):
        analyst = settings.analyst
        fail(
            "query stopped: it needs more memory than the analyst limits allow "
            f"({analyst.memory_limit_mb} MB of memory, CLUSTERWATCH_ANALYST__MEMORY_LIMIT_MB; "
            f"{analyst.max_temp_mb} MB of temporary files, CLUSTERWATCH_ANALYST__MAX_TEMP_MB); "
            "narrow it, or raise them",
            code=1,
            out=notices,
        )
    fail(explain(exc), code=1, out=notices, label="query failed:")


def _guarded(session: Session, settings: Settings, work: Callable[[], T]) -> T:
    """WORK on the session's connection, stopped by Ctrl-C, the timeout or the spill limit, each in
    one line; the connection closed and its temporary folder removed afterwards."""
    from warehouse.analyst import QueryRefused

    try:
        return Guard(session.con, session.limits).run(work)
    except Stopped as stop:
        error(str(stop), out=notices)
        if stop.stuck:  # the query did not end: leave without waiting for it
            shutil.rmtree(session.temp, ignore_errors=True)
            sys.stdout.flush()
            os._exit(stop.code)
        raise typer.Exit(stop.code) from None
    except QueryRefused as exc:
        fail(str(exc), out=notices)
    except duckdb.Error as exc:
        _query_failed(exc, settings)
    finally:
        session.con.close()
        shutil.rmtree(session.temp, ignore_errors=True)


def _print_table(
    session: Session, sql: str, params: dict[str, str] | None, max_rows: int, vertical: bool | None
) -> None:
    from warehouse.analyst import run_query

    result = run_query(session.con, sql, max_rows, params)
    more = " (more rows not shown: raise --max-rows or add LIMIT)" if result.truncated else ""
    if vertical or (vertical is None and not fits_across(result.columns, console.width)):
        for line in vertical_lines(result.columns, result.rows):
            console.print(line, soft_wrap=True)
    else:
        console.print(result_table(result.columns, result.rows))
    console.print(f"{len(result.rows)} rows{more}")


def _print_all(
    session: Session, sql: str, params: dict[str, str] | None, fmt: str, max_rows: int | None
) -> None:
    from warehouse.analyst import stream_query

    columns, batches = stream_query(session.con, sql, params)
    capped = Capped(batches, max_rows)
    write(fmt, columns, capped, sys.stdout)
    sys.stdout.flush()
    if capped.truncated:
        notices.print(f"{max_rows} rows (more rows not shown: raise --max-rows or add LIMIT)")


class Capped:
    """Batches of rows, at most LIMIT rows in all (None: every row); `truncated` once more were left."""

    def __init__(self, batches: Iterator[list[Any]], limit: int | None) -> None:
        self.batches, self.left, self.truncated = batches, limit, False

    def __iter__(self) -> Iterator[list[Any]]:
        for rows in self.batches:
            if self.left is None:
                yield rows
                continue
            yield rows[: self.left]
            self.truncated = len(rows) > self.left
            self.left -= min(self.left, len(rows))
            if not self.left:
                self.truncated = self.truncated or next(self.batches, None) is not None
                return


def sql(
    query: QueryArg = None,
    file: FileOpt = None,
    fmt: FormatOpt = OutputFormat.table,
    home: HomeOpt = None,
    max_rows: MaxRowsOpt = None,
    timeout: TimeoutOpt = None,
    param: ParamOpt = None,
    vertical: VerticalOpt = None,
) -> None:
    """Run a read-only query on the published snapshot and print the result."""
    settings = check_settings(home, out=notices)
    text = _query_text(query, file, settings.analyst.max_query_bytes)
    params = _params(param)
    session = _open(settings, timeout)
    if fmt is OutputFormat.table:
        work = partial(_print_table, session, text, params, max_rows or TABLE_ROWS, vertical)
    else:
        work = partial(_print_all, session, text, params, fmt.value, max_rows)
    _guarded(session, settings, work)


def _table_names(tables: list[str] | None) -> list[str] | None:
    names = [name.strip() for item in tables or [] for name in item.split(",") if name.strip()]
    return names or None


def export(
    out: Annotated[Path, typer.Option("--out", help="Folder to write the files to.", file_okay=False)],
    fmt: Annotated[ExportFormat, typer.Option("--format", help="File format.")] = ExportFormat.parquet,
    home: HomeOpt = None,
    tables: TablesOpt = None,
    since: SinceOpt = None,
) -> None:
    """Write every dim_*, fact_* table and v_* view of the snapshot, the article texts and the
    operational tables (etl_run, fetch_log, quarantine, dq_result) to OUT, one file each."""
    from warehouse.analyst import UnknownTables, export_all

    settings = check_settings(home, out=notices)
    session = _open(settings)
    session.limits.timeout_seconds = None  # an export runs as long as it takes; Ctrl-C stops it
    work = partial(export_all, session.con, out, fmt.value, _table_names(tables), since)
    try:
        written = _guarded(session, settings, work)
    except UnknownTables as exc:
        fail(str(exc), out=notices)
    except OSError as exc:
        fail(f"export to {out} failed: {exc}", code=1, out=notices)
    table = Table("table or view", "rows", "file")
    for item in written:
        table.add_row(item.name, str(item.rows), str(item.path))
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add the `sql` and `export` commands to the clusterwatch CLI."""
    app.command(name="sql", cls=QueryCommand)(sql)
    app.command(name="export")(export)
