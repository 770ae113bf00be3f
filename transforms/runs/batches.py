"""Splitting frames into batches for parallel stages and putting the results back together."""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl


def split(frame: pl.DataFrame, size: int) -> list[pl.DataFrame]:
    """Slices of at most `size` rows, in order; no slice for an empty frame."""
    if size < 1:
        raise ValueError(f"batch size must be at least 1, not {size}")
    return [frame.slice(offset, size) for offset in range(0, frame.height, size)]


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
