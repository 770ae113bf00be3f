"""Body limits over real HTTP on loopback: truncated, slow, oversized, compressed and bomb bodies."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Callable

import pytest
from pytest_httpserver import HTTPServer

from config.settings import FetchSettings
from ingest.fetch import Fetcher

HTML = "<html><head><title>T</title></head><body><p>Технопарк</p></body></html>".encode()
LIMIT = 100_000


def settings(**changes: object) -> FetchSettings:
    values = {"backoff_seconds": 0.01, "retries": 1, "per_host_delay": 0.0, "max_body_bytes": LIMIT}
    return FetchSettings.model_validate({**values, **changes})


def head(status: str = "200 OK", **headers: str) -> bytes:
    lines = [f"HTTP/1.1 {status}", "Connection: close"]
    lines += [f"{name.replace('_', '-').title()}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii")


@pytest.fixture
def server(httpserver: HTTPServer) -> HTTPServer:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    return httpserver


def fetch(url: str, **changes: object):
    with Fetcher(settings(**changes), allow_private=True) as fetcher:
        return fetcher.fetch(url)


def test_truncated_body_fails_after_retry(raw_server: Callable) -> None:
    base = raw_server([head(content_type="text/html", content_length="1000") + HTML])
    result = fetch(base + "/page")
    assert result.outcome == "failed"
    assert (result.reason or "").startswith("RemoteProtocolError")
    assert result.attempts == 2
    assert result.body == b""


def test_body_stalling_past_the_read_timeout_fails(raw_server: Callable) -> None:
    base = raw_server([head(content_type="text/html", content_length=str(len(HTML))), HTML[:20], 2.0])
    result = fetch(base + "/slow", read_timeout=0.2, retries=0)
    assert (result.outcome, result.attempts) == ("failed", 1)
    assert (result.reason or "").startswith("ReadTimeout")


def test_body_dripping_past_the_time_limit_is_cut_off(raw_server: Callable) -> None:
    drip: list[bytes | float] = [b"<p>x</p>" if i % 2 == 0 else 0.05 for i in range(60)]
    base = raw_server([head(content_type="text/html"), *drip])
    result = fetch(base + "/drip", read_timeout=1.0, max_fetch_seconds=0.3, retries=0)
    assert result.outcome == "failed"
    assert (result.reason or "").startswith("body not received within the time limit")
    assert 0 < result.size < 30 * len(b"<p>x</p>")


def test_declared_oversized_body_is_not_read(server: HTTPServer) -> None:
    server.expect_request("/big").respond_with_data(b"x" * (LIMIT + 1), content_type="text/html")
    result = fetch(server.url_for("/big"))
    assert result.outcome == "failed"
    assert result.reason == f"body larger than {LIMIT} bytes (Content-Length {LIMIT + 1}, not read)"
    assert (result.size, result.attempts) == (0, 1)


def test_undeclared_oversized_body_is_cut_off_at_the_limit(raw_server: Callable) -> None:
    base = raw_server([head(content_type="text/html"), b"x" * (LIMIT * 3)])
    result = fetch(base + "/stream")
    assert result.outcome == "failed"
    assert result.reason == f"body larger than {LIMIT} bytes (cut off)"
    assert LIMIT < result.size <= LIMIT + 64 * 1024
    assert result.body == b""


def test_gzip_page_is_decompressed(server: HTTPServer) -> None:
    server.expect_request("/z").respond_with_data(
        gzip.compress(HTML), content_type="text/html", headers={"Content-Encoding": "gzip"}
    )
    result = fetch(server.url_for("/z"))
    assert (result.outcome, result.body) == ("fetched", HTML)


@pytest.mark.parametrize("wbits", [zlib.MAX_WBITS, -zlib.MAX_WBITS], ids=["zlib", "raw"])
def test_deflate_page_is_decompressed(server: HTTPServer, wbits: int) -> None:
    packer = zlib.compressobj(wbits=wbits)
    server.expect_request("/d").respond_with_data(
        packer.compress(HTML) + packer.flush(),
        content_type="text/html",
        headers={"Content-Encoding": "deflate"},
    )
    assert fetch(server.url_for("/d")).body == HTML


def test_gzip_bomb_is_stopped_at_the_limit(server: HTTPServer) -> None:
    bomb = gzip.compress(b"\0" * (200 * LIMIT), compresslevel=9)  # 20 MB of zeros in about 20 kB
    assert len(bomb) < LIMIT
    server.expect_request("/bomb").respond_with_data(
        bomb, content_type="text/html", headers={"Content-Encoding": "gzip"}
    )
    result = fetch(server.url_for("/bomb"))
    assert result.outcome == "failed"
    assert result.reason == f"decompressed body larger than {LIMIT} bytes (cut off)"
    assert result.size == LIMIT + 1  # never more than one byte past the limit was inflated
    assert result.attempts == 1


def test_corrupt_gzip_fails_with_reason(server: HTTPServer) -> None:
    server.expect_request("/bad").respond_with_data(
        b"not gzip at all", content_type="text/html", headers={"Content-Encoding": "gzip"}
    )
    result = fetch(server.url_for("/bad"))
    assert result.outcome == "failed"
    assert (result.reason or "").startswith("corrupt gzip body")


def test_unknown_content_encoding_fails_with_reason(server: HTTPServer) -> None:
    server.expect_request("/br").respond_with_data(
        b"\x1b\x00", content_type="text/html", headers={"Content-Encoding": "br"}
    )
    result = fetch(server.url_for("/br"))
    assert (result.outcome, result.reason) == ("failed", "unsupported content-encoding: br")
