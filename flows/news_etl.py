"""The news_etl flow: crawl → raw pages gate → extract → normalise → articles gate → intelligence →
fact gates → load (with the warehouse checks) → publish the snapshot → Data Docs and summary."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger

from config.settings import Settings, load_settings
from config.sources import SourcesConfig, load_sources
from flows.lease import run_lease
from flows.pipeline import (
    RunContext,
    begin_run,
    load_run,
    nothing_new,
    process_pages,
    raw_gate,
    record_failure,
    task_runner,
)
from flows.tasks import crawl_task, warehouse_state_task
from flows.watch import after_run
from flows.workers import cpu_pool
from transforms.held import held_back_frame
from transforms.runs.reconcile import source_report
from transforms.runs.sources import sources_frame


@flow(name="news_etl", log_prints=True)
def news_etl(
    sources: str,
    home: str | None = None,
    batch_size: int | None = None,
    runner: str = "threads",
    dask_address: str | None = None,
    workers: int | None = None,
) -> dict[str, Any]:
    """Crawl the sources listed in the `sources` file and load HOME/clusterwatch.duckdb.

    At most `batch_size` pages go to one extraction task; `runner` is `threads` (the batches go to
    `workers` processes, one per core by default) or `dask` (a local distributed cluster, or the
    scheduler at `dask_address`)."""
    settings = load_settings(home=home, batch_size=batch_size, workers=workers)
    config = load_sources(Path(sources))
    task_runner(runner, dask_address)  # an unknown runner stops the run before anything is fetched
    ctx = RunContext()
    # migrations first (a database newer than the code stops the run before anything is fetched), then
    # the run is recorded as running, and earlier runs whose process is gone as crashed
    with run_lease(settings.home, settings.run.lease_wait_seconds):  # one run per HOME
        begin_run(ctx, settings)
        try:
            result = _crawl_and_load(ctx, settings, config, runner, dask_address)
        except BaseException as exc:  # Ctrl-C included: the run's row ends in a final state
            record_failure(ctx, settings, exc)
            raise
        return {**result, **after_run(settings, ctx.run_id)}  # the watchlists' digests and webhooks


def _crawl_and_load(
    ctx: RunContext, settings: Settings, config: SourcesConfig, runner: str, dask_address: str | None
) -> dict[str, Any]:
    with ctx.stage("crawl"):
        crawled = crawl_task(config, settings)
    if crawled.pages.height:
        # the worker processes start now and load their models while the raw pages are validated
        with cpu_pool(settings.workers if runner == "threads" else 1):
            pages, raw_held = raw_gate(ctx, crawled.fetch_log, crawled.pages)
            known = warehouse_state_task(settings.database_path)
            spread = runner if pages.height else "threads"  # nothing to spread: no Dask cluster for it
            stages_runner = task_runner(spread, dask_address, settings.workers)
            processed = process_pages.with_options(task_runner=stages_runner)(pages, settings, known, ctx)
    else:  # nothing new fetched: the outcomes are recorded, nothing is extracted or validated
        get_run_logger().info("nothing new fetched: recording the outcomes only")
        processed, raw_held = nothing_new(), held_back_frame([])
    sources_rows = sources_frame(s.model_dump() for s in config.sources)
    silent = _told(source_report(crawled.outcomes, [s.name for s in config.sources]))
    crawl = (crawled.outcomes, crawled.page_state, raw_held)
    return {**load_run(ctx, settings, crawl, sources_rows, processed), **silent}


def _told(sources: dict[str, Any]) -> dict[str, Any]:
    """source_report's result, each source that gave no page logged as a warning with the reason."""
    for name, reason in sources["sources_without_pages"].items():
        get_run_logger().warning("source %s gave no pages: %s", name, reason)
    return sources
