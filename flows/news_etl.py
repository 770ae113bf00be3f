"""The news_etl flow: crawl → raw pages gate → extract → normalise → articles gate → intelligence →
fact gates → load (with the warehouse checks) → publish the snapshot → Data Docs and summary."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger

from config.settings import load_settings
from config.sources import load_sources
from flows.pipeline import (
    RunContext,
    begin_run,
    load_run,
    process_pages,
    raw_gate,
    record_failure,
    task_runner,
)
from flows.tasks import crawl_task, warehouse_state_task
from transforms.runs.reconcile import source_report
from transforms.runs.sources import sources_frame


@flow(name="news_etl", log_prints=True)
def news_etl(
    sources: str,
    home: str | None = None,
    batch_size: int | None = None,
    runner: str = "threads",
    dask_address: str | None = None,
) -> dict[str, Any]:
    """Crawl the sources listed in the `sources` file and load HOME/clusterwatch.duckdb.

    `batch_size` pages go to one extraction task; `runner` is `threads` or `dask` (a local distributed
    cluster, or the scheduler at `dask_address`)."""
    settings = load_settings(home=home, batch_size=batch_size)
    config = load_sources(Path(sources))
    runner_for_stages = task_runner(runner, dask_address)
    ctx = RunContext()
    # migrations first (a database newer than the code stops the run before anything is fetched), then
    # the run is recorded as running, and earlier runs whose process is gone as crashed
    begin_run(ctx, settings)
    try:
        with ctx.stage("crawl"):
            crawled = crawl_task(config, settings)
        pages, raw_held = raw_gate(ctx, crawled.fetch_log, crawled.pages)
        known = warehouse_state_task(settings.database_path)
        stages_runner = runner_for_stages if pages.height else task_runner("threads")  # nothing to spread
        processed = process_pages.with_options(task_runner=stages_runner)(pages, settings, known, ctx)
        sources_rows = sources_frame(s.model_dump() for s in config.sources)
        silent = _told(source_report(crawled.outcomes, [s.name for s in config.sources]))
        summary = load_run(
            ctx, settings, (crawled.outcomes, crawled.page_state, raw_held), sources_rows, processed
        )
        return {**summary, **silent}
    except Exception as exc:
        record_failure(ctx, settings, exc)
        raise


def _told(sources: dict[str, Any]) -> dict[str, Any]:
    """source_report's result, each source that gave no page logged as a warning with the reason."""
    for name, reason in sources["sources_without_pages"].items():
        get_run_logger().warning("source %s gave no pages: %s", name, reason)
    return sources
