"""Batch functions for the worker-pool tests, importable by the spawned worker processes."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import polars as pl

POISON = "POISON"


def tagged(frame: pl.DataFrame, tag: str) -> pl.DataFrame:
    """The rows with the tag and the process that handled them."""
    return frame.with_columns(tag=pl.lit(tag), pid=pl.lit(os.getpid()))


def dies_on_poison(frame: pl.DataFrame, tag: str) -> pl.DataFrame:
    """Kills its own process, as a segmentation fault would, when a row holds the poison."""
    if frame.filter(pl.col("text").str.contains(POISON)).height:
        os.kill(os.getpid(), signal.SIGSEGV)
    return tagged(frame, tag)


def waits(frame: pl.DataFrame, started: str) -> pl.DataFrame:
    """Says it started (the file `started`), then works on the batch for ten minutes."""
    Path(started).write_text(str(os.getpid()), encoding="utf-8")
    time.sleep(600)
    return frame
