"""crawl(): discovery and fetching over a small site on loopback; every URL one outcome; incremental runs."""

from __future__ import annotations

import gc
import json
import re
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import polars as pl
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from config.settings import FetchSettings
from config.sources import Source, SourcesConfig
from ingest import raw_store
from ingest.crawl import CrawlResult, crawl, fetch_pages
from ingest.discover import Discovered
from ingest.fetch import Fetcher
from ingest.records import PAGE_STATE_SCHEMA, Settled
from transforms.extract.encoding import decode_html

RU = "Индустриальный парк Ворсино: новый резидент начал строительство завода."
CP1251_PAGE = (
    f'<html><head><meta charset="windows-1251"><title>{RU}</title></head><body><p>{RU}</p></body></html>'
)
KOI8_PAGE = f"<html><head><title>{RU}</title></head><body><p>{RU}</p><p>{RU}</p></body></html>"
PATHS = {
    "etag": "/news/2024/05/etag.html",
    "plain": "/news/2024/05/plain.html",
    "cp1251-header": "/news/2024/05/cp1251-header.html",
    "cp1251-meta": "/news/2024/05/cp1251-meta.html",
    "koi8": "/news/2024/05/koi8.html",
    "gone": "/news/2024/05/gone.html",
    "pdf": "/news/2024/05/report",
    "private": "/private/secret.html",
    "flaky": "/news/2024/05/flaky.html",
}


def settings() -> FetchSettings:
    return FetchSettings(per_host_delay=0.0, backoff_seconds=0.01, retries=1, global_concurrency=4)


def conditional_etag(request: Request) -> Response:
    if request.headers.get("If-None-Match") == '"e1"':
        return Response(status=304, headers={"ETag": '"e1"'})
    return Response(
        "<html><body><p>etag page</p></body></html>", content_type="text/html", headers={"ETag": '"e1"'}
    )


@pytest.fixture
def site(httpserver: HTTPServer) -> str:
    base = f"http://127.0.0.1:{httpserver.port}"
    h = httpserver
    h.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /private/\n")
    items = "".join(f"<item><title>{k}</title><link>{base}{p}</link></item>" for k, p in PATHS.items())
    h.expect_request("/rss.xml").respond_with_data(
        f"<rss><channel>{items}</channel></rss>", content_type="application/xml"
    )
    h.expect_request("/sitemap.xml").respond_with_data(
        f"<sitemapindex><sitemap><loc>{base}/sitemap-1.xml</loc></sitemap></sitemapindex>",
        content_type="application/xml",
    )
    h.expect_request("/sitemap-1.xml").respond_with_data(
        f"<urlset><url><loc>{base}/news/2024/05/sitemap-only.html?utm_source=x</loc></url></urlset>",
        content_type="application/xml",
    )
    h.expect_request("/news/2024/05/sitemap-only.html").respond_with_data(
        "<p>s</p>", content_type="text/html"
    )
    h.expect_request(PATHS["etag"]).respond_with_handler(conditional_etag)
    h.expect_request(PATHS["plain"]).respond_with_data("<p>plain</p>", content_type="text/html")
    h.expect_request(PATHS["cp1251-header"]).respond_with_data(
        CP1251_PAGE.encode("cp1251"), content_type="text/html; charset=windows-1251"
    )
    h.expect_request(PATHS["cp1251-meta"]).respond_with_data(
        CP1251_PAGE.encode("cp1251"), content_type="text/html"
    )
    h.expect_request(PATHS["koi8"]).respond_with_data(KOI8_PAGE.encode("koi8-r"), content_type="text/html")
    h.expect_request(PATHS["gone"]).respond_with_data("gone", status=404)
    h.expect_request(PATHS["pdf"]).respond_with_data(b"%PDF-1.4", content_type="application/pdf")
    h.expect_oneshot_request(PATHS["flaky"]).respond_with_data("busy", status=503)
    h.expect_request(PATHS["flaky"]).respond_with_data("<p>flaky</p>", content_type="text/html")
    return base


def config(base: str) -> SourcesConfig:
    source = Source(
        name="s", feeds=[f"{base}/rss.xml"], sitemaps=[f"{base}/sitemap.xml"], allowed_domains=["127.0.0.1"]
    )
    return SourcesConfig(allow_private_networks=True, sources=[source])


def empty_state() -> pl.DataFrame:
    return pl.DataFrame(schema=PAGE_STATE_SCHEMA)


