"""POST a JSON document to a webhook through the network guard, with retries.

The address is checked like a crawled page's (private and loopback addresses only when allowed) and
the connection goes only to the checked addresses. A 2xx answer is success; a 5xx, a 429, a timeout or
a refused connection is tried again after a growing pause; any other answer, or a blocked address, is a
failure at once. A failure is returned, never raised: the caller records it."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from ingest import netguard

USER_AGENT = "clusterwatch/0.1 (watchlist digest webhook)"
RETRYABLE = frozenset({408, 425, 429, 500, 502, 503, 504})
MAX_ERROR_CHARS = 300


@dataclass(frozen=True)
class Delivery:
    """How a POST ended: `sent` or `failed`, the last HTTP status (None without an answer), the number
    of attempts and the reason for a failure."""

    status: str
    http_status: int | None
    attempts: int
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _client(guard: netguard.Guard, timeout: float) -> httpx.Client:
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    return httpx.Client(
        timeout=httpx.Timeout(timeout),
        headers={"User-Agent": USER_AGENT, "Content-Type": "application/json"},
        follow_redirects=False,
        transport=netguard.GuardedTransport(guard, limits),
    )


def _attempt(client: httpx.Client, url: str, body: bytes) -> tuple[int | None, str | None, bool]:
    """(HTTP status, error, whether to try again) of one POST."""
    try:
        response = client.post(url, content=body)
    except netguard.BlockedAddress as exc:
        return None, f"blocked: {exc}", False
    except httpx.HTTPError as exc:
        return None, f"{type(exc).__name__}: {exc}"[:MAX_ERROR_CHARS], True
    if response.is_success:
        return response.status_code, None, False
    error = f"HTTP {response.status_code} {response.reason_phrase}".strip()
    return response.status_code, error, response.status_code in RETRYABLE


def post_json(
    url: str,
    document: Any,
    policy: netguard.AddressPolicy,
    retries: int = 2,
    timeout: float = 10.0,
    backoff: float = 0.5,
    sleep: Callable[[float], None] = time.sleep,
) -> Delivery:
    """POST `document` as JSON to `url`: at most 1 + `retries` attempts, `backoff` × 2ⁿ seconds apart."""
    guard = netguard.Guard(policy)
    try:
        guard.check(url)
    except netguard.BlockedAddress as exc:
        return Delivery("failed", None, 1, f"blocked: {exc}")
    body = json.dumps(document, ensure_ascii=False, default=str).encode("utf-8")
    status, error, attempts = None, None, 0
    with _client(guard, timeout) as client:
        for attempt in range(retries + 1):
            if attempt:
                sleep(backoff * 2 ** (attempt - 1))
            attempts += 1
            status, error, again = _attempt(client, url, body)
            if error is None:
                return Delivery("sent", status, attempts)
            if not again:
                break
    return Delivery("failed", status, attempts, error)
