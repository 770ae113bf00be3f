"""Build the report: read the published snapshot, render every page, write them next to each other.

The pages are static HTML with their style, script and charts inside them: they open from disk with
no network. Every value is escaped by the templates (autoescape), so a title holding markup shows as
text. Pages are written to temporary files and renamed into place, so a reader never sees half a page.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path
from typing import Any

import duckdb
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from reports.dictionary import dictionary_tables
from reports.pages import (
    PAGES,
    anchor,
    articles_page,
    figures_page,
    foreign_page,
    people_page,
    regions_page,
    sites_page,
    support_page,
)
from reports.quality import quality_page
from warehouse.analyst import AnalystDatabase, NoDatabase, analyst_database, connect_read_only
from warehouse.publish import published_path
from warehouse.report_content import content
from warehouse.report_quality import latest_run, quality


class ReportError(RuntimeError):
    """The report could not be built (no database, or nothing loaded yet)."""


@dataclass(frozen=True)
class Report:
    index: Path
    pages: list[Path]
    run_id: str
    bytes: int


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("reports"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(anchor=anchor, pages=PAGES, asset=_asset)
    env.filters["amount"] = lambda v: f"{v:,.0f}".replace(",", " ") if v is not None else ""
    return env


def _asset(name: str) -> str:
    return (files("reports") / "templates" / name).read_text(encoding="utf-8")


def read(database: AnalystDatabase) -> dict[str, Any]:
    """Everything the report shows, from one read-only connection (one consistent snapshot)."""
    con = connect_read_only(database)
    try:
        run = latest_run(con)
        if run is None:
            raise ReportError(
                f"{database.path} has no run yet: run `clusterwatch run` or `clusterwatch demo`"
            )
        return {"run": run, "data": content(con), "quality": quality(con, run["run_id"]),
                "dictionary": dictionary_tables(con)}  # fmt: skip
    except duckdb.Error as exc:  # a snapshot published by an older release lacks a view or a column
        raise ReportError(
            f"cannot read {database.path} ({exc}); if an older release published it, a run of this one "
            "migrates and republishes it"
        ) from exc
    finally:
        con.close()


def _contexts(found: dict[str, Any]) -> dict[str, dict[str, Any]]:
    data = found["data"]
    return {
        "index.html": {"articles": articles_page(data), "regions": regions_page(data)},
        "articles.html": articles_page(data),
        "regions.html": regions_page(data),
        "sites.html": sites_page(data),
        "support.html": support_page(data),
        "people.html": people_page(data),
        "figures.html": figures_page(data),
        "foreign.html": foreign_page(data),
        "quality.html": quality_page(found["quality"]),
        "dictionary.html": {"tables": found["dictionary"]},
    }


def _write(path: Path, text: str) -> None:
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
    os.chmod(name, 0o644)
    os.replace(name, path)


def report_path(home: Path) -> Path:
    """Where a home folder's report lives: HOME/report/index.html."""
    return home / "report" / "index.html"


def build_home_report(home: Path, out: Path | None = None) -> Report:
    """The report of HOME's published snapshot (its working database when nothing is published yet)."""
    try:
        database = analyst_database(home / "clusterwatch.duckdb", published_path(home))
    except NoDatabase as exc:
        raise ReportError(str(exc)) from exc
    return build_report(database, out or report_path(home))


def build_report(database: AnalystDatabase, out: Path) -> Report:
    """Write the report's pages into out's folder, the overview as `out` itself (e.g. index.html)."""
    found = read(database)
    env = _environment()
    out.parent.mkdir(parents=True, exist_ok=True)
    common = {"run": found["run"], "built": datetime.now(UTC), "database": database, "home": out.name,
              "quality_summary": found["quality"]}  # fmt: skip
    written = []
    for name, context in _contexts(found).items():
        target = out if name == "index.html" else out.parent / name
        html = env.get_template(name).render(page=name, **common, **context)
        _write(target, html)
        written.append(target)
    size = sum(p.stat().st_size for p in written)
    return Report(out, written, found["run"]["run_id"], size)