def outcomes(result: CrawlResult) -> dict[str, tuple[str, str | None]]:
    log = result.fetch_log
    return {url.rsplit("/", 1)[-1]: (o, r) for url, o, r in log.select("url", "outcome", "reason").rows()}


@pytest.fixture
def first(site: str, tmp_path: Path) -> CrawlResult:
    return crawl(config(site), settings(), empty_state(), tmp_path / "raw")


def test_every_discovered_url_has_exactly_one_outcome(first: CrawlResult) -> None:
    log = first.fetch_log
    assert log.height == len(PATHS) + 1  # the feed's items and the sitemap's page
    assert log.get_column("url").is_unique().all()
    assert set(log.get_column("outcome")) <= {"fetched", "not_modified", "skipped", "failed"}
    assert outcomes(first) == {
        "etag.html": ("fetched", None),
        "plain.html": ("fetched", None),
        "cp1251-header.html": ("fetched", None),
        "cp1251-meta.html": ("fetched", None),
        "koi8.html": ("fetched", None),
        "gone.html": ("failed", "HTTP 404"),
        "report": ("skipped", "not HTML: application/pdf"),
        "secret.html": ("skipped", "disallowed by robots.txt"),
        "flaky.html": ("fetched", None),
        "sitemap-only.html": ("fetched", None),  # tracking parameter dropped by normalisation
    }


def test_retries_are_inside_the_single_row(first: CrawlResult) -> None:
    row = first.fetch_log.filter(pl.col("url").str.ends_with("flaky.html")).row(0, named=True)
    assert row["attempts"] == 2
    assert [a["status"] for a in json.loads(row["attempt_log"])] == [503, 200]


def test_pages_refer_to_bodies_that_decode_to_the_right_text(first: CrawlResult, tmp_path: Path) -> None:
    pages = {
        url.rsplit("/", 1)[-1]: row
        for url, row in zip(first.pages["url"], first.pages.iter_rows(named=True), strict=True)
    }
    assert len(pages) == 7
    assert pages["cp1251-header.html"]["charset"] == "windows-1251"
    assert pages["cp1251-meta.html"]["charset"] is None
    for name in ("cp1251-header.html", "cp1251-meta.html", "koi8.html"):
        body = raw_store.get(tmp_path / "raw", pages[name]["content_hash"])
        text, _encoding = decode_html(body, pages[name]["charset"])
        assert RU in text, name


def test_bodies_are_in_the_raw_store(first: CrawlResult, tmp_path: Path) -> None:
    fetched = first.fetch_log.filter(pl.col("outcome") == "fetched")
    for sha, path in fetched.select("content_hash", "raw_path").rows():
        assert (tmp_path / "raw" / path).is_file()
        assert raw_store.content_hash(raw_store.get(tmp_path / "raw", sha)) == sha
    assert first.page_state.height == fetched.height


def test_second_run_over_the_unchanged_site_fetches_nothing_new(
    first: CrawlResult, site: str, tmp_path: Path, httpserver: HTTPServer
) -> None:
    second = crawl(config(site), settings(), first.page_state, tmp_path / "raw")
    found = outcomes(second)
    assert found["etag.html"] == ("not_modified", "HTTP 304: unchanged since the last run")
    assert found["plain.html"] == ("not_modified", "content unchanged (same SHA-256 as the last run)")
    assert sum(o == "not_modified" for o, _ in found.values()) == 7
    assert second.pages.height == 0
    etag_row = second.fetch_log.filter(pl.col("url").str.ends_with("etag.html")).row(0, named=True)
    assert (etag_row["status"], etag_row["bytes"]) == (304, 0)
    assert (
        etag_row["content_hash"]
        == first.fetch_log.filter(pl.col("url").str.ends_with("etag.html"))["content_hash"][0]
    )
    assert second.page_state.height == 7
    sent = [r.headers.get("If-None-Match") for r, _ in httpserver.log if r.path == PATHS["etag"]]
    assert sent == [None, '"e1"']


