"""The news_etl flow: crawl, and while it goes on, batches of the fetched pages through the raw pages
gate → extract → normalise → articles gate → intelligence → fact gates → the run's load transaction;
then the outcomes, the warehouse checks, the commit, the snapshot, Data Docs and summary."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger

from config.settings import Settings, load_settings
from config.sources import SourcesConfig, load_sources
from flows.lease import run_lease
from flows.pipeline import (
    RunContext,
    Spread,
    begin_run,
    check_runner,
    commit_run,
    publish_run,
    raw_gate_rest,
    record_failure,
    run_stream,
)
from flows.stopping import stop_on_signals
from flows.stream import BatchStream
from flows.tasks import crawl_task, with_retries
from flows.watch import after_run
from ingest.records import Settled, fetch_log_frame, pages_frame
from transforms.runs.reconcile import source_report
from transforms.runs.sources import sources_frame
from warehouse.schema import record_closed


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
    `workers` processes, one per core by default) or `dask` (the scheduler at `dask_address`, else the
    `dask_address` setting, else a local cluster)."""
    settings = load_settings(home=home, batch_size=batch_size, workers=workers)
    config = load_sources(Path(sources))
    check_runner(runner)  # an unknown runner stops the run before anything is fetched
    ctx = RunContext()
    # migrations first (a database newer than the code stops the run before anything is fetched), then
    # the run is recorded as running, and earlier runs whose process is gone as crashed
    with (
        run_lease(settings.home, settings.run.lease_wait_seconds),  # one run per HOME
        stop_on_signals(settings.database_path, ctx.run_id),  # SIGTERM, Ctrl-C: flows/stopping.py
    ):
        begin_run(ctx, settings)
        try:
            result = _crawl_and_load(ctx, settings, config, runner, dask_address or settings.dask_address)
        except BaseException as exc:  # Ctrl-C included: the run's row ends in a final state
            record_failure(ctx, settings, exc)
            raise
        watched = after_run(settings, ctx.run_id)  # the watchlists' digests and webhooks
        # every connection is closed: the next run's process finds the file as this one left it
        record_closed(settings.database_path)
        return {**result, **watched}


def _crawl_and_load(
    ctx: RunContext, settings: Settings, config: SourcesConfig, runner: str, dask_address: str | None
) -> dict[str, Any]:
    sources_rows = sources_frame(s.model_dump() for s in config.sources)
    with (
        Spread(runner, dask_address, settings.workers) as spread,
        run_stream(ctx, settings, spread, sources_rows) as (stream, load),
    ):
        with ctx.stage("crawl"):
            crawl = with_retries(crawl_task, settings.tasks.crawl)
            crawled = crawl(config, settings, _feed(stream))
        if not stream.started:
            get_run_logger().info("nothing new fetched: recording the outcomes only")
        raw_gate_rest(ctx, crawled.fetch_log, stream)
        run, totals = commit_run(ctx, stream, load, (crawled.outcomes, crawled.page_state))
    silent = _told(source_report(crawled.outcomes, [s.name for s in config.sources]))
    return {**publish_run(ctx, settings, run, totals), **silent}


def _feed(stream: BatchStream) -> Any:
    """The crawl's on_page: each fetched page, with its fetch_log row, into the stream."""

    def on_page(settled: Settled, total: int) -> None:
        if settled.result.outcome == "fetched":  # the workers start with the first page fetched
            stream.expect(total)
            stream.pages(pages_frame([settled]), fetch_log_frame([settled]))

    return on_page


def _told(sources: dict[str, Any]) -> dict[str, Any]:
    """source_report's result, each source that gave no page logged as a warning with the reason."""
    for name, reason in sources["sources_without_pages"].items():
        get_run_logger().warning("source %s gave no pages: %s", name, reason)
    return sources
