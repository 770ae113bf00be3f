"""Batches that stream: a batch of fetched pages goes through the raw pages gate, extraction,
normalisation and duplicates, the articles gate, intelligence, the fact gates and into the run's open
load transaction as soon as it is full, while the crawl goes on.

At most `in_flight` batches are in the flow's process at a time: the crawl waits for one to finish
before it hands on another. Extraction and intelligence run in the worker pool (flows.workers), several
batches at once; duplicate detection and the load take the batches one at a time, in the order they
were filled, so an article is compared with every article of the earlier batches of the run. What a
batch leaves behind once loaded is a few counts, its quality results without rows, and the keys later
batches may point at.
"""

from __future__ import annotations

import contextvars
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import polars as pl
from prefect.transactions import Transaction

from config.settings import Settings
from expectations.gates import gate
from expectations.suites import ARTICLES, RAW_PAGES
from flows.tasks import PROGRESS, extract_task_for, intel_task, normalise_task
from flows.workers import Halted, halted
from transforms.held import HELD_BACK_SCHEMA
from transforms.runs.batches import batch_rows, concat
from warehouse.load import KNOWN_ARTICLES_SCHEMA, RunLoad
from warehouse.quality import REFERENCED_KEYS

# what the fact gates and the load of one batch need: (ctx, facts, articles, known keys) -> (gated, held)
GateFacts = Callable[
    [Any, dict[str, pl.DataFrame], pl.DataFrame, dict[str, set[int]], str], tuple[dict, pl.DataFrame]
]


HELD_COUNTS_SCHEMA = {"stage": pl.String, "reason": pl.String, "records": pl.UInt32}


class Stopped(RuntimeError):
    """An earlier batch failed: this one is not processed (the run fails with the first error)."""


class Turns:
    """Lets numbered batches through a section one at a time, in the order of their numbers."""

    def __init__(self) -> None:
        self._next = 0
        self._failed = False
        self._cond = threading.Condition()

    @contextmanager
    def turn(self, index: int) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: self._next == index or self._failed)
            if self._failed:
                raise Stopped("an earlier batch failed")
        try:
            yield
        except BaseException:
            self.fail()
            raise
        finally:
            with self._cond:
                self._next = index + 1
                self._cond.notify_all()

    def fail(self) -> None:
        with self._cond:
            self._failed = True
            self._cond.notify_all()


@dataclass
class Totals:
    """What the run keeps of its loaded batches: counts, and the quarantine rows as (stage, reason,
    records) counts for the quality summary, summed as batches come (one row per reason, however many
    batches)."""

    pages_in: int = 0  # pages given to extraction
    extracted: int = 0
    loaded: int = 0
    duplicates: int = 0
    analysed: int = 0
    held_pages: int = 0  # pages held back: raw gate, extraction, normalisation, articles gate
    held: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=HELD_COUNTS_SCHEMA))

    def add_held(self, quarantine: pl.DataFrame) -> None:
        if quarantine.height:
            counts = quarantine.group_by("stage", "reason").agg(records=pl.len())
            both = pl.concat([self.held, counts.cast(HELD_COUNTS_SCHEMA)])
            self.held = both.group_by("stage", "reason", maintain_order=True).agg(pl.col("records").sum())

    @property
    def quarantine(self) -> pl.DataFrame:
        """(stage, reason, records) of every row the run held back."""
        return self.held

    def stage_inputs(self) -> dict[str, int]:
        """Rows in of the per-record stages with no suite of their own: extract always, the others when
        they held something back."""
        rows_in = {"decode": self.pages_in, "normalise": self.extracted, "dedup": self.extracted}
        rows_in["intel"] = self.analysed
        held = set(self.quarantine.get_column("stage").to_list())
        return {"extract": self.pages_in} | {s: n for s, n in rows_in.items() if s in held}


@dataclass
class Known:
    """What later batches are checked against: the articles of earlier runs and batches (duplicates),
    and the keys already written (references); the batches add theirs as they are loaded."""

    articles: pl.DataFrame
    keys: dict[str, set[int]]


