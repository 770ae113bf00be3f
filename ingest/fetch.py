"""The polite HTTP fetcher: guarded redirects, robots.txt per hop, per-host throttling, bounded bodies,
retries with backoff, conditional GET. Nothing here raises for a bad page: every call gives a FetchResult."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

import httpx

from config.settings import FetchSettings
from ingest import netguard
from ingest.body import ACCEPT_ENCODING, BodyRefused, declared_length, read_body
from ingest.charset import decode_text
from ingest.robots import RobotsCache
from ingest.throttle import HostThrottle

HTML_TYPES = ("text/html", "application/xhtml+xml")
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
NOT_MODIFIED = "HTTP 304: unchanged since the last run"


@dataclass(frozen=True)
class Validators:
    """What the previous run saw of a page, for a conditional GET."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        found = {"If-None-Match": self.etag, "If-Modified-Since": self.last_modified}
        return {name: value for name, value in found.items() if value}


@dataclass(frozen=True)
class FetchResult:
    """One URL's outcome (`fetched`, `not_modified`, `skipped`, `failed`) and the reason when not fetched."""

    url: str
    outcome: str
    final_url: str | None = None
    status: int | None = None
    reason: str | None = None
    content_type: str | None = None
    charset: str | None = None
    body: bytes = b""
    attempts: int = 1
    duration_ms: float = 0.0
    fetched_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    etag: str | None = None
    last_modified: str | None = None
    bytes_read: int | None = None  # set when a body was read but not kept (cut off)
    attempt_log: tuple[dict[str, object], ...] = ()

    @property
    def size(self) -> int:
        return self.bytes_read if self.bytes_read is not None else len(self.body)


def _media_type(content_type: str | None) -> tuple[str, str | None]:
    if not content_type:
        return "", None
    media, _, params = content_type.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset" and value:
            charset = value.strip("\"' ").lower()
    return media.strip().lower(), charset


