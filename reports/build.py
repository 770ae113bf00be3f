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

from reports.article import anchors, article_page
from reports.dictionary import dictionary_tables
from reports.downloads import Table, csv_text, data_uri
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
from warehouse.analyst import AnalystDatabase, NoDatabase, analyst_database, connect_read_only
from warehouse.publish import published_path
from warehouse.report_content import article_evidence, article_keys_of_urls, content
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
        data = content(con)
        data["url_keys"] = article_keys_of_urls(con, section_urls(data))
        evidence = article_evidence(con, sorted(referenced_articles(data, data["url_keys"])))
        return {"run": run, "data": data, "quality": quality(con, run["run_id"]),
                "dictionary": dictionary_tables(con), "evidence": evidence}  # fmt: skip
    except duckdb.Error as exc:  # a snapshot published by an older release lacks a view or a column
        raise ReportError(
            f"cannot read {database.path} ({exc}); if an older release published it, a run of this one "
            "migrates and republishes it"
        ) from exc
    finally:
        con.close()


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


def _write_tables(folder: Path, stem: str, tables: dict[str, Table], href: str = "") -> dict[str, str]:
    """Each table's CSV as `folder/<stem>-<name>.csv`; returns name → the link to it from the page."""
    links = {}
    for name, table in tables.items():
        file = f"{stem}-{name}.csv"
        _write(folder / file, csv_text(table))
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


def _remove_stale(folder: Path, keep: set[str]) -> None:
    """Pages and CSV files an earlier build wrote and this one did not (an article no longer listed, the
    table of a view the snapshot no longer has)."""
    for path in folder.glob("*"):
        if path.suffix in (".html", ".csv") and path.name not in keep:
            path.unlink(missing_ok=True)


def _write_articles(
    env: Environment, folder: Path, evidence: dict[int, dict[str, Any]], common: dict, anchors_of: dict
) -> list[Path]:
    """Write a page per article, one at a time; only its anchors are kept (in `anchors_of`, for the
    links of the other pages)."""
    folder.mkdir(parents=True, exist_ok=True)
    template, written = env.get_template("article.html"), []
    for key, found in evidence.items():
        context = article_page(found)
        anchors_of[key] = anchors(context)
        shown = {name: (columns, rows(context)) for name, (columns, rows) in ARTICLE_TABLES.items()}
        tables = {name: Table(name, columns, listed) for name, (columns, listed) in shown.items() if listed}
        downloads = {name: data_uri(table) for name, table in tables.items()}
        target = folder / f"{key}.html"
        _write(target, template.render(page="article", downloads=downloads, **common, **context))
        written.append(target)
    _remove_stale(folder, {p.name for p in written})
    return written


ARTICLE_TABLES = {
    "meta": (("article_key", "title", "url", "source_name", "site_name", "published_date", "date_source",
              "date_inferred", "language", "word_count", "run_id", "duplicate_of"), lambda c: [c["article"]]),
    "things": (("type", "name", "mentions", "offset"), lambda c: c["things"]),
    "figures": (("figure_key", "said", "value", "unit", "qualifier", "subject", "metric_code", "act",
                 "region_name_en", "site_name", "start", "end", "sentence"), lambda c: c["figures"]),
    "relations": (("relation_key", "subject", "relation", "object", "rule", "start", "end", "sentence"),
                  lambda c: c["relations"]),
    "events": (("event_key", "event_type", "event_date", "date_text", "planned", "participants", "start",
                "end", "sentence"), lambda c: c["events"]),
    "roles": (("person", "role", "organisation"), lambda c: c["roles"]),
}  # fmt: skip


def build_report(database: AnalystDatabase, out: Path) -> Report:
    """Write the report's pages into out's folder, the overview as `out` itself (e.g. index.html), a page
    per article in `article/` beside it, and the CSV of every table in `csv/` (an article page's small
    tables as data: links inside the page)."""
    found = read(database)
    env = _environment()
    folder = out.parent
    folder.mkdir(parents=True, exist_ok=True)
    anchors_of: dict[int, set[str]] = {}  # filled as the article pages are written, before the other pages
    env.globals.update(written=set(found["evidence"]), evidence=_evidence_links(anchors_of))
    common = {"run": found["run"], "built": datetime.now(UTC), "database": database, "home": out.name,
              "quality_summary": found["quality"]}  # fmt: skip
    article_common = {**common, "root": "../"}
    written = _write_articles(env, folder / "article", found.pop("evidence"), article_common, anchors_of)
    (folder / "csv").mkdir(exist_ok=True)
    csv_files: set[str] = set()
    for name, context in _contexts(found).items():
        target = out if name == "index.html" else folder / name
        tables = context.pop("downloads_of", None) or context.get("tables", {})
        downloads = _write_tables(folder / "csv", Path(name).stem, tables, "csv/")
        csv_files |= {href.removeprefix("csv/") for href in downloads.values()}
        html = env.get_template(name).render(page=name, root="", downloads=downloads, **common, **context)
        _write(target, html)
        written.append(target)
    _remove_stale(folder / "csv", csv_files)
    size = sum(p.stat().st_size for p in written)
    return Report(out, written, found["run"]["run_id"], size)