class BatchStream:
    """Fill batches from pages as they come (`pages`), process each in a thread of its own, and `close`
    to wait for the last; the first error stops the stream and is raised by `close`. `workers` tells
    how many workers the batches are spread over (asked once, when the first pages come)."""

    def __init__(
        self,
        ctx: Any,
        settings: Settings,
        known: Known,
        load: RunLoad,
        gate_facts: GateFacts,
        workers: Callable[[], int],
        raw_gate: bool = True,
    ) -> None:
        self.ctx, self.settings, self.known, self.load = ctx, settings, known, load
        self.gate_facts, self.workers, self.raw_gate = gate_facts, workers, raw_gate
        self.totals = Totals()
        self._rows: int | None = None
        self._buffer: list[pl.DataFrame] = []
        self._buffered = 0
        self._futures: list[Future] = []
        self._dedup, self._loading = Turns(), Turns()
        self._gx = threading.Lock()  # Great Expectations validates one frame at a time
        self._pool: ThreadPoolExecutor | None = None
        self._slots: threading.Semaphore | None = None
        self._error: BaseException | None = None
        self._seen: set[str] = set()
        self._started = time.perf_counter()
        self._batches_done = 0

    @cached_property
    def options(self) -> Any:
        """The extraction options (trafilatura is imported with them: only once a page is to be extracted)."""
        from transforms.extract.article import ExtractOptions

        return ExtractOptions(**self.settings.extract.model_dump(), today=self.ctx.run_date)

    @cached_property
    def extract(self) -> Any:
        """The extract task, its results cached where the settings say."""
        return extract_task_for(self.settings.result_cache)

    # filling

    def pages(self, pages: pl.DataFrame, log: pl.DataFrame | None = None) -> None:
        """Fetched pages (refs) and, for the raw pages gate, their fetch_log rows. A page already given
        (a retried crawl gives its pages again) is dropped; after a failure every page is (the crawl
        goes on to record its outcomes, and `close` raises), and so is every page once the run is
        stopping (flows.workers.halt): no batch starts."""
        if halted():
            self._error = self._error or Halted()
            return
        urls = pages.get_column("url").to_list()
        if any(url in self._seen for url in urls):
            pages = pages.filter(pl.Series([url not in self._seen for url in urls], dtype=pl.Boolean))
        if not pages.height or self._error is not None:
            return
        self._seen.update(urls)
        self._size(pages.height)
        self._buffer.append(pages if log is None else pages.with_columns(_log=log.to_struct()))
        self._buffered += pages.height
        if self._buffered >= (self._rows or 1):
            self._submit()

    def expect(self, total: int) -> None:
        """The number of pages the stream will get at most, if known: batches are sized to the workers
        (which start now; none for no pages)."""
        if total:
            self._size(total)

    def _size(self, total: int) -> None:
        if self._rows is None:
            workers = self.workers()
            # two batches per worker, not four: every batch pays the gates' fixed cost in this process
            self._rows = batch_rows(total, self.settings.batch_size, workers, per_worker=2)
            in_flight = max(2, workers + 1)
            self._pool = ThreadPoolExecutor(in_flight, thread_name_prefix="clusterwatch-batch")
            self._slots = threading.Semaphore(in_flight)

    def _submit(self) -> None:
        if not self._buffered:
            return
        frame = pl.concat(self._buffer, how="vertical_relaxed")
        self._buffer, self._buffered = [], 0
        assert self._pool is not None and self._slots is not None
        for offset in range(0, frame.height, self._rows or frame.height):
            self._slots.acquire()  # the crawl waits here while `in_flight` batches are in the process
            if halted():  # stopped while it waited
                self._slots.release()
                return
            part = frame.slice(offset, self._rows or frame.height)
            context = batch_context()
            self._futures.append(self._pool.submit(context.run, self._run, len(self._futures), part))

    def close(self) -> Totals:
        """Flush the last batch, wait for every batch; raise the first error."""
        try:
            if self._error is None:
                self._submit()
            for future in self._futures:
                future.exception()
        finally:
            if self._pool is not None:
                self._pool.shutdown(wait=True)
        self._raise_failure()
        return self.totals

    @contextmanager
    def validating(self) -> Iterator[None]:
        """Hold off the batches' gates (Great Expectations validates one frame at a time)."""
        with self._gx:
            yield

    @property
    def started(self) -> bool:
        """A batch was taken."""
        return bool(self._futures)

    def cancel(self) -> None:
        """Stop: batches not started are dropped, those running end at their next section."""
        self._error = self._error or Stopped("the run stopped")
        self._dedup.fail()
        self._loading.fail()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def _raise_failure(self) -> None:
        if self._error is not None:
            raise self._error

    # one batch

    def _run(self, index: int, pages: pl.DataFrame) -> None:
        try:
            self._one(index, pages)
        except BaseException as exc:
            if self._error is None and not isinstance(exc, Stopped):
                self._error = exc
            self._dedup.fail()
            self._loading.fail()
        finally:
            assert self._slots is not None
            self._slots.release()

    def _keep(self, validation: Any) -> Any:
        return self.ctx.keep(validation)

    def _one(self, index: int, pages: pl.DataFrame) -> None:
        if halted():
            raise Halted()
        pages, raw_held = self._raw_gate(pages, index)
        pages_in = pages.height
        with self.ctx.stage("extract"):
            extracted, held = self.extract(pages, self.options, self.settings.raw_store_url)
        with self._dedup.turn(index), self._gx:
            with self.ctx.stage("normalise"):
                normalised, unnormalised = normalise_task(extracted, self.known.articles)
            with self.ctx.stage("validate"):
                checked = self._keep(
                    gate(
                        normalised, ARTICLES, run_date=self.ctx.run_date, batch=f"articles batch {index + 1}"
                    )
                )
            self.known.articles = _known_too(self.known.articles, checked.passed)
        articles = checked.passed
        originals = articles.filter(pl.col("duplicate_of").is_null())
        with self.ctx.stage("intel"):
            found = intel_task(originals)
        with self._loading.turn(index), self._gx:
            with self.ctx.stage("validate"):
                label = f"batch {index + 1}"
                facts, facts_held = self.gate_facts(self.ctx, found, articles, self.known.keys, label)
            held_pages = concat([raw_held, held, unnormalised, checked.held_back], HELD_BACK_SCHEMA)
            quarantine = concat([held_pages, facts_held], HELD_BACK_SCHEMA)
            with self.ctx.stage("load"):
                self.load.add(articles, quarantine, facts)
            self.known.keys = _with_keys(self.known.keys, articles, facts)
            self._count(pages_in, extracted.height, articles, originals, held_pages, quarantine)
            self._progress()

    def _progress(self) -> None:
        """One progress line per batch loaded (the crawl goes on, so there is no total to count down)."""
        self._batches_done += 1
        t = self.totals
        rate = t.pages_in / max(time.perf_counter() - self._started, 1e-9)
        PROGRESS.info(
            f"processed {t.pages_in} pages in {self._batches_done} batches, {t.loaded} articles loaded, "
            f"{rate:.1f} pages/s"
        )

    def _raw_gate(self, pages: pl.DataFrame, index: int) -> tuple[pl.DataFrame, pl.DataFrame]:
        """The raw pages gate over the batch's fetch_log rows: pages it holds back are not extracted."""
        if "_log" not in pages.columns:
            return pages, pl.DataFrame(schema=HELD_BACK_SCHEMA)
        log = pages.get_column("_log").struct.unnest()
        pages = pages.drop("_log")
        if not self.raw_gate:
            return pages, pl.DataFrame(schema=HELD_BACK_SCHEMA)
        with self._gx, self.ctx.stage("validate"):
            raw = self._keep(
                gate(log, RAW_PAGES, run_date=self.ctx.run_date, batch=f"raw_pages batch {index + 1}")
            )
        held = raw.held_back.filter(pl.col("record_key").is_in(pages.get_column("url").implode()))
        return pages.filter(~pl.col("url").is_in(held.get_column("record_key").implode())), held

    def _count(
        self,
        pages_in: int,
        extracted: int,
        articles: pl.DataFrame,
        originals: pl.DataFrame,
        held_pages: pl.DataFrame,
        quarantine: pl.DataFrame,
    ) -> None:
        t = self.totals
        t.pages_in += pages_in
        t.extracted += extracted
        t.loaded += articles.height
        t.duplicates += articles.height - originals.height
        t.analysed += originals.height
        t.held_pages += held_pages.height
        t.add_held(quarantine)


