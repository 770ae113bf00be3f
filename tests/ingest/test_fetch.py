"""The polite fetcher against a real HTTP server on loopback (pytest-httpserver)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from config.settings import FetchSettings
from ingest.fetch import Fetcher, Validators

HTML = "<html><head><title>T</title></head><body><p>Калуга</p></body></html>"


def fast_settings(**changes: object) -> FetchSettings:
    values: dict[str, object] = {
        "backoff_seconds": 0.01,
        "retries": 2,
        "connect_timeout": 2.0,
        "read_timeout": 5.0,
        "per_host_delay": 0.0,
    }
    return FetchSettings.model_validate({**values, **changes})


@pytest.fixture
def server(httpserver: HTTPServer) -> HTTPServer:
    """The test server with no robots.txt (404), so robots checks allow everything."""
    httpserver.expect_request("/robots.txt").respond_with_data("not found", status=404)
    return httpserver


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(fast_settings(), allow_private=True) as f:
        yield f


def requests_to(httpserver: HTTPServer, path: str) -> int:
    return sum(1 for request, _response in httpserver.log if request.path == path)


def test_html_page_fetched_with_body_and_charset(server: HTTPServer, fetcher: Fetcher) -> None:
    body = HTML.encode("windows-1251")
    server.expect_request("/page").respond_with_data(body, content_type='text/html; charset="Windows-1251"')
    result = fetcher.fetch(server.url_for("/page"))
    assert result.outcome == "fetched"
    assert result.status == 200
    assert result.body == body
    assert result.size == len(body)
    assert result.charset == "windows-1251"
    assert result.content_type == "text/html"
    assert result.final_url == server.url_for("/page")
    assert result.attempts == 1
    assert result.reason is None
    assert result.duration_ms > 0


def test_404_fails_without_retry(server: HTTPServer, fetcher: Fetcher) -> None:
    server.expect_request("/gone").respond_with_data("gone", status=404)
    result = fetcher.fetch(server.url_for("/gone"))
    assert (result.outcome, result.reason, result.status, result.attempts) == ("failed", "HTTP 404", 404, 1)
    assert result.body == b""
    assert requests_to(server, "/gone") == 1


def test_500_then_200_is_retried(server: HTTPServer, fetcher: Fetcher) -> None:
    server.expect_oneshot_request("/flaky").respond_with_data("oops", status=500)
    server.expect_request("/flaky").respond_with_data(HTML, content_type="text/html")
    result = fetcher.fetch(server.url_for("/flaky"))
    assert result.outcome == "fetched"
    assert result.attempts == 2
    assert result.body == HTML.encode()
    assert requests_to(server, "/flaky") == 2


def test_persistent_500_gives_up_after_retries(server: HTTPServer, fetcher: Fetcher) -> None:
    server.expect_request("/down").respond_with_data("oops", status=503)
    result = fetcher.fetch(server.url_for("/down"))
    assert (result.outcome, result.reason, result.attempts) == ("failed", "HTTP 503", 3)
    assert requests_to(server, "/down") == 3


def test_429_with_retry_after_then_200(server: HTTPServer, fetcher: Fetcher) -> None:
    server.expect_oneshot_request("/busy").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "1"}
    )
    server.expect_request("/busy").respond_with_data(HTML, content_type="text/html")
    started = time.monotonic()
    result = fetcher.fetch(server.url_for("/busy"))
    assert result.outcome == "fetched"
    assert result.attempts == 2
    assert time.monotonic() - started >= 0.9  # Retry-After was honoured, not the 0.01 s backoff


def test_non_html_is_skipped(server: HTTPServer, fetcher: Fetcher) -> None:
    server.expect_request("/report.pdf").respond_with_data(b"%PDF-1.4", content_type="application/pdf")
    result = fetcher.fetch(server.url_for("/report.pdf"))
    assert result.outcome == "skipped"
    assert result.reason == "not HTML: application/pdf"
    assert result.body == b""


def test_non_html_is_fetched_when_not_html_only(server: HTTPServer, fetcher: Fetcher) -> None:
    server.expect_request("/sitemap.xml").respond_with_data("<urlset/>", content_type="application/xml")
    assert fetcher.get_text(server.url_for("/sitemap.xml")) == "<urlset/>"


def test_body_over_limit_fails(server: HTTPServer) -> None:
    server.expect_request("/big").respond_with_data("x" * 5000, content_type="text/html")
    with Fetcher(fast_settings(max_body_bytes=1000), allow_private=True) as fetcher:
        result = fetcher.fetch(server.url_for("/big"))
    assert result.outcome == "failed"
    assert "larger than 1000 bytes" in (result.reason or "")
    assert result.body == b""


def test_redirect_loop_fails(server: HTTPServer) -> None:
    server.expect_request("/a").respond_with_data("", status=302, headers={"Location": "/b"})
    server.expect_request("/b").respond_with_data("", status=302, headers={"Location": "/a"})
    with Fetcher(fast_settings(max_redirects=3), allow_private=True) as fetcher:
        result = fetcher.fetch(server.url_for("/a"))
    assert result.outcome == "failed"
    assert result.reason == "more than 3 redirects"
    assert result.attempts == 1
    assert requests_to(server, "/a") + requests_to(server, "/b") == 4


def test_redirect_final_url_recorded(server: HTTPServer, fetcher: Fetcher) -> None:
    server.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/new/page.html"})
    server.expect_request("/new/page.html").respond_with_data(HTML, content_type="text/html")
    result = fetcher.fetch(server.url_for("/old"))
    assert result.outcome == "fetched"
    assert result.url == server.url_for("/old")
    assert result.final_url == server.url_for("/new/page.html")
    assert result.body == HTML.encode()


def test_robots_txt_disallow(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private/\n", content_type="text/plain"
    )
    httpserver.expect_request("/private/x").respond_with_data(HTML, content_type="text/html")
    httpserver.expect_request("/public/y").respond_with_data(HTML, content_type="text/html")
    blocked = fetcher.fetch(httpserver.url_for("/private/x"))
    allowed = fetcher.fetch(httpserver.url_for("/public/y"))
    assert (blocked.outcome, blocked.reason) == ("skipped", "disallowed by robots.txt")
    assert allowed.outcome == "fetched"
    assert requests_to(httpserver, "/private/x") == 0
    assert requests_to(httpserver, "/robots.txt") == 1  # cached per origin


def test_private_address_refused(server: HTTPServer) -> None:
    server.expect_request("/x").respond_with_data(HTML, content_type="text/html")
    url = f"http://127.0.0.1:{server.port}/x"
    with Fetcher(fast_settings(), allow_private=False) as fetcher:
        result = fetcher.fetch(url)
    assert result.outcome == "failed"
    assert "private" in (result.reason or "")
    assert "127.0.0.1" in (result.reason or "")
    assert result.attempts == 1
    assert len(server.log) == 0  # nothing was sent, not even the robots.txt request


def test_read_timeout_fails_after_retries(server: HTTPServer) -> None:
    def slow(_request: Request) -> Response:
        time.sleep(0.5)
        return Response(HTML, content_type="text/html")

    server.expect_request("/slow").respond_with_handler(slow)
    with Fetcher(fast_settings(read_timeout=0.1, retries=1), allow_private=True) as fetcher:
        result = fetcher.fetch(server.url_for("/slow"))
    assert result.outcome == "failed"
    assert (result.reason or "").startswith("ReadTimeout")
    assert result.attempts == 2


def test_robots_txt_group_for_our_user_agent(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: clusterwatch\nDisallow: /\n\nUser-agent: *\nAllow: /\n", content_type="text/plain"
    )
    result = fetcher.fetch(httpserver.url_for("/news/a.html"))
    assert (result.outcome, result.reason) == ("skipped", "disallowed by robots.txt")


def test_redirect_into_robots_disallowed_path_is_not_followed(
    httpserver: HTTPServer, fetcher: Fetcher
) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private/\n", content_type="text/plain"
    )
    httpserver.expect_request("/go").respond_with_data("", status=302, headers={"Location": "/private/x"})
    httpserver.expect_request("/private/x").respond_with_data(HTML, content_type="text/html")
    result = fetcher.fetch(httpserver.url_for("/go"))
    assert requests_to(httpserver, "/private/x") == 0
    assert result.outcome == "skipped"


def test_attempt_log_records_each_attempt(server: HTTPServer, fetcher: Fetcher) -> None:
    server.expect_oneshot_request("/flaky").respond_with_data("oops", status=502)
    server.expect_request("/flaky").respond_with_data(HTML, content_type="text/html")
    result = fetcher.fetch(server.url_for("/flaky"))
    assert [(a["status"], a["outcome"], a["reason"]) for a in result.attempt_log] == [
        (502, "failed", "HTTP 502"),
        (200, "fetched", None),
    ]


def test_retry_after_as_http_date(server: HTTPServer, fetcher: Fetcher) -> None:
    server.expect_oneshot_request("/busy").respond_with_data(
        "later",
        status=503,
        headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"},  # in the past: no wait
    )
    server.expect_request("/busy").respond_with_data(HTML, content_type="text/html")
    result = fetcher.fetch(server.url_for("/busy"))
    assert (result.outcome, result.attempts) == ("fetched", 2)


def test_conditional_get_answered_304(server: HTTPServer, fetcher: Fetcher) -> None:
    server.expect_request("/page", headers={"If-None-Match": '"v1"'}).respond_with_data(
        "", status=304, headers={"ETag": '"v1"'}
    )
    server.expect_request("/page").respond_with_data(HTML, content_type="text/html", headers={"ETag": '"v1"'})
    first = fetcher.fetch(server.url_for("/page"))
    again = fetcher.fetch(server.url_for("/page"), validators=Validators(etag=first.etag))
    assert (first.outcome, first.etag) == ("fetched", '"v1"')
    assert (again.outcome, again.status, again.body, again.size) == ("not_modified", 304, b"", 0)
    assert again.reason == "HTTP 304: unchanged since the last run"


def test_if_modified_since_is_sent(server: HTTPServer, fetcher: Fetcher) -> None:
    stamp = "Tue, 30 Apr 2024 10:00:00 GMT"
    server.expect_request("/page", headers={"If-Modified-Since": stamp}).respond_with_data("", status=304)
    result = fetcher.fetch(server.url_for("/page"), validators=Validators(last_modified=stamp))
    assert result.outcome == "not_modified"


def test_robots_crawl_delay_sets_the_per_host_delay(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nCrawl-delay: 7\n", content_type="text/plain"
    )
    httpserver.expect_request("/a").respond_with_data(HTML, content_type="text/html")
    with Fetcher(fast_settings(per_host_delay=0.0), allow_private=True) as fetcher:
        url = httpserver.url_for("/a")
        assert fetcher._delay(url) == 0.0  # robots.txt not read yet
        fetcher.robots.allowed(url)
        assert fetcher._delay(url) == 7.0
    with Fetcher(fast_settings(per_host_delay=0.0, max_crawl_delay=2.0), allow_private=True) as fetcher:
        fetcher.robots.allowed(url)
        assert fetcher._delay(url) == 2.0


def test_redirect_to_loopback_from_a_public_host_is_refused(server: HTTPServer) -> None:
    """public.test resolves (for the guard) to a public address; the client reaches the loopback server
    through it as an HTTP proxy. The redirect's target, 127.0.0.1, must be refused before any request."""
    target = f"http://127.0.0.1:{server.port}/x"
    server.expect_request("/start").respond_with_data("", status=302, headers={"Location": target})
    server.expect_request("/x").respond_with_data(HTML, content_type="text/html")
    resolver = {"public.test": ["93.184.215.14"]}
    client = httpx.Client(proxy=f"http://127.0.0.1:{server.port}", follow_redirects=False)
    with Fetcher(
        fast_settings(), allow_private=False, client=client, resolver=lambda h, _p: resolver[h]
    ) as f:
        result = f.fetch(f"http://public.test:{server.port}/start")
    assert result.outcome == "failed"
    assert result.final_url == target
    assert "127.0.0.1 resolves to a private/loopback/link-local address" in (result.reason or "")
    assert requests_to(server, "/start") == 1
    assert requests_to(server, "/x") == 0


