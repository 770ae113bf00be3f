"""The CSV beside every table: one per table, next to its page, readable, formulas made inert."""

from __future__ import annotations

import csv
import io
import shutil
from base64 import b64decode
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reports.build import build_home_report
from reports.downloads import Table, cell, csv_text, data_uri
from tests.reports.conftest import BAD_TITLES


def test_cells_a_spreadsheet_would_run_are_prefixed() -> None:
    for formula in ("=1+2", "+7", "-2+3", "@SUM(A1)", "\t=x", "\r=x"):
        assert cell(formula) == "'" + formula
    assert cell("a=b") == "a=b" and cell(-5) == -5 and cell(2.5) == 2.5  # numbers stay numbers
    assert cell(None) == "" and cell(True) == "true" and cell(date(2021, 4, 27)) == "2021-04-27"
    assert cell(["a", "b"]) == "a; b"


def test_a_data_link_holds_the_same_csv() -> None:
    table = Table("t", ("a",), [{"a": "=1 & 2 #3"}])
    text = b64decode(data_uri(table).partition(",")[2]).decode("utf-8")
    assert text == csv_text(table) == "a\r\n'=1 & 2 #3\r\n"
    assert "#" not in data_uri(table) and " " not in data_uri(table)  # nothing ends or breaks the link


def test_csv_quotes_and_keeps_every_row() -> None:
    text = csv_text(Table("t", ("title", "n"), [{"title": 'He said "yes", then\nleft', "n": 1}, {"n": 2}]))
    assert list(csv.reader(io.StringIO(text))) == [
        ["title", "n"],
        ['He said "yes", then\nleft', "1"],
        ["", "2"],
    ]


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables, self.csv = 0, []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        found = dict(attrs)
        self.tables += tag == "table"
        if tag == "a" and "csv" in (found.get("class") or ""):
            self.csv.append(found["href"])


def _csv_of(page: Path, href: str) -> str:
    """A CSV link's text: a file beside the page, or the data: link of an article page's table."""
    if href.startswith("data:text/csv;charset=utf-8;base64,"):
        return b64decode(href.partition(",")[2]).decode("utf-8")
    target = page.parent / href
    assert target.is_file(), href
    return target.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def report(bad_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("csv-home")
    shutil.copytree(bad_home, home, dirs_exist_ok=True)
    return build_home_report(home).index.parent


def test_every_table_has_its_csv_beside_it(report: Path) -> None:
    pages = sorted(report.glob("*.html")) + sorted((report / "article").glob("*.html"))
    for page in pages:
        links = Links()
        links.feed(page.read_text(encoding="utf-8"))
        assert len(links.csv) >= links.tables > 0 or links.tables == 0, page.name
        for href in links.csv:
            text = _csv_of(page, href)
            assert next(iter(csv.reader(io.StringIO(text)))), f"{page.name}: {href[:60]} has no header"


def test_the_articles_csv_holds_the_titles_as_written(report: Path) -> None:
    rows = list(csv.DictReader(io.StringIO((report / "csv" / "articles-articles.csv").read_text("utf-8"))))
    assert sorted(r["title"] for r in rows) == sorted(BAD_TITLES)
    assert {r["url"] for r in rows} == {f"http://news.test/{i}" for i in range(1, 5)}
