"""The report as a person sees it: the demo's report opened from disk in headless Chromium with the
network cut off. Charts draw, the run and the articles show, nothing is requested from elsewhere, and
hostile titles and sentences stay text. Skipped only when Chromium is not installed (.ci/run installs it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from reports.build import build_home_report
from tests.reports.browser import Browser, chromium_path
from tests.reports.conftest import BAD_TITLES, SCRIPT_TITLE

pytestmark = pytest.mark.skipif(
    chromium_path() is None, reason="chromium is not installed (apt-get install chromium; .ci/run does)"
)
MARKS_DRAWN = """Array.from(document.querySelectorAll("svg .mark")).filter(m => {
    const box = m.getBoundingClientRect(); return box.width > 0 && box.height > 0; }).length"""
CHARTS = "document.querySelectorAll('figure.chart svg').length"


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    chromium = Browser(tmp_path_factory.mktemp("chromium-profile"))
    yield chromium
    chromium.close()


@pytest.fixture(scope="module")
def demo(sample_run: dict) -> dict:
    """A real run of the flow on the sample site (the session's): it builds the report at its end."""
    return sample_run


def _open(browser: Browser, page: Path) -> None:
    browser.open(page.as_uri())
    assert browser.requests() == [page.as_uri()], "the page asked for something besides itself"
    assert browser.leaks() == [] and browser.console_errors() == []


def test_the_demo_report_draws_offline(browser: Browser, demo: dict, tmp_path: Path) -> None:
    index = Path(demo["report"])
    assert demo["report_error"] is None and index.is_file()
    charts = 0
    for page in _pages(index):
        _open(browser, page)
        drawn = browser.evaluate(CHARTS)
        if drawn:
            assert browser.evaluate(MARKS_DRAWN) > 0, f"{page.name}: charts without a visible mark"
        charts += drawn
        assert browser.evaluate("document.getElementById('run-id').textContent") == demo["run_id"]
    assert charts >= 5
    _open(browser, index)
    shot = browser.screenshot(tmp_path / "index.png")
    assert shot.stat().st_size > 10_000  # a drawn page, not a blank one
    _open(browser, index.parent / "articles.html")
    text = browser.evaluate("document.body.innerText")
    assert "Mikhail Labudin and Vladimir Popov discussed the development of clusters" in text


LINKS = """Array.from(document.querySelectorAll('a[href]')).map(a =>
    new URL(a.getAttribute('href'), document.baseURI).href)"""  # SVG links too
IDS = "Array.from(document.querySelectorAll('[id]')).map(e => e.id)"
MARKS = """Array.from(document.querySelectorAll('#text mark.ent')).filter(m => {
    const box = m.getBoundingClientRect(); return box.width > 0 && box.height > 0; }).map(m =>
    [m.querySelector('.lbl').textContent, getComputedStyle(m).backgroundColor])"""


def _pages(index: Path) -> list[Path]:
    return sorted(index.parent.glob("*.html")) + sorted((index.parent / "article").glob("*.html"))


def test_every_link_of_every_page_resolves(browser: Browser, demo: dict) -> None:
    """Each page as the browser reads it: every link into the report names a file that exists, and its
    fragment an element of that file (the index's bars, the evidence links, the CSVs)."""
    ids: dict[str, set[str]] = {}
    links: dict[str, list[str]] = {}
    for page in _pages(Path(demo["report"])):
        _open(browser, page)
        ids[page.as_uri()] = set(browser.evaluate(IDS))
        links[page.name] = [u for u in browser.evaluate(LINKS) if u.startswith("file://")]
    checked = 0
    for name, found in links.items():
        for url in found:
            target, _, fragment = url.partition("#")
            assert Path(unquote(urlparse(target).path)).is_file(), f"{name}: {url}"
            if fragment:
                assert fragment in ids.get(target, set()), f"{name}: {url} names no element"
            checked += 1
    assert checked > 200


def test_article_pages_mark_their_facts(browser: Browser, demo: dict, tmp_path: Path) -> None:
    articles = sorted((Path(demo["report"]).parent / "article").glob("*.html"))
    assert len(articles) == 5  # one per article of the sample site
    labels: set[str] = set()
    for page in articles:
        _open(browser, page)
        marks = browser.evaluate(MARKS)
        assert marks, f"{page.name}: no fact marked"
        assert all(colour not in ("rgba(0, 0, 0, 0)", "transparent") for _, colour in marks)
        labels |= {label for label, _ in marks}
    assert {"PERSON", "ORG", "REGION", "SITE", "ACT", "FIGURE"} <= labels
    _open(browser, Path(demo["report"]).parent / "articles.html")
    href = browser.evaluate("document.querySelector('#articles tbody a[href]').href")
    _open(browser, Path(unquote(urlparse(href).path)))
    assert browser.evaluate("document.querySelectorAll('#text mark.ent').length") > 3
    shot = browser.screenshot(tmp_path / "article.png")
    assert shot.stat().st_size > 10_000


def test_the_quality_page_shows_every_suite_of_the_run(browser: Browser, demo: dict) -> None:
    _open(browser, Path(demo["report"]).parent / "quality.html")
    suites = browser.evaluate(
        "Array.from(document.querySelectorAll('#suite-table tbody tr td:first-child'))"
        ".map(td => td.innerText)"
    )
    expected = {"raw_pages", "articles", "entities", "figures", "mentions", "foreign_keys", "reconciliation"}
    assert expected | {"warehouse"} <= set(suites)
    failed = browser.evaluate("document.getElementById('failed-table').innerText")
    assert "freshness: latest article published within 30 days" in failed  # the demo's one warning


def test_the_table_filter_works(browser: Browser, demo: dict) -> None:
    _open(browser, Path(demo["report"]).parent / "articles.html")
    shown = "Array.from(document.querySelectorAll('#articles tbody tr')).filter(r => !r.hidden).length"
    assert browser.evaluate(shown) == 5
    browser.evaluate(
        "const s = document.querySelector('select[name=language]'); s.value = 'ru';"
        "s.dispatchEvent(new Event('input'))"
    )
    assert browser.evaluate(shown) == 1


def test_hostile_text_stays_text(browser: Browser, bad_home: Path, tmp_path: Path) -> None:
    report = build_home_report(bad_home, tmp_path / "report" / "index.html")
    for name in ("articles.html", "support.html", "sites.html", "regions.html", "article/1.html"):
        _open(browser, report.index.parent / name)
        assert browser.evaluate("window.__pwned === undefined"), name
        assert browser.evaluate("document.querySelectorAll('main img, main b, main script').length") == 0
    _open(browser, report.index.parent / "articles.html")
    text = browser.evaluate("document.body.innerText")
    assert SCRIPT_TITLE in text and BAD_TITLES[1] in text and BAD_TITLES[2] in text
    width = browser.evaluate("document.documentElement.scrollWidth")
    assert width <= 1280 + 20, "a long title must wrap, not widen the page"
    browser.screenshot(tmp_path / "hostile.png")
    _open(browser, report.index.parent / "article" / "1.html")
    text = browser.evaluate("document.getElementById('text').innerText")
    assert '<script>window.__pwned = 4</script> <img src=x onerror="window.__pwned = 5">' in text
    assert browser.evaluate("document.querySelectorAll('#text mark.ent').length") >= 4


def test_a_page_asking_the_network_is_caught(browser: Browser, tmp_path: Path) -> None:
    """The check above can fail: an external image is seen, and stopped at the trap."""
    page = tmp_path / "leaky.html"
    page.write_text('<html><body><img src="http://cdn.example.com/x.png"></body></html>', encoding="utf-8")
    browser.open(page.as_uri())
    assert "http://cdn.example.com/x.png" in browser.requests()
    assert "GET http://cdn.example.com/x.png" in browser.leaks()
