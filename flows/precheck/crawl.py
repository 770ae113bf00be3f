"""The run's crawl, as both the flow's crawl task and the CLI's pre-check do it: the page state of earlier
runs read from the working database, then discovery and conditional GETs (ingest.crawl)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

import polars as pl

from config.settings import Settings
from config.sources import SourcesConfig
from ingest.crawl import CrawlResult, Learned, OnPage, Until, crawl
from warehouse.page_state import last_tried, read_page_state
from warehouse.schema import connect

PROGRESS = logging.getLogger("clusterwatch.progress")


@dataclass(frozen=True)
class PageHistory:
    """What earlier runs left: page_state (validators, content hashes) and when each page was last tried."""

    previous: pl.DataFrame
    tried: pl.DataFrame

    @property
    def empty(self) -> bool:
        """No page known yet: a first run."""
        return self.previous.is_empty()


def page_history(settings: Settings) -> PageHistory:
    with connect(settings.database_path) as con:
        return PageHistory(read_page_state(con), last_tried(con))


def crawl_sources(
    config: SourcesConfig,
    settings: Settings,
    history: PageHistory,
    progress: Callable[[int, int], None] | None = None,
    on_page: OnPage | None = None,
    until: Until | None = None,
    resume: Learned | None = None,
) -> CrawlResult:
    """Discover and fetch every source of `config` against `history` (ingest.crawl.crawl); stopped by
    `until`, the result says what it learned (at most `run.precheck_keep_pages` settled pages), and a
    crawl given that as `resume` goes on from it."""
    fetch, store, keep = settings.fetch, settings.raw_store_url, settings.run.precheck_keep_pages
    previous, tried = history.previous, history.tried
    return crawl(config, fetch, previous, store, progress, tried, on_page, until, keep, resume)


class Progress:
    """Reports `done/total`, the rate and the time left, at most every few seconds, to the
    `clusterwatch.progress` logger (which the CLI prints) and to `also` (the run's log in a flow)."""

    def __init__(
        self, verb: str, unit: str, every_seconds: float = 3.0, also: Callable[[str], None] | None = None
    ) -> None:
        self.verb, self.unit, self.every, self.also = verb, unit, every_seconds, also
        self.started = self.last = time.perf_counter()

    def __call__(self, done: int, total: int) -> None:
        now = time.perf_counter()
        if done != total and now - self.last < self.every:
            return
        self.last = now
        rate = done / max(now - self.started, 1e-9)
        left = (total - done) / rate if rate else 0.0
        message = f"{self.verb} {done}/{total} {self.unit}, {rate:.1f} {self.unit}/s, about {left:.0f} s left"
        PROGRESS.info(message)
        if self.also is not None:
            self.also(message)
