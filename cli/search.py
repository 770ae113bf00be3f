"""`clusterwatch search`: full-text search over the articles of the published snapshot.

Results go to standard output as a table, CSV or JSON (title, date, language, url, score, snippet),
best first; notices and errors go to standard error.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cli.common import HomeOpt, console, fail, notices
from cli.results import render, result_table

if TYPE_CHECKING:
    from warehouse.analyst import AnalystDatabase


class SearchFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class SearchLanguage(StrEnum):
    ru = "ru"
    en = "en"


def _database(home: Path | None) -> AnalystDatabase:
    from config.settings import load_settings
    from warehouse.analyst import NoDatabase, analyst_database
    from warehouse.publish import published_path

    settings = load_settings(home=home)
    try:
        database = analyst_database(settings.database_path, published_path(settings.home))
    except NoDatabase as exc:
        fail(str(exc), out=notices)
    if not database.is_snapshot:
        notices.print(
            f"no published snapshot yet: searching the working database {database.path} read-only",
            soft_wrap=True,
        )
    return database


def search(
    query: Annotated[
        str, typer.Argument(help='Words to find, e.g. "технопарк Калуга"; every word must occur.')
    ],
    lang: Annotated[
        SearchLanguage | None, typer.Option("--lang", help="Only articles in this language.")
    ] = None,
    since: Annotated[
        datetime | None,
        typer.Option("--since", formats=["%Y-%m-%d"], help="Only articles published on or after this date."),
    ] = None,
    fmt: Annotated[
        SearchFormat, typer.Option("--format", help="table, or csv, json (every value whole).")
    ] = SearchFormat.table,
    limit: Annotated[int, typer.Option("--limit", min=1, max=10_000, help="Articles to show at most.")] = 20,
    home: HomeOpt = None,
) -> None:
    """Find the articles whose title or text holds every word of QUERY, in any form (Russian and English
    stemming: технопарк finds технопарка and технопарке), best first."""
    from warehouse.analyst import NoDatabase, connect_read_only
    from warehouse.search import BadSearch, SearchRequest, SearchUnavailable
    from warehouse.search import search as run_search

    request = SearchRequest(query, lang.value if lang else None, since.date() if since else None, limit)
    try:
        con = connect_read_only(_database(home))
    except NoDatabase as exc:
        fail(str(exc), out=notices)
    try:
        result = run_search(con, request)
    except BadSearch as exc:
        fail(str(exc), out=notices)
    except SearchUnavailable as exc:
        fail(str(exc), code=1, out=notices)
    finally:
        con.close()
    if fmt is SearchFormat.table:
        console.print(result_table(result.columns, result.rows))
        console.print(f"{len(result.rows)} articles")
    else:
        typer.echo(render(fmt.value, result.columns, result.rows), nl=False)


def register(app: typer.Typer) -> None:
    """Add the `search` command to the clusterwatch CLI."""
    app.command(name="search")(search)
