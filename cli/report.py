"""`clusterwatch report` (the HTML report of the published snapshot) and `clusterwatch dictionary` (the
data dictionary as Markdown, from the schema's comments)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cli.common import HomeOpt, console, fail

DICTIONARY = Path("docs") / "data-dictionary.md"


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

    settings = load_settings(home=home)
    try:
        built = build_home_report(settings.home, out)
    except ReportError as exc:
        fail(str(exc))
    console.print(
        f"report:   {built.index} ({len(built.pages)} pages, {built.bytes / 1024:.0f} KB)", soft_wrap=True
    )
    console.print(f"run id:   {built.run_id}", soft_wrap=True)


def dictionary(
    out: Annotated[Path, typer.Option("--out", help="Where to write the Markdown.")] = DICTIONARY,
) -> None:
    """Write the data dictionary (every table, view and column with its comment) as Markdown."""
    from reports.dictionary import write_dictionary

    console.print(f"data dictionary: {write_dictionary(out)}", soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add the `report` and `dictionary` commands to the clusterwatch CLI."""
    app.command(name="report")(report)
    app.command(name="dictionary")(dictionary)
