"""`clusterwatch extract FILE`: one page's article as JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from cli.common import fail


def extract(
    file: Annotated[Path, typer.Argument(help="An HTML file.", exists=True, dir_okay=False)],
    url: Annotated[str | None, typer.Option("--url", help="The page's URL, for metadata and links.")] = None,
) -> None:
    """Print one extracted article as JSON."""
    from transforms import NotAnArticle, extract_article

    try:
        article = extract_article(file.read_bytes(), url)
    except NotAnArticle as exc:
        fail(str(exc), code=1, label="not an article:")
    typer.echo(json.dumps(article, ensure_ascii=False, indent=2))


def register(app: typer.Typer) -> None:
    """Add the `extract` command to the clusterwatch CLI."""
    app.command("extract")(extract)
