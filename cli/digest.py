"""`clusterwatch digest`: what is new for each watchlist, as HTML, Markdown and an Atom feed."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from cli.common import HomeOpt, console, fail


def _since(value: str) -> str | date:
    if value == "last-run":
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r}: write last-run or a date such as 2026-12-01") from None


def print_digests(
    home: Path | None, watch_file: Path, since: str | date = "last-run", **options: object
) -> None:
    """Build the digests and print where each went (the demo calls this too)."""
    from config.files import ConfigError
    from config.settings import load_settings
    from flows.watch import DigestError, build_digests, read_watchlists
    from warehouse.schema import DatabaseLocked

    settings = load_settings(home=home)
    try:
        watch = read_watchlists(watch_file or settings.watch_file)
        period, built = build_digests(settings.home, watch, since=since, **options)  # type: ignore[arg-type]
    except (ConfigError, DigestError, DatabaseLocked) as exc:  # a mistyped file, no run yet, a run writing
        fail(str(exc))
    console.print(f"digest:   {period.label}", soft_wrap=True)
    for digest in built:
        count = (
            f"{len(digest.items)} new item{'' if len(digest.items) == 1 else 's'}"
            if digest.items
            else "nothing new"
        )
        console.print(
            f"  {digest.list_name}: {digest.files.html} ({count}; Markdown and Atom beside it)",
            soft_wrap=True,
        )


def digest(
    home: HomeOpt = None,
    since: Annotated[
        str,
        typer.Option("--since", help="last-run (the items the last run found first) or a date (YYYY-MM-DD)."),
    ] = "last-run",
    watch: Annotated[
        Path | None,
        typer.Option(
            "--watch", help="The watchlists file [CLUSTERWATCH_WATCH_FILE, else config/watch.yaml]."
        ),
    ] = None,
    list_name: Annotated[str | None, typer.Option("--list", help="Only this list [all of them].")] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Folder of the digests, one per list [HOME/digest].")
    ] = None,
) -> None:
    """Write each watchlist's digest of what is new: HTML (offline), Markdown and an Atom feed.

    Nothing new is not an error: the digest says so."""
    print_digests(home, watch, _since(since), out=out, list_name=list_name)


def register(app: typer.Typer) -> None:
    """Add the `digest` command to the clusterwatch CLI."""
    app.command(name="digest")(digest)
