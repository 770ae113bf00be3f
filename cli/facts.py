"""`clusterwatch facts FILE_OR_DIR... --lang ru|en|auto`: every fact of text (or HTML) files as JSON lines,
then the relations (type `relation`) and events (type `event`) the file's sentences state.

`entities` is the same command under its former name: the mentions only (no figures), each line also with
its former fields `entity_type` and `entity_id`.
A directory stands for the .txt, .html and .htm files under it. A file that cannot be read is reported on
stderr and the others are still printed; the exit code is then 2.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

PathsArg = Annotated[
    list[Path],
    typer.Argument(help="Text files, .html pages (their main text is extracted) or folders holding them."),
]


class Language(StrEnum):
    ru = "ru"
    en = "en"
    auto = "auto"


LangOpt = Annotated[Language, typer.Option("--lang", help="Language of the texts (auto: detected per file).")]
SUFFIXES = {".txt", ".html", ".htm"}


class Unreadable(Exception):
    """A file the command cannot take a text from."""


def _files(paths: list[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            yield path


def _read_text(file: Path) -> str:
    if not file.is_file():
        raise Unreadable("no such file")
    if file.suffix.lower() in {".html", ".htm"}:
        from transforms import NotAnArticle, extract_article

        try:
            return extract_article(file.read_bytes())["text"]
        except NotAnArticle as exc:
            raise Unreadable(f"not an article: {exc}") from exc
    return file.read_text(encoding="utf-8", errors="replace")


def _legacy(fact: dict) -> dict:
    """The former `entities` fields: entity_type (region for countries too) and entity_id."""
    kind = "region" if fact["type"] == "country" else fact["type"]
    return fact | {"entity_type": kind, "entity_id": fact.get("key")}


def _links(text: str, lang: str) -> list[dict]:
    """The text's relations and events as fact lines: type relation / event and their fields."""
    from transforms import detect_language, extract_events, extract_relations

    language = detect_language(text) if lang == "auto" else lang
    relations = [{"type": "relation", **row} for row in extract_relations(text, language).to_dicts()]
    events = [{"type": "event", **row} for row in extract_events(text, language).to_dicts()]
    return relations + events


def _print(file: Path, fact: dict) -> None:
    typer.echo(json.dumps({"file": str(file), **fact}, ensure_ascii=False, default=str))


def _print_facts(paths: list[Path], lang: str, legacy: bool) -> None:
    from transforms import extract_facts

    failed = 0
    for file in _files(paths):
        try:
            text = _read_text(file)
        except (Unreadable, OSError) as exc:
            typer.echo(f"error: {file}: {exc}", err=True)
            failed += 1
            continue
        for fact in extract_facts(text, lang):
            if legacy and fact["type"] == "figure":
                continue  # `entities` printed mentions only
            _print(file, _legacy(fact) if legacy else fact)
        for link in [] if legacy else _links(text, lang):
            _print(file, link)
    if failed:
        raise typer.Exit(2)


def facts(paths: PathsArg, lang: LangOpt = Language.auto) -> None:
    """Print every fact of the files (regions, countries, people with roles, organisations, companies,
    government bodies, places, sites, legal acts, figures, then relations and events) as JSON lines."""
    _print_facts(paths, lang.value, legacy=False)


def entities(paths: PathsArg, lang: LangOpt = Language.auto) -> None:
    """The `facts` command under its former name: mentions only, with entity_type and entity_id."""
    _print_facts(paths, lang.value, legacy=True)


def register(app: typer.Typer) -> None:
    """Add the `facts` command (and its alias `entities`) to the clusterwatch CLI."""
    app.command("facts")(facts)
    app.command("entities")(entities)
