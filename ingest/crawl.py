"""Discover and fetch every page of the configured sources; each discovered URL gets exactly one outcome,
and so does each seed (feed, sitemap, start page) read to find them.

`crawl()` is the one entry point; `discover_all()` and `fetch_pages()` are its two stages, for flows
that run them as separate tasks. A crawl stopped early (`until`) hands on what it learned (`Learned`):
a crawl of the same run given it repeats neither discovery nor the requests of the pages it kept."""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import polars as pl

from config.settings import FetchSettings
from config.sources import Source, SourcesConfig
from ingest.cap import over_cap_reason, ration
from ingest.discover import Discovered, Dropped, Seed, discover_source
from ingest.fetch import Fetcher, FetchResult, text_of
from ingest.records import (
    FETCH_LOG_SCHEMA,
    PAGE_REFS_SCHEMA,
    PAGE_STATE_SCHEMA,
    Settled,
    fetch_log_frame,
    has_state,
    log_row,
    page_row,
    previous_states,
    settle,
    state_row,
    validators_for,
)
from ingest.throttle import HostThrottle

Progress = Callable[[int, int], None]
# Called with each discovered page as soon as it is settled (fetched, unchanged or failed) and the number
# of pages the crawl fetches, so a caller can process fetched pages while the crawl goes on.
OnPage = Callable[[Settled, int], None]
# Asked of each settled page: True stops the crawl there (pages not yet requested are not requested; those
# under way finish), and the result says it stopped (`CrawlResult.stopped`).
Until = Callable[[Settled], bool]


def _no_seeds() -> pl.DataFrame:
    return fetch_log_frame([], kind="seed")


@dataclass(frozen=True)
class Found:
    pages: list[Discovered]  # every candidate page, first source kept, no cap applied yet
    seeds: pl.DataFrame  # one fetch_log row per seed (kind "seed") and per URL left out (kind "dropped")


@dataclass(frozen=True)
class Learned:
    """What a crawl stopped by `until` had learned, for a crawl of the same run, in the same process, that
    goes on from it: every source's discovery, the robots.txt rules read, each host's turn (the
    throttle: the next request keeps its delay after the last one), and the pages settled by then (at
    most the crawl's `keep` of them; a fetched page's body is in the raw store already, so none is held
    here). Pages beyond `keep` are requested again by the crawl that goes on."""

    found: Found
    robots: dict[str, RobotFileParser]
    settled: dict[str, Settled]
    throttle: HostThrottle | None = None


@dataclass(frozen=True)
class CrawlResult:
    fetch_log: pl.DataFrame  # one row per discovered URL (records.FETCH_LOG_SCHEMA, kind "page")
    pages: pl.DataFrame  # new or changed bodies for extraction (records.PAGES_SCHEMA)
    page_state: pl.DataFrame  # rows to upsert into page_state (records.PAGE_STATE_SCHEMA)
    # one row per seed URL (kind "seed"), and per URL discovery left out (kind "dropped", `skipped`)
    seeds: pl.DataFrame = field(default_factory=_no_seeds)
    stopped: bool = False  # `until` stopped the crawl: the rows are those of the pages settled before it
    learned: Learned | None = None  # when stopped: what a crawl going on from it takes (crawl's `resume`)

    @property
    def outcomes(self) -> pl.DataFrame:
        """Every fetch_log row of the crawl: the pages, then the seeds."""
        return pl.concat([self.fetch_log, self.seeds])


def fetcher_for(
    config: SourcesConfig, settings: FetchSettings, throttle: HostThrottle | None = None
) -> Fetcher:
    """A fetcher under the sources file's address policy (allow_private_networks, allow_addresses); with
    `throttle`, an earlier fetcher's per-host turns (its hosts' next starts) go on."""
    policy = config.allow_private_networks
    return Fetcher(settings, policy, throttle=throttle, allow_addresses=config.allow_addresses)


def _workers(settings: FetchSettings) -> int:
    return max(1, settings.global_concurrency)


def discover_all(config: SourcesConfig, settings: FetchSettings, fetcher: Fetcher | None = None) -> Found:
    """Every source's candidate URLs and seeds, sources discovered in parallel, in the order of the
    sources file."""
    own = fetcher is None
    fetcher = fetcher or fetcher_for(config, settings)
    try:
        with ThreadPoolExecutor(_workers(settings)) as pool:
            found = list(pool.map(lambda source: _discover_one(source, fetcher), config.sources))
    finally:
        if own:
            fetcher.close()
    seeds = [seed for _pages, source_seeds, _dropped in found for seed in source_seeds]
    dropped = [one for _pages, _seeds, source_dropped in found for one in source_dropped]
    logged = pl.concat([fetch_log_frame(seeds, "seed"), fetch_log_frame(dropped, "dropped")])
    return Found(_first_seen(p for pages, _seeds, _dropped in found for p in pages), logged)


