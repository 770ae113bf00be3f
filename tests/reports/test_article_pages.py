"""Article pages kept from the last build: only an article whose evidence changed is rendered again, and
every page is byte for byte what a full rendering of the same snapshot writes."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from reports import article_pages
from reports.article_pages import PARTS
from reports.build import build_report
from warehouse.analyst import AnalystDatabase, analyst_database
from warehouse.publish import published_path

BUILT = datetime(2026, 12, 7, 7, 0, tzinfo=UTC)
LATER = datetime(2026, 12, 8, 9, 30, tzinfo=UTC)


def _database(home: Path) -> AnalystDatabase:
    return analyst_database(home / "clusterwatch.duckdb", published_path(home))


def _files(folder: Path) -> dict[str, bytes]:
    """Every page of a report folder, by its path in the folder."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.html"))}


def _full_build(home: Path, folder: Path, built: datetime) -> dict[str, bytes]:
    """The report rendered whole, with nothing kept from an earlier build."""
    report = build_report(_database(home), folder / "index.html", built)
    assert report.articles_rendered == 4
    return _files(folder)


@pytest.fixture
def home(bad_home: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "home"
    shutil.copytree(bad_home, copy)
    return copy


def test_a_second_build_renders_nothing_and_writes_the_same_bytes(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "kept" / "index.html"
    assert build_report(_database(home), out, BUILT).articles_rendered == 4
    again = build_report(_database(home), out, LATER)  # a later build: its frame names the new time
    assert again.articles_rendered == 0
    assert _files(out.parent) == _full_build(home, tmp_path / "full", LATER)
    assert "built 2026-12-08 09:30 UTC" in (out.parent / "article" / "1.html").read_text(encoding="utf-8")


def test_only_the_changed_article_is_rendered_again(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "kept" / "index.html"
    build_report(_database(home), out, BUILT)
    with duckdb.connect(str(published_path(home))) as con:
        con.execute("UPDATE fact_article SET title = 'A new headline' WHERE article_key = 2")
    assert build_report(_database(home), out, LATER).articles_rendered == 1
    assert "A new headline" in (out.parent / "article" / "2.html").read_text(encoding="utf-8")
    assert _files(out.parent) == _full_build(home, tmp_path / "full", LATER)


def test_a_damaged_or_missing_part_is_rendered_again(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "kept" / "index.html"
    build_report(_database(home), out, BUILT)
    parts, pages = out.parent / "article" / PARTS, out.parent / "article"
    (parts / "1.json").write_text("{not json", encoding="utf-8")
    (parts / "3.json").unlink()
    (parts / "999.json").write_text("{}", encoding="utf-8")  # of an article no longer listed
    page = (pages / "2.html").read_text(encoding="utf-8")
    (pages / "2.html").write_text(page.replace("</mark>", "</mark> ", 1), encoding="utf-8")  # edited
    (pages / "4.html").unlink()
    assert build_report(_database(home), out, BUILT).articles_rendered == 4
    assert sorted(p.name for p in parts.glob("*.json")) == [f"{k}.json" for k in range(1, 5)]
    assert _files(out.parent) == _full_build(home, tmp_path / "full", BUILT)


def test_other_report_code_renders_every_article_again(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "kept" / "index.html"
    build_report(_database(home), out, BUILT)
    monkeypatch.setattr(article_pages, "code_digest", lambda: "the templates of another release")
    assert build_report(_database(home), out, BUILT).articles_rendered == 4
