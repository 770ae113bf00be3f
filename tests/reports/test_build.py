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


def _ids(path: Path) -> set[str]:
    return {a["id"] for _, a in _tags(path) if a.get("id")}


def test_every_link_of_every_page_lands(built: Path) -> None:
    """Every link that stays in the report names a file that exists and, with a fragment, an id in it:
    chart marks, the index's bars (to articles.html), evidence links (to article/KEY.html#…), CSVs."""
    pages = sorted(built.glob("*.html")) + sorted((built / "article").glob("*.html"))
    ids: dict[Path, set[str]] = {}
    checked = 0
    for page in pages:
        for tag, attrs in _tags(page):
            href = attrs.get("href", "")
            if tag != "a" or not href or href.startswith(("http://", "https://", "data:text/csv")):
                continue
            target, _, fragment = href.partition("#")
            path = (page.parent / target).resolve() if target else page
            assert path.is_file(), f"{page.name}: {href} names no file"
            if fragment:
                assert fragment in ids.setdefault(path, _ids(path)), f"{page.name}: {href} names no anchor"
            checked += 1
    assert checked > 100


def test_the_index_bars_link_to_the_pages_behind_them(built: Path) -> None:
    hrefs = [a["href"] for t, a in _tags(built / "index.html") if t == "a" and "#" in a.get("href", "")]
    assert any(h.startswith("articles.html#m-2021-04") for h in hrefs)
    assert any(h.startswith("regions.html#r-RU-KLU") for h in hrefs)
    assert "articles.html#m-undated" in hrefs  # the undated bucket, to the first undated article


def test_fact_rows_link_to_their_mark_on_the_article_page(built: Path) -> None:
    support = (built / "support.html").read_text(encoding="utf-8")
    assert 'href="article/1.html#fig-101"' in support
    sites = (built / "sites.html").read_text(encoding="utf-8")
    assert "article/1.html#site-" in sites
    article = (built / "article" / "1.html").read_text(encoding="utf-8")
    assert (
        '<a id="fig-101"></a><mark class="ent t-figure" id="at-300" title="FIGURE: up to 900 M ₽ (subsidy)">'
        "до 900 млн рублей" in article
    )


def test_regions_list_their_articles_and_countries_apart(built: Path) -> None:
    regions = (built / "regions.html").read_text(encoding="utf-8")
    assert 'id="r-RU-KLU" data-kind="Russian region"' in regions
    assert 'id="r-DE" data-kind="foreign country"' in regions
    assert "http://news.test/1" in regions


def test_support_measures_show_the_sentence_and_the_act(built: Path) -> None:
    support = (built / "support.html").read_text(encoding="utf-8")
    assert "up to 900 M ₽" in support and "government decree No. 779" in support
    assert "government_decree 779" not in support and "up_to" not in support
    assert "A subsidy of 900 million rubles." in support


def test_quality_names_records_by_url_and_groups_reasons(built: Path) -> None:
    quality = (built / "quality.html").read_text(encoding="utf-8")
    assert 'text too short (N characters)</td><td class="n">2</td>' in quality  # one line, two records
    assert '<a href="http://news.test/no-title">' in quality  # a warning's record, by URL
    assert '<a href="http://news.test/bad-lang">' in quality
    assert "df.filter" not in quality


def test_later_views_are_not_available_until_they_exist(built: Path, tmp_path: Path) -> None:
    foreign = (built / "foreign.html").read_text(encoding="utf-8")
    assert foreign.count("Not available") == 0  # the relation and event views are in the schema now
    assert "Foreign investors by country" in foreign and "Continental" in foreign
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(built.parent / "clusterwatch.duckdb", home / "clusterwatch.duckdb")
    with duckdb.connect(str(home / "clusterwatch.duckdb")) as con:  # a snapshot of an older schema
        for view in ("v_foreign_investors", "v_site_residents", "v_events"):
            con.execute(f"DROP VIEW {view}")
        con.execute(
            "CREATE VIEW v_foreign_investors AS SELECT 'Continental' AS investor, "
            "'Germany' AS country_name_en, 'http://news.test/2' AS url"
        )
    build_home_report(home)
    foreign = (home / "report" / "foreign.html").read_text(encoding="utf-8")
    assert foreign.count("Not available") == 2
    assert "Continental" in foreign and '<a class="src" href="http://news.test/2">' in foreign
    assert 'href="article/2.html"' in foreign  # the row's article, by its URL
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


def test_pages_and_csvs_an_earlier_build_left_are_removed(bad_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "report" / "index.html"
    (tmp_path / "report" / "article").mkdir(parents=True)
    (tmp_path / "report" / "csv").mkdir()
    stale = [tmp_path / "report" / "article" / "999.html", tmp_path / "report" / "csv" / "old-table.csv"]
    kept = tmp_path / "report" / "article" / "notes.txt"
    for path in [*stale, kept]:
        path.write_text("from an earlier build", encoding="utf-8")
    build_home_report(bad_home, out)
    assert not any(p.exists() for p in stale) and kept.is_file()
    assert sorted(p.name for p in (tmp_path / "report" / "article").glob("*.html")) == [
        f"{k}.html" for k in range(1, 5)
    ]