class _SeedReader:
    """Discovery's get_text: reads a seed and keeps its fetch result (without the body) for fetch_log."""

    def __init__(self, fetcher: Fetcher):
        self.fetcher = fetcher
        self.results: dict[str, FetchResult] = {}

    def __call__(self, url: str) -> str | None:
        try:
            result = self.fetcher.fetch(url, html_only=False)
        except Exception as exc:  # a bad seed never stops the run: it is logged as failed
            result = FetchResult(url=url, outcome="failed", reason=f"{type(exc).__name__}: {exc}")
        self.results[url] = replace(result, body=b"", bytes_read=result.size)
        return text_of(result)


def _discover_one(source: Source, fetcher: Fetcher) -> tuple[list[Discovered], list[Settled], list[Settled]]:
    reader = _SeedReader(fetcher)
    found = discover_source(source, reader, None, fetcher.robots.sitemaps)
    seeds = [_seed_outcome(seed, reader.results) for seed in found.seeds]
    return found.pages, seeds, [_dropped_outcome(one) for one in found.dropped]


def _dropped_outcome(dropped: Dropped) -> Settled:
    """A URL discovery left out: `skipped`, never requested, with the reason."""
    page = Discovered(dropped.url, dropped.source, dropped.via)
    return Settled(page, FetchResult(url=dropped.url, outcome="skipped", reason=dropped.reason, attempts=0))


def _seed_outcome(seed: Seed, results: dict[str, FetchResult]) -> Settled:
    """A seed's fetch_log outcome: the fetch's own, or `skipped` with the reason it was not read; a
    seed read says what it gave."""
    page = Discovered(seed.url, seed.source, seed.via)
    if seed.skipped is not None or seed.url not in results:
        reason = seed.skipped or "not read"
        return Settled(page, FetchResult(url=seed.url, outcome="skipped", reason=reason, attempts=0))
    result = results[seed.url]
    if result.outcome == "fetched":
        gave = f"listed {_count(seed.links, 'link')}, {_count(seed.new_pages, 'candidate page')}"
        index = f"sitemap index of {_count(seed.children, 'sitemap')}"
        result = replace(result, reason=index if seed.children else gave)
    return Settled(page, result)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


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
    on_page: OnPage | None = None,
    until: Until | None = None,
    kept: Kept | None = None,
    known: dict[str, Settled] | None = None,
) -> CrawlResult:
    """Fetch the pages on a thread pool (global limit; per-host limits in the fetcher's throttle);
    `on_page` sees each settled page as it comes; `until` can stop the crawl at a page (asked in the
    fetching thread, so that besides that page only those the other threads had under way are
    requested). `kept` keeps the pages as they settle (those under way when `until` stopped the crawl
    included); a page in `known` (an earlier crawl's `kept`) is settled as it was there, not requested."""
    states = previous_states(previous) if fetcher.settings.incremental else {}
    known = known or {}

    reached = threading.Event()  # `until` said stop: a thread that takes up a page after it requests none

    def one(page: Discovered) -> Settled | None:
        if reached.is_set():
            return None
        if (earlier := known.get(page.url)) is not None:
            return earlier
        state = states.get(page.url)
        try:
            result = fetcher.fetch(page.url, validators=validators_for(state, raw_dir))
        except Exception as exc:  # a bad page never stops the run: it is logged as failed
            result = FetchResult(url=page.url, outcome="failed", reason=f"{type(exc).__name__}: {exc}")
        settled = settle(page, result, state, raw_dir)
        if kept is not None:
            kept.add(settled)
        if until is not None and until(settled):
            reached.set()
        return settled

    rows = _Rows(states)
    with _stopping_early(ThreadPoolExecutor(_workers(fetcher.settings))) as pool:
        futures = {pool.submit(one, pages[i]): i for i in _interleaved_order(pages)}
        total = len(futures)
        for done, future in enumerate(as_completed(futures), start=1):
            index, settled = futures.pop(future), future.result()
            del future  # neither the future nor its page outlives the hand-on
            if settled is None:  # not requested: the crawl stops at the page `until` named
                continue
            rows.add(index, settled)
            if on_page:
                on_page(settled, total)
            if progress:
                progress(done, total)
            if until is not None and until(settled):
                for waiting in futures:  # not started yet: never requested
                    waiting.cancel()
                return replace(rows.result(), stopped=True)
            del settled
    return rows.result()


