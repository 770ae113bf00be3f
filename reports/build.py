"""Build the report: read the published snapshot, render every page, write them next to each other.

The pages are static HTML with their style, script and charts inside them: they open from disk with
no network. Every value is escaped by the templates (autoescape), so a title holding markup shows as
text. Pages are written to temporary files and renamed into place, so a reader never sees half a page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path
from typing import Any

import duckdb
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from reports.article_pages import write_article_pages
from reports.dictionary import dictionary_tables
from reports.downloads import Table, csv_text
from reports.files import remove_stale, write_atomic
from reports.pages import (
    PAGES,
    anchor,
    articles_page,
    figures_page,
    foreign_page,
    people_page,
    referenced_articles,
    regions_page,
    section_urls,
    sites_page,
    support_page,
)
from reports.quality import quality_page
from warehouse.analyst import AnalystDatabase, AnalystLimits, NoDatabase, analyst_database, connect_read_only
from warehouse.publish import published_path
from warehouse.report_content import article_keys_of_urls, content, evidence_in_chunks
from warehouse.report_quality import URLS_PER_CHECK, latest_run, quality


class ReportError(RuntimeError):
    """The report could not be built (no database, or nothing loaded yet)."""


@dataclass(frozen=True)
class Report:
    index: Path
    pages: list[Path]
    run_id: str
    bytes: int
    articles_rendered: int  # article pages rendered in this build; the others were kept from the last one


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


MEMORY_SETTING = "CLUSTERWATCH_ANALYST__MEMORY_LIMIT_MB"  # the report reads within the analysts' limits


def _unreadable(database: AnalystDatabase, exc: duckdb.Error, limits: AnalystLimits) -> ReportError:
    if isinstance(exc, duckdb.OutOfMemoryException):
        return ReportError(
            f"reading {database.path} needs more than the report's memory limit of {limits.memory_mb} MB: "
            f"raise {MEMORY_SETTING} (64–1,048,576)"
        )
    return ReportError(  # a snapshot published by an older release lacks a view or a column
        f"cannot read {database.path} ({exc}); if an older release published it, a run of this one "
        "migrates and republishes it"
    )


def read(
    con: duckdb.DuckDBPyConnection, database: AnalystDatabase, urls_per_check: int = URLS_PER_CHECK
) -> dict[str, Any]:
    """Everything the pages but the article pages show, and the keys of the articles they link to (each
    gets a page, its evidence read as it is written), from one read-only connection (one snapshot)."""
    run = latest_run(con)
    if run is None:
        raise ReportError(f"{database.path} has no run yet: run `clusterwatch run` or `clusterwatch demo`")
    data = content(con)
    data["url_keys"] = article_keys_of_urls(con, section_urls(data))
    keys = sorted(referenced_articles(data, data["url_keys"]))
    return {"run": run, "data": data, "quality": quality(con, run["run_id"], urls_per_check),
            "dictionary": dictionary_tables(con), "evidence_keys": keys}  # fmt: skip


RUN_COLUMNS = ("run_id", "status", "started_at", "finished_at", "pages_discovered", "pages_fetched",
               "pages_not_modified", "pages_skipped", "pages_failed", "articles_loaded", "duplicates",
               "articles_held_back")  # fmt: skip
DICTIONARY_COLUMNS = ("table", "kind", "column", "type", "comment")


def _dictionary(tables: list[dict]) -> dict[str, Any]:
    flat = [{"table": t["name"], "kind": t["kind"], "column": c["name"], "type": c["type"],
             "comment": c["comment"]} for t in tables for c in t["columns"]]  # fmt: skip
    return {"tables": tables, "downloads_of": {"dictionary": Table("dictionary", DICTIONARY_COLUMNS, flat)}}


def _contexts(found: dict[str, Any]) -> dict[str, dict[str, Any]]:
    data = found["data"]
    run = {"run": Table("run", [c for c in RUN_COLUMNS if c in found["run"]], [found["run"]])}
    return {
        "index.html": {"articles": articles_page(data), "regions": regions_page(data), "tables": run},
        "articles.html": articles_page(data),
        "regions.html": regions_page(data),
        "sites.html": sites_page(data),
        "support.html": support_page(data),
        "people.html": people_page(data),
        "figures.html": figures_page(data),
        "foreign.html": foreign_page(data),
        "quality.html": quality_page(found["quality"]),
        "dictionary.html": _dictionary(found["dictionary"]),
    }


def report_path(home: Path) -> Path:
    """Where a home folder's report lives: HOME/report/index.html."""
    return home / "report" / "index.html"


