"""HostThrottle: a minimum delay between request starts per host, a per-host concurrency limit."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from ingest.throttle import HostThrottle


class Clockless:
    """Records the waits the throttle asks for instead of sleeping."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def test_second_request_to_a_host_waits_for_the_delay() -> None:
    sleep = Clockless()
    throttle = HostThrottle(per_host_concurrency=2, sleep=sleep)
    with throttle.slot("http://a.test/1", delay=5.0):
        pass
    with throttle.slot("http://a.test/2", delay=5.0):
        pass
    assert len(sleep.waits) == 1
    assert 4.0 < sleep.waits[0] <= 5.0
    assert throttle.waited_seconds == sleep.waits[0]


def test_hosts_are_throttled_separately() -> None:
    sleep = Clockless()
    throttle = HostThrottle(per_host_concurrency=1, sleep=sleep)
    for url in ("http://a.test/", "http://b.test/", "http://A.TEST/x"):
        with throttle.slot(url, delay=5.0):
            pass
    assert len(sleep.waits) == 1  # only the second request to a.test (host names ignore case) waited


def test_switched_off_never_waits() -> None:
    sleep = Clockless()
    throttle = HostThrottle(per_host_concurrency=1, enabled=False, sleep=sleep)
    for _ in range(3):
        with throttle.slot("http://a.test/", delay=5.0):
            pass
    assert sleep.waits == []


def test_per_host_concurrency_is_a_ceiling() -> None:
    throttle = HostThrottle(per_host_concurrency=2)
    lock, inside, peak = threading.Lock(), [0], [0]
    release = threading.Event()

    def request(_: int) -> None:
        with throttle.slot("http://a.test/", delay=0.0):
            with lock:
                inside[0] += 1
                peak[0] = max(peak[0], inside[0])
            release.wait(0.05)
            with lock:
                inside[0] -= 1

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(request, range(16)))
    assert peak[0] == 2
