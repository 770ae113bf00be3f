"""The reextract flow: extract every page kept in the raw store again and reload the warehouse, without
fetching (after a new extractor release, or a change of extraction settings)."""

from __future__ import annotations

from typing import Any

import polars as pl
from prefect import flow, get_run_logger

from config.settings import load_settings
from flows.pipeline import RunContext, begin_run, load_run, process_pages, record_failure, task_runner
from flows.tasks import warehouse_state_task
from flows.watch import after_run
from flows.workers import cpu_pool
from transforms.held import held_back_frame
from transforms.runs.sources import sources_frame
from warehouse.page_state import read_page_state, stored_pages
from warehouse.schema import connect


def _outcomes(pages: pl.DataFrame) -> pl.DataFrame:
    """One outcome per stored page, in fetch_log's terms, for the run's reconciliation: each is read
    from the raw store (a copy that cannot be read is held back by the extract task, with the reason)."""
    return pages.select("url", outcome=pl.lit("fetched"), reason=pl.lit(None, pl.String))


@flow(name="reextract", log_prints=True)
def reextract(
    home: str | None = None,
    batch_size: int | None = None,
    runner: str = "threads",
    dask_address: str | None = None,
    workers: int | None = None,
) -> dict[str, Any]:
    """Re-extract the raw pages stored under HOME, at most `batch_size` pages per task (on `workers`
    processes with the threads runner), and reload them: the articles' facts are replaced, not added
    to."""
    settings = load_settings(home=home, batch_size=batch_size, workers=workers)
    stages_runner = task_runner(runner, dask_address, settings.workers)
    with connect(settings.database_path) as con:
        pages, page_state = stored_pages(con), read_page_state(con)
    get_run_logger().info("re-extracting %d stored pages", pages.height)
    stages_runner = stages_runner if pages.height else task_runner("threads")  # nothing to spread
    ctx = RunContext()
    with cpu_pool(settings.workers if runner == "threads" and pages.height else 1):
        begin_run(ctx, settings)
        try:
            known = warehouse_state_task(settings.database_path)
            processed = process_pages.with_options(task_runner=stages_runner)(pages, settings, known, ctx)
            crawled = (_outcomes(pages), page_state.clear(), held_back_frame([]))
            result = load_run(ctx, settings, crawled, sources_frame([]), processed, log_fetches=False)
        except Exception as exc:
            record_failure(ctx, settings, exc)
            raise
    return {**result, **after_run(settings, ctx.run_id)}  # the watchlists' digests and webhooks
