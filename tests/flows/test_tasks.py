"""The extract task: bodies from the raw store, cached by the pages' content hashes."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
from prefect import flow

from flows.tasks import extract_task, extract_task_for
from ingest import raw_store
from ingest.records import PAGE_REFS_SCHEMA
from transforms.extract.article import ExtractOptions

PAGE = Path(__file__).resolve().parents[2] / "samples/site/en/news/labudin-kaluga-visit.html"


def _refs(url: str, content_hash: str | None) -> pl.DataFrame:
    row = {"url": url, "source_name": "s", "charset": "utf-8", "final_url": url,
           "fetched_at": datetime(2026, 1, 5, tzinfo=UTC), "content_hash": content_hash}  # fmt: skip
    return pl.DataFrame([row], schema=PAGE_REFS_SCHEMA)


@flow
def _extract_twice(pages: pl.DataFrame, raw: str | Path, cache: str | None = None) -> list:
    task = extract_task_for(cache) if cache else extract_task
    first = task(pages, ExtractOptions(), raw, return_state=True)
    second = task(pages, ExtractOptions(), raw, return_state=True)
    return [first.name, second.name, second.result()]


def test_the_same_pages_are_extracted_once(prefect_harness: None, tmp_path: Path) -> None:
    sha, _ = raw_store.put(tmp_path, PAGE.read_bytes())
    url = f"http://x.test/{uuid.uuid4().hex}.html"  # a cache key no earlier run has used
    first, second, (articles, held) = _extract_twice(_refs(url, sha), tmp_path)
    assert (first, second) == ("Completed", "Cached")
    assert "Mikhail Labudin" in articles["title"][0] and held.height == 0


def test_a_body_missing_from_the_raw_store_is_held_back_not_cached(
    prefect_harness: None, tmp_path: Path
) -> None:
    first, second, (articles, held) = _extract_twice(_refs("http://x.test/gone.html", None), tmp_path)
    assert (first, second) == ("Completed", "Completed")
    assert articles.height == 0
    assert held.select("stage", "record_key").row(0) == ("extract", "http://x.test/gone.html")
    assert held["reason"][0].startswith("raw copy unreadable")


def test_the_raw_store_and_the_cache_may_be_fsspec_urls(prefect_harness: None, tmp_path: Path) -> None:
    store, cache = f"memory://raw-{uuid.uuid4().hex}", f"file://{tmp_path / 'cache'}"
    sha, _ = raw_store.put(store, PAGE.read_bytes())
    url = f"http://x.test/{uuid.uuid4().hex}.html"
    first, second, (articles, held) = _extract_twice(_refs(url, sha), store, cache)
    assert (first, second) == ("Completed", "Cached")
    assert "Mikhail Labudin" in articles["title"][0] and held.height == 0
    assert any((tmp_path / "cache").iterdir())  # the result went to the cache folder given