class Fetcher:
    """Fetch pages over HTTP(S); thread-safe, so one Fetcher serves a whole pool of workers."""

    def __init__(
        self,
        settings: FetchSettings,
        allow_private: bool = False,
        client: httpx.Client | None = None,
        resolver: netguard.Resolver = netguard.resolve,
        throttle: HostThrottle | None = None,
        allow_addresses: Iterable[netguard.Network] = (),
    ):
        """`allow_private` and `allow_addresses` are the sources file's; the fetcher's own client
        connects only to addresses its guard checked (a `client` given here is checked per hop only)."""
        self.settings = settings
        self.guard = netguard.Guard(netguard.AddressPolicy(allow_private, tuple(allow_addresses)), resolver)
        self.client = client or _client(settings, self.guard)
        self.throttle = throttle or HostThrottle(settings.per_host_concurrency, settings.politeness_limits)
        self.robots = RobotsCache(self._get_text, settings.user_agent)
        self._local = threading.local()  # per worker thread: seconds spent waiting for the throttle

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(self, url: str, html_only: bool = True, validators: Validators | None = None) -> FetchResult:
        """duration_ms counts the attempts and the backoff between them, not the wait for a host's turn."""
        started, self._local.waited = time.perf_counter(), 0.0
        result = self._fetch_with_retries(url, html_only, True, validators or Validators())
        elapsed = time.perf_counter() - started - self._local.waited
        return replace(result, duration_ms=max(elapsed, 0.0) * 1000)

    def get_text(self, url: str) -> str | None:
        """A feed, sitemap or listing page as text (robots.txt obeyed), or None when it cannot be had."""
        return text_of(self.fetch(url, html_only=False))

    def _get_text(self, url: str) -> str | None:
        return text_of(self._fetch_with_retries(url, False, False, Validators()))

    def _fetch_with_retries(
        self, url: str, html_only: bool, obey_robots: bool, validators: Validators
    ) -> FetchResult:
        """At most fetch.retries further attempts; each wait is capped (fetch.max_backoff_seconds, or
        fetch.max_retry_after for a server's Retry-After) and all of them together by
        fetch.max_retry_wait. Every attempt's wait before the next is in the attempt log (`wait_s`)."""
        log: list[dict[str, object]] = []
        waited = 0.0
        while True:
            started = time.perf_counter()
            result, retry_after = self._attempt(url, html_only, obey_robots, validators)
            log.append(_log_entry(result, started))
            if retry_after is None or len(log) > self.settings.retries:
                return replace(result, attempts=len(log), attempt_log=tuple(log))
            wait = self._backoff(retry_after, len(log))
            if waited + wait > self.settings.max_retry_wait:
                note = (
                    f"{result.reason}; no more retries: waiting {wait:.1f} s more would pass "
                    f"fetch.max_retry_wait ({self.settings.max_retry_wait:g} s, {waited:.1f} s waited)"
                )
                return replace(result, reason=note, attempts=len(log), attempt_log=tuple(log))
            log[-1]["wait_s"] = round(wait, 3)
            waited += wait
            time.sleep(wait)

    def _backoff(self, retry_after: float, attempt: int) -> float:
        """Retry-After when the server gave one (capped), else exponential backoff with jitter, capped."""
        if retry_after > 0:
            return min(retry_after, self.settings.max_retry_after)
        base = self.settings.backoff_seconds * (2 ** min(attempt - 1, 30))
        return min(base + random.uniform(0, base / 2), self.settings.max_backoff_seconds)

    def _refusal(self, url: str, hop: str, obey_robots: bool) -> FetchResult | None:
        """Why a hop (the URL itself or a redirect target) must not be requested, as a result; else None."""
        try:
            self.guard.check(hop)
        except netguard.BlockedAddress as exc:
            return FetchResult(url=url, final_url=hop, outcome="failed", reason=str(exc))
        if obey_robots and not self.robots.allowed(hop):
            return FetchResult(url=url, final_url=hop, outcome="skipped", reason="disallowed by robots.txt")
        return None

    def _delay(self, url: str) -> float:
        crawl_delay = min(self.robots.crawl_delay(url), self.settings.max_crawl_delay)
        return max(self.settings.per_host_delay, crawl_delay)

    @contextmanager
    def _request(self, url: str, headers: dict[str, str]) -> Iterator[httpx.Response]:
        """One GET once the host's throttle lets it start; the time spent waiting for that is noted."""
        queued = time.perf_counter()
        with self.throttle.slot(url, self._delay(url)):
            self._local.waited = getattr(self._local, "waited", 0.0) + time.perf_counter() - queued
            with self.client.stream("GET", url, headers=headers) as response:
                yield response

    def _attempt(
        self, url: str, html_only: bool, obey_robots: bool, validators: Validators
    ) -> tuple[FetchResult, float | None]:
        """One attempt with guarded redirects; the second value is None when final, else the
        server's Retry-After (0.0 when it gave none) for a retryable failure."""
        current = url
        for _hop in range(self.settings.max_redirects + 1):
            refusal = self._refusal(url, current, obey_robots)
            if refusal is not None:
                return refusal, None
            try:
                with self._request(current, validators.headers()) as response:
                    deadline = time.monotonic() + self.settings.max_fetch_seconds
                    if response.status_code in REDIRECT_STATUSES and "location" in response.headers:
                        current = urljoin(current, response.headers["location"])
                        continue
                    return self._finish(url, current, response, html_only, deadline)
            except (httpx.TransportError, httpx.DecodingError) as exc:
                reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
                return FetchResult(url=url, final_url=current, outcome="failed", reason=reason), 0.0
            except netguard.BlockedAddress as exc:  # refused when connecting: final, not retried
                return FetchResult(url=url, final_url=current, outcome="failed", reason=str(exc)), None
        reason = f"more than {self.settings.max_redirects} redirects"
        return FetchResult(url=url, final_url=current, outcome="failed", reason=reason), None

    def _finish(
        self, url: str, final_url: str, response: httpx.Response, html_only: bool, deadline: float
    ) -> tuple[FetchResult, float | None]:
        status = response.status_code
        media, charset = _media_type(response.headers.get("content-type"))
        base = _answered(url, final_url, response, media)
        if status in RETRY_STATUSES:
            return replace(base, reason=f"HTTP {status}"), _retry_after(response)
        if status == 304:
            return replace(base, outcome="not_modified", reason=NOT_MODIFIED), None
        if status >= 300:
            return replace(base, reason=f"HTTP {status}"), None
        if html_only and media not in HTML_TYPES:
            return replace(base, outcome="skipped", reason=f"not HTML: {media or 'no content type'}"), None
        return self._read(base, response, charset, deadline), None

    def _read(
        self, base: FetchResult, response: httpx.Response, charset: str | None, deadline: float
    ) -> FetchResult:
        limit = self.settings.max_body_bytes
        declared = declared_length(response)
        if declared is not None and declared > limit:
            return replace(
                base, reason=f"body larger than {limit} bytes (Content-Length {declared}, not read)"
            )
        try:
            body = read_body(response, limit, deadline)
        except BodyRefused as exc:
            return replace(base, reason=str(exc), bytes_read=exc.size)
        return replace(base, outcome="fetched", charset=charset, body=body)


def _answered(url: str, final_url: str, response: httpx.Response, media: str) -> FetchResult:
    """The result for a response, before its outcome is known (failed until shown otherwise)."""
    return FetchResult(
        url=url,
        final_url=final_url,
        status=response.status_code,
        outcome="failed",
        content_type=media or None,
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
    )


def _client(settings: FetchSettings, guard: netguard.Guard) -> httpx.Client:
    """The crawler's client: connections only to checked addresses (no proxy from the environment)."""
    timeout = httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout)
    connections = max(settings.global_concurrency, 1) * 2
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    return httpx.Client(
        timeout=timeout,
        headers={"User-Agent": settings.user_agent, "Accept-Encoding": ACCEPT_ENCODING},
        follow_redirects=False,
        transport=netguard.GuardedTransport(guard, limits),
    )


def _retry_after(response: httpx.Response) -> float:
    """Retry-After in seconds (delta-seconds or an HTTP date); 0.0 when absent or unreadable."""
    value = response.headers.get("retry-after", "").strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return 0.0
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - datetime.now(UTC)).total_seconds(), 0.0)


def _log_entry(result: FetchResult, started: float) -> dict[str, object]:
    ms = round((time.perf_counter() - started) * 1000, 1)
    return {"status": result.status, "outcome": result.outcome, "reason": result.reason, "ms": ms}


def text_of(result: FetchResult) -> str | None:
    if result.outcome != "fetched":
        return None
    return decode_text(result.body, result.charset)
