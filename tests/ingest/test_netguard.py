"""check_url: private, loopback and link-local addresses are refused unless explicitly allowed."""

from __future__ import annotations

import re
import socket
import ssl
from ipaddress import ip_network
from pathlib import Path

import pytest
import trustme
from pytest_httpserver import HTTPServer

from config.settings import FetchSettings
from ingest.fetch import Fetcher
from ingest.netguard import BlockedAddress, check_url

PRIVATE = [
    ("http://127.0.0.1/", "127.0.0.1"),
    ("http://[::1]/", "::1"),
    ("http://10.0.0.1/news/", "10.0.0.1"),
    ("http://169.254.1.1/latest/meta-data/", "169.254.1.1"),
    ("https://192.168.1.1:8443/", "192.168.1.1"),
]


@pytest.mark.parametrize(("url", "address"), PRIVATE)
def test_private_addresses_refused(url: str, address: str) -> None:
    with pytest.raises(BlockedAddress, match="private/loopback/link-local") as info:
        check_url(url, allow_private=False)
    assert f"({address})" in str(info.value)
    assert "allow_private_networks" in str(info.value)


@pytest.mark.parametrize(("url", "address"), [p for p in PRIVATE if not p[1].startswith("169.254.")])
def test_private_addresses_allowed_when_asked(url: str, address: str) -> None:
    assert check_url(url, allow_private=True) is None


SPECIAL = [
    "http://169.254.169.254/latest/meta-data/",  # AWS, GCP, Azure, Oracle instance metadata
    "http://[fd00:ec2::254]/latest/meta-data/",  # AWS metadata over IPv6 (a private range otherwise)
    "http://100.100.100.200/latest/meta-data/",  # Alibaba metadata (in the shared range otherwise)
    "http://169.254.1.1/",
    "http://[fe80::1]/",
    "http://0.0.0.0:8080/",
    "http://[::ffff:169.254.169.254]/",  # IPv4-mapped
    "http://[64:ff9b::a9fe:a9fe]/",  # NAT64 of 169.254.169.254
    "http://240.0.0.1/",
]


@pytest.mark.parametrize("url", SPECIAL)
def test_link_local_metadata_and_reserved_refused_even_with_private_networks_allowed(url: str) -> None:
    with pytest.raises(BlockedAddress, match="name the address under allow_addresses"):
        check_url(url, allow_private=True)


def test_metadata_name_resolving_to_the_metadata_address_is_refused() -> None:
    def resolver(_host: str, _port: int) -> list[str]:
        return ["169.254.169.254"]

    with pytest.raises(BlockedAddress, match=r"metadata\.google\.internal .*\(169\.254\.169\.254\)"):
        check_url("http://metadata.google.internal/", allow_private=True, resolver=resolver)


def test_listed_addresses_are_allowed_and_metadata_only_by_itself() -> None:
    link_local = [ip_network("169.254.0.0/16")]
    assert check_url("http://169.254.1.1/", allow_addresses=link_local) is None
    assert check_url("http://10.1.2.3/", allow_addresses=[ip_network("10.1.2.0/24")]) is None
    with pytest.raises(BlockedAddress, match="private"):
        check_url("http://10.1.3.1/", allow_addresses=[ip_network("10.1.2.0/24")])
    with pytest.raises(BlockedAddress, match="allow_addresses"):
        check_url("http://169.254.169.254/", allow_private=True, allow_addresses=link_local)
    metadata = [ip_network("169.254.169.254/32")]
    assert check_url("http://169.254.169.254/", allow_addresses=metadata) is None


def test_public_ip_literal_accepted() -> None:
    assert check_url("https://8.8.8.8/dns-query", allow_private=False) is None


def test_localhost_name_refused() -> None:
    with pytest.raises(BlockedAddress, match=r"localhost resolves to a private"):
        check_url("http://localhost:8000/", allow_private=False)


@pytest.mark.parametrize(
    "url", ["ftp://8.8.8.8/file", "file:///etc/passwd", "javascript:alert(1)", "http:///x"]
)
@pytest.mark.parametrize("allow_private", [False, True])
def test_non_http_urls_refused(url: str, allow_private: bool) -> None:
    with pytest.raises(BlockedAddress, match="not an http"):
        check_url(url, allow_private=allow_private)


def test_injected_resolver_every_address_counts() -> None:
    def resolver(_host: str, _port: int) -> list[str]:
        return ["93.184.215.14", "192.168.0.7"]

    with pytest.raises(BlockedAddress, match=r"\(192\.168\.0\.7\)"):
        check_url("http://news.example.test/", allow_private=False, resolver=resolver)
    assert check_url("http://news.example.test/", False, lambda _h, _p: ["93.184.215.14"]) is None


def test_unresolvable_host_is_refused() -> None:
    def resolver(host: str, _port: int) -> list[str]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    with pytest.raises(BlockedAddress, match=r"cannot resolve nowhere\.test: Name or service not known"):
        check_url("http://nowhere.test/", allow_private=False, resolver=resolver)
    with pytest.raises(BlockedAddress, match="no addresses"):
        check_url("http://nowhere.test/", allow_private=False, resolver=lambda _h, _p: [])


