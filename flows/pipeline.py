"""What news_etl and reextract share: the CPU stages on a chosen task runner, the gates, the load,
the snapshot, the Data Docs and the run summary."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import partial
from typing import Any

import duckdb
import polars as pl
from prefect import flow, get_run_logger
from prefect.artifacts import create_markdown_artifact
from prefect.runtime import flow_run
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import unmapped

from config.settings import Settings
from expectations.gates import GateFailed, gate, reconcile_gate, warehouse_gate
from expectations.keys import check_references
from expectations.results import dq_frame
from expectations.runner import Validation
from expectations.suites import (
    ARTICLES,
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
from flows.tasks import Progress, extract_task, intel_task, load_task, normalise_task, publish_task
from transforms.extract.article import ExtractOptions
from transforms.held import HELD_BACK_SCHEMA, held_back_frame
from transforms.intel.frames import reference_dims
from transforms.intel.schema import ENTITY_SPANS, HELD_BACK
from transforms.normalise.articles import articles_frame, normalise_batch
from transforms.runs.batches import batch_rows, concat, merge_tables, split
from transforms.runs.reconcile import run_counts
from warehouse.load import (
    KNOWN_ARTICLES_SCHEMA,
    RunBatch,
    RunRecord,
    record_failed_run,
    record_run,
    record_stage_seconds,
)
from warehouse.publish import published_path, remove_stale_copies
from warehouse.quality import record_results
from warehouse.quality_checks import run_checks
from warehouse.runs import finish_run, mark_crashed, running_runs
from warehouse.schema import connect
from warehouse.search import build_search_index

RUNNERS = ("threads", "dask")


@dataclass
class RunContext:
    """One run's identity and process, the validations collected on the way and the time per stage."""

    run_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    started: datetime = field(default_factory=lambda: datetime.now(UTC))
    collected: list[Any] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    process: Process = field(default_factory=this_process)
    counts: dict[str, int] = field(default_factory=dict)  # what the run did, once reconciled

    @property
    def run_date(self) -> date:
        return self.started.date()

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started

    def keep(self, validation: Validation) -> Validation:
        self.collected.append(validation)
        return validation


@dataclass(frozen=True)
class Processed:
    articles: pl.DataFrame  # passed the articles gate; duplicates included (duplicate_of set)
    held_back: pl.DataFrame  # pages held back (extract stage or articles gate)
    facts: dict[str, pl.DataFrame]
    facts_held_back: pl.DataFrame  # fact rows held back (figures, mentions, references, failed articles)
    extracted: int
    pages_in: int  # pages given to extraction
    analysed: int = 0  # articles given to the intelligence stage (duplicates get none)

    def stage_inputs(self, quarantine: pl.DataFrame) -> dict[str, int]:
        """Rows in of the per-record stages with no suite of their own: extract always, the others when
        they held something back."""
        rows_in = {"decode": self.pages_in, "normalise": self.extracted, "dedup": self.extracted}
        rows_in["intel"] = self.analysed
        held = set(quarantine.get_column("stage").to_list())
        return {"extract": self.pages_in} | {s: n for s, n in rows_in.items() if s in held}


def task_runner(runner: str, dask_address: str | None = None, workers: int = 2) -> Any:
    """The task runner of the CPU stages: threads in this process, as many as the worker processes
    they hand their batches to (flows.workers), or Dask (a local distributed cluster, or the scheduler
    at `dask_address`)."""
    if runner == "threads":
        return ThreadPoolTaskRunner(max_workers=max(2, workers))
    if runner == "dask":
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": 2, "threads_per_worker": 1, "processes": True})
    raise ValueError(f"unknown runner {runner!r}: choose one of {', '.join(RUNNERS)}")


def _gather(futures: Any, progress: Progress | None = None) -> list[Any]:
    results = []
    for future in futures:
        results.append(future.result())
        if progress is not None:
            progress(len(results), len(futures))
    return results


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
    ctx: RunContext, facts: dict[str, pl.DataFrame], articles: pl.DataFrame, dims: dict, known: dict
) -> tuple[dict[str, pl.DataFrame], list[pl.DataFrame]]:
    """Relations, events and participants: their suites, then their references (a participant of an
    event held back is held back too)."""
    gated, held = {}, []
    for table, suite in LINK_SUITES:
        if table not in facts:
            continue
        checked = ctx.keep(gate(_with_text_length(facts[table], articles), suite, run_date=ctx.run_date))
        refs = ctx.keep(check_references(checked.passed.drop("text_length"), table, {**dims, **gated}, known))
        gated[table] = refs.passed
        held += [checked.held_back, refs.held_back]
    return gated, held


