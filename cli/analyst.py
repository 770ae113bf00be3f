"""`clusterwatch sql` and `clusterwatch export`: the analyst's commands, on the published snapshot.

The query comes from the argument, from `--file PATH`, or from standard input (`-`); a query whose
first line is a `-- comment` is taken as the query, not as an option. Results go to standard output
as a table or, whole and untruncated, as CSV, JSON or Markdown; notices and errors go to standard
error, so a piped result holds nothing else.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import duckdb
import typer
from rich.table import Table
from typer.core import TyperCommand

from cli.common import HomeOpt, console, fail, notices
from cli.results import render, result_table

if TYPE_CHECKING:
    from warehouse.analyst import QueryResult


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
MaxRowsOpt = Annotated[int, typer.Option("--max-rows", min=1, help="Rows to print at most.")]


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


def _open(home: Path | None) -> duckdb.DuckDBPyConnection:
    """A locked-down read-only connection on the snapshot (or on the working database, saying so)."""
    from config.settings import load_settings
    from warehouse.analyst import NoDatabase, analyst_database, connect_read_only
    from warehouse.publish import published_path

    settings = load_settings(home=home)
    try:
        database = analyst_database(settings.database_path, published_path(settings.home))
        con = connect_read_only(database)
    except NoDatabase as exc:
        fail(str(exc), out=notices)
    if not database.is_snapshot:
        notices.print(
            f"no published snapshot yet: reading the working database {database.path} read-only",
            soft_wrap=True,
        )
    return con


def _query_text(query: str | None, file: Path | None) -> str:
    """The query, from the argument, the file, or standard input (`-` for either)."""
    if (query is None) == (file is None):
        fail("give one query: as an argument, with --file PATH, or - to read standard input", out=notices)
    source = query if file is None else str(file)
    try:
        if source == "-":
            return sys.stdin.read()
        return query if file is None else file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"cannot read the query from {source}: {exc}", out=notices)


def _run(home: Path | None, sql: str, max_rows: int) -> QueryResult:
    from warehouse.analyst import QueryRefused, run_query

    con = _open(home)
    try:
        return run_query(con, sql, max_rows)
    except QueryRefused as exc:
        fail(str(exc), out=notices)
    except duckdb.Error as exc:
        fail(str(exc), code=1, out=notices, label="query failed:")
    finally:
        con.close()


def sql(
    query: QueryArg = None,
    file: FileOpt = None,
    fmt: FormatOpt = OutputFormat.table,
    home: HomeOpt = None,
    max_rows: MaxRowsOpt = 1000,
) -> None:
    """Run a read-only query on the published snapshot and print the result."""
    result = _run(home, _query_text(query, file), max_rows)
    more = " (more rows not shown: raise --max-rows or add LIMIT)" if result.truncated else ""
    if fmt is OutputFormat.table:
        console.print(result_table(result.columns, result.rows))
        console.print(f"{len(result.rows)} rows{more}")
    else:
        typer.echo(render(fmt.value, result.columns, result.rows), nl=False)
        if more:
            notices.print(f"{len(result.rows)} rows{more}")


def export(
    out: Annotated[Path, typer.Option("--out", help="Folder to write the files to.", file_okay=False)],
    fmt: Annotated[ExportFormat, typer.Option("--format", help="File format.")] = ExportFormat.parquet,
    home: HomeOpt = None,
) -> None:
    """Write every dim_*, fact_* table and v_* view of the snapshot to OUT, one file each."""
    from warehouse.analyst import export_all

    con = _open(home)
    try:
        written = export_all(con, out, fmt.value)
    except (OSError, duckdb.Error) as exc:
        fail(f"export to {out} failed: {exc}", code=1, out=notices)
    finally:
        con.close()
    table = Table("table or view", "rows", "file")
    for item in written:
        table.add_row(item.name, str(item.rows), str(item.path))
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add the `sql` and `export` commands to the clusterwatch CLI."""
    app.command(name="sql", cls=QueryCommand)(sql)
    app.command(name="export")(export)
