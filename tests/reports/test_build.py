"""The report built from a published snapshot: every page, numbers linked to their evidence, hostile
text escaped, sections of later views lit up when the views exist, clear errors otherwise."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest

from reports.build import ReportError, build_home_report, report_path
from reports.pages import PAGES
from tests.reports.conftest import BAD_SENTENCE, BAD_SITE, BAD_TITLES, SCRIPT_TITLE


class Tags(HTMLParser):
    """Every start tag of a page, with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(path: Path) -> list[tuple[str, dict]]:
    parser = Tags()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.tags


@pytest.fixture(scope="module")
def built(bad_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("report-home")
    shutil.copytree(bad_home, home, dirs_exist_ok=True)
    report = build_home_report(home)
    assert report.index == report_path(home) and report.run_id == "r1"
    return home / "report"


def test_every_page_is_written(built: Path) -> None:
    assert sorted(p.name for p in built.glob("*.html")) == sorted(name for name, _ in PAGES)


def test_nothing_is_loaded_from_elsewhere(built: Path) -> None:
    for page in built.glob("*.html"):
        for tag, attrs in _tags(page):
            assert tag not in ("link", "img", "iframe", "object", "embed"), f"{page.name}: <{tag}>"
            assert not (tag == "script" and "src" in attrs), f"{page.name}: an external script"


def test_only_our_own_script_and_style(built: Path) -> None:
    for page in built.glob("*.html"):
        scripts = [t for t, _ in _tags(page) if t == "script"]
        assert scripts == ["script"], page.name  # the one inline table filter


def test_hostile_text_is_escaped(built: Path) -> None:
    articles = (built / "articles.html").read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in articles
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;Kaluga opens a park" in articles
    assert (
        "He said &#34;yes&#34; &amp; &#39;no&#39; &lt;b&gt;bold&lt;/b&gt; &lt;/table&gt;&lt;/td&gt;"
        in articles
    )
    assert BAD_TITLES[2] in articles  # Markdown is not rendered: the asterisks stay
    assert BAD_TITLES[3] in articles  # a 5,000-character title, whole (wrapped by the style)
    support = (built / "support.html").read_text(encoding="utf-8")
    assert "<img" not in support and "onerror=&#34;window.__pwned = 2&#34;" in support
    sites = (built / "sites.html").read_text(encoding="utf-8")
    assert "<svg onload" not in sites and "Kaluga &lt;svg onload=window.__pwned=3&gt; cluster" in sites
    assert BAD_SENTENCE and BAD_SITE and SCRIPT_TITLE  # the fixtures these strings come from


def test_chart_marks_link_to_the_rows_behind_them(built: Path) -> None:
    for page in ("articles.html", "regions.html", "support.html"):
        path = built / page
        ids = {a.get("id") for _, a in _tags(path)}
        targets = [a["href"] for t, a in _tags(path) if t == "a" and a.get("href", "").startswith("#")]
        assert targets, page
        assert all(href[1:] in ids for href in targets), page


def test_regions_list_their_articles_and_countries_apart(built: Path) -> None:
    regions = (built / "regions.html").read_text(encoding="utf-8")
    assert 'id="r-RU-KLU" data-kind="Russian region"' in regions
    assert 'id="r-DE" data-kind="foreign country"' in regions
    assert "http://news.test/1" in regions


def test_support_measures_show_the_sentence_and_the_act(built: Path) -> None:
    support = (built / "support.html").read_text(encoding="utf-8")
    assert "900 000 000 RUB" in support and "government_decree 779" in support
    assert "A subsidy of 900 million rubles." in support


def test_quality_names_records_by_url_and_groups_reasons(built: Path) -> None:
    quality = (built / "quality.html").read_text(encoding="utf-8")
    assert 'text too short (N characters)</td><td class="n">2</td>' in quality  # one line, two records
    assert '<a href="http://news.test/no-title">' in quality  # a warning's record, by URL
    assert '<a href="http://news.test/bad-lang">' in quality
    assert "df.filter" not in quality


def test_later_views_are_not_available_until_they_exist(built: Path, tmp_path: Path) -> None:
    foreign = (built / "foreign.html").read_text(encoding="utf-8")
    assert foreign.count("Not available") == 3
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(built.parent / "clusterwatch.duckdb", home / "clusterwatch.duckdb")
    with duckdb.connect(str(home / "clusterwatch.duckdb")) as con:
        con.execute(
            "CREATE VIEW v_foreign_investors AS SELECT 'Continental' AS investor, "
            "'Germany' AS country_name_en, 'http://news.test/2' AS url"
        )
    build_home_report(home)
    foreign = (home / "report" / "foreign.html").read_text(encoding="utf-8")
    assert foreign.count("Not available") == 2
    assert "Continental" in foreign and '<a href="http://news.test/2">' in foreign
    assert "Foreign investors by country name en" in foreign


def test_no_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="no database"):
        build_home_report(tmp_path)


def test_a_snapshot_of_an_older_schema_is_a_clear_error(tmp_path: Path) -> None:
    with duckdb.connect(str(tmp_path / "clusterwatch.duckdb")) as con:
        con.execute("CREATE TABLE etl_run (run_id VARCHAR, started_at TIMESTAMP, status VARCHAR)")
        con.execute("INSERT INTO etl_run VALUES ('old', now(), 'completed')")
    with pytest.raises(ReportError, match="older release"):
        build_home_report(tmp_path)


def test_out_names_the_overview_and_the_pages_go_beside_it(bad_home: Path, tmp_path: Path) -> None:
    report = build_home_report(bad_home, tmp_path / "out" / "overview.html")
    assert report.index.is_file() and (tmp_path / "out" / "quality.html").is_file()
    quality = (tmp_path / "out" / "quality.html").read_text(encoding="utf-8")
    assert '<a href="overview.html">Overview</a>' in quality
