"""A run's bookkeeping in the working database, as the flows and the CLI's pre-check both keep it: the run's
identity and what it collected (`RunContext`), its etl_run row from start to completion, the commit of its
outcomes with the reconciliation and the warehouse checks, and the snapshot. No Prefect: the flows pass
what Prefect adds (the flow run's id, the publish task)."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import duckdb
import polars as pl

from config.settings import Settings
from expectations.gates import GateFailed, reconcile_gate, warehouse_gate
from expectations.results import dq_frame
from flows.runs import Process, is_gone, this_process
from flows.stopping import RunStopped, hold
from transforms.runs.reconcile import page_counts
from warehouse.load import RunLoad, RunRecord, record_failed_run, record_run, record_stage_seconds
from warehouse.publish import publish, published_path, remove_stale_copies
from warehouse.quality import record_results
from warehouse.quality_checks import run_checks
from warehouse.runs import RunningRun, finish_run, mark_crashed, running_runs
from warehouse.schema import connect
from warehouse.search import build_search_index, has_search_index

if TYPE_CHECKING:
    from expectations.runner import Validation

# publish(settings, before_swap) -> the snapshot's path: the flows' publish task, or `publish_snapshot`
Publisher = Callable[[Settings, Any], Path]


@dataclass
class RunContext:
    """One run's identity and process, the validations collected on the way (without their rows) and the
    time per stage (summed over the batches, which overlap)."""

    run_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    started: datetime = field(default_factory=lambda: datetime.now(UTC))
    collected: list[Any] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    process: Process = field(default_factory=this_process)
    counts: dict[str, int] = field(default_factory=dict)  # what the run did, once reconciled
    flow_run_id: str | None = None  # the Prefect flow run executing it, if any
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _documented: set[str] = field(default_factory=set, repr=False)

    @property
    def run_date(self) -> date:
        return self.started.date()

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            with self._lock:
                self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started

    def keep(self, validation: Validation) -> Validation:
        """Keep the validation's results, not its rows; Great Expectations' own result only for the first
        batch of each suite (the Data Docs show that one). Returns the validation whole."""
        with self._lock:
            first = validation.gx_result is not None and validation.suite not in self._documented
            if first:
                self._documented.add(validation.suite)
            self.collected.append(validation.lean(keep_gx=first))
        return validation


class Counted(Protocol):
    """What the run's batches did (flows.stream.Totals)."""

    extracted: int
    loaded: int
    duplicates: int
    held_pages: int


@dataclass(frozen=True)
class NothingProcessed:
    """The batches of a run that fetched nothing new."""

    extracted: int = 0
    loaded: int = 0
    duplicates: int = 0
    held_pages: int = 0


def run_record(ctx: RunContext, status: str, counts: dict[str, int] | None = None) -> RunRecord:
    finished = None if status == "running" else datetime.now(UTC)
    process = {"host": ctx.process.host, "pid": ctx.process.pid, "process_started_at": ctx.process.started_at}
    return RunRecord(ctx.run_id, ctx.flow_run_id, ctx.started, finished, status, **(counts or {}), **process)


def open_run(ctx: RunContext, settings: Settings) -> list[RunningRun]:
    """Migrate the working database, record as crashed the runs of this host whose process is gone, write
    this run's row as running, and remove the snapshot copies that killed publishes left behind. Returns
    the runs recorded as crashed."""
    with connect(settings.database_path) as con:
        gone = [run for run in running_runs(con) if is_gone(run, ctx.process.host)]
        mark_crashed(con, [run.run_id for run in gone], datetime.now(UTC))
        record_run(con, run_record(ctx, "running"))
    remove_stale_copies(published_path(settings.home))
    return gone


def record_failed(ctx: RunContext, settings: Settings, exc: BaseException) -> Exception | None:
    """The run recorded as failed, with what was checked before it failed, the failing gate included.
    Returns the error that stopped the recording, if one did (the run's own error matters more)."""
    if isinstance(exc, GateFailed):
        ctx.collected.extend([exc.validation] if exc.validation else exc.results)
    try:
        with connect(settings.database_path) as con:
            record_failed_run(con, run_record(ctx, "failed", ctx.counts), dq_frame(ctx.collected))
    except Exception as recording:
        return recording
    return None


