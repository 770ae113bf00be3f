"""Per-host politeness: at most N requests in flight to one host and a minimum delay between their starts."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

Sleep = Callable[[float], None]


class _Host:
    def __init__(self, concurrency: int):
        self.slots = threading.BoundedSemaphore(max(1, concurrency))
        self.lock = threading.Lock()
        self.next_start = 0.0


class HostThrottle:
    """Thread-safe. `slot(url, delay)` blocks until a request to the URL's host may start."""

    def __init__(self, per_host_concurrency: int, enabled: bool = True, sleep: Sleep = time.sleep):
        self.per_host_concurrency = per_host_concurrency
        self.enabled = enabled
        self._sleep = sleep
        self._hosts: dict[str, _Host] = {}
        self._lock = threading.Lock()
        self.waited_seconds = 0.0

    def _host(self, url: str) -> _Host:
        key = (urlsplit(url).hostname or "").lower()
        with self._lock:
            if key not in self._hosts:
                self._hosts[key] = _Host(self.per_host_concurrency)
            return self._hosts[key]

    def _reserve_start(self, host: _Host, delay: float) -> float:
        """How long to wait before starting; books the next start `delay` seconds after this one."""
        with host.lock:
            now = time.monotonic()
            start = max(now, host.next_start)
            host.next_start = start + delay
            return start - now

    @contextmanager
    def slot(self, url: str, delay: float) -> Iterator[None]:
        if not self.enabled:
            yield
            return
        host = self._host(url)
        with host.slots:
            wait = self._reserve_start(host, delay)
            if wait > 0:
                with self._lock:
                    self.waited_seconds += wait
                self._sleep(wait)
            yield
