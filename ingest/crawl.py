"""Discover and fetch every page of the configured sources; each discovered URL gets exactly one outcome."""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

from config.settings import FetchSettings
from config.sources import SourcesConfig
from ingest.discover import Discovered, discover
from ingest.fetch import Fetcher, FetchResult

Progress = Callable[[int, int], None]

FETCH_LOG_SCHEMA: dict[str, pl.DataType] = {
    "source_name": pl.String(),
    "url": pl.String(),
    "final_url": pl.String(),
    "status": pl.Int32(),
    "bytes": pl.Int64(),
    "duration_ms": pl.Float64(),
    "attempts": pl.Int32(),
    "outcome": pl.String(),
    "reason": pl.String(),
    "fetched_at": pl.Datetime("us", "UTC"),
}


def discover_all(config: SourcesConfig, settings: FetchSettings) -> list[Discovered]:
    with Fetcher(settings, config.allow_private_networks) as fetcher:
        found: list[Discovered] = []
        for source in config.sources:
            found.extend(discover(source, fetcher.get_text, settings.max_pages_per_source))
    return found


def fetch_all(
    pages: list[Discovered], settings: FetchSettings, allow_private: bool, progress: Progress | None = None
) -> list[tuple[Discovered, FetchResult]]:
    results = []
    with Fetcher(settings, allow_private) as fetcher:
        for done, page in enumerate(pages, start=1):
            results.append((page, fetcher.fetch(page.url)))
            if progress:
                progress(done, len(pages))
    return results


def fetch_log_frame(results: list[tuple[Discovered, FetchResult]]) -> pl.DataFrame:
    rows = [
        {
            "source_name": page.source,
            "url": page.url,
            "final_url": r.final_url,
            "status": r.status,
            "bytes": r.size,
            "duration_ms": r.duration_ms,
            "attempts": r.attempts,
            "outcome": r.outcome,
            "reason": r.reason,
            "fetched_at": r.fetched_at,
        }
        for page, r in results
    ]
    return pl.DataFrame(rows, schema=FETCH_LOG_SCHEMA)


def pages_frame(results: list[tuple[Discovered, FetchResult]]) -> pl.DataFrame:
    """The fetched bodies, ready for extraction."""
    rows = [
        {"url": page.url, "source_name": page.source, "body": r.body, "charset": r.charset}
        for page, r in results
        if r.outcome == "fetched"
    ]
    schema = {"url": pl.String(), "source_name": pl.String(), "body": pl.Binary(), "charset": pl.String()}
    return pl.DataFrame(rows, schema=schema)
