"""What news_etl and reextract share: the batch stream on its workers (threads and local processes, or
a Dask cluster), the fact gates, the run's load transaction, the snapshot, the Data Docs and the run
summary."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache, partial
from typing import Any

import duckdb
import polars as pl
from prefect import get_run_logger
from prefect.artifacts import create_markdown_artifact
from prefect.runtime import flow_run

from config.settings import Settings
from expectations.gates import GateFailed, gate, reconcile_gate, warehouse_gate
from expectations.keys import check_references
from expectations.results import dq_frame
from expectations.runner import Validation
from expectations.suites import (
    ENTITIES,
    EVENT_PARTICIPANTS_SUITE,
    EVENTS_SUITE,
    FIGURES,
    MENTIONS,
    RAW_PAGES,
    RELATIONS_SUITE,
)
from expectations.summary import summarise, summary_markdown, timing_line
from flows.report import report_task
from flows.runs import Process, is_gone, this_process
from flows.stream import BatchStream, Known, Totals
from flows.tasks import publish_task, warehouse_state_task
from flows.workers import DaskPool, cpu_pool, using
from transforms.held import HELD_BACK_SCHEMA
from transforms.intel.schema import ENTITY_SPANS, HELD_BACK
from transforms.runs.batches import concat, merge_tables
from transforms.runs.reconcile import page_counts
from warehouse.load import RunLoad, RunRecord, record_failed_run, record_run, record_stage_seconds
from warehouse.publish import published_path, remove_stale_copies
from warehouse.quality import record_results
from warehouse.quality_checks import run_checks
from warehouse.runs import finish_run, mark_crashed, running_runs
from warehouse.schema import connect
from warehouse.search import build_search_index, has_search_index

RUNNERS = ("threads", "dask")


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


def check_runner(runner: str) -> None:
    if runner not in RUNNERS:
        raise ValueError(f"unknown runner {runner!r}: choose one of {', '.join(RUNNERS)}")


class Spread:
    """Where the CPU stages of the run's batches go, started at the first batch (a run that fetched nothing
    new starts no process): `threads`, the local worker processes (flows.workers, `workers` of them);
    `dask`, the workers of the Dask scheduler at `dask_address`, or of a local cluster of two."""

    def __init__(self, runner: str, dask_address: str | None, workers: int) -> None:
        check_runner(runner)
        self.runner, self.address, self.local_workers = runner, dask_address, workers
        self._stack = ExitStack()
        self._dask: DaskPool | None = None
        self._started = False

    def __enter__(self) -> Spread:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stack.close()

    def workers(self) -> int:
        """The workers the batches are spread over (for Dask, those the scheduler has now)."""
        if not self._started:
            self._start()
        return self._dask.workers if self._dask is not None else self.local_workers

    def _start(self) -> None:
        self._started = True
        if self.runner == "threads":
            self._stack.enter_context(cpu_pool(self.local_workers))
            return
        self._dask = DaskPool(self._stack.enter_context(dask_client(self.address)))
        self._stack.enter_context(using(self._dask))


@contextmanager
def dask_client(address: str | None) -> Iterator[Any]:
    """A client of the scheduler at `address`, or of a local cluster of two single-threaded worker
    processes for the run."""
    from distributed import Client, LocalCluster

    if address:
        with Client(address) as client:
            yield client
        return
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True) as cluster,
        Client(cluster) as client,
    ):
        yield client


def _with_text_length(frame: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    lengths = articles.select("article_key", pl.col("text").str.len_chars().alias("text_length"))
    return frame.join(lengths, on="article_key", how="left")


def _figure_frame(facts: dict[str, pl.DataFrame], articles: pl.DataFrame) -> pl.DataFrame:
    return _with_text_length(facts["fact_figure"], articles)


LINK_SUITES = (
    ("fact_relation", RELATIONS_SUITE),
    ("fact_event", EVENTS_SUITE),
    ("fact_event_participant", EVENT_PARTICIPANTS_SUITE),
)


def _gate_links(
    ctx: RunContext,
    facts: dict[str, pl.DataFrame],
    articles: pl.DataFrame,
    dims: dict,
    known: dict,
    label: str,
) -> tuple[dict[str, pl.DataFrame], list[pl.DataFrame]]:
    """Relations, events and participants: their suites, then their references (a participant of an
    event held back is held back too)."""
    gated, held = {}, []
    for table, suite in LINK_SUITES:
        if table not in facts:
            continue
        frame = _with_text_length(facts[table], articles)
        checked = ctx.keep(gate(frame, suite, run_date=ctx.run_date, batch=f"{suite.name} {label}"))
        passed = checked.passed.drop("text_length")
        refs = ctx.keep(check_references(passed, table, {**dims, **gated}, known, batch=f"{table} {label}"))
        gated[table] = refs.passed
        held += [checked.held_back, refs.held_back]
    return gated, held


def _gate_facts(
    ctx: RunContext,
    facts: dict[str, pl.DataFrame],
    articles: pl.DataFrame,
    known: dict[str, set[int]],
    label: str,
) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    """The fact gates of one batch (`label` names it in dq_result)."""
    facts = dict(facts)
    failed = facts.pop(HELD_BACK)  # articles whose facts could not be found: loaded without facts

    def checked(frame: pl.DataFrame, suite: Any) -> Validation:
        return ctx.keep(gate(frame, suite, run_date=ctx.run_date, batch=f"{suite.name} {label}"))

    def resolved(frame: pl.DataFrame, table: str, dims: dict[str, pl.DataFrame]) -> Validation:
        return ctx.keep(check_references(frame, table, dims, known, batch=f"{table} {label}"))

    entities = checked(facts.pop(ENTITY_SPANS), ENTITIES)
    figures = checked(_figure_frame(facts, articles), FIGURES)
    mentions = checked(facts["fact_mention"], MENTIONS)
    dims = {**{k: v for k, v in facts.items() if k.startswith("dim_")}, "fact_article": articles}
    figure_refs = resolved(figures.passed.drop("text_length"), "fact_figure", dims)
    mention_refs = resolved(mentions.passed, "fact_mention", dims)
    link_dims = {**dims, "fact_figure": figure_refs.passed}
    links, links_held = _gate_links(ctx, facts, articles, link_dims, known, label)
    gated = {**facts, "fact_figure": figure_refs.passed, "fact_mention": mention_refs.passed, **links}
    held = [failed, *(v.held_back for v in (entities, figures, mentions, figure_refs, mention_refs))]
    return gated, concat(held + links_held, HELD_BACK_SCHEMA)


@cache
def _reference_dims() -> dict[str, pl.DataFrame]:
    from transforms.intel.frames import reference_dims  # the intelligence code: only in a run with facts

    return reference_dims()


def gate_batch_facts(
    ctx: RunContext,
    found: dict[str, pl.DataFrame],
    articles: pl.DataFrame,
    known: dict[str, set[int]],
    label: str = "",
) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    """A batch's facts (with the reference dimensions) through the figure, mention, link and reference
    gates: (the rows to load, the rows held back)."""
    return _gate_facts(ctx, merge_tables([_reference_dims(), found]), articles, known, label)


def _post_load(ctx: RunContext) -> Any:
    """Inside the load transaction: the warehouse checks, then every result of the run into dq_result.
    A critical warehouse failure raises GateFailed and rolls the whole load back."""

    def check(con: duckdb.DuckDBPyConnection) -> None:
        with ctx.stage("validate"):
            started = time.perf_counter()
            rows = run_checks(con, ctx.run_date)
            ctx.keep(warehouse_gate(rows, time.perf_counter() - started))
        record_results(con, ctx.run_id, dq_frame(ctx.collected))

    return check


def _flow_run_id() -> str | None:
    run_id = flow_run.get_id()
    return str(run_id) if run_id else None


def _run_record(ctx: RunContext, status: str, counts: dict[str, int] | None = None) -> RunRecord:
    finished = None if status == "running" else datetime.now(UTC)
    process = {"host": ctx.process.host, "pid": ctx.process.pid, "process_started_at": ctx.process.started_at}
    return RunRecord(ctx.run_id, _flow_run_id(), ctx.started, finished, status, **(counts or {}), **process)


def begin_run(ctx: RunContext, settings: Settings) -> None:
    """Before anything is fetched: migrate the working database, record as crashed the runs of this host
    whose process is gone, write this run's row as running, and remove the snapshot copies that killed
    publishes left behind."""
    with connect(settings.database_path) as con:
        gone = [run for run in running_runs(con) if is_gone(run, ctx.process.host)]
        mark_crashed(con, [run.run_id for run in gone], datetime.now(UTC))
        record_run(con, _run_record(ctx, "running"))
    for run in gone:
        get_run_logger().warning("run %s recorded as crashed: its process %s is gone", run.run_id, run.pid)
    remove_stale_copies(published_path(settings.home))


def record_failure(ctx: RunContext, settings: Settings, exc: BaseException) -> None:
    """A failed run is recorded with what was checked before it failed, the failing gate included."""
    if isinstance(exc, GateFailed):
        ctx.collected.extend([exc.validation] if exc.validation else exc.results)
    try:
        with connect(settings.database_path) as con:
            record_failed_run(con, _run_record(ctx, "failed", ctx.counts), dq_frame(ctx.collected))
    except Exception as recording:  # the run's own error matters more: log this one, raise that one
        get_run_logger().error("could not record the failed run %s: %s", ctx.run_id, recording)


@contextmanager
def run_stream(
    ctx: RunContext, settings: Settings, spread: Spread, sources: pl.DataFrame, raw_gate: bool = True
) -> Iterator[tuple[BatchStream, RunLoad]]:
    """The run's batch stream and its load, one transaction on the working database from the first batch
    to `commit_run`: an error anywhere rolls every batch back (and a killed run leaves nothing
    visible)."""
    known = Known(*warehouse_state_task(settings.database_path))
    with connect(settings.database_path) as con:
        load = RunLoad(con, ctx.run_id, settings.run.memory_limit_mb)
        load.begin(sources)
        stream = BatchStream(ctx, settings, known, load, gate_batch_facts, spread.workers, raw_gate)
        try:
            yield stream, load
        except BaseException:
            stream.cancel()
            load.abandon()
            raise


def commit_run(
    ctx: RunContext,
    stream: BatchStream,
    load: RunLoad,
    crawled: tuple[pl.DataFrame, pl.DataFrame],
    log_fetches: bool = True,
) -> tuple[RunRecord, Totals]:
    """Wait for the last batch, reconcile the counts, write the outcomes (`crawled`: one fetch_log row
    per page and seed, page_state rows; to fetch_log unless `log_fetches` is false: a re-extraction
    fetches nothing), run the warehouse checks and commit."""
    totals = stream.close()
    fetch_log, page_state = crawled
    counts = page_counts(fetch_log, totals.extracted, totals.loaded, totals.duplicates, totals.held_pages)
    ctx.counts = counts  # a run that fails after this point is recorded with what it did
    ctx.keep(reconcile_gate(counts))
    run = _run_record(ctx, "running", counts)  # completed once the snapshot is published
    with ctx.stage("load"):
        outcomes = fetch_log if log_fetches else fetch_log.clear()
        load.finish(outcomes, page_state, run, ctx.seconds, _post_load(ctx))
    return run, totals


def publish_run(ctx: RunContext, settings: Settings, run: RunRecord, totals: Totals) -> dict[str, Any]:
    """After the commit: Data Docs and the summary, the snapshot, the run recorded as completed, and the
    report (not rebuilt when the run fetched nothing new: its content did not change)."""
    report = _quality_report(ctx, settings, totals.quarantine, totals.stage_inputs())
    with connect(settings.database_path) as con:
        record_stage_seconds(con, ctx.run_id, ctx.seconds)
    changed = run.pages_fetched > 0 or run.articles_loaded > 0
    with ctx.stage("publish"):
        with connect(settings.database_path) as con:
            if changed or not has_search_index(con):  # the snapshot carries the index and search_articles()
                build_search_index(con)
        finished = datetime.now(UTC)
        published = publish_task(settings, partial(finish_run, run_id=ctx.run_id, **_completed(finished)))
    with connect(settings.database_path) as con:
        finish_run(con, ctx.run_id, **_completed(finished))
    return {
        **run.__dict__,
        **_completed(finished),
        "database": str(settings.database_path),
        "published": str(published),
        **report,
        "stage_seconds": dict(ctx.seconds),
        **(report_task(settings) if changed else {"report": None, "report_error": None}),
    }


def _completed(finished: datetime) -> dict[str, Any]:
    return {"status": "completed", "finished_at": finished}


def _quality_report(
    ctx: RunContext, settings: Settings, quarantine: pl.DataFrame, stage_inputs: dict[str, int]
) -> dict[str, Any]:
    validations = [v for v in ctx.collected if v.gx_result is not None]
    docs, docs_seconds = None, None
    if validations:  # a run that fetched nothing new validated nothing: its Data Docs stay as they were
        with ctx.stage("data_docs"):
            from expectations.docs import build_data_docs  # Great Expectations' site code, only here

            started = time.perf_counter()
            docs = build_data_docs(settings.home, ctx.run_id, validations)
            docs_seconds = time.perf_counter() - started
    run_seconds = (datetime.now(UTC) - ctx.started).total_seconds()
    summary = summarise(
        ctx.run_id,
        dq_frame(ctx.collected),
        quarantine,
        stage_inputs=stage_inputs,
        run_seconds=run_seconds,
        docs=docs,
        docs_seconds=docs_seconds,
    )
    create_markdown_artifact(markdown=summary_markdown(summary), key="data-quality")
    get_run_logger().info(timing_line(summary))
    return {"data_docs": str(docs) if docs else None, "quality": summary}


def raw_gate_rest(ctx: RunContext, fetch_log: pl.DataFrame, stream: BatchStream) -> None:
    """The raw pages gate over the pages' outcome rows the batches did not take (not fetched: unchanged,
    skipped, failed), for its warnings; only in a run that validated something already."""
    rest = fetch_log.filter(pl.col("outcome") != "fetched")
    if stream.started and rest.height:
        with stream.validating(), ctx.stage("validate"):
            ctx.keep(gate(rest, RAW_PAGES, run_date=ctx.run_date, batch="raw_pages, not fetched"))
