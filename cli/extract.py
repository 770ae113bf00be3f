"""`clusterwatch extract FILE… | FOLDER`: each page's article, or why it is held back, as JSON lines."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from cli.common import fail

PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx")


def page_files(paths: list[Path]) -> list[Path]:
    """The files named, and the pages (by suffix) in the folders named, sorted, each once."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            pages = (p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES)
            found.extend(sorted(pages))
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def _options(today: date | None) -> Any:
    """ExtractOptions from the CLUSTERWATCH_EXTRACT__* settings, like the pipeline's (a setting that does
    not fit is a SettingsError, told in one line by cli.main)."""
    from config.settings import load_settings
    from transforms import ExtractOptions

    return ExtractOptions(**load_settings().extract.model_dump(), today=today)


def _line(file: Path, url: str | None, options: Any) -> dict[str, Any]:
    """The file's article with `held_back` null, or every field null and `held_back` the reason."""
    from transforms import NotAnArticle, extract_article
    from transforms.extract.article import ARTICLE_KEYS, EXTRA_KEYS

    empty = dict.fromkeys((*ARTICLE_KEYS, *EXTRA_KEYS))
    try:
        article = extract_article(file.read_bytes(), url, options=options)
    except NotAnArticle as exc:
        return {"file": str(file), **empty, "held_back": f"{exc.kind}: {exc}"}
    except OSError as exc:
        return {"file": str(file), **empty, "held_back": f"unreadable: {exc.strerror or exc}"}
    except Exception as exc:  # one bad page never stops the others: it is reported with what happened
        return {"file": str(file), **empty, "held_back": f"extraction failed ({type(exc).__name__}: {exc})"}
    return {"file": str(file), **article, "held_back": None}


def extract(
    paths: Annotated[list[Path], typer.Argument(help="HTML files, or folders of them.", exists=True)],
    url: Annotated[
        str | None, typer.Option("--url", help="The page's URL, for metadata and links (one file only).")
    ] = None,
    today: Annotated[
        datetime | None,
        typer.Option("--today", formats=["%Y-%m-%d"], help="Reference date: no publication date after it."),
    ] = None,
) -> None:
    """Print one JSON line per page: `file`, the article's fields and `held_back` (null, or the reason).
    Honours the CLUSTERWATCH_EXTRACT__* settings. Exits with 1 when no page is an article."""
    files = page_files(paths)
    if url is not None and len(files) != 1:
        fail("--url names the page of one file; give one file with it")
    options = _options(today.date() if today else None)
    loaded = 0
    for file in files:
        line = _line(file, url, options)
        loaded += line["held_back"] is None
        typer.echo(json.dumps(line, ensure_ascii=False))
    if not loaded:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add the `extract` command to the clusterwatch CLI."""
    app.command("extract")(extract)