def build_home_report(
    home: Path,
    out: Path | None = None,
    limits: AnalystLimits | None = None,
    urls_per_check: int = URLS_PER_CHECK,
) -> Report:
    """The report of HOME's published snapshot (its working database when nothing is published yet); a
    failed check lists its first `urls_per_check` URLs."""
    try:
        database = analyst_database(home / "clusterwatch.duckdb", published_path(home))
    except NoDatabase as exc:
        raise ReportError(str(exc)) from exc
    return build_report(database, out or report_path(home), limits=limits, urls_per_check=urls_per_check)


def _write_tables(folder: Path, stem: str, tables: dict[str, Table], href: str = "") -> dict[str, str]:
    """Each table's CSV as `folder/<stem>-<name>.csv`; returns name → the link to it from the page."""
    links = {}
    for name, table in tables.items():
        file = f"{stem}-{name}.csv"
        write_atomic(folder / file, csv_text(table))
        links[name] = href + file
    return links


def _evidence_links(anchors_of: dict[int, set[str]]) -> Any:
    """evidence(key, at): the link to an article's page, at the first of the anchors `at` names that the
    page has (a fact's own mark, else its sentence), else at the top of the page."""

    def evidence(key: int, at: str | list[str] | None = None) -> str:
        wanted = [at] if isinstance(at, str) else list(at or [])
        found = next((a for a in wanted if a in anchors_of.get(key, set())), None)
        return f"article/{key}.html" + (f"#{found}" if found else "")

    return evidence


def build_report(
    database: AnalystDatabase,
    out: Path,
    built: datetime | None = None,
    limits: AnalystLimits | None = None,
    urls_per_check: int = URLS_PER_CHECK,
) -> Report:
    """Write the report's pages into out's folder, the overview as `out` itself (e.g. index.html), a page
    per article in `article/` beside it (rendered again only when what it shows changed since the last
    build: reports/article_pages.py), and the CSV of every table in `csv/` (an article page's small
    tables as data: links inside the page). `built` is the time the pages say they were built [now].
    The snapshot is read on an analyst connection within LIMITS [the analysts' defaults]."""
    limits = limits or AnalystLimits()
    con = connect_read_only(database, limits)
    try:
        return _build(con, database, out, built, urls_per_check)
    except duckdb.Error as exc:
        raise _unreadable(database, exc, limits) from exc
    finally:
        con.close()


def _build(
    con: duckdb.DuckDBPyConnection,
    database: AnalystDatabase,
    out: Path,
    built: datetime | None,
    urls_per_check: int = URLS_PER_CHECK,
) -> Report:
    found = read(con, database, urls_per_check)
    env = _environment()
    folder = out.parent
    folder.mkdir(parents=True, exist_ok=True)
    anchors_of: dict[int, set[str]] = {}  # filled as the article pages are written, before the other pages
    keys = found.pop("evidence_keys")
    env.globals.update(written=set(keys), evidence=_evidence_links(anchors_of))
    common = {"run": found["run"], "built": built or datetime.now(UTC), "database": database,
              "home": out.name, "quality_summary": found["quality"]}  # fmt: skip
    article_common = {**common, "root": "../"}
    template, evidence = env.get_template("article.html"), evidence_in_chunks(con, keys)
    articles = write_article_pages(
        template, folder / "article", evidence, set(keys), article_common, anchors_of
    )
    written = list(articles.written)
    (folder / "csv").mkdir(exist_ok=True)
    csv_files: set[str] = set()
    for name, context in _contexts(found).items():
        target = out if name == "index.html" else folder / name
        tables = context.pop("downloads_of", None) or context.get("tables", {})
        downloads = _write_tables(folder / "csv", Path(name).stem, tables, "csv/")
        csv_files |= {href.removeprefix("csv/") for href in downloads.values()}
        html = env.get_template(name).render(page=name, root="", downloads=downloads, **common, **context)
        write_atomic(target, html)
        written.append(target)
    remove_stale(folder / "csv", csv_files)
    size = sum(p.stat().st_size for p in written)
    return Report(out, written, found["run"]["run_id"], size, articles.rendered)
