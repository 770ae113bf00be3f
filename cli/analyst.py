"""`clusterwatch sql` and `clusterwatch export`: the analyst's commands, on the published snapshot."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import duckdb
import typer
from rich.table import Table

from cli.common import HomeOpt, console, notices


class ExportFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"


def _open(home: Path | None) -> duckdb.DuckDBPyConnection:
    """A read-only connection on the snapshot (or on the working database, saying so)."""
    from config.settings import load_settings
    from warehouse.analyst import NoDatabase, analyst_database, connect_read_only
    from warehouse.publish import published_path

    settings = load_settings(home=home)
    try:
        database = analyst_database(settings.database_path, published_path(settings.home))
        con = connect_read_only(database)
    except NoDatabase as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    if not database.is_snapshot:
        notices.print(f"no published snapshot yet: reading the working database {database.path} read-only")
    return con


def _cell(value: Any) -> str:
    return "NULL" if value is None else str(value)


def _print_result(columns: list[str], rows: list[tuple[Any, ...]], truncated: bool) -> None:
    table = Table(*columns, show_lines=False)
    for row in rows:
        table.add_row(*(_cell(v) for v in row))
    console.print(table)
    more = " (more rows not shown: raise --max-rows or add LIMIT)" if truncated else ""
    console.print(f"{len(rows)} rows{more}")


def sql(
    query: Annotated[str, typer.Argument(help='A read-only query, e.g. "SELECT * FROM v_articles".')],
    home: HomeOpt = None,
    max_rows: Annotated[int, typer.Option("--max-rows", min=1, help="Rows to print at most.")] = 1000,
) -> None:
    """Run a read-only query on the published snapshot and print the result as a table."""
    from warehouse.analyst import QueryRefused, run_query

    con = _open(home)
    try:
        result = run_query(con, query, max_rows)
    except QueryRefused as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc
    except duckdb.Error as exc:
        console.print(f"[red]query failed:[/red] {exc}")
        raise typer.Exit(1) from exc
    finally:
        con.close()
    _print_result(result.columns, result.rows, result.truncated)


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
    finally:
        con.close()
    table = Table("table or view", "rows", "file")
    for item in written:
        table.add_row(item.name, str(item.rows), str(item.path))
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add the `sql` and `export` commands to the clusterwatch CLI."""
    app.command(name="sql")(sql)
    app.command(name="export")(export)
