"""Refuse private, loopback and link-local addresses unless the sources file allows them."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from urllib.parse import urlsplit

Resolver = Callable[[str, int], list[str]]


class BlockedAddress(Exception):
    """The URL points at an address the crawler must not reach."""


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    return ip.is_global and not ip.is_multicast


def resolve(host: str, port: int) -> list[str]:
    """Every address the host resolves to (the system resolver)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({info[4][0] for info in infos})


def _addresses(host: str, port: int, resolver: Resolver) -> list[str]:
    try:
        return [str(ipaddress.ip_address(host))]
    except ValueError:
        pass
    try:
        return resolver(host, port)
    except (socket.gaierror, UnicodeError) as exc:
        raise BlockedAddress(f"cannot resolve {host}: {getattr(exc, 'strerror', None) or exc}") from exc


def check_url(url: str, allow_private: bool, resolver: Resolver = resolve) -> None:
    """Raise BlockedAddress when the URL's host resolves to a non-public address (every address counts)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BlockedAddress(f"not an http(s) URL: {url}")
    if allow_private:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise BlockedAddress(f"invalid port in {url}") from exc
    addresses = _addresses(parts.hostname, port, resolver)
    if not addresses:
        raise BlockedAddress(f"cannot resolve {parts.hostname}: no addresses")
    private = [a for a in addresses if not _is_public(a)]
    if private:
        raise BlockedAddress(
            f"{parts.hostname} resolves to a private/loopback/link-local address ({', '.join(private)}); "
            "set allow_private_networks: true in the sources file to crawl it"
        )