class Kept:
    """The pages a crawl settled, at most `cap` of them (the first to settle), for a crawl that goes on
    from it; added to from the fetching threads."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.pages: dict[str, Settled] = {}
        self._lock = threading.Lock()

    def add(self, settled: Settled) -> None:
        with self._lock:
            if len(self.pages) < self.cap:
                self.pages[settled.page.url] = settled


@contextmanager
def _stopping_early(pool: ThreadPoolExecutor) -> Iterator[ThreadPoolExecutor]:
    """The pool for the block; left by an error (a stopped run included), the pages not yet started are
    dropped rather than fetched first."""
    try:
        yield pool
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


class _Rows:
    """The crawl's rows as pages settle: a settled page becomes its fetch_log, pages and page_state rows
    at once (the page itself is not kept), every `chunk` pages the rows become frames, and the frames
    are put back in discovery order at the end."""

    def __init__(self, states: dict[str, dict[str, Any]], chunk: int = 1000) -> None:
        self.states, self.chunk = states, chunk
        self._rows: tuple[list[dict], list[dict], list[dict]] = ([], [], [])
        self._pending = 0
        self._frames: tuple[list[pl.DataFrame], ...] = ([], [], [])

    def add(self, index: int, s: Settled) -> None:
        log, pages, state = self._rows
        log.append({**log_row(s, "page"), "_order": index})
        if s.result.outcome == "fetched":
            pages.append({**page_row(s), "_order": index})
        if has_state(s):
            state.append({**state_row(s, self.states.get(s.page.url)), "_order": index})
        self._pending += 1
        if self._pending >= self.chunk:
            self._flush()

    def _flush(self) -> None:
        for rows, frames, schema in zip(self._rows, self._frames, _SCHEMAS, strict=True):
            frames.append(pl.DataFrame(rows, schema={**schema, "_order": pl.UInt32}))
            rows.clear()
        self._pending = 0

    def result(self) -> CrawlResult:
        self._flush()
        log, pages, state = (pl.concat(frames).sort("_order").drop("_order") for frames in self._frames)
        return CrawlResult(log, pages, state)


_SCHEMAS = (FETCH_LOG_SCHEMA, PAGE_REFS_SCHEMA, PAGE_STATE_SCHEMA)


def crawl(
    config: SourcesConfig,
    settings: FetchSettings,
    previous: pl.DataFrame,
    raw_dir: Path,
    progress: Progress | None = None,
    tried: pl.DataFrame | None = None,
    on_page: OnPage | None = None,
    until: Until | None = None,
    keep: int = 0,
    resume: Learned | None = None,
) -> CrawlResult:
    """Discover and fetch every source: `previous` is the page_state of earlier runs (may be empty),
    `raw_dir` the raw page store (HOME/raw), `tried` (url, fetched_at) when each page was last tried,
    fetched or not (else page_state tells); `on_page` sees each page as it is settled, and `until` may
    stop the crawl at one (fetch_pages); a stopped crawl's result says what it learned, with at most
    `keep` settled pages. Given `resume` (an earlier crawl's `learned`, against the same `previous`), the
    crawl takes its discovery and robots.txt rules and settles its pages as they were, requesting only
    the others. Pages over a source's cap are logged `skipped` and wait for a later run (ingest.cap)."""
    kept = Kept(keep) if until is not None else None
    with fetcher_for(config, settings, resume.throttle if resume is not None else None) as fetcher:
        if resume is not None:
            fetcher.robots.learn(resume.robots)
        found = resume.found if resume is not None else discover_all(config, settings, fetcher)
        history = previous if tried is None else tried
        now, later = ration(found.pages, settings.max_pages_per_source, history)
        known = resume.settled if resume is not None else None
        result = fetch_pages(now, fetcher, previous, raw_dir, progress, on_page, until, kept, known)
        robots, throttle = fetcher.robots.rules(), fetcher.throttle
    waiting = FetchResult(url="", outcome="skipped", reason=over_cap_reason(settings.max_pages_per_source))
    over_cap = fetch_log_frame([Settled(p, replace(waiting, url=p.url, attempts=0)) for p in later])
    learned = Learned(found, robots, kept.pages, throttle) if result.stopped and kept is not None else None
    logged = pl.concat([result.fetch_log, over_cap])
    return replace(result, fetch_log=logged, seeds=found.seeds, learned=learned)
