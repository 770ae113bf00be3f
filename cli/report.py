"""`clusterwatch report` (the HTML report of the published snapshot) and `clusterwatch dictionary` (the
data dictionary as Markdown, from the schema's comments)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cli.common import HomeOpt, console, fail, notices


def report(
    home: HomeOpt = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="The overview page; the others go beside it [HOME/report/index.html]."),
    ] = None,
) -> None:
    """Build the static HTML report (charts, tables, the data quality of the latest run) from the snapshot.

    It opens from disk with no network: styles, script and charts are inside the pages."""
    from config.settings import load_settings
    from reports.build import ReportError, build_home_report
    from warehouse.analyst import AnalystLimits

    settings = load_settings(home=home)
    analyst = settings.analyst  # the report reads the snapshot within the analysts' limits
    limits = AnalystLimits(
        analyst.memory_limit_mb, analyst.max_temp_mb, analyst.temp_directory, analyst.threads
    )
    try:
        built = build_home_report(settings.home, out, limits, settings.report.urls_per_check)
    except ReportError as exc:
        fail(str(exc))
    console.print(
        f"report:   {built.index} ({len(built.pages)} pages, {built.bytes / 1024:.0f} KB)", soft_wrap=True
    )
    console.print(f"run id:   {built.run_id}", soft_wrap=True)


def dictionary(
    out: Annotated[
        Path | None,
        typer.Option("--out", dir_okay=False, help="Write the Markdown to this file [standard output]."),
    ] = None,
) -> None:
    """Print the data dictionary (every table, view and column with its comment) as Markdown, or write
    it to --out (the repository's copy: --out docs/data-dictionary.md)."""
    from reports.dictionary import dictionary_markdown, write_dictionary

    if out is None:
        typer.echo(dictionary_markdown(), nl=False)
        return
    try:
        written = write_dictionary(out)
    except OSError as exc:
        fail(f"cannot write the data dictionary to {out}: {exc}")
    notices.print(f"data dictionary: {written}", soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add the `report` and `dictionary` commands to the clusterwatch CLI."""
    app.command(name="report")(report)
    app.command(name="dictionary")(dictionary)