def test_until_stops_the_crawl_at_the_first_page_it_names(
    site: str, tmp_path: Path, httpserver: HTTPServer
) -> None:
    """The pre-check's stop: with one fetcher thread, the first page fetched ends the crawl; the page the
    thread had taken up meanwhile is the only other one requested. Without a stop all seven are."""
    one_at_a_time = settings().model_copy(update={"global_concurrency": 1})
    requested = len(httpserver.log)
    stopped = crawl(
        config(site),
        one_at_a_time,
        pl.DataFrame(schema=PAGE_STATE_SCHEMA),
        tmp_path / "raw",
        until=lambda settled: settled.result.outcome == "fetched",
    )
    pages = set(PATHS.values())
    asked = [r.path for r, _ in httpserver.log[requested:] if r.path in pages]
    assert stopped.stopped and 1 <= len(asked) <= 2
    assert stopped.fetch_log.filter(pl.col("outcome") == "fetched").height == 1
    whole = crawl(config(site), one_at_a_time, pl.DataFrame(schema=PAGE_STATE_SCHEMA), tmp_path / "raw2")
    assert not whole.stopped and whole.pages.height == 7


def test_incremental_off_fetches_everything_again(first: CrawlResult, site: str, tmp_path: Path) -> None:
    again = crawl(
        config(site), settings().model_copy(update={"incremental": False}), first.page_state, tmp_path / "raw"
    )
    assert again.pages.height == 7


def test_a_url_listed_by_two_sources_is_fetched_once(site: str, tmp_path: Path) -> None:
    one = config(site).sources[0]
    both = SourcesConfig(allow_private_networks=True, sources=[one, one.model_copy(update={"name": "t"})])
    result = crawl(both, settings(), empty_state(), tmp_path / "raw")
    assert result.fetch_log.height == len(PATHS) + 1
    assert set(result.fetch_log.get_column("source_name")) == {"s"}


@contextmanager
def _news_site(page: Callable[[Request], Response]) -> Iterator[str]:
    """A threaded loopback server answering /news/N.html with `page` (no robots.txt); its base URL."""
    server = HTTPServer(threaded=True)
    server.start()
    try:
        server.expect_request("/robots.txt").respond_with_data("", status=404)
        server.expect_request(re.compile(r"/news/\d+\.html")).respond_with_handler(page)
        yield f"http://127.0.0.1:{server.port}"
    finally:
        server.clear()
        server.stop()


def test_per_host_concurrency_holds_on_the_wire(tmp_path: Path) -> None:
    """A threaded server counts requests in flight; the crawler never has more than two at once."""
    lock, inside, peak = threading.Lock(), [0], [0]

    def slow_page(_request: Request) -> Response:
        with lock:
            inside[0] += 1
            peak[0] = max(peak[0], inside[0])
        threading.Event().wait(0.05)
        with lock:
            inside[0] -= 1
        return Response("<p>page</p>", content_type="text/html")

    with _news_site(slow_page) as base:
        pages = [Discovered(f"{base}/news/{i}.html", "s", "feed") for i in range(12)]
        limits = settings().model_copy(update={"global_concurrency": 8, "per_host_concurrency": 2})
        with Fetcher(limits, allow_private=True) as fetcher:
            result = fetch_pages(pages, fetcher, empty_state(), tmp_path / "raw")
    assert result.fetch_log.get_column("outcome").to_list() == ["fetched"] * 12
    assert peak[0] == 2


def seeds_of(result: CrawlResult) -> dict[str, tuple[str, str, str | None]]:
    rows = result.seeds.select("url", "via", "outcome", "reason").rows()
    return {url: (via, outcome, reason) for url, via, outcome, reason in rows}


