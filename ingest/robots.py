"""robots.txt rules per origin, fetched once per run (thread-safe): Disallow/Allow and Crawl-delay."""

from __future__ import annotations

import threading
from collections.abc import Callable
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser


class RobotsCache:
    def __init__(self, get_text: Callable[[str], str | None], user_agent: str):
        self._get_text = get_text
        self._user_agent = user_agent
        self._parsers: dict[str, RobotFileParser] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def _origin_lock(self, origin: str) -> threading.Lock:
        with self._lock:
            return self._locks.setdefault(origin, threading.Lock())

    def _parser(self, url: str) -> RobotFileParser:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._origin_lock(origin):
            if origin not in self._parsers:
                parser = RobotFileParser(f"{origin}/robots.txt")
                text = self._get_text(f"{origin}/robots.txt")
                parser.parse((text or "").splitlines())
                self._parsers[origin] = parser
            return self._parsers[origin]

    def rules(self) -> dict[str, RobotFileParser]:
        """The robots.txt rules read so far, by origin (for a crawl that goes on from this one)."""
        with self._lock:
            return dict(self._parsers)

    def learn(self, rules: dict[str, RobotFileParser]) -> None:
        """Take rules another crawl of this run read: their robots.txt is not requested again."""
        with self._lock:
            for origin, parser in rules.items():
                self._parsers.setdefault(origin, parser)

    def allowed(self, url: str) -> bool:
        return self._parser(url).can_fetch(self._user_agent, url)

    def crawl_delay(self, url: str) -> float:
        """The Crawl-delay for our User-Agent at the URL's origin (0 when none is set or known yet)."""
        parts = urlsplit(url)
        parser = self._parsers.get(f"{parts.scheme}://{parts.netloc}")
        delay = parser.crawl_delay(self._user_agent) if parser is not None else None
        return float(delay or 0)

    def sitemaps(self, url: str) -> list[str]:
        """The Sitemap lines of the robots.txt at the URL's origin (read when not yet known)."""
        return list(self._parser(url).site_maps() or [])