def test_ip_literal_is_checked_without_the_resolver() -> None:
    def resolver(_host: str, _port: int) -> list[str]:
        raise AssertionError("an IP literal needs no lookup")

    with pytest.raises(BlockedAddress, match="private"):
        check_url("http://[fd00::1]:8080/", allow_private=False, resolver=resolver)


def test_invalid_port_is_refused() -> None:
    with pytest.raises(BlockedAddress, match="invalid port"):
        check_url("http://example.com:99999/", allow_private=False)


# Connections go to the address that was checked: real servers on loopback, host names only the
# injected resolver knows (the system resolver cannot answer for *.test, so a second lookup would fail).

HTML = "<html><body><p>page</p></body></html>"


def _settings() -> FetchSettings:
    return FetchSettings(per_host_delay=0.0, retries=0, connect_timeout=2.0, read_timeout=5.0)


class Answers:
    """A resolver whose answer changes after the first lookup, as a rebinding DNS server's does."""

    def __init__(self, first: list[str], then: list[str]) -> None:
        self.first, self.then, self.asked = first, then, 0

    def __call__(self, _host: str, _port: int) -> list[str]:
        self.asked += 1
        return self.first if self.asked == 1 else self.then


@pytest.fixture
def site(httpserver: HTTPServer) -> HTTPServer:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request(re.compile(r"/news/\d\.html")).respond_with_data(
        HTML,
        content_type="text/html",
        headers={"Connection": "close"},  # a new connection each time
    )
    return httpserver


def test_the_connection_goes_to_the_checked_address_with_the_host_name_kept(site: HTTPServer) -> None:
    answers = Answers(["127.0.0.1"], ["127.0.0.2"])  # 127.0.0.2: nothing listens there
    with Fetcher(_settings(), allow_private=True, resolver=answers) as fetcher:
        results = [fetcher.fetch(f"http://news.test:{site.port}/news/{i}.html") for i in range(3)]
    assert [r.outcome for r in results] == ["fetched"] * 3, [r.reason for r in results]
    assert answers.asked == 1  # one lookup, checked, then used for every connection
    hosts = {request.headers["Host"] for request, _ in site.log if request.path.startswith("/news/")}
    assert hosts == {f"news.test:{site.port}"}


def test_a_rebound_answer_never_reaches_the_metadata_address(site: HTTPServer) -> None:
    answers = Answers(["127.0.0.1"], ["169.254.169.254"])
    with Fetcher(_settings(), allow_private=True, resolver=answers) as fetcher:
        first = fetcher.fetch(f"http://rebind.test:{site.port}/news/1.html")
        second = fetcher.fetch(f"http://rebind.test:{site.port}/news/2.html")
    assert (first.outcome, second.outcome) == ("fetched", "fetched")
    assert answers.asked == 1
    assert sum(1 for request, _ in site.log if request.path.startswith("/news/")) == 2


def test_metadata_address_is_refused_before_any_connection_with_private_networks_allowed() -> None:
    with Fetcher(_settings(), allow_private=True) as fetcher:
        result = fetcher.fetch("http://169.254.169.254/latest/meta-data/")
    assert result.outcome == "failed"
    assert "allow_addresses" in (result.reason or "")
    assert result.status is None and result.attempts == 1


def test_a_listed_address_is_reached_without_allowing_private_networks(site: HTTPServer) -> None:
    resolver = Answers(["127.0.0.1"], ["127.0.0.1"])
    allowed = [ip_network("127.0.0.1/32")]
    with Fetcher(_settings(), allow_private=False, resolver=resolver, allow_addresses=allowed) as fetcher:
        listed = fetcher.fetch(f"http://intranet.test:{site.port}/news/1.html")
    assert listed.outcome == "fetched"
    with Fetcher(_settings(), allow_private=False, resolver=resolver) as fetcher:
        unlisted = fetcher.fetch(f"http://intranet.test:{site.port}/news/1.html")
    assert unlisted.outcome == "failed" and "allow_private_networks" in (unlisted.reason or "")


def test_https_to_the_checked_address_verifies_the_certificate_of_the_host_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """TLS: the socket goes to 127.0.0.1, SNI and certificate check use news.test (trustme's test CA)."""
    ca = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("news.test").configure_cert(context)
    ca.cert_pem.write_to_path(str(tmp_path / "ca.pem"))
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "ca.pem"))
    server = HTTPServer(host="127.0.0.1", port=0, ssl_context=context)
    server.start()
    try:
        server.expect_request("/robots.txt").respond_with_data("", status=404)
        server.expect_request("/a.html").respond_with_data(HTML, content_type="text/html")
        with Fetcher(_settings(), allow_private=True, resolver=lambda _h, _p: ["127.0.0.1"]) as fetcher:
            named = fetcher.fetch(f"https://news.test:{server.port}/a.html")
            other = fetcher.fetch(f"https://127.0.0.1:{server.port}/a.html")  # no certificate for this
    finally:
        server.clear()
        server.stop()
    assert named.outcome == "fetched", named.reason
    assert other.outcome == "failed" and "CERTIFICATE_VERIFY_FAILED" in (other.reason or "")