def test_every_seed_gets_an_outcome_with_its_reason(
    site: str, tmp_path: Path, httpserver: HTTPServer, raw_server
) -> None:
    """A sitemap that 404s, a start page the network guard refuses and a feed that times out: each is
    a fetch_log row (kind seed) with its reason, and the source has no page rows at all."""
    httpserver.expect_request("/missing-sitemap.xml").respond_with_data("no", status=404)
    slow = raw_server([2.0]) + "/slow-feed.xml"  # says nothing for longer than the read timeout
    down = Source(
        name="down",
        sitemaps=[f"{site}/missing-sitemap.xml"],
        feeds=[slow],
        start_urls=["http://169.254.169.254/news/"],
        allowed_domains=["127.0.0.1", "169.254.169.254"],
    )
    both = SourcesConfig(allow_private_networks=True, sources=[config(site).sources[0], down])
    quick = settings().model_copy(update={"read_timeout": 0.3, "retries": 0})
    result = crawl(both, quick, empty_state(), tmp_path / "raw")
    seeds = seeds_of(result)
    assert seeds[f"{site}/missing-sitemap.xml"] == ("sitemap", "failed", "HTTP 404")
    via, outcome, reason = seeds["http://169.254.169.254/news/"]
    assert (via, outcome) == ("start_page", "failed") and "allow_addresses" in (reason or "")
    via, outcome, reason = seeds[slow]
    assert (via, outcome) == ("feed", "failed") and (reason or "").startswith("ReadTimeout")
    assert seeds[f"{site}/rss.xml"] == (
        "feed",
        "fetched",
        f"listed {len(PATHS)} links, {len(PATHS)} candidate pages",
    )
    assert seeds[f"{site}/sitemap.xml"] == ("sitemap", "fetched", "sitemap index of 1 sitemap")
    assert seeds[f"{site}/sitemap-1.xml"] == ("sitemap", "fetched", "listed 1 link, 1 candidate page")
    assert set(result.seeds.get_column("kind")) == {"seed"}
    assert set(result.fetch_log.get_column("source_name")) == {"s"}  # "down" gave no page
    assert result.fetch_log.height == len(PATHS) + 1


def test_pages_over_the_cap_are_skipped_and_the_next_runs_take_those_never_tried(
    site: str, tmp_path: Path
) -> None:
    """Four pages per run out of ten: each run logs the other six `skipped` with the reason, and the
    next run takes pages not tried yet (the 404, the PDF and the robots.txt page included, so they
    do not keep their turn forever), until every page was tried."""
    capped = settings().model_copy(update={"max_pages_per_source": 4})
    every = {f"{site}{path}" for path in PATHS.values()} | {f"{site}/news/2024/05/sitemap-only.html"}
    tried_by_run: list[set[str]] = []
    state, tried = (
        empty_state(),
        pl.DataFrame(schema={"url": pl.String, "fetched_at": pl.Datetime("us", "UTC")}),
    )
    for _run in range(3):
        result = crawl(config(site), capped, state, tmp_path / "raw", tried=tried)
        log = result.fetch_log
        assert set(log.get_column("url")) == every  # every discovered URL has its row, over the cap or not
        over = log.filter(pl.col("reason").str.contains("max_pages_per_source", literal=True))
        assert over.height == len(every) - 4 and set(over.get_column("outcome")) == {"skipped"}
        assert set(over.get_column("attempts")) == {0}
        now = log.filter(pl.col("attempts") > 0)
        tried_by_run.append(set(now.get_column("url")))
        tried = pl.concat([tried, now.select("url", "fetched_at")])  # as warehouse.page_state.last_tried
        state = pl.concat(
            [state.filter(~pl.col("url").is_in(result.page_state["url"].implode())), result.page_state]
        )
    first, second, third = tried_by_run
    assert len(first) == len(second) == len(third) == 4
    assert not first & second  # the second run takes four pages the first did not reach
    assert first | second | third == every  # within three runs every page was tried


def test_media_are_told_by_extension_and_every_url_left_out_is_logged_with_its_reason(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    """A page named img-of-the-day is crawled; a picture, a tag page, a mail link and another site's page
    are left out, each with a fetch_log row (kind dropped, skipped) saying why; none is requested."""
    base = f"http://127.0.0.1:{httpserver.port}"
    links = [
        "/2024/03/img-of-the-day.html",
        "/img/photo.jpg",
        "/tag/kaluga/",
        "mailto:desk@news.test",
        "https://elsewhere.test/2024/03/story.html",
    ]
    listing = "".join(f'<a href="{link}">{link}</a>' for link in links)
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/").respond_with_data(
        f"<html><body>{listing}</body></html>", content_type="text/html"
    )
    httpserver.expect_request("/2024/03/img-of-the-day.html").respond_with_data(
        "<p>day</p>", content_type="text/html"
    )
    source = Source(name="s", start_urls=[f"{base}/"], allowed_domains=["127.0.0.1"])
    result = crawl(
        SourcesConfig(allow_private_networks=True, sources=[source]),
        settings(),
        empty_state(),
        tmp_path / "raw",
    )
    pages = dict(result.fetch_log.select("url", "outcome").rows())
    assert pages[f"{base}/2024/03/img-of-the-day.html"] == "fetched"
    dropped = result.seeds.filter(pl.col("kind") == "dropped")
    reasons = {
        url: (outcome, reason) for url, outcome, reason in dropped.select("url", "outcome", "reason").rows()
    }
    assert set(reasons) == {
        f"{base}/img/photo.jpg",
        f"{base}/tag/kaluga/",
        "mailto:desk@news.test",
        "https://elsewhere.test/2024/03/story.html",
    }, reasons
    assert all(outcome == "skipped" and reason for outcome, reason in reasons.values())
    assert "extension" in reasons[f"{base}/img/photo.jpg"][1]
    assert "allowed_domains" in reasons["https://elsewhere.test/2024/03/story.html"][1]
    requested = {request.path for request, _ in httpserver.log}
    assert "/img/photo.jpg" not in requested and "/tag/kaluga/" not in requested


