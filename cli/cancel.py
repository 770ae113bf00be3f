"""A query that Ctrl-C, a timeout or a full temporary folder stop within a second or two.

The query runs in a thread of its own; this thread waits for it in short steps, so Python's signal
handler runs at once, and interrupts the DuckDB connection (`con.interrupt()`) when Ctrl-C comes, the
time is up, or the query has spilled more to its temporary folder than it may. A query that does not
stop within GRACE_SECONDS of the interrupt is left behind: the caller ends the process.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import duckdb

T = TypeVar("T")
POLL_SECONDS = 0.05
GRACE_SECONDS = 5.0
INTERRUPTED = 130  # the exit status of a process stopped by Ctrl-C
STOPPED = 1


class Stopped(Exception):
    """The query was stopped; `code` is the exit status, `stuck` is true when it did not end."""

    def __init__(self, reason: str, code: int, stuck: bool = False) -> None:
        super().__init__(reason)
        self.code = code
        self.stuck = stuck


@dataclass
class Limits:
    timeout_seconds: float | None = None
    temp_directory: Path | None = None
    max_temp_bytes: int | None = None
    timeout_setting: str = "--timeout"
    temp_setting: str = ""


def folder_bytes(folder: Path) -> int:
    """Bytes in the files under FOLDER (0 when it does not exist)."""
    total = 0
    for root, _, files in os.walk(folder):
        for name in files:
            try:
                total += os.stat(os.path.join(root, name)).st_size
            except OSError:
                continue  # removed while counted
    return total


class Guard:
    """Runs WORK in a thread and stops the connection's query on Ctrl-C, timeout or spill."""

    def __init__(self, con: duckdb.DuckDBPyConnection, limits: Limits) -> None:
        self.con = con
        self.limits = limits
        self.reason: tuple[str, int] | None = None

    def _stop(self, reason: str, code: int) -> None:
        if self.reason is None:
            self.reason = (reason, code)
            self.con.interrupt()

    def _on_sigint(self, signum: int, frame: Any) -> None:
        self._stop("query cancelled (Ctrl-C)", INTERRUPTED)

    def _check(self, started: float) -> None:
        limits = self.limits
        if limits.timeout_seconds is not None and time.monotonic() - started > limits.timeout_seconds:
            self._stop(
                f"query stopped: it ran longer than {limits.timeout_seconds:g} s ({limits.timeout_setting})",
                STOPPED,
            )
        if limits.temp_directory is not None and limits.max_temp_bytes is not None:
            spilled = folder_bytes(limits.temp_directory)
            if spilled > limits.max_temp_bytes:
                cap = limits.max_temp_bytes // (1024 * 1024)
                self._stop(
                    f"query stopped: it spilled more than {cap} MB of temporary files to "
                    f"{limits.temp_directory} ({limits.temp_setting}); narrow it, or raise the limit",
                    STOPPED,
                )

    def run(self, work: Callable[[], T]) -> T:
        """WORK's result; Stopped when it was stopped; WORK's own exception otherwise."""
        outcome: dict[str, Any] = {}

        def target() -> None:
            try:
                outcome["result"] = work()
            except BaseException as exc:  # handed to the waiting thread
                outcome["error"] = exc

        worker = threading.Thread(target=target, name="query", daemon=True)
        in_main = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGINT, self._on_sigint) if in_main else None
        started = time.monotonic()
        try:
            worker.start()
            while worker.is_alive() and self.reason is None:
                worker.join(POLL_SECONDS)
                if worker.is_alive():
                    self._check(started)
            if self.reason is not None and "result" not in outcome:
                worker.join(GRACE_SECONDS)
                raise Stopped(*self.reason, stuck=worker.is_alive())
        finally:
            if in_main:
                signal.signal(signal.SIGINT, previous)
        if "error" in outcome:
            raise outcome["error"]
        return outcome["result"]