def batch_context() -> contextvars.Context:
    """The context a batch runs in: the flow run's (its tasks and logs belong to the run) without the
    transaction of the task feeding the stream. Every Prefect task's transaction is a child of the one
    active when it starts, and a child's result stays staged in its parent until the parent commits: a
    batch task started in the crawl task's transaction would keep its frames until the crawl ends."""
    context = contextvars.copy_context()
    context.run(Transaction.__var__.set, None)
    return context


def _with_keys(
    keys: dict[str, set[int]], articles: pl.DataFrame, loaded: dict[str, pl.DataFrame]
) -> dict[str, set[int]]:
    """The keys later batches may point at: those known plus the batch's articles and dimensions."""
    for table, column in REFERENCED_KEYS.items():
        frame = articles if table == "fact_article" else loaded.get(table)
        if frame is not None and column in frame.columns:
            keys.setdefault(table, set()).update(frame.get_column(column).drop_nulls().to_list())
    return keys


def _known_too(known: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """The known articles and the batch's, for duplicate detection in the batches after it."""
    wanted = KNOWN_ARTICLES_SCHEMA.items()
    missing = [pl.lit(None, t).alias(c) for c, t in wanted if c not in articles.columns]
    batch = articles.with_columns(missing).select(list(KNOWN_ARTICLES_SCHEMA)).cast(KNOWN_ARTICLES_SCHEMA)
    return pl.concat([known, batch]) if batch.height else known