def test_dns_answer_with_one_private_address_is_refused(server: HTTPServer) -> None:
    def resolver(_host: str, _port: int) -> list[str]:
        return ["93.184.215.14", "10.1.2.3"]

    with Fetcher(fast_settings(), allow_private=False, resolver=resolver) as fetcher:
        result = fetcher.fetch(f"http://mixed.test:{server.port}/a")
    assert result.outcome == "failed"
    assert "(10.1.2.3)" in (result.reason or "")
    assert len(server.log) == 0


def test_robots_txt_sitemap_lines(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    sitemap = httpserver.url_for("/sitemap-news.xml")
    httpserver.expect_request("/robots.txt").respond_with_data(
        f"User-agent: *\nDisallow: /admin/\n\nSitemap: {sitemap}\n", content_type="text/plain"
    )
    assert fetcher.robots.sitemaps(httpserver.url_for("/news/")) == [sitemap]


def test_retries_wait_at_most_the_budget_and_say_so(server: HTTPServer) -> None:
    """Ten retries with a doubling backoff capped at 0.3 s and 1 s of waits in all on one URL: the
    fetcher stops retrying before the budget is passed, and the log records every wait."""
    server.expect_request("/down").respond_with_data("oops", status=503)
    settings = fast_settings(retries=10, backoff_seconds=0.2, max_backoff_seconds=0.3, max_retry_wait=1.0)
    with Fetcher(settings, allow_private=True) as fetcher:
        result = fetcher.fetch(server.url_for("/down"))
    waits = [entry.get("wait_s", 0.0) for entry in result.attempt_log]
    assert result.outcome == "failed" and 1 < result.attempts < 11
    assert all(0 < w <= 0.3 for w in waits[:-1]) and sum(waits) <= 1.0
    assert "fetch.max_retry_wait" in (result.reason or "") and result.reason.startswith("HTTP 503")


def test_backoff_is_capped_however_many_attempts() -> None:
    capped = Fetcher(fast_settings(retries=10, backoff_seconds=60, max_backoff_seconds=5), allow_private=True)
    with capped:
        assert max(capped._backoff(0.0, attempt) for attempt in range(1, 60)) <= 5
