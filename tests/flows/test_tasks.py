"""The extract task: bodies from the raw store, cached by the pages' content hashes."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import polars as pl
from prefect import flow

from flows.tasks import extract_task, extract_task_for
from ingest import raw_store
from ingest.records import PAGE_REFS_SCHEMA
from tests.processes import REPO
from transforms.extract.article import ExtractOptions

PAGE = REPO / "samples/site/en/news/labudin-kaluga-visit.html"


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


def test_the_tasks_retries_are_the_settings(prefect_harness: None) -> None:
    from config.settings import load_settings
    from flows.tasks import crawl_task, publish_task, warehouse_state_task, with_retries

    defaults = load_settings(environ={}).tasks
    built = {
        "crawl": with_retries(crawl_task, defaults.crawl),
        "warehouse-state": with_retries(warehouse_state_task, defaults.warehouse_state),
        "publish": with_retries(publish_task, defaults.publish),
    }
    found = {n: (t.retries, t.retry_delay_seconds, t.retry_jitter_factor) for n, t in built.items()}
    assert found == {  # the defaults: what the tasks had before they were settings
        "crawl": (2, [60, 120], 0.5),
        "warehouse-state": (3, [1, 5, 20], 0.0),
        "publish": (2, [2, 10], 0.0),
    }
    assert built["crawl"].timeout_seconds == 7200  # the task's other options stay
    declared = (("crawl", crawl_task), ("warehouse-state", warehouse_state_task), ("publish", publish_task))
    for name, task in declared:
        assert (task.retries, task.retry_delay_seconds, task.retry_jitter_factor or 0.0) == found[name]


@flow
def _state_of(database: Path, retries: Any) -> tuple[bool, Any]:
    from flows.tasks import warehouse_state_task, with_retries

    state = with_retries(warehouse_state_task, retries)(database, return_state=True)
    return state.is_failed(), state.state_details.task_run_id


def test_a_failing_task_is_tried_as_often_as_the_settings_say(prefect_harness: None, tmp_path: Path) -> None:
    from prefect.client.orchestration import get_client

    from config.settings import load_settings

    environ = {
        "CLUSTERWATCH_TASKS__WAREHOUSE_STATE__RETRIES": "1",
        "CLUSTERWATCH_TASKS__WAREHOUSE_STATE__RETRY_DELAYS": "0",
    }
    retries = load_settings(environ=environ).tasks.warehouse_state
    (tmp_path / "not-a-database").mkdir()  # DuckDB cannot open a folder: every try fails
    failed, task_run_id = _state_of(tmp_path / "not-a-database", retries)
    assert failed
    with get_client(sync_client=True) as client:
        assert client.read_task_run(task_run_id).run_count == 2  # one retry, at once
