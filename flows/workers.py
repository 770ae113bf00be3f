"""The processes the CPU stages run in: extraction and intelligence of a batch go to a pool of worker
processes (one per core by default), so every core works while the flow's own process orchestrates.

Each worker is a fresh interpreter (spawned, not forked: polars' thread pool does not survive a fork)
that loads the extraction and intelligence code and their models once, as it starts (`flows.warm`),
while the flow validates the raw pages. A batch whose worker dies (a crash inside a C library, the memory
limit) is run again on its own, then split in halves, each in a fresh process, down to the one record
that kills its worker: that record alone is held back with the reason, and the run goes on. Without a
pool (one worker) a batch runs in the calling process.

With `--runner dask` the same batches go to the workers of a Dask cluster instead (`DaskPool`): a task
carries only its batch (the pages' bytes when the raw store is a local folder, which the workers
cannot be assumed to reach), a worker that dies has its task run again on another by Dask's scheduler,
and a batch that keeps killing workers is split in halves down to the one record at fault.

A run that is stopped (SIGTERM, Ctrl-C: flows.stopping) calls `halt`: every worker process of this
process is killed and joined, and none is started or replaced from then on (`Halted`) until `resume`;
with Dask, the run's tasks on the cluster are cancelled (`DaskPool.cancel`: the scheduler forgets them,
and the batches waiting on them end with Halted at once).
The workers ignore SIGINT and SIGTERM themselves, so that a signal to the whole process group (Ctrl-C
in a terminal, a service manager's stop) reaches the run, which ends them, rather than breaking the
pool under it.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
import signal
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from concurrent.futures import CancelledError, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import polars as pl

from ingest import raw_store
from ingest.stored import read_pages
from transforms.held import HELD_BACK_SCHEMA, held_back_frame, held_back_row
from transforms.intel.schema import HELD_BACK
from transforms.runs.batches import concat, merge_tables

if TYPE_CHECKING:
    from transforms.extract.article import ExtractOptions

Result = TypeVar("Result")


class WorkerDied(RuntimeError):
    """A worker process ended while it held the batch (a crash, or killed for memory)."""


class Halted(RuntimeError):
    """The run is stopping (`halt`): no batch goes to a worker and no worker process starts."""

    def __init__(self) -> None:
        super().__init__("the run is stopping: no worker process is started")


_halted = threading.Event()
_live: weakref.WeakSet[ProcessPoolExecutor] = weakref.WeakSet()  # every pool of worker processes made


WATCH_SECONDS = 0.5


def _start_worker() -> None:
    """In each worker as it starts: end it when the process that started it is gone (killed with
    SIGKILL, it cannot stop its workers), then load the models."""
    parent = os.getppid()
    for sig in (signal.SIGINT, signal.SIGTERM):  # the run decides, and ends its workers itself
        signal.signal(sig, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(WATCH_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="clusterwatch-parent-watch", daemon=True).start()
    with suppress(Exception):  # loading early only saves time: a failure here must not break the worker
        from flows.warm import warm

        warm()


def _executor(workers: int) -> ProcessPoolExecutor:
    if _halted.is_set():
        raise Halted()
    context = multiprocessing.get_context("spawn")
    executor = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker)
    _live.add(executor)
    return executor


def halted() -> bool:
    """The run of this process is stopping: start no batch."""
    return _halted.is_set()


def kill_workers() -> None:
    """SIGKILL to every worker process of this process, at once, taking no lock (a signal handler may
    call it). ProcessPoolExecutor has no call for it before Python 3.14 (`terminate_workers`): its
    processes are in its `_processes`."""
    for executor in list(_live):
        for process in list((getattr(executor, "_processes", None) or {}).values()):
            with suppress(Exception):
                process.kill()


def halt() -> None:
    """Stop: no worker process starts from now on; those running are killed and joined (their batches
    fail with Halted), the run's tasks on a Dask cluster are cancelled, and the kept pool is dropped."""
    global _kept
    _halted.set()
    if isinstance(_active, DaskPool):
        _active.cancel()
    kill_workers()
    for executor in list(_live):
        executor.shutdown(wait=True, cancel_futures=True)
    with _kept_lock:
        _kept = None