def _gate_facts(
    ctx: RunContext, facts: dict[str, pl.DataFrame], articles: pl.DataFrame, known: dict[str, set[int]]
) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    facts = dict(facts)
    failed = facts.pop(HELD_BACK)  # articles whose facts could not be found: loaded without facts
    entities = ctx.keep(gate(facts.pop(ENTITY_SPANS), ENTITIES, run_date=ctx.run_date))
    figures = ctx.keep(gate(_figure_frame(facts, articles), FIGURES, run_date=ctx.run_date))
    mentions = ctx.keep(gate(facts["fact_mention"], MENTIONS, run_date=ctx.run_date))
    dims = {**{k: v for k, v in facts.items() if k.startswith("dim_")}, "fact_article": articles}
    figure_refs = ctx.keep(check_references(figures.passed.drop("text_length"), "fact_figure", dims, known))
    mention_refs = ctx.keep(check_references(mentions.passed, "fact_mention", dims, known))
    links, links_held = _gate_links(ctx, facts, articles, {**dims, "fact_figure": figure_refs.passed}, known)
    gated = {**facts, "fact_figure": figure_refs.passed, "fact_mention": mention_refs.passed, **links}
    held = [failed, *(v.held_back for v in (entities, figures, mentions, figure_refs, mention_refs))]
    return gated, concat(held + links_held, HELD_BACK_SCHEMA)


def nothing_new() -> Processed:
    """What process_pages gives for no pages, with no stage and no gate run: the fast path of a run that
    fetched nothing new (every page unchanged, skipped or failed), which loads only its outcomes."""
    articles, held = normalise_batch(articles_frame([]), pl.DataFrame(schema=KNOWN_ARTICLES_SCHEMA))
    return Processed(articles, held, {}, held_back_frame([]), 0, 0)


def _rows(frame: pl.DataFrame, settings: Settings) -> int:
    return batch_rows(frame.height, settings.batch_size, settings.workers)


@flow(name="process_pages", log_prints=True, validate_parameters=False)
def process_pages(
    pages: pl.DataFrame, settings: Settings, known: tuple[pl.DataFrame, dict[str, set[int]]], ctx: RunContext
) -> Processed:
    """extract (batches in parallel) → normalise and deduplicate → articles gate → intelligence
    (batches in parallel) → figure, mention and reference gates."""
    options = ExtractOptions(**settings.extract.model_dump(), today=ctx.run_date)
    batches = split(pages, _rows(pages, settings)) or [pages]  # one empty batch keeps the frames typed
    with ctx.stage("extract"):
        futures = extract_task.map(batches, unmapped(options), unmapped(settings.home / "raw"))
        parts = _gather(futures, Progress("extracted", "batches"))
    extracted = concat([p[0] for p in parts])
    held = concat([p[1] for p in parts], HELD_BACK_SCHEMA)
    with ctx.stage("normalise"):
        normalised, unnormalised = normalise_task(extracted, known[0])
    with ctx.stage("validate"):
        checked = ctx.keep(gate(normalised, ARTICLES, run_date=ctx.run_date))
    articles = checked.passed
    originals = articles.filter(pl.col("duplicate_of").is_null())
    with ctx.stage("intel"):
        found = _gather(
            intel_task.map(split(originals, _rows(originals, settings)) or [originals]),
            Progress("analysed", "batches"),
        )
        facts = merge_tables([reference_dims(), *found])
    with ctx.stage("validate"):
        facts, facts_held = _gate_facts(ctx, facts, articles, known[1])
    held_pages = concat([held, unnormalised, checked.held_back], HELD_BACK_SCHEMA)
    counts = (extracted.height, pages.height, originals.height)
    return Processed(articles, held_pages, facts, facts_held, *counts)


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


def load_run(
    ctx: RunContext,
    settings: Settings,
    crawled: tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame],
    sources: pl.DataFrame,
    processed: Processed,
    log_fetches: bool = True,
) -> dict[str, Any]:
    """Reconcile, load in one transaction (post-load checks inside it), publish, build the Data Docs.
    `crawled` is (one outcome row per page, page_state rows, pages held back before extraction); the
    outcome rows go to fetch_log unless `log_fetches` is false (a re-extraction fetches nothing)."""
    fetch_log, page_state, raw_held = crawled
    held_pages = concat([raw_held, processed.held_back], HELD_BACK_SCHEMA)
    counts = run_counts(fetch_log, processed.extracted, processed.articles, held_pages.height)
    ctx.counts = counts  # a run that fails after this point is recorded with what it did
    ctx.keep(reconcile_gate(counts))
    run = _run_record(ctx, "running", counts)  # completed once the snapshot is published
    quarantine = concat([held_pages, processed.facts_held_back], HELD_BACK_SCHEMA)
    batch = RunBatch(
        run,
        sources,
        fetch_log if log_fetches else fetch_log.clear(),
        processed.articles,
        quarantine,
        page_state=page_state,
        facts=processed.facts,
        stage_seconds=ctx.seconds,
    )
    with ctx.stage("load"):
        load_task(settings.database_path, batch, _post_load(ctx))
    report = _quality_report(ctx, settings, quarantine, processed.stage_inputs(quarantine))
    with connect(settings.database_path) as con:
        record_stage_seconds(con, ctx.run_id, ctx.seconds)
    with ctx.stage("publish"):
        with connect(settings.database_path) as con:
            build_search_index(con)  # the snapshot carries the index and search_articles()
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
        **report_task(settings),
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


def raw_gate(
    ctx: RunContext, fetch_log: pl.DataFrame, pages: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The raw pages gate: fetched pages it holds back are not extracted. Returns (pages, held back)."""
    with ctx.stage("validate"):
        raw = ctx.keep(gate(fetch_log, RAW_PAGES, run_date=ctx.run_date))
    held = raw.held_back.filter(pl.col("record_key").is_in(pages.get_column("url").implode()))
    return pages.filter(~pl.col("url").is_in(held.get_column("record_key").implode())), held
