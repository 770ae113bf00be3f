"""The `clusterwatch` application: the command groups registered on one Typer app."""

from __future__ import annotations

import typer

from cli import analyst, extract, facts, pipeline, quality, serve
from cli.common import print_config_error, show_config_warnings

app = typer.Typer(
    add_completion=False, no_args_is_help=True, help="News ETL for Russia's industrial clusters."
)

for group in (pipeline, extract, facts, analyst, quality, serve):
    group.register(app)


def main() -> None:
    """The `clusterwatch` command: a configuration error (a sources file or a CLUSTERWATCH_* variable
    that does not fit) is told in one line per problem with exit code 2, never as a traceback."""
    from config.files import ConfigError

    show_config_warnings()
    try:
        app()
    except ConfigError as exc:
        print_config_error(exc)
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