def resume() -> None:
    """A new run of this process may start worker processes again (after `halt`)."""
    _halted.clear()


class Pool:
    """A process pool shared by the tasks of one run; replaced by a fresh one when a worker dies."""

    remote = False  # the workers read the raw store themselves

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._lock = threading.Lock()
        self._executor = _executor(workers)

    def warm(self) -> None:
        """Start the workers now, from a background thread, not at the first batch: they load their
        models while the crawl runs."""
        with self._lock:
            executor = self._executor

        def start() -> None:
            try:
                for _ in range(self.workers):
                    executor.submit(int)
            except RuntimeError:  # the pool was closed or replaced meanwhile
                pass

        threading.Thread(target=start, name="clusterwatch-warm", daemon=True).start()

    def call(self, fn: Callable[..., Result], *args: Any) -> Result:
        with self._lock:
            executor = self._executor
        try:
            if _halted.is_set():
                raise Halted()
            return executor.submit(fn, *args).result()
        except BrokenProcessPool as exc:
            if _halted.is_set():  # ended by halt: not replaced
                raise Halted() from exc
            with self._lock:
                if self._executor is executor:  # the first thread to see it replaces the pool
                    executor.shutdown(wait=False, cancel_futures=True)
                    self._executor = _executor(self.workers)
            raise WorkerDied(str(exc)) from exc

    def alone(self, fn: Callable[..., Result], *args: Any) -> Result:
        """fn(*args) in a fresh process of its own, so that its death is its own."""
        return _alone(fn, *args)

    def close(self) -> None:
        with self._lock:
            self._executor.shutdown(wait=True, cancel_futures=True)


class DaskPool:
    """The workers of a Dask cluster, through a `distributed.Client`: one task per batch, its arguments
    and nothing else pickled. A worker that dies is replaced by its nanny and its task run elsewhere;
    a task that killed `distributed.scheduler.allowed-failures` + 1 workers raises WorkerDied."""

    remote = True  # the workers may be on other machines: they get the pages' bytes

    def __init__(self, client: Any) -> None:
        self.client = client
        self._futures: set[Any] = set()  # the tasks submitted and not yet answered
        self._lock = threading.Lock()

    @property
    def workers(self) -> int:
        """The workers the scheduler has now."""
        return max(1, len(self.client.scheduler_info(n_workers=-1).get("workers", {})))

    def call(self, fn: Callable[..., Result], *args: Any) -> Result:
        from distributed import KilledWorker

        if _halted.is_set():
            raise Halted()
        future = self.client.submit(fn, *args, pure=False)
        with self._lock:
            self._futures.add(future)
        try:
            if _halted.is_set():  # halted while it was submitted: `cancel` may not have seen it
                future.cancel(force=True)
                raise Halted()
            return future.result()
        except KilledWorker as exc:
            raise WorkerDied(str(exc)) from exc
        except CancelledError as exc:
            if _halted.is_set():
                raise Halted() from exc
            raise
        finally:
            with self._lock:
                self._futures.discard(future)

    alone = call  # Dask has already tried the task on other workers

    def cancel(self) -> None:
        """Cancel every task of this pool on the cluster (the scheduler forgets them; a worker running one
        drops its result), so that the threads waiting on them go on at once (`call` raises Halted once
        the run is halted). An unreachable scheduler is logged: it forgets the tasks of a client that is
        gone."""
        with self._lock:
            futures = list(self._futures)
        if not futures:
            return
        try:
            self.client.cancel(futures, force=True, reason="the run was stopped")
        except Exception as exc:
            logging.getLogger(__name__).warning("could not cancel the run's Dask tasks: %s", exc)


