"""Prefect tasks: each calls one function of ingest/, transforms/ or warehouse/ and adds retries,
timeouts and logging. The network and database tasks take their retries from the settings (`tasks.*`):
the flows call them as `with_retries(task, settings.tasks.<name>)` builds them."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl
from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.tasks import Task

from config.settings import Settings, TaskRetries
from config.sources import SourcesConfig
from flows.precheck.crawl import PROGRESS as PROGRESS  # where flows.stream reports its progress
from flows.precheck.crawl import Progress, crawl_sources, page_history
from flows.precheck.handoff import take
from flows.workers import extract_in_worker, intel_in_worker
from ingest import raw_store
from ingest.crawl import CrawlResult, OnPage
from warehouse.load import known_articles
from warehouse.publish import publish, published_path
from warehouse.quality import existing_keys
from warehouse.schema import connect

if TYPE_CHECKING:
    from transforms.extract.article import ExtractOptions


# the retries of the tasks below are the settings' defaults (config.settings.TaskSettings): `with_retries`
# gives them the run's
@task(
    name="crawl",
    cache_policy=NO_CACHE,
    retries=2,
    retry_delay_seconds=[60, 120],
    retry_jitter_factor=0.5,
    timeout_seconds=7200,
)
def crawl_task(config: SourcesConfig, settings: Settings, on_page: OnPage | None = None) -> CrawlResult:
    """Discover and fetch; pages unchanged since the last run (page_state) are not passed on; `on_page`
    sees each page as it is settled. What the CLI's check for changes learned in this process is taken
    once (flows/precheck/handoff.py): a retry crawls whole."""
    logger = get_run_logger()
    progress = Progress("fetched", "pages", also=logger.info)
    learned = take(settings, config)  # the CLI's check for changes found one: its crawl goes on here
    if learned is not None:
        logger.info("going on from the check for changes: %d pages settled there", len(learned.settled))
    result = crawl_sources(config, settings, page_history(settings), progress, on_page, resume=learned)
    outcomes = dict(result.fetch_log.group_by("outcome").len().iter_rows())
    logger.info("discovered %d pages: %s", result.fetch_log.height, outcomes)
    return result


def with_retries(task: Task, retries: TaskRetries) -> Task:
    """`task` tried again as `retries` says (Prefect repeats the last delay when there are more retries
    than delays)."""
    return task.with_options(
        retries=retries.retries,
        retry_delay_seconds=list(retries.retry_delays),
        retry_jitter_factor=retries.retry_jitter,
    )


@task(
    name="warehouse-state",
    cache_policy=NO_CACHE,
    retries=3,
    retry_delay_seconds=[1, 5, 20],
    cache_result_in_memory=False,
)
def warehouse_state_task(database: Path) -> tuple[pl.DataFrame, dict[str, set[int]]]:
    """Articles of earlier runs (for duplicates) and the keys already in the dims (for references)."""
    with connect(database) as con:
        return known_articles(con), existing_keys(con)


def _pages_key(context: Any, parameters: dict[str, Any]) -> str | None:
    """The same pages (URL, source, content hash), options and code versions give the same extraction:
    a retried or repeated run takes it from the cache. None (no caching) without content hashes."""
    pages: pl.DataFrame = parameters["pages"]
    if "content_hash" not in pages.columns or pages.get_column("content_hash").null_count():
        return None
    digest = hashlib.sha256(f"{_versions()}|{parameters['options']!r}".encode())
    for row in pages.select("url", "source_name", "content_hash").sort("url").iter_rows():
        digest.update("\x1f".join(str(v) for v in row).encode())
    return f"extract-{digest.hexdigest()}"


def _versions() -> str:
    return f"clusterwatch {metadata.version('clusterwatch')}, trafilatura {metadata.version('trafilatura')}"


# The batch tasks' results are not kept in memory by Prefect (it keeps up to 1,000 per run by default):
# a streaming run holds a batch only until it is loaded.
@task(
    name="extract",
    cache_key_fn=_pages_key,
    cache_expiration=timedelta(days=7),
    persist_result=True,
    cache_result_in_memory=False,
)
def extract_task(
    pages: pl.DataFrame, options: ExtractOptions, store: str | Path
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """One batch, in a worker process when the run has a pool (flows.workers), or on Dask: its bodies
    read from the raw store at `store` (a folder or an fsspec URL), extracted; a body that cannot be
    read, or a page that kills its worker, is held back with the reason."""
    return extract_in_worker(pages, options, store)


def extract_task_for(result_cache: str | None) -> Any:
    """extract_task with its results cached at `result_cache` (a folder or an fsspec URL: workers on
    other machines share it), else in Prefect's local result storage. The storage is saved as a block
    named for the URL (Prefect keeps result storage server-side)."""
    if not result_cache:
        return extract_task
    from prefect.filesystems import LocalFileSystem, RemoteFileSystem

    local = raw_store.is_local(result_cache)
    storage = LocalFileSystem(basepath=result_cache.removeprefix("file://")) if local else None
    storage = storage or RemoteFileSystem(basepath=result_cache)
    storage.save(
        f"clusterwatch-cache-{hashlib.sha256(result_cache.encode()).hexdigest()[:16]}", overwrite=True
    )
    return extract_task.with_options(result_storage=storage)


@task(name="normalise", cache_policy=NO_CACHE, cache_result_in_memory=False)
def normalise_task(articles: pl.DataFrame, known: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(normalised articles, records held back by normalisation or duplicate detection)."""
    from transforms.normalise.articles import normalise_batch  # only in a run that fetched pages

    return normalise_batch(articles, known)


@task(name="intel", cache_policy=NO_CACHE, cache_result_in_memory=False)
def intel_task(articles: pl.DataFrame) -> dict[str, pl.DataFrame]:
    """One batch's facts, in a worker process when the run has a pool (flows.workers)."""
    return intel_in_worker(articles)


@task(name="publish", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[2, 10])
def publish_task(settings: Settings, before_swap: Any = None) -> Path:
    """The snapshot; `before_swap` writes into the copy before it replaces the snapshot (the run's
    final status, which the working database gets only once the snapshot is in place)."""
    return publish(settings.database_path, published_path(settings.home), before_swap)
