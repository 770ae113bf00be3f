"""Which addresses the crawler may reach, and connections that go only to addresses that were checked.

Public addresses are always allowed. `allow_private_networks: true` in the sources file adds private,
loopback and shared (CGNAT) ranges. Link-local, cloud metadata, unspecified, multicast and reserved
addresses stay refused unless the sources file names them under `allow_addresses` (a metadata address
only by itself, not inside a wider network). Every host is resolved once per crawler (`Guard`), and
the HTTP client connects to those checked addresses (`GuardedTransport`): no second lookup between the
check and the connection, so a DNS answer that changes in between (DNS rebinding) is never used."""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpcore
import httpx

Resolver = Callable[[str, int], list[str]]
Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network

# Cloud instance metadata endpoints (AWS incl. ECS and IPv6, GCP, Azure and its WireServer, Alibaba,
# Oracle).
METADATA = frozenset(
    ipaddress.ip_address(a)
    for a in (
        "169.254.169.254",
        "169.254.169.253",
        "169.254.170.2",
        "fd00:ec2::254",
        "168.63.129.16",
        "100.100.100.200",
        "192.0.0.192",
    )
)
SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT: private in all but name
NAT64 = ipaddress.ip_network("64:ff9b::/96")
PRIVATE_HINT = "set allow_private_networks: true in the sources file to crawl it"
SPECIAL_HINT = (
    "link-local, cloud metadata and reserved addresses are refused even with allow_private_networks: "
    "true; name the address under allow_addresses in the sources file to crawl it"
)


class BlockedAddress(Exception):
    """The URL points at an address the crawler must not reach."""


def _embedded(ip: Address) -> Address:
    """The IPv4 address inside an IPv4-mapped, NAT64 or 6to4 IPv6 address; else the address itself."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return ip.ipv4_mapped
        if ip in NAT64:
            return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if ip.sixtofour is not None:
            return ip.sixtofour
    return ip


def _is_private(ip: Address) -> bool:
    """Private, loopback or shared, and nothing more special (not link-local, unspecified, reserved)."""
    if ip.is_loopback:  # ::1 is also in IPv6's reserved ::/8
        return True
    special = ip.is_link_local or ip.is_unspecified or ip.is_multicast or ip.is_reserved
    return not special and (ip.is_private or ip in SHARED)


@dataclass(frozen=True)
class AddressPolicy:
    allow_private: bool = False
    allowed: tuple[Network, ...] = ()  # the sources file's allow_addresses

    def refusal(self, address: str) -> str | None:
        """None when the address may be reached, else `private` or `special` (what would allow it)."""
        ip = _embedded(ipaddress.ip_address(address.split("%", 1)[0]))
        if ip in METADATA:
            named = any(n.num_addresses == 1 and ip in n for n in self.allowed)
            return None if named else "special"
        if any(ip in n for n in self.allowed) or (ip.is_global and not ip.is_multicast):
            return None
        if _is_private(ip):
            return None if self.allow_private else "private"
        return "special"


def resolve(host: str, port: int) -> list[str]:
    """Every address the host resolves to (the system resolver)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({info[4][0] for info in infos})


def _lookup(host: str, port: int, resolver: Resolver) -> list[str]:
    try:
        return [str(ipaddress.ip_address(host))]
    except ValueError:
        pass
    try:
        addresses = resolver(host, port)
    except (socket.gaierror, UnicodeError) as exc:
        raise BlockedAddress(f"cannot resolve {host}: {getattr(exc, 'strerror', None) or exc}") from exc
    if not addresses:
        raise BlockedAddress(f"cannot resolve {host}: no addresses")
    return addresses


class Guard:
    """Resolves each host once (thread-safe) and checks every address of the answer against the policy;
    `addresses()` gives the checked answer to connect to, or raises BlockedAddress with the reason."""

    def __init__(self, policy: AddressPolicy, resolver: Resolver = resolve):
        self.policy = policy
        self._resolver = resolver
        self._answers: dict[str, list[str] | BlockedAddress] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def check(self, url: str) -> None:
        """Raise BlockedAddress unless the URL is http(s) and every address of its host may be reached."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise BlockedAddress(f"not an http(s) URL: {url}")
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as exc:
            raise BlockedAddress(f"invalid port in {url}") from exc
        self.addresses(parts.hostname, port)

    def addresses(self, host: str, port: int) -> list[str]:
        host = host.lower().strip("[]")
        with self._lock:
            lock = self._locks.setdefault(host, threading.Lock())
        with lock:
            if host not in self._answers:
                self._answers[host] = self._checked(host, port)
            answer = self._answers[host]
        if isinstance(answer, BlockedAddress):
            raise BlockedAddress(str(answer))
        return answer

    def _checked(self, host: str, port: int) -> list[str] | BlockedAddress:
        try:
            addresses = _lookup(host, port, self._resolver)
        except BlockedAddress as exc:
            return exc
        refused = {a: r for a in addresses if (r := self.policy.refusal(a))}
        if not refused:
            return addresses
        hint = SPECIAL_HINT if "special" in refused.values() else PRIVATE_HINT
        return BlockedAddress(
            f"{host} resolves to a private/loopback/link-local address ({', '.join(refused)}); {hint}"
        )


def check_url(
    url: str,
    allow_private: bool = False,
    resolver: Resolver = resolve,
    allow_addresses: Iterable[Network] = (),
) -> None:
    """Raise BlockedAddress when the URL's host resolves to an address the policy refuses (every
    address of the answer counts)."""
    Guard(AddressPolicy(allow_private, tuple(allow_addresses)), resolver).check(url)


class GuardedBackend(httpcore.SyncBackend):
    """Opens TCP connections only to the addresses the guard checked for the host (SNI and the Host
    header still carry the host name: httpcore takes them from the URL, not from the socket)."""

    def __init__(self, guard: Guard):
        self.guard = guard

    def connect_tcp(self, host: str, port: int, *args: object, **kwargs: object) -> httpcore.NetworkStream:
        failure: Exception | None = None
        for address in self.guard.addresses(host, port):
            try:
                return super().connect_tcp(address, port, *args, **kwargs)  # type: ignore[arg-type]
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        raise failure or httpcore.ConnectError(f"no address to connect to for {host}")


class GuardedTransport(httpx.HTTPTransport):
    """httpx's own transport with its connection pool built on GuardedBackend (httpx 0.28 takes no
    network backend as an argument, so the pool is replaced after construction)."""

    def __init__(self, guard: Guard, limits: httpx.Limits):
        super().__init__(limits=limits)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=GuardedBackend(guard),
        )