_active: Pool | DaskPool | None = None  # the pool of the run in progress in this process
_kept: Pool | None = None  # the pool kept for a later run in this process, its models loaded
_kept_lock = threading.Lock()


def _pool_of(workers: int) -> Pool:
    """The kept pool when it has `workers` processes, else a new one (kept in its place)."""
    global _kept
    with _kept_lock:
        if _kept is not None and _kept.workers != workers:
            _kept.close()
            _kept = None
        if _kept is None:
            _kept = Pool(workers)
            _kept.warm()
            atexit.register(_kept.close)
        return _kept


@contextmanager
def using(pool: Pool | DaskPool) -> Iterator[Pool | DaskPool]:
    """Batches started by any thread of this process go to `pool` for the duration."""
    global _active
    previous, _active = _active, pool
    try:
        yield pool
    finally:
        _active = previous


@contextmanager
def cpu_pool(workers: int) -> Iterator[Pool | None]:
    """The pool of `workers` processes for the duration (none for one worker): batches started inside
    it by any thread of this process run in it. The processes stay for the next run of the process,
    with their models loaded, and end with it."""
    global _active
    if workers <= 1 or _active is not None:
        yield _active
        return
    with using(_pool_of(workers)) as pool:
        yield pool  # type: ignore[misc]


def _alone(fn: Callable[..., Result], *args: Any) -> Result:
    """fn(*args) in a process of its own, so that its death is its own."""
    with _executor(1) as executor:
        try:
            return executor.submit(fn, *args).result()
        except BrokenProcessPool as exc:
            raise WorkerDied(str(exc)) from exc


@dataclass(frozen=True)
class Stage(Generic[Result]):
    """A per-batch stage as run_batch runs it: `fn(frame, *args)` gives a batch's result, `merge` puts
    the results of parts together, and `died(record, reason)` stands in for the result of a record that
    kills its worker every time."""

    fn: Callable[..., Result]
    args: tuple[Any, ...]
    merge: Callable[[list[Result]], Result]
    died: Callable[[pl.DataFrame, str], Result]


def single_chunks(value: Any) -> Any:
    """`value` with every frame in it (in tuples, lists and dicts too) in one chunk. Pickling a frame of
    several chunks (a batch sent to a worker, a result Prefect persists) rechunks it on polars' thread
    pool while holding the GIL; a `map_elements` of another batch thread running on that pool then
    waits for the GIL, and the process hangs (seen in a run: pola-rs/polars#26821 is the same kind).
    `rechunk` itself releases the GIL."""
    if isinstance(value, pl.DataFrame):
        return value.rechunk() if value.n_chunks() > 1 else value
    if isinstance(value, tuple) and hasattr(value, "_fields"):  # a named tuple takes its fields apart
        return type(value)(*(single_chunks(v) for v in value))
    if isinstance(value, tuple | list):
        return type(value)(single_chunks(v) for v in value)
    if isinstance(value, dict):
        return {k: single_chunks(v) for k, v in value.items()}
    return value


def run_batch(stage: Stage[Result], frame: pl.DataFrame) -> Result:
    """The stage over the batch in the active pool, or here without one. When its worker dies: the
    batch again on its own, then its halves, each in a fresh process, down to single records. The
    batch and its result go in one chunk per frame (`single_chunks`)."""
    pool = _active
    if pool is None:
        return stage.fn(frame, *stage.args)
    try:
        return single_chunks(pool.call(stage.fn, single_chunks(frame), *stage.args))
    except WorkerDied:
        if _halted.is_set():  # the worker was ended because the run stops: nothing is retried
            raise Halted() from None
        if pool.remote:  # Dask has run it on other workers already: split it straight away
            return _halves(pool, stage, frame)
        return _isolated(pool, stage, frame)


DIED = "its worker process died on it (a crash in a library, or the memory limit)"


def _isolated(pool: Pool | DaskPool, stage: Stage[Result], frame: pl.DataFrame) -> Result:
    try:
        return pool.alone(stage.fn, frame, *stage.args)
    except WorkerDied:
        return _halves(pool, stage, frame)


