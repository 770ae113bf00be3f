"""`clusterwatch quality [--run RUN_ID] [--home DIR]`: a run's quality summary and where its report is."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from cli.common import HomeOpt, console, fail

RunOpt = Annotated[str | None, typer.Option("--run", help="Run id [the latest validated run].")]


def stage_table(rows: list[dict]) -> Table:
    table = Table(title="data quality by stage")
    for name in ("stage", "rows in", "passed", "held back", "top reasons"):
        table.add_column(name, justify="right" if name in ("rows in", "passed", "held back") else "left")
    for row in rows:
        table.add_row(*(str(v) for v in row.values()))
    return table


def checks_table(checks: list[dict]) -> Table:
    table = Table(title="failed expectations")
    for name in ("severity", "suite", "expectation", "unexpected"):
        table.add_column(name)
    for c in checks:
        table.add_row(c["severity"], c["suite"], c["expectation"], str(c["unexpected_count"]))
    return table


def quality(run: RunOpt = None, home: HomeOpt = None) -> None:
    """Print the quality summary of a run (per stage: rows in, passed, held back, top reasons)."""
    import duckdb

    from config.settings import load_settings
    from expectations.summary import summarise, summary_rows, timing_line
    from reports.build import report_path
    from warehouse.quality import run_quality
    from warehouse.schema import connect

    settings = load_settings(home=home)
    if not settings.database_path.exists():
        fail(f"no warehouse at {settings.database_path}")
    with connect(settings.database_path, read_only=True) as con:
        try:
            found = run_quality(con, run)
        except (KeyError, duckdb.Error) as exc:
            fail(f"no quality results: {exc}")
    extracted = found.held_back.filter(stage="extract").get_column("records").sum()
    inputs = {"extract": int(extracted) + found.articles_extracted} if found.articles_extracted else {}
    summary = summarise(
        found.run_id,
        found.results,
        found.held_back,
        stage_inputs=inputs,
        run_seconds=found.run_seconds,
    )
    console.print(stage_table(summary_rows(summary)))
    if summary.failed_checks:
        console.print(checks_table(summary.failed_checks))
    console.print(timing_line(summary))
    console.print(f"run id:    {found.run_id} ({found.status or 'unknown status'})", soft_wrap=True)
    report = report_path(settings.home)
    built = "" if report.is_file() else " (not built yet: `clusterwatch report` builds it)"
    console.print(f"report:    {report}{built}", soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add the `quality` command to the clusterwatch CLI."""
    app.command(name="quality")(quality)
