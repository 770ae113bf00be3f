"""What news_etl and reextract share: the batch stream on its workers (threads and local processes, or
a Dask cluster), the fact gates, the run's load transaction, the snapshot, the Data Docs and the run
summary."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from functools import cache
from typing import Any

import polars as pl
from prefect import get_run_logger
from prefect.artifacts import create_markdown_artifact
from prefect.runtime import flow_run

from config.settings import Settings
from expectations.gates import gate
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
from flows.precheck.record import (
    RunContext,
    commit_outcomes,
    completed,
    finish_and_publish,
    open_run,
    record_failed,
)
from flows.report import report_task
from flows.stream import BatchStream, Known, Totals
from flows.tasks import publish_task, warehouse_state_task, with_retries
from flows.workers import DaskPool, cpu_pool, using
from transforms.held import HELD_BACK_SCHEMA
from transforms.intel.schema import ENTITY_SPANS, HELD_BACK
from transforms.runs.batches import concat, merge_tables
from warehouse.load import RunLoad, RunRecord
from warehouse.schema import connect

RUNNERS = ("threads", "dask")


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


LOOPBACK_ANY_PORT = "127.0.0.1:0"


@contextmanager
def dask_client(address: str | None) -> Iterator[Any]:
    """A client of the scheduler at `address`, or of a local cluster of two single-threaded worker
    processes for the run. Its scheduler's HTTP endpoint listens on loopback only, on a free port (by
    default Dask listens on every interface at 8787, which two runs at once contend for)."""
    from distributed import Client, LocalCluster

    if address:
        with Client(address) as client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=LOOPBACK_ANY_PORT
        ) as cluster,
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


def _flow_run_id() -> str | None:
    run_id = flow_run.get_id()
    return str(run_id) if run_id else None


def begin_run(ctx: RunContext, settings: Settings) -> None:
    """Before anything is fetched: migrate the working database, record as crashed the runs of this host
    whose process is gone, write this run's row as running, and remove the snapshot copies that killed
    publishes left behind."""
    ctx.flow_run_id = _flow_run_id()
    for run in open_run(ctx, settings):
        get_run_logger().warning("run %s recorded as crashed: its process %s is gone", run.run_id, run.pid)


def record_failure(ctx: RunContext, settings: Settings, exc: BaseException) -> None:
    """A failed run is recorded with what was checked before it failed, the failing gate included."""
    recording = record_failed(ctx, settings, exc)
    if recording is not None:  # the run's own error matters more: log this one, raise that one
        get_run_logger().error("could not record the failed run %s: %s", ctx.run_id, recording)


@contextmanager
def run_stream(
    ctx: RunContext, settings: Settings, spread: Spread, sources: pl.DataFrame, raw_gate: bool = True
) -> Iterator[tuple[BatchStream, RunLoad]]:
    """The run's batch stream and its load, one transaction on the working database from the first batch
    to `commit_run`: an error anywhere rolls every batch back (and a killed run leaves nothing
    visible)."""
    known = Known(*with_retries(warehouse_state_task, settings.tasks.warehouse_state)(settings.database_path))
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
    """Wait for the last batch, then commit the run (flows.precheck.record.commit_outcomes)."""
    totals = stream.close()
    return commit_outcomes(ctx, load, crawled, totals, log_fetches), totals


def publish_run(ctx: RunContext, settings: Settings, run: RunRecord, totals: Totals) -> dict[str, Any]:
    """After the commit: Data Docs and the summary, the snapshot, the run recorded as completed, and the
    report (not rebuilt when the run fetched nothing new: its content did not change)."""
    report = _quality_report(ctx, settings, totals.quarantine, totals.stage_inputs())
    publish = with_retries(publish_task, settings.tasks.publish)
    published, finished = finish_and_publish(ctx, settings, run, publish)
    changed = run.pages_fetched > 0 or run.articles_loaded > 0
    return {
        **run.__dict__,
        **completed(finished),
        "database": str(settings.database_path),
        "published": str(published),
        **report,
        "stage_seconds": dict(ctx.seconds),
        **(report_task(settings) if changed else {"report": None, "report_error": None}),
    }


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
