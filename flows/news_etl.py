"""The news_etl flow: discover → fetch → extract → normalise → validate → load."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import polars as pl
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from config.settings import Settings, load_settings
from config.sources import SourcesConfig, load_sources
from expectations.runner import Validation, validate
from expectations.suites import ARTICLES
from ingest.crawl import discover_all, fetch_all, fetch_log_frame, pages_frame
from ingest.discover import Discovered
from transforms.extract import ExtractOptions
from transforms.normalise import normalise_articles
from transforms.pages import extract_pages
from transforms.reconcile import reconciliation_gaps, run_counts
from transforms.sources import sources_frame
from warehouse.load import RunBatch, RunRecord, load_batch, record_run
from warehouse.schema import connect


@task(name="discover", cache_policy=NO_CACHE)
def discover_task(config: SourcesConfig, settings: Settings) -> list[Discovered]:
    pages = discover_all(config, settings.fetch)
    get_run_logger().info("discovered %d candidate pages in %d sources", len(pages), len(config.sources))
    return pages


@task(name="fetch", cache_policy=NO_CACHE)
def fetch_task(
    pages: list[Discovered], config: SourcesConfig, settings: Settings
) -> tuple[pl.DataFrame, pl.DataFrame]:
    logger = get_run_logger()
    results = fetch_all(
        pages,
        settings.fetch,
        config.allow_private_networks,
        lambda done, total: logger.info("fetched %d/%d", done, total),
    )
    return fetch_log_frame(results), pages_frame(results)


@task(name="extract", cache_policy=NO_CACHE)
def extract_task(pages: pl.DataFrame, settings: Settings) -> tuple[pl.DataFrame, pl.DataFrame]:
    articles, held = extract_pages(pages, ExtractOptions(**settings.extract.model_dump()))
    get_run_logger().info("extracted %d articles, %d pages held back", articles.height, held.height)
    return articles, held


@task(name="normalise", cache_policy=NO_CACHE)
def normalise_task(articles: pl.DataFrame) -> pl.DataFrame:
    return normalise_articles(articles)


@task(name="validate", cache_policy=NO_CACHE)
def validate_task(articles: pl.DataFrame) -> Validation:
    result = validate(articles, ARTICLES)
    get_run_logger().info("validated: %d passed, %d held back", result.passed.height, result.held_back.height)
    return result


@task(name="load", cache_policy=NO_CACHE)
def load_task(database: Path, batch: RunBatch) -> None:
    with connect(database) as con:
        load_batch(con, batch)


def _record_failure(database: Path, run_id: str, started: datetime) -> None:
    with connect(database) as con:
        record_run(con, RunRecord(run_id, _flow_run_id(), started, datetime.now(UTC), "failed"))


def _flow_run_id() -> str | None:
    run_id = flow_run.get_id()
    return str(run_id) if run_id else None


@flow(name="news_etl", log_prints=True)
def news_etl(sources: str, home: str | None = None) -> dict[str, Any]:
    """Crawl the sources listed in the `sources` file and load HOME/clusterwatch.duckdb."""
    settings = load_settings(home=home)
    config = load_sources(Path(sources))
    run_id, started = str(uuid.uuid4()), datetime.now(UTC)
    try:
        return _run(config, settings, run_id, started)
    except Exception:
        _record_failure(settings.database_path, run_id, started)
        raise


def _run(config: SourcesConfig, settings: Settings, run_id: str, started: datetime) -> dict[str, Any]:
    discovered = discover_task(config, settings)
    fetch_log, pages = fetch_task(discovered, config, settings)
    extracted, held_extract = extract_task(pages, settings)
    checked = validate_task(normalise_task(extracted))
    held_back = pl.concat(
        [held_extract, checked.held_back.with_columns(stage=pl.lit("validate"))], how="diagonal"
    )
    counts = run_counts(fetch_log, extracted.height, checked.passed, held_back.height)
    gaps = reconciliation_gaps(counts)
    if gaps:
        raise RuntimeError("counts do not reconcile: " + "; ".join(gaps))
    run = RunRecord(run_id, _flow_run_id(), started, datetime.now(UTC), "completed", **counts)
    sources = sources_frame(s.model_dump() for s in config.sources)
    load_task(settings.database_path, RunBatch(run, sources, fetch_log, checked.passed, held_back))
    return {**run.__dict__, "database": str(settings.database_path)}
