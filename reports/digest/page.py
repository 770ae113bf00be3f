"""The digest as an offline HTML page: the report's style sheet inline, no script, nothing fetched."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from reports.digest.view import DigestView


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("reports.digest"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _style() -> str:
    return (files("reports") / "templates" / "style.css").read_text(encoding="utf-8")


def render_page(view: DigestView) -> str:
    """The digest page: items grouped by kind, each with its evidence sentence, its article's offline
    page and its source; a note when nothing is new."""
    return _environment().get_template("digest.html").render(view=view, style=_style())
