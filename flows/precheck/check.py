"""The CLI's pre-check: before Prefect is imported, the run's crawl (conditional GETs) stops at the first
page that is new or changed. When none is, the run is recorded as a flow records a run that fetched
nothing new (its row, outcomes, checks, the snapshot, the watchlists' step) and no flow starts; when one
is, nothing is recorded and what the check learned (its discovery, robots.txt rules and the pages it
settled) is handed to the flow's crawl in this process (flows/precheck/handoff.py), which goes on from it:
each page is requested once in the run, and loaded and counted once, by the flow."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from config.settings import Settings
from config.sources import SourcesConfig, load_sources
from flows.lease import run_lease
from flows.precheck.crawl import PageHistory, Progress, crawl_sources, page_history
from flows.precheck.handoff import hand_on
from flows.precheck.record import RunContext, completed, open_run, record_unchanged
from ingest.crawl import CrawlResult
from ingest.records import Settled
from transforms.runs.reconcile import source_report
from transforms.runs.sources import sources_frame
from warehouse.schema import record_closed

LOG = logging.getLogger("clusterwatch.precheck")


@dataclass(frozen=True)
class Unchanged:
    """A run recorded by the pre-check: its summary (the keys of the flow's) and how many sources it read."""

    summary: dict[str, Any]
    sources: int


def _changed(settled: Settled) -> bool:
    return settled.result.outcome == "fetched"


def precheck(sources: Path, settings: Settings) -> Unchanged | None:
    """Record the run without a flow when no page of `sources` is new or changed; None when one is (or
    when no page is known yet: a first run), and the flow must run."""
    with run_lease(settings.home, settings.run.lease_wait_seconds):
        history = page_history(settings)
        if history.empty:
            return None
        config, ctx = load_sources(sources), RunContext()
        crawled = _crawl(ctx, config, settings, history)
        if crawled is None or crawled.stopped:
            if crawled is not None and crawled.learned is not None:
                hand_on(settings, config, crawled.learned)  # the flow's crawl goes on from it
            return None
        open_run(ctx, settings)  # as the flow's begin_run: runs whose process is gone recorded as crashed
        sources_rows = sources_frame(s.model_dump() for s in config.sources)
        run, published, finished = record_unchanged(
            ctx, settings, (crawled.outcomes, crawled.page_state), sources_rows
        )
        watched = _after_run(settings, ctx.run_id)
        record_closed(settings.database_path)
    summary = {
        **run.__dict__,
        **completed(finished),
        "database": str(settings.database_path),
        "published": str(published),
        "stage_seconds": dict(ctx.seconds),
        **source_report(crawled.outcomes, [s.name for s in config.sources]),
        **watched,
    }
    return Unchanged(summary, len(config.sources))


def _crawl(
    ctx: RunContext, config: SourcesConfig, settings: Settings, history: PageHistory
) -> CrawlResult | None:
    """The crawl up to the first new or changed page; None when it raised (the flow's crawl task, with its
    retries, does it again and records a failure)."""
    try:
        with ctx.stage("crawl"):
            return crawl_sources(config, settings, history, Progress("checked", "pages"), until=_changed)
    except Exception as exc:
        LOG.warning("the check for changes failed (%s: %s): the flow runs", type(exc).__name__, exc)
        return None


def _after_run(settings: Settings, run_id: str) -> dict[str, Any]:
    from flows.watch import after_run  # the watchlists' step: reports and digests, imported only here

    return after_run(settings, run_id)