def test_the_crawl_keeps_no_settled_page_it_has_handed_on(tmp_path: Path) -> None:
    """Each settled page is handed to on_page and then let go (its rows are kept, not the page), so a
    long crawl does not hold every page and future to its end; the rows still come in discovery order."""
    handed: list[weakref.ref] = []
    alive_at_hand_on: list[int] = []

    def on_page(settled: Settled, _total: int) -> None:
        gc.collect()
        alive_at_hand_on.append(sum(ref() is not None for ref in handed))
        handed.append(weakref.ref(settled))

    server = HTTPServer(threaded=True)
    server.start()
    try:
        server.expect_request("/robots.txt").respond_with_data("", status=404)
        server.expect_request(re.compile(r"/news/\d+\.html")).respond_with_data(
            "<p>page</p>", content_type="text/html"
        )
        server.expect_request("/news/gone.html").respond_with_data("gone", status=404)
        base = f"http://127.0.0.1:{server.port}"
        pages = [Discovered(f"{base}/news/{i}.html", "s", "feed") for i in range(15)]
        pages.insert(7, Discovered(f"{base}/news/gone.html", "s", "feed"))
        with Fetcher(settings(), allow_private=True) as fetcher:
            result = fetch_pages(pages, fetcher, empty_state(), tmp_path / "raw", on_page=on_page)
    finally:
        server.clear()
        server.stop()
    assert len(handed) == 16
    assert alive_at_hand_on == [0] * 16
    assert result.fetch_log.get_column("url").to_list() == [p.url for p in pages]
    assert result.fetch_log.get_column("outcome").to_list()[6:9] == ["fetched", "failed", "fetched"]
    assert result.pages.get_column("url").to_list() == [p.url for p in pages if "gone" not in p.url]
    assert result.page_state.height == 15


class _Stop(BaseException):
    """What a stopped run raises in the crawl's thread (flows.stopping.RunStopped is one)."""


def test_a_crawl_left_by_an_error_fetches_none_of_the_pages_not_yet_started(tmp_path: Path) -> None:
    """The first page is answered; every later request is held (until the fetcher's read timeout) so the
    two threads cannot take up more pages while the error is raised and the queue dropped."""
    served: list[str] = []
    lock, release = threading.Lock(), threading.Event()

    def page(request: Request) -> Response:
        with lock:
            served.append(request.path)
            first = len(served) == 1
        if not first:
            release.wait(30)
        return Response("<p>page</p>", content_type="text/html")

    def stop(_settled: Settled, _total: int) -> None:
        raise _Stop()

    with _news_site(page) as base:
        pages = [Discovered(f"{base}/news/{i}.html", "s", "feed") for i in range(40)]
        limits = settings().model_copy(
            update={"global_concurrency": 2, "per_host_concurrency": 1, "read_timeout": 5.0, "retries": 0}
        )
        try:
            with Fetcher(limits, allow_private=True) as fetcher, pytest.raises(_Stop):
                fetch_pages(pages, fetcher, empty_state(), tmp_path / "raw", on_page=stop)
        finally:
            release.set()
    assert 1 <= len(served) <= 3  # the first page, and those already started on the two threads


def _one_page_new(first: CrawlResult, name: str) -> pl.DataFrame:
    """The first crawl's page_state without `name`'s row: that page is new to the next crawl."""
    return first.page_state.filter(~pl.col("url").str.ends_with(name))


def _requests_since(httpserver: HTTPServer, start: int) -> dict[str, int]:
    counts: dict[str, int] = {}
    for request, _ in httpserver.log[start:]:
        counts[request.path] = counts.get(request.path, 0) + 1
    return counts


