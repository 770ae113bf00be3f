"""What every command group shares: the consoles, the common options and the configuration checks."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console
from rich.text import Text

if TYPE_CHECKING:
    from config.settings import Settings

console = Console()
notices = Console(stderr=True)

SourcesOpt = Annotated[Path, typer.Option("--sources", help="Sources file (see config/sources.yaml).")]
HomeOpt = Annotated[
    Path | None,
    typer.Option("--home", help="Folder for the database and raw pages [CLUSTERWATCH_HOME or data/]."),
]


def fail(message: str, code: int = 2, out: Console = console) -> None:
    """Print `error: message` and leave with `code`."""
    out.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def print_config_error(exc: Exception, out: Console = console) -> None:
    """A configuration error, literally (no markup), `error: ` before its first line."""
    out.print(Text.assemble(("error: ", "red"), str(exc)), soft_wrap=True)


def config_error(exc: Exception, out: Console = console) -> NoReturn:
    """Print a configuration error and leave with exit code 2."""
    print_config_error(exc, out)
    raise typer.Exit(2) from exc


class _ConfigWarnings(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        notices.print(Text.assemble(("warning: ", "yellow"), record.getMessage()), soft_wrap=True)


def show_config_warnings() -> None:
    """Warnings about the configuration (an unknown CLUSTERWATCH_* variable) on stderr, as `warning: …`."""
    logger = logging.getLogger("clusterwatch.config")
    if not any(isinstance(h, _ConfigWarnings) for h in logger.handlers):
        logger.addHandler(_ConfigWarnings())
        logger.propagate = False


def check_sources(sources: Path) -> None:
    """Fail fast, before any orchestration starts, on a missing or malformed sources file."""
    from config.sources import SourcesError, load_sources

    try:
        load_sources(sources)
    except SourcesError as exc:
        config_error(exc)


def check_settings(home: Path | None = None) -> Settings:
    """The settings; fail fast on one that cannot be (CLUSTERWATCH_BATCH_SIZE=abc), naming the variable."""
    from config.settings import SettingsError, load_settings

    try:
        return load_settings(home=home)
    except SettingsError as exc:
        config_error(exc)
