"""The `clusterwatch` application: the command groups registered on one Typer app."""

from __future__ import annotations

import typer

from cli import analyst, extract, facts, pipeline, quality, report, serve

# Help texts are plain text: with Rich markup on, a default written "[a local cluster]" would vanish.
app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="News ETL for Russia's industrial clusters.",
)

for group in (pipeline, extract, facts, analyst, quality, report, serve):
    group.register(app)

if __name__ == "__main__":
    app()
