"""`clusterwatch entities FILE --lang ru|en`: the entities of one text (or HTML) file as JSON lines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

FileArg = Annotated[Path, typer.Argument(help="A text file, or an .html page (its main text is extracted).")]
LangOpt = Annotated[str, typer.Option("--lang", help="Language of the text: ru or en.")]


def _read_text(file: Path) -> str:
    if not file.is_file():
        raise typer.BadParameter(f"no such file: {file}")
    if file.suffix.lower() in {".html", ".htm"}:
        from transforms import NotAnArticle, extract_article

        try:
            return extract_article(file.read_bytes())["text"]
        except NotAnArticle as exc:
            typer.echo(f"error: {file} is not an article: {exc}", err=True)
            raise typer.Exit(2) from exc
    return file.read_text(encoding="utf-8", errors="replace")


def entities(file: FileArg, lang: LangOpt = "ru") -> None:
    """Print the entities of FILE (regions, people, organisations, sites, legal acts) as JSON lines."""
    if lang not in {"ru", "en"}:
        raise typer.BadParameter("--lang must be ru or en")
    from transforms import find_mentions, mentions_frame

    mentions = find_mentions(_read_text(file), lang)
    for mention, row in zip(mentions, mentions_frame(mentions).iter_rows(named=True), strict=True):
        if mention.entity_type == "person":
            row |= {"role": mention.attrs.get("role"), "organization": mention.attrs.get("organization")}
        typer.echo(json.dumps(row, ensure_ascii=False))


def register(app: typer.Typer) -> None:
    """Add the `entities` command to the clusterwatch CLI."""
    app.command("entities")(entities)
