"""Which process executes a run, and whether the process of a run recorded as running is gone.

A run's etl_run row names its process (host, process id and start time). A run still `running` whose
process ran on this host and no longer exists was killed (or its machine restarted): the next run on
the host records it as `crashed`. Runs of other hosts cannot be checked from here and are left alone.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from datetime import UTC, datetime

import psutil

from warehouse.runs import RunningRun

SAME_START_SECONDS = 1.0  # process start times are known to about 10 ms; a reused id starts later


@dataclass(frozen=True)
class Process:
    host: str
    pid: int
    started_at: datetime  # UTC, without a time zone (as etl_run stores it)


def _started_at(process: psutil.Process) -> datetime:
    return datetime.fromtimestamp(process.create_time(), UTC).replace(tzinfo=None)


def this_process() -> Process:
    """The process running this code."""
    process = psutil.Process()
    return Process(socket.gethostname(), process.pid, _started_at(process))


def is_gone(run: RunningRun, host: str) -> bool:
    """True when the run's process ran on `host` and has ended: no process has its id any more, or
    the one that has it is a zombie or started at another time (the id was reused)."""
    if run.host != host or run.pid is None:
        return False
    try:
        process = psutil.Process(run.pid)
        if process.status() == psutil.STATUS_ZOMBIE:
            return True
        started = _started_at(process)
    except psutil.NoSuchProcess:
        return True
    if run.process_started_at is None:
        return False
    return abs((started - run.process_started_at).total_seconds()) > SAME_START_SECONDS


__all__ = ["Process", "is_gone", "this_process"]
