"""robots.txt rules per host, fetched once per run."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser


class RobotsCache:
    def __init__(self, get_text: Callable[[str], str | None], user_agent: str):
        self._get_text = get_text
        self._user_agent = user_agent
        self._parsers: dict[str, RobotFileParser] = {}

    def _parser(self, url: str) -> RobotFileParser:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._parsers:
            parser = RobotFileParser(f"{origin}/robots.txt")
            text = self._get_text(f"{origin}/robots.txt")
            parser.parse((text or "").splitlines())
            self._parsers[origin] = parser
        return self._parsers[origin]

    def allowed(self, url: str) -> bool:
        return self._parser(url).can_fetch(self._user_agent, url)