def post_load(ctx: RunContext) -> Callable[[duckdb.DuckDBPyConnection], None]:
    """Inside the load transaction: the warehouse checks, then every result of the run into dq_result.
    A critical warehouse failure raises GateFailed and rolls the whole load back."""

    def check(con: duckdb.DuckDBPyConnection) -> None:
        with ctx.stage("validate"):
            started = time.perf_counter()
            rows = run_checks(con, ctx.run_date)
            ctx.keep(warehouse_gate(rows, time.perf_counter() - started))
        record_results(con, ctx.run_id, dq_frame(ctx.collected))
        hold()  # the commit follows: a signal from here on waits for the run to finish (flows/stopping.py)

    return check


def commit_outcomes(
    ctx: RunContext,
    load: RunLoad,
    crawled: tuple[pl.DataFrame, pl.DataFrame],
    totals: Counted,
    log_fetches: bool = True,
) -> RunRecord:
    """Reconcile the counts, write the outcomes (`crawled`: one fetch_log row per page and seed, page_state
    rows; to fetch_log unless `log_fetches` is false: a re-extraction fetches nothing), run the warehouse
    checks and commit the run's transaction."""
    fetch_log, page_state = crawled
    counts = page_counts(fetch_log, totals.extracted, totals.loaded, totals.duplicates, totals.held_pages)
    ctx.counts = counts  # a run that fails after this point is recorded with what it did
    ctx.keep(reconcile_gate(counts))
    run = run_record(ctx, "running", counts)  # completed once the snapshot is published
    with ctx.stage("load"):
        outcomes = fetch_log if log_fetches else fetch_log.clear()
        load.finish(outcomes, page_state, run, ctx.seconds, post_load(ctx))
    return run


def publish_snapshot(settings: Settings, before_swap: Any = None) -> Path:
    """The snapshot for analysts (warehouse.publish), `before_swap` written into it first."""
    return publish(settings.database_path, published_path(settings.home), before_swap)


def finish_and_publish(
    ctx: RunContext, settings: Settings, run: RunRecord, publisher: Publisher = publish_snapshot
) -> tuple[Path, datetime]:
    """After the commit: the stage times, the search index (when the run changed something or the file
    has none: the snapshot carries it), the snapshot with the run completed in it, then the run recorded
    as completed in the working database. Returns (the snapshot, when the run finished)."""
    with connect(settings.database_path) as con:
        record_stage_seconds(con, ctx.run_id, ctx.seconds)
    changed = run.pages_fetched > 0 or run.articles_loaded > 0
    with ctx.stage("publish"):
        with connect(settings.database_path) as con:
            if changed or not has_search_index(con):
                build_search_index(con)
        finished = datetime.now(UTC)
        published = publisher(settings, partial(finish_run, run_id=ctx.run_id, **completed(finished)))
    with connect(settings.database_path) as con:
        finish_run(con, ctx.run_id, **completed(finished))
    return published, finished


def completed(finished: datetime) -> dict[str, Any]:
    return {"status": "completed", "finished_at": finished}


def record_unchanged(
    ctx: RunContext, settings: Settings, crawled: tuple[pl.DataFrame, pl.DataFrame], sources: pl.DataFrame
) -> tuple[RunRecord, Path, datetime]:
    """A run whose crawl fetched nothing new, recorded as the flow records one: the run's row, its outcomes
    (`crawled`: fetch_log and page_state rows) and checks in one transaction with the sources, the
    snapshot, the run completed. A failure is recorded as the run's and raised."""
    try:
        with connect(settings.database_path) as con:
            load = RunLoad(con, ctx.run_id, settings.run.memory_limit_mb)
            load.begin(sources)
            try:
                run = commit_outcomes(ctx, load, crawled, NothingProcessed())
            except BaseException:
                load.abandon()
                raise
        published, finished = finish_and_publish(ctx, settings, run)
    except BaseException as exc:
        if isinstance(exc, RunStopped):
            exc.run_id = ctx.run_id
        record_failed(ctx, settings, exc)
        raise
    return run, published, finished
