"""A Dask worker preload (`dask worker --preload tests.flows.dask_poison`) for the cluster tests: the
worker's extraction ends its own process, as a crash in a C library would, on a page that holds
POISON (every time) or KILL_ONCE (the first time only, as a worker killed mid-run); on a page that holds
SLOW it says so (a file SLOW_STARTED in FLAG_DIR) and waits until the test lets it go on (a file
SLOW_RELEASED there), at most SLOW_SECONDS.

The driver pickles `flows.workers.extract_batch` by name; the worker resolves the name to this wrapper."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import polars as pl

import flows.workers

POISON = b"<!-- clusterwatch-test: poison -->"
KILL_ONCE = b"<!-- clusterwatch-test: kill once -->"
SLOW = b"<!-- clusterwatch-test: slow -->"
FLAG_DIR = "POISON_FLAG_DIR"  # where the worker notes that it was killed once already
SLOW_STARTED, SLOW_RELEASED, SLOW_SECONDS = "slow-started", "slow-released", 300

_extract_batch = flows.workers.extract_batch


def _killed_before() -> bool:
    flag = Path(os.environ[FLAG_DIR]) / "killed-once"
    if flag.exists():
        return True
    flag.touch()
    return False


def _slowly() -> None:
    flags = Path(os.environ[FLAG_DIR])
    (flags / SLOW_STARTED).touch()
    deadline = time.monotonic() + SLOW_SECONDS
    while not (flags / SLOW_RELEASED).exists() and time.monotonic() < deadline:
        time.sleep(0.2)


def extract_batch(pages: pl.DataFrame, options: Any, store: Any = None) -> Any:
    for body in pages.get_column("body").to_list() if "body" in pages.columns else []:
        if POISON in body or (KILL_ONCE in body and not _killed_before()):
            os._exit(1)
        if SLOW in body:
            _slowly()
    return _extract_batch(pages, options, store)


flows.workers.extract_batch = extract_batch
