"""What every command group shares: the consoles, the common options and the sources-file check."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

console = Console()
notices = Console(stderr=True)

SourcesOpt = Annotated[Path, typer.Option("--sources", help="Sources file (see config/sources.yaml).")]
HomeOpt = Annotated[
    Path | None,
    typer.Option("--home", help="Folder for the database and raw pages [CLUSTERWATCH_HOME or data/]."),
]


def fail(message: str, code: int = 2, out: Console = console) -> NoReturn:
    """Print `error: message` and leave with `code`."""
    out.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def check_sources(sources: Path) -> None:
    """Fail fast, before any orchestration starts, on a missing or malformed sources file."""
    from config.sources import SourcesError, load_sources

    try:
        load_sources(sources)
    except SourcesError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
