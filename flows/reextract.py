"""The reextract flow: extract every page kept in the raw store again and reload the warehouse, without
fetching (after a new extractor release, or a change of extraction settings)."""

from __future__ import annotations

from typing import Any

import polars as pl
from prefect import flow, get_run_logger

from config.settings import load_settings
from flows.lease import run_lease
from flows.pipeline import RunContext, Spread, begin_run, commit_run, publish_run, record_failure, run_stream
from flows.watch import after_run
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
    processes with the threads runner, or on Dask), and reload them: the articles' facts are replaced,
    not added to."""
    settings = load_settings(home=home, batch_size=batch_size, workers=workers)
    lease = run_lease(settings.home, settings.run.lease_wait_seconds)  # one run per HOME, as news_etl
    with lease, Spread(runner, dask_address or settings.dask_address, settings.workers) as spread:
        with connect(settings.database_path) as con:
            pages, page_state = stored_pages(con), read_page_state(con)
        get_run_logger().info("re-extracting %d stored pages", pages.height)
        ctx = RunContext()
        begin_run(ctx, settings)
        try:
            with run_stream(ctx, settings, spread, sources_frame([]), raw_gate=False) as (stream, load):
                stream.expect(pages.height)
                stream.pages(pages)
                run, totals = commit_run(ctx, stream, load, (_outcomes(pages), page_state.clear()), False)
            result = publish_run(ctx, settings, run, totals)
        except BaseException as exc:  # Ctrl-C included: the run's row ends in a final state
            record_failure(ctx, settings, exc)
            raise
    return {**result, **after_run(settings, ctx.run_id)}  # the watchlists' digests and webhooks
