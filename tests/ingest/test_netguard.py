"""check_url: private, loopback and link-local addresses are refused unless explicitly allowed."""

from __future__ import annotations

import socket

import pytest

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


@pytest.mark.parametrize(("url", "address"), PRIVATE)
def test_private_addresses_allowed_when_asked(url: str, address: str) -> None:
    assert check_url(url, allow_private=True) is None


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