def _stop_at_new(settled: Settled) -> bool:
    return settled.result.outcome == "fetched"


SEED_PATHS = ("/robots.txt", "/rss.xml", "/sitemap.xml", "/sitemap-1.xml")


def test_a_crawl_going_on_from_a_stopped_one_requests_each_url_once(
    first: CrawlResult, site: str, tmp_path: Path, httpserver: HTTPServer
) -> None:
    """The pre-check's hand-off: the crawl stopped at the new page hands on its discovery, robots.txt
    rules and settled pages; the crawl going on from it requests only the pages not settled yet, and its
    outcomes are those of one whole crawl."""
    previous, start = _one_page_new(first, "koi8.html"), len(httpserver.log)
    stopped = crawl(config(site), settings(), previous, tmp_path / "raw", until=_stop_at_new, keep=100)
    assert stopped.stopped and stopped.learned is not None
    assert any(s.result.outcome == "fetched" for s in stopped.learned.settled.values())
    went_on = crawl(config(site), settings(), previous, tmp_path / "raw", resume=stopped.learned)
    asked = _requests_since(httpserver, start)
    assert {path: asked.get(path) for path in SEED_PATHS} == dict.fromkeys(SEED_PATHS, 1)
    assert max(asked.values()) == 1 and PATHS["koi8"] in asked and PATHS["private"] not in asked
    found = outcomes(went_on)
    assert found["koi8.html"] == ("fetched", None) and went_on.pages.height == 1
    assert sum(o == "not_modified" for o, _ in found.values()) == 6 and len(found) == len(PATHS) + 1
    assert went_on.seeds.height == stopped.seeds.height and went_on.learned is None


def test_past_the_keep_cap_the_pages_are_requested_again_and_a_lost_hand_off_loses_nothing(
    first: CrawlResult, site: str, tmp_path: Path, httpserver: HTTPServer
) -> None:
    """keep=0 hands on the discovery only: the seeds are read once, the pages the stopped crawl settled
    are requested again. A crawl without the hand-off (the process ended in between) does it all again:
    the new page is still new, as nothing of the stopped crawl was recorded."""
    previous, start = _one_page_new(first, "plain.html"), len(httpserver.log)
    stopped = crawl(config(site), settings(), previous, tmp_path / "raw", until=_stop_at_new, keep=0)
    assert stopped.learned is not None and stopped.learned.settled == {}
    went_on = crawl(config(site), settings(), previous, tmp_path / "raw", resume=stopped.learned)
    asked = _requests_since(httpserver, start)
    assert {path: asked.get(path) for path in SEED_PATHS} == dict.fromkeys(SEED_PATHS, 1)
    assert asked[PATHS["plain"]] == 2 and outcomes(went_on)["plain.html"] == ("fetched", None)
    again = crawl(config(site), settings(), previous, tmp_path / "raw")
    assert outcomes(again) == outcomes(went_on) and again.pages.height == 1


def test_the_crawl_going_on_keeps_each_hosts_delay_after_the_stopped_ones_last_request(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    """The hand-off carries the throttle: the page the crawl going on requests starts no sooner than
    `per_host_delay` after the stopped crawl's last request to that host (a fresh throttle would send it
    at once: the crawl going on reads no seed first)."""
    base, started = f"http://127.0.0.1:{httpserver.port}", {}

    def page(request: Request) -> Response:
        started[request.path] = time.monotonic()
        return Response("<p>page</p>", content_type="text/html")

    items = "".join(f"<item><link>{base}/news/{i}.html</link></item>" for i in (1, 2))
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/rss.xml").respond_with_data(f"<rss><channel>{items}</channel></rss>")
    httpserver.expect_request(re.compile(r"/news/\d+\.html")).respond_with_handler(page)
    source = Source(name="s", feeds=[f"{base}/rss.xml"], allowed_domains=["127.0.0.1"])
    sources = SourcesConfig(allow_private_networks=True, sources=[source])
    polite = settings().model_copy(update={"global_concurrency": 1, "per_host_delay": 0.4})
    stopped = crawl(sources, polite, empty_state(), tmp_path / "raw", until=_stop_at_new, keep=10)
    assert stopped.learned is not None and len(stopped.learned.settled) == 1
    crawl(sources, polite, empty_state(), tmp_path / "raw", resume=stopped.learned)
    first, second = sorted(started.values())
    assert len(started) == 2 and second - first >= 0.4 - 0.01
