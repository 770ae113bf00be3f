"""What every command group shares: the consoles, the common options and the configuration checks.

The consoles print text as it is: data, file names and error messages may hold `[`, `]` or `:x:`,
which Rich would otherwise read as markup or emoji codes. Styles are applied with `Text`, never markup.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console
from rich.text import Text

if TYPE_CHECKING:
    from config.settings import Settings

console = Console(markup=False, emoji=False, highlight=False)
notices = Console(stderr=True, markup=False, emoji=False, highlight=False)

SourcesOpt = Annotated[Path, typer.Option("--sources", help="Sources file (see config/sources.yaml).")]
HomeOpt = Annotated[
    Path | None,
    typer.Option("--home", help="Folder for the database and raw pages [CLUSTERWATCH_HOME or data/]."),
]


def error(message: str, label: str = "error:", out: Console = console) -> None:
    """Print `label message`, the label in red, the message exactly as given."""
    out.print(Text.assemble((label, "red"), " ", message), soft_wrap=True)


def fail(message: str, code: int = 2, out: Console = console, label: str = "error:") -> NoReturn:
    """Print `error: message` and leave with `code`."""
    error(message, label, out)
    raise typer.Exit(code)


def check_sources(sources: Path) -> None:
    """Fail fast, before any orchestration starts, on a missing or malformed sources file."""
    from config.sources import SourcesError, load_sources

    try:
        load_sources(sources)
    except SourcesError as exc:
        fail(str(exc))


def check_settings(home: Path | None = None, out: Console = console) -> Settings:
    """The settings; fail fast on one that cannot be (CLUSTERWATCH_BATCH_SIZE=abc, or out of its
    range), naming the variable and the range, on OUT."""
    from config.settings import SettingsError, load_settings

    try:
        return load_settings(home=home)
    except SettingsError as exc:
        fail(str(exc), out=out)


class _ConfigWarnings(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        notices.print(Text.assemble(("warning:", "yellow"), " ", record.getMessage()), soft_wrap=True)


def show_config_warnings() -> None:
    """Warnings about the configuration (an unknown CLUSTERWATCH_* variable) on stderr, as `warning: …`."""
    logger = logging.getLogger("clusterwatch.config")
    if not any(isinstance(h, _ConfigWarnings) for h in logger.handlers):
        logger.addHandler(_ConfigWarnings())
        logger.propagate = False
