"""The CPU stages' worker processes: batches run in other processes, and a record that kills its
worker is held back alone while the rest of its batch, and the run, go on. Real processes, real
signals."""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures import Future
from pathlib import Path
from typing import NamedTuple

import polars as pl
import pytest

from flows.workers import (
    Halted,
    Stage,
    cpu_pool,
    extract_in_worker,
    halt,
    intel_in_worker,
    resume,
    run_batch,
    single_chunks,
)
from tests.flows.crashing import POISON, dies_on_poison, tagged, waits
from tests.processes import alive
from transforms.extract.article import ExtractOptions
from transforms.intel.schema import HELD_BACK

ROWS = pl.DataFrame({"id": [1, 2, 3, 4, 5], "text": ["a", "b", POISON, "d", "e"]})


def _merge(parts: list[pl.DataFrame]) -> pl.DataFrame:
    return pl.concat(parts, how="diagonal_relaxed")


def _died(frame: pl.DataFrame, reason: str) -> pl.DataFrame:
    return frame.with_columns(held=pl.lit(reason))


def test_without_a_pool_a_batch_runs_in_this_process() -> None:
    with cpu_pool(1) as pool:
        assert pool is None
        done = run_batch(Stage(tagged, ("x",), _merge, _died), ROWS)
    assert done.get_column("pid").unique().to_list() == [os.getpid()]


def test_with_a_pool_a_batch_runs_in_another_process() -> None:
    with cpu_pool(2) as pool:
        assert pool is not None
        done = run_batch(Stage(tagged, ("x",), _merge, _died), ROWS)
    assert done.get_column("tag").to_list() == ["x"] * 5
    assert os.getpid() not in done.get_column("pid").to_list()


def test_a_record_that_kills_its_worker_is_held_back_alone() -> None:
    with cpu_pool(2):
        done = run_batch(Stage(dies_on_poison, ("x",), _merge, _died), ROWS)
        after = run_batch(Stage(tagged, ("y",), _merge, _died), ROWS)  # the pool was replaced, and works
    assert done.sort("id").get_column("id").to_list() == [1, 2, 3, 4, 5]  # every record, once
    held = done.filter(pl.col("held").is_not_null())
    assert held.get_column("id").to_list() == [3]
    assert "worker process died" in held.item(0, "held")
    assert done.filter(pl.col("id") != 3).get_column("tag").to_list() == ["x"] * 4
    assert after.get_column("tag").to_list() == ["y"] * 5


PAGE = (
    "<html><head><title>Technopark opens</title></head><body><article><h1>Technopark opens</h1>"
    + "<p>The Kaluga Region technopark opened a new building for 40 resident companies on Monday.</p>" * 6
    + "</article></body></html>"
)


def _stored_pages(raw: Path) -> pl.DataFrame:
    from ingest import raw_store

    digest, _ = raw_store.put(raw, PAGE.encode())
    return pl.DataFrame(
        {"url": ["https://example.org/news/1"], "source_name": ["s"], "content_hash": [digest]}
    )


def test_extraction_and_facts_in_the_pool_equal_those_in_this_process(tmp_path: Path) -> None:
    pages, options = _stored_pages(tmp_path), ExtractOptions()
    here = extract_in_worker(pages, options, tmp_path)
    with cpu_pool(2):
        there = extract_in_worker(pages, options, tmp_path)
        facts_there = intel_in_worker(there[0])
    assert there[0].drop("extracted_at", strict=False).equals(here[0].drop("extracted_at", strict=False))
    facts_here = intel_in_worker(here[0])
    assert facts_there.keys() == facts_here.keys()
    for table, frame in facts_here.items():
        assert frame.equals(facts_there[table]), table
    assert facts_here[HELD_BACK].height == 0


@pytest.mark.parametrize("workers", [0, -1])
def test_a_pool_needs_at_least_one_worker_or_runs_here(workers: int) -> None:
    with cpu_pool(workers) as pool:
        assert pool is None


def test_a_worker_given_only_the_columns_the_facts_read_finds_the_same_facts() -> None:
    from flows.warm import TEXTS
    from transforms.intel.frames import article_facts
    from transforms.normalise.articles import articles_frame, normalise_batch

    records = [
        {
            "url": f"https://example.org/{lang}",
            "source_name": "s",
            "title": "t",
            "language": lang,
            "text": text,
        }
        for lang, text in TEXTS
    ]
    normalised, _ = normalise_batch(articles_frame(records))
    assert {"text_plain", "sentences"} <= set(normalised.columns)
    with cpu_pool(2):
        there = intel_in_worker(normalised)
    here = article_facts(normalised)
    assert there.keys() == here.keys() and here["fact_figure"].height > 0
    for table, frame in here.items():
        assert frame.equals(there[table]), table


def test_a_halted_run_kills_and_joins_its_workers_and_starts_none(tmp_path: Path) -> None:
    """What a stopped run does (flows/stopping.py): the batch in a worker ends with Halted at once, every
    worker process is gone, and no batch starts a new one; `resume` lets a later run start them again."""
    started, outcome = tmp_path / "started", Future()

    def batch() -> None:
        try:
            outcome.set_result(run_batch(Stage(waits, (str(started),), _merge, _died), ROWS))
        except BaseException as exc:
            outcome.set_exception(exc)

    try:
        with cpu_pool(2) as pool:
            assert pool is not None
            threading.Thread(target=batch, daemon=True).start()
            deadline = time.monotonic() + 300
            while not started.exists() and time.monotonic() < deadline:
                time.sleep(0.1)
            workers = [p.pid for p in pool._executor._processes.values()]
            assert int(started.read_text(encoding="utf-8")) in workers
            halt()
            with pytest.raises(Halted):  # not retried alone or in halves, as a worker's death would be
                outcome.result(timeout=60)
            assert not any(alive(pid) for pid in workers)
            with pytest.raises(Halted):
                run_batch(Stage(tagged, ("x",), _merge, _died), ROWS)
    finally:
        resume()
    with cpu_pool(2):
        assert run_batch(Stage(tagged, ("y",), _merge, _died), ROWS).get_column("tag").to_list() == ["y"] * 5


class _Pair(NamedTuple):
    frame: pl.DataFrame
    count: int


def test_single_chunks_leaves_every_frame_in_one_chunk_and_equal() -> None:
    frame = pl.concat([pl.DataFrame({"a": [1, 2]}), pl.DataFrame({"a": [3]})], rechunk=False)
    assert frame.n_chunks() == 2
    value = {"batch": [frame, (frame, "x")], "pair": _Pair(frame, 3), "n": 1}
    out = single_chunks(value)
    frames = [out["batch"][0], out["batch"][1][0], out["pair"].frame]
    assert all(f.n_chunks() == 1 and f.equals(frame) for f in frames)
    assert isinstance(out["pair"], _Pair) and out["pair"].count == 3 and out["batch"][1][1] == "x"
    assert out["n"] == 1