def _halves(pool: Pool | DaskPool, stage: Stage[Result], frame: pl.DataFrame) -> Result:
    if frame.height <= 1:
        return stage.died(frame, DIED)
    half = frame.height // 2
    parts = (frame.slice(0, half), frame.slice(half))
    return stage.merge([_isolated(pool, stage, part) for part in parts])


def extract_batch(
    pages: pl.DataFrame, options: ExtractOptions, store: raw_store.Root | None = None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(articles, held back) of one batch: its bodies given (a `body` column) or read from the raw store
    at `store` (a folder or fsspec URL), extracted; a body that cannot be read is held back with the
    reason."""
    from transforms.extract.pages import extract_pages  # trafilatura: only where pages are extracted

    bodies, unreadable = (pages, []) if "body" in pages.columns else read_pages(store or "", pages)
    articles, held = extract_pages(bodies, options)
    return articles, _with_unreadable(held, unreadable)


def _with_unreadable(held: pl.DataFrame, unreadable: list[tuple[str, str]]) -> pl.DataFrame:
    lost = [held_back_row("extract", url, reason, {"url": url}) for url, reason in unreadable]
    return pl.concat([held, held_back_frame(lost)]) if lost else held


def _extract_parts(parts: list[tuple[pl.DataFrame, pl.DataFrame]]) -> tuple[pl.DataFrame, pl.DataFrame]:
    return concat([p[0] for p in parts]), concat([p[1] for p in parts], HELD_BACK_SCHEMA)


def _page_died(pages: pl.DataFrame, reason: str) -> tuple[pl.DataFrame, pl.DataFrame]:
    rows = [held_back_row("extract", page["url"], f"extract failed: {reason}", {"url": page["url"]})
            for page in pages.select("url").iter_rows(named=True)]  # fmt: skip
    from transforms.normalise.articles import articles_frame

    return articles_frame([]), held_back_frame(rows)


def extract_in_worker(
    pages: pl.DataFrame, options: ExtractOptions, store: raw_store.Root
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """extract_batch in the pool; a page that kills its worker is held back, the others extracted. Dask
    workers get the pages' bytes unless the raw store is one they can reach (not a local folder)."""
    pool = _active
    if pool is not None and pool.remote and raw_store.is_local(store) and "body" not in pages.columns:
        bodies, unreadable = read_pages(store, pages)
        articles, held = run_batch(Stage(extract_batch, (options,), _extract_parts, _page_died), bodies)
        return articles, _with_unreadable(held, unreadable)
    return run_batch(Stage(extract_batch, (options, store), _extract_parts, _page_died), pages)


def _article_died(articles: pl.DataFrame, reason: str) -> dict[str, pl.DataFrame]:
    from transforms.intel.frames import article_facts

    found = article_facts(articles.clear())
    rows = [held_back_row("intel", row.get("url") or str(row["article_key"]), f"intel failed: {reason}",
                          {"article_key": row["article_key"], "url": row.get("url")})
            for row in articles.iter_rows(named=True)]  # fmt: skip
    return {**found, HELD_BACK: held_back_frame(rows)}


# what article_facts reads of an article: the rest (text_plain, a copy of the text; sentence and
# paragraph offsets; keys and hashes) stays in the flow's process instead of going to a worker
INTEL_COLUMNS = ("article_key", "text", "language", "published", "url", "duplicate_of")


def intel_in_worker(articles: pl.DataFrame) -> dict[str, pl.DataFrame]:
    """article_facts in the pool, given only the columns it reads; an article that kills its worker is
    loaded without facts and held back with the reason, as an article whose facts raised."""
    from transforms.intel.frames import article_facts  # the models: only where facts are found

    wanted = articles.select([c for c in INTEL_COLUMNS if c in articles.columns])
    return run_batch(Stage(article_facts, (), merge_tables, _article_died), wanted)
