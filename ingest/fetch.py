"""The polite HTTP fetcher: guarded redirects, bounded bodies, retries, robots.txt."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin

import httpx

from config.settings import FetchSettings
from ingest import netguard
from ingest.robots import RobotsCache

HTML_TYPES = ("text/html", "application/xhtml+xml")
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


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

    @property
    def size(self) -> int:
        return len(self.body)


class BodyTooLarge(Exception):
    pass


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


def _read_limited(response: httpx.Response, limit: int) -> bytes:
    """Read the (decoded) body as a stream, stopping past `limit` bytes: also a decompression-bomb guard."""
    chunks: list[bytes] = []
    total = 0
    for chunk in response.iter_bytes():
        total += len(chunk)
        if total > limit:
            raise BodyTooLarge(f"body larger than {limit} bytes (cut off)")
        chunks.append(chunk)
    return b"".join(chunks)


class Fetcher:
    """Fetch pages over HTTP(S). Every call returns a FetchResult; nothing here raises for a bad page."""

    def __init__(self, settings: FetchSettings, allow_private: bool, client: httpx.Client | None = None):
        self.settings = settings
        self.allow_private = allow_private
        timeout = httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout)
        self.client = client or httpx.Client(
            timeout=timeout, headers={"User-Agent": settings.user_agent}, follow_redirects=False
        )
        self.robots = RobotsCache(self._get_text, settings.user_agent)

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(self, url: str, html_only: bool = True) -> FetchResult:
        started = time.perf_counter()
        result = self._fetch_with_retries(url, html_only, obey_robots=True)
        return _with_duration(result, started)

    def get_text(self, url: str) -> str | None:
        """A feed, sitemap or listing page as text (robots.txt obeyed), or None when it cannot be had."""
        return _text_of(self.fetch(url, html_only=False))

    def _get_text(self, url: str) -> str | None:
        return _text_of(self._fetch_with_retries(url, html_only=False, obey_robots=False))

    def _fetch_with_retries(self, url: str, html_only: bool, obey_robots: bool) -> FetchResult:
        attempt = 0
        while True:
            attempt += 1
            result, retry_after = self._attempt(url, html_only, obey_robots)
            if retry_after is None or attempt > self.settings.retries:
                return _with_attempts(result, attempt)
            time.sleep(self._backoff(retry_after, attempt))

    def _backoff(self, retry_after: float, attempt: int) -> float:
        """Retry-After when the server gave one (capped), else exponential backoff with jitter."""
        if retry_after > 0:
            return min(retry_after, 30.0)
        base = self.settings.backoff_seconds * (2 ** (attempt - 1))
        return base + random.uniform(0, base / 2)

    def _refusal(self, url: str, hop: str, obey_robots: bool) -> FetchResult | None:
        """Why a hop (the URL itself or a redirect target) must not be requested, as a result; else None."""
        try:
            netguard.check_url(hop, self.allow_private)
        except netguard.BlockedAddress as exc:
            return FetchResult(url=url, final_url=hop, outcome="failed", reason=str(exc))
        if obey_robots and not self.robots.allowed(hop):
            return FetchResult(url=url, final_url=hop, outcome="skipped", reason="disallowed by robots.txt")
        return None

    def _attempt(self, url: str, html_only: bool, obey_robots: bool) -> tuple[FetchResult, float | None]:
        """One attempt with guarded redirects; the second value is None when final, else the
        server's Retry-After (0.0 when it gave none) for a retryable failure."""
        current = url
        for _hop in range(self.settings.max_redirects + 1):
            refusal = self._refusal(url, current, obey_robots)
            if refusal is not None:
                return refusal, None
            try:
                with self.client.stream("GET", current) as response:
                    if response.status_code in REDIRECT_STATUSES and "location" in response.headers:
                        current = urljoin(current, response.headers["location"])
                        continue
                    return self._finish(url, current, response, html_only)
            except (httpx.TransportError, httpx.DecodingError) as exc:
                reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
                failed = FetchResult(url=url, final_url=current, outcome="failed", reason=reason)
                return failed, 0.0
        reason = f"more than {self.settings.max_redirects} redirects"
        return FetchResult(url=url, final_url=current, outcome="failed", reason=reason), None

    def _finish(
        self, url: str, final_url: str, response: httpx.Response, html_only: bool
    ) -> tuple[FetchResult, float | None]:
        status = response.status_code
        base = {"url": url, "final_url": final_url, "status": status}
        if status in RETRY_STATUSES:
            failed = FetchResult(**base, outcome="failed", reason=f"HTTP {status}")
            return failed, _retry_after(response)
        if status >= 400:
            return FetchResult(**base, outcome="failed", reason=f"HTTP {status}"), None
        media, charset = _media_type(response.headers.get("content-type"))
        if html_only and media not in HTML_TYPES:
            return FetchResult(
                **base, outcome="skipped", reason=f"not HTML: {media or 'no content type'}"
            ), None
        try:
            body = _read_limited(response, self.settings.max_body_bytes)
        except BodyTooLarge as exc:
            return FetchResult(**base, outcome="failed", reason=str(exc), content_type=media), None
        fetched = FetchResult(**base, outcome="fetched", content_type=media, charset=charset, body=body)
        return fetched, None


def _retry_after(response: httpx.Response) -> float:
    value = response.headers.get("retry-after", "").strip()
    return float(value) if value.isdigit() else 0.0


def _text_of(result: FetchResult) -> str | None:
    if result.outcome != "fetched":
        return None
    return result.body.decode(result.charset or "utf-8", errors="replace")


def _with_attempts(result: FetchResult, attempts: int) -> FetchResult:
    return FetchResult(**{**result.__dict__, "attempts": attempts})


def _with_duration(result: FetchResult, started: float) -> FetchResult:
    return FetchResult(**{**result.__dict__, "duration_ms": (time.perf_counter() - started) * 1000})
