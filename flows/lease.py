"""One run per HOME: a lease on `HOME/run.lease`, held for the whole of a run.

The lease is an exclusive `flock` on the file, which the kernel lets go of when the holding process
ends however it ends (killed included), so a holder that is gone never keeps it. The file names its
holder (host, process id, process start time) for the line a waiting or refused run prints. A run
that finds the lease held waits up to `run.lease_wait_seconds` (CLUSTERWATCH_RUN__LEASE_WAIT_SECONDS),
then stops with LeaseHeld. A process may take the lease again while it holds it (the CLI takes it
before the flow does): only the outermost release lets go.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

from flows.runs import Process, this_process

LEASE_FILE = "run.lease"
POLL_SECONDS = (0.1, 2.0)  # first and longest pause between tries while waiting

_held: dict[Path, tuple[int, int]] = {}  # lease path -> (file descriptor, depth) held by this process


class LeaseHeld(RuntimeError):
    """Another run holds the lease on this HOME; the message names it."""


def lease_path(home: Path) -> Path:
    return home.resolve() / LEASE_FILE


def _identity(process: Process) -> str:
    started = process.started_at.isoformat(timespec="seconds")
    return json.dumps({"host": process.host, "pid": process.pid, "started_at": started}) + "\n"


def holder(path: Path) -> str:
    """Who holds the lease, as the lease file says: `PID 123 on host (started …)`."""
    try:
        data = json.loads(path.read_text(encoding="utf-8") or "{}")
        return f"PID {data['pid']} on {data['host']} (started {data['started_at']} UTC)"
    except (OSError, ValueError, KeyError, TypeError):
        return "another run"


def _try_lock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def acquire(home: Path, wait_seconds: float) -> Path:
    """Take the lease on HOME, waiting up to `wait_seconds` for its holder; LeaseHeld when it does not
    come free in time."""
    path = lease_path(home)
    if path in _held:
        fd, depth = _held[path]
        _held[path] = (fd, depth + 1)
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    deadline, pause = time.monotonic() + wait_seconds, POLL_SECONDS[0]
    while not _try_lock(fd):
        if time.monotonic() + pause > deadline:
            os.close(fd)
            waited = f" after waiting {wait_seconds:g} s" if wait_seconds else ""
            raise LeaseHeld(
                f"another run is using {home}: {holder(path)}; this run stops{waited} "
                "(one run per HOME; CLUSTERWATCH_RUN__LEASE_WAIT_SECONDS sets how long to wait)"
            )
        time.sleep(pause)
        pause = min(pause * 2, POLL_SECONDS[1])
    os.ftruncate(fd, 0)
    os.pwrite(fd, _identity(this_process()).encode(), 0)
    _held[path] = (fd, 1)
    return path


def release(home: Path) -> None:
    """Let go of the lease on HOME (the outermost release of this process does)."""
    path = lease_path(home)
    if path not in _held:
        return
    fd, depth = _held.pop(path)
    if depth > 1:
        _held[path] = (fd, depth - 1)
        return
    os.ftruncate(fd, 0)
    fcntl.flock(fd, fcntl.LOCK_UN)
    os.close(fd)


@contextlib.contextmanager
def run_lease(home: Path, wait_seconds: float) -> Iterator[Path]:
    """The lease on HOME for the length of the block."""
    path = acquire(home, wait_seconds)
    try:
        yield path
    finally:
        release(home)
