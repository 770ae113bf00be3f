"""Splitting frames into batches for parallel stages and putting the results back together."""

from __future__ import annotations

import math
from collections.abc import Iterable

import polars as pl


def split(frame: pl.DataFrame, size: int) -> list[pl.DataFrame]:
    """Slices of at most `size` rows, in order; no slice for an empty frame."""
    if size < 1:
        raise ValueError(f"batch size must be at least 1, not {size}")
    return [frame.slice(offset, size) for offset in range(0, frame.height, size)]


def batch_rows(total: int, most: int, workers: int, per_worker: int = 4, least: int = 20) -> int:
    """Rows per batch for `total` rows on `workers` processes: at most `most`, and few enough that each
    worker gets about `per_worker` batches (so that no core waits idle for the last, long batch), but not
    fewer than `least` (each batch has a fixed cost)."""
    if workers <= 1:
        return most
    fair = math.ceil(total / (workers * per_worker))
    return max(1, min(most, max(least, fair)))


def concat(frames: Iterable[pl.DataFrame], schema: dict[str, pl.DataType] | None = None) -> pl.DataFrame:
    """One frame from many (columns missing in some are null); an empty frame of `schema` for none."""
    frames = [f for f in frames if f.width]
    if not frames:
        return pl.DataFrame(schema=schema or {})
    return pl.concat(frames, how="diagonal_relaxed")


def merge_tables(parts: Iterable[dict[str, pl.DataFrame]]) -> dict[str, pl.DataFrame]:
    """Per-batch table frames (e.g. dims and facts) merged table by table, exact duplicate rows dropped."""
    tables: dict[str, list[pl.DataFrame]] = {}
    for part in parts:
        for name, frame in part.items():
            tables.setdefault(name, []).append(frame)
    return {
        name: pl.concat(frames, how="vertical_relaxed").unique(maintain_order=True)
        for name, frames in tables.items()
    }
