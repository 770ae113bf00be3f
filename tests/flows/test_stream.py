"""The batch stream: sections taken in batch order, what a run keeps of its batches, and an article
that repeats one of an earlier batch of the same run marked as its duplicate."""

from __future__ import annotations

import contextvars
import shutil
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb
import polars as pl
import pytest

from flows.stream import Stopped, Totals, Turns, batch_context
from samples.server import SITE_DIR, serve_site, sources_yaml


def test_turns_let_batches_through_in_their_order() -> None:
    turns, order = Turns(), []

    def batch(index: int) -> None:
        with turns.turn(index):
            order.append(index)

    threads = [threading.Thread(target=batch, args=(i,)) for i in (3, 1, 2, 0)]
    for thread in threads:
        thread.start()
        time.sleep(0.01)
    for thread in threads:
        thread.join(timeout=10)
    assert order == [0, 1, 2, 3]


def test_a_failed_batch_stops_the_ones_waiting_for_their_turn() -> None:
    turns, seen = Turns(), []

    def later() -> None:
        try:
            with turns.turn(1):
                seen.append("ran")
        except Stopped:
            seen.append("stopped")

    waiting = threading.Thread(target=later)
    waiting.start()
    with pytest.raises(ValueError), turns.turn(0):
        raise ValueError("batch 0 failed")
    waiting.join(timeout=10)
    assert seen == ["stopped"]


def test_totals_keep_counts_of_the_held_back_rows_not_the_rows() -> None:
    totals = Totals()
    held = pl.DataFrame({"stage": ["extract", "extract", "articles"], "reason": ["a", "a", "b"]})
    totals.add_held(held.with_columns(record=pl.lit("{...}")))
    totals.add_held(held.head(1))
    found = {(r["stage"], r["reason"]): r["records"] for r in totals.quarantine.iter_rows(named=True)}
    assert found == {("extract", "a"): 3, ("articles", "b"): 1}


def test_a_batch_task_s_result_is_not_kept_by_the_task_feeding_the_stream(prefect_harness: None) -> None:
    """A task started in a thread with a copy of the crawl task's context joins the crawl's transaction,
    which keeps its result until the crawl ends; started in a batch's context, it joins none."""
    from prefect import flow, task
    from prefect.transactions import Transaction

    @task
    def batch(n: int) -> pl.DataFrame:
        return pl.DataFrame({"n": [n]})

    def children() -> int:
        active = Transaction.get_active()
        assert active is not None
        return len(active.children)

    @task
    def crawl() -> list[int]:
        kept = [children()]
        for context in (contextvars.copy_context, batch_context):
            with ThreadPoolExecutor(1) as pool:
                pool.submit(context().run, batch, len(kept)).result()
            kept.append(children())
        return kept

    @flow
    def run() -> list[int]:
        return crawl()

    assert run() == [0, 1, 1]  # the copied context's task is kept, the batch's is not


def test_a_duplicate_of_an_article_in_an_earlier_batch_is_marked(
    prefect_harness: None, tmp_path: Path
) -> None:
    from flows.news_etl import news_etl

    site = tmp_path / "site"
    shutil.copytree(SITE_DIR, site)
    body = (site / "en/news/labudin-kaluga-visit.html").read_bytes()
    (site / "en/news/copy.html").write_bytes(body.replace(b"labudin-kaluga-visit.html", b"copy.html"))
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    extra = "  <url><loc>__BASE_URL__/en/news/copy.html</loc></url>\n</urlset>"
    (site / "sitemap.xml").write_text(sitemap.replace("</urlset>", extra), encoding="utf-8")
    with serve_site(site_dir=site) as base:
        (tmp_path / "sources.yaml").write_text(sources_yaml(base), encoding="utf-8")
        run = news_etl(str(tmp_path / "sources.yaml"), str(tmp_path / "home"), batch_size=1)
    assert run["status"] == "completed" and run["articles_loaded"] == 6 and run["duplicates"] == 1
    with duckdb.connect(run["database"], read_only=True) as con:
        where = "url LIKE '%labudin%' OR url LIKE '%copy%'"
        pair = con.execute(f"SELECT count(*), count(duplicate_of) FROM fact_article WHERE {where}").fetchone()
    assert pair == (2, 1)  # one of the two, in a batch of its own, is the other's duplicate


def test_the_dask_address_and_the_stores_come_from_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    from config.settings import SettingsError, load_settings

    monkeypatch.setenv("CLUSTERWATCH_DASK_ADDRESS", "tcp://scheduler:8786")
    monkeypatch.setenv("CLUSTERWATCH_RAW_STORE", "s3://bucket/raw")
    settings = load_settings(home="/srv/cw")
    assert (settings.dask_address, settings.raw_store_url) == ("tcp://scheduler:8786", "s3://bucket/raw")
    monkeypatch.setenv("CLUSTERWATCH_DASK_ADDRESS", "scheduler 8786")
    with pytest.raises(SettingsError, match="CLUSTERWATCH_DASK_ADDRESS"):
        load_settings(home="/srv/cw")
