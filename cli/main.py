"""The `clusterwatch` application: the command groups registered on one Typer app."""

from __future__ import annotations

import faulthandler
import sys
from typing import Annotated

import typer

from cli import analyst, extract, facts, pipeline, quality, report, search, serve
from cli import digest as digest_command
from cli.common import error, show_config_warnings
from cli.prefect_api import start_early

# Help texts are plain text: with Rich markup on, a default written "[a local cluster]" would vanish.
app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="News ETL for Russia's industrial clusters.",
)


def _version(shown: bool) -> None:
    if shown:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("clusterwatch")
        except PackageNotFoundError:  # run from a checkout that was never installed
            number = "unknown (not installed)"
        typer.echo(f"clusterwatch {number}")
        raise typer.Exit()


@app.callback()
def _options(
    shown: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """News ETL for Russia's industrial clusters."""


for group in (pipeline, extract, facts, analyst, search, quality, report, serve):
    group.register(app)
digest_command.register(app)


def main() -> None:
    """The `clusterwatch` command: a configuration error (a sources file or a CLUSTERWATCH_* variable
    that does not fit) is told in one line per problem with exit code 2, never as a traceback."""
    start_early(sys.argv[1:])  # a run's temporary Prefect server starts while the rest imports
    from config.files import ConfigError
    from flows.memory import prepare_process

    prepare_process()  # the allocators' options, before a command loads polars (flows/memory.py)
    faulthandler.enable()  # a crash inside a C library prints where it happened before the process ends
    show_config_warnings()
    try:
        app()
    except ConfigError as exc:
        error(str(exc))
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
