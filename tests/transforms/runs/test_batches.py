"""Batches for the parallel stages: their size, and frames split and put back together."""

from __future__ import annotations

import polars as pl
import pytest

from transforms.runs.batches import batch_rows, concat, merge_tables, split


@pytest.mark.parametrize(
    ("total", "most", "workers", "expected"),
    [
        (1000, 200, 1, 200),  # one worker: the configured size
        (1000, 200, 2, 125),  # two workers: about four batches each
        (100, 200, 2, 20),  # never below twenty rows
        (10_000, 200, 2, 200),  # never above the configured size
        (0, 200, 2, 20),
        (1000, 5, 2, 5),  # a configured size below twenty stays as configured
    ],
)
def test_batch_rows(total: int, most: int, workers: int, expected: int) -> None:
    assert batch_rows(total, most, workers) == expected


def test_each_worker_gets_several_batches_of_a_large_run() -> None:
    rows = batch_rows(1000, 200, 2)
    assert len(split(pl.DataFrame({"a": range(1000)}), rows)) == 8


def test_split_and_concat_keep_every_row_in_order() -> None:
    frame = pl.DataFrame({"a": range(7)})
    parts = split(frame, 3)
    assert [p.height for p in parts] == [3, 3, 1]
    assert concat(parts).equals(frame)
    assert split(frame.clear(), 3) == []


def test_merge_tables_drops_rows_repeated_across_batches() -> None:
    dims = [{"dim": pl.DataFrame({"k": [1, 2]})}, {"dim": pl.DataFrame({"k": [2, 3]})}]
    assert merge_tables(dims)["dim"].get_column("k").to_list() == [1, 2, 3]
