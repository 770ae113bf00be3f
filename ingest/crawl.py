"""Discover and fetch every page of the configured sources; each discovered URL gets exactly one outcome.

`crawl()` is the one entry point; `discover_all()` and `fetch_pages()` are its two stages, for flows
that run them as separate tasks."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import polars as pl

from config.settings import FetchSettings
from config.sources import SourcesConfig
from ingest.discover import Discovered, discover
from ingest.fetch import Fetcher, FetchResult
from ingest.records import (
    Settled,
    fetch_log_frame,
    page_state_frame,
    pages_frame,
    previous_states,
    settle,
    validators_for,
)

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class CrawlResult:
    fetch_log: pl.DataFrame  # one row per discovered URL (records.FETCH_LOG_SCHEMA)
    pages: pl.DataFrame  # new or changed bodies for extraction (records.PAGES_SCHEMA)
    page_state: pl.DataFrame  # rows to upsert into page_state (records.PAGE_STATE_SCHEMA)


def fetcher_for(config: SourcesConfig, settings: FetchSettings) -> Fetcher:
    """A fetcher under the sources file's address policy (allow_private_networks, allow_addresses)."""
    return Fetcher(settings, config.allow_private_networks, allow_addresses=config.allow_addresses)


def _workers(settings: FetchSettings) -> int:
    return max(1, settings.global_concurrency)


def discover_all(
    config: SourcesConfig, settings: FetchSettings, fetcher: Fetcher | None = None
) -> list[Discovered]:
    """Every source's candidate URLs, sources discovered in parallel, in the order of the sources file."""
    own = fetcher is None
    fetcher = fetcher or fetcher_for(config, settings)
    try:
        with ThreadPoolExecutor(_workers(settings)) as pool:
            found = pool.map(
                lambda source: discover(
                    source, fetcher.get_text, settings.max_pages_per_source, fetcher.robots.sitemaps
                ),
                config.sources,
            )
            return _first_seen(page for pages in found for page in pages)
    finally:
        if own:
            fetcher.close()


def _first_seen(pages: Iterable[Discovered]) -> list[Discovered]:
    """A URL found by two sources is fetched once, for the first source that lists it."""
    unique: dict[str, Discovered] = {}
    for page in pages:
        unique.setdefault(page.url, page)
    return list(unique.values())


def _interleaved_order(pages: list[Discovered]) -> list[int]:
    """Indexes of the pages, round-robin over hosts, so the workers spread across sites instead of
    queueing on one."""
    by_host: dict[str, list[int]] = defaultdict(list)
    for index, page in enumerate(pages):
        by_host[(urlsplit(page.url).hostname or "").lower()].append(index)
    queues = list(by_host.values())
    longest = max((len(q) for q in queues), default=0)
    return [q[i] for i in range(longest) for q in queues if i < len(q)]


def fetch_pages(
    pages: list[Discovered],
    fetcher: Fetcher,
    previous: pl.DataFrame,
    raw_dir: Path,
    progress: Progress | None = None,
) -> CrawlResult:
    """Fetch the pages on a thread pool (global limit; per-host limits in the fetcher's throttle)."""
    states = previous_states(previous) if fetcher.settings.incremental else {}

    def one(page: Discovered) -> Settled:
        state = states.get(page.url)
        try:
            result = fetcher.fetch(page.url, validators=validators_for(state, raw_dir))
        except Exception as exc:  # a bad page never stops the run: it is logged as failed
            result = FetchResult(url=page.url, outcome="failed", reason=f"{type(exc).__name__}: {exc}")
        return settle(page, result, state, raw_dir)

    settled: dict[int, Settled] = {}
    with ThreadPoolExecutor(_workers(fetcher.settings)) as pool:
        futures = {pool.submit(one, pages[i]): i for i in _interleaved_order(pages)}
        for done, future in enumerate(as_completed(futures), start=1):
            settled[futures[future]] = future.result()
            if progress:
                progress(done, len(futures))
    ordered = [settled[i] for i in range(len(pages))]
    return CrawlResult(fetch_log_frame(ordered), pages_frame(ordered), page_state_frame(ordered, states))


def crawl(
    config: SourcesConfig,
    settings: FetchSettings,
    previous: pl.DataFrame,
    raw_dir: Path,
    progress: Progress | None = None,
) -> CrawlResult:
    """Discover and fetch every source: `previous` is the page_state of earlier runs (may be empty),
    `raw_dir` the raw page store (HOME/raw)."""
    with fetcher_for(config, settings) as fetcher:
        pages = discover_all(config, settings, fetcher)
        return fetch_pages(pages, fetcher, previous, raw_dir, progress)
