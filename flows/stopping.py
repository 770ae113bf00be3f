"""Stopping a run on SIGTERM or SIGINT (Ctrl-C): promptly, leaving nothing half done.

`clusterwatch run` arms the handler for the length of the command (`handled`); the flow arms it again
for its own length (`stop_on_signals`), as Prefect puts its own SIGTERM handler in place while a flow
runs. A flow started otherwise (a Prefect worker's deployment run) keeps Prefect's handling.

The first signal:
- ends the worker processes and keeps any from starting, and cancels the run's tasks on a Dask cluster
  (`flows.workers.halt`, from a thread of its own: a signal handler must not wait on a lock the code it
  interrupted may hold); the batches stop (`flows.stream`), none starts;
- raises RunStopped in the main thread, which unwinds the run as a failure does: the crawl stops, the
  run's load transaction is rolled back (nothing of the run is loaded or published), the run is
  recorded as failed with the reason (`etl_run.failure_reason`: "stopped by signal SIGTERM"), and the
  lease on HOME is let go.

The command then prints one line and exits with 128 + the signal's number (130 for SIGINT, 143 for
SIGTERM). A second signal while that happens ends the process at once, with the same code.

Once a run's commit begins (`hold`), a first signal no longer stops it: a run committed but recorded as
failed, or loaded but not published, would say the opposite of what the warehouse holds. The run
finishes, and the command then says that the signal came and exits with the same code (`held_signal`).
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class RunStopped(BaseException):
    """The run was stopped by a signal (a BaseException, as KeyboardInterrupt: no `except Exception`
    on the way and no task retry takes it for an error to recover from)."""

    def __init__(self, signum: int, run_id: str | None = None) -> None:
        self.signum, self.run_id = signum, run_id
        super().__init__(f"stopped by signal {signal.Signals(signum).name}")

    @property
    def reason(self) -> str:
        return str(self)

    @property
    def exit_code(self) -> int:
        """The shell's convention for a process ended by the signal: 130 for SIGINT, 143 for SIGTERM."""
        return 128 + self.signum

    def told(self) -> str:
        """The one line the command prints."""
        if self.run_id is None:
            return f"{self.reason}: no run was started"
        return f"{self.reason}: run {self.run_id} recorded as failed; nothing of it was loaded or published"


class _State:
    armed = False
    holding = False
    received: int | None = None


_state = _State()


def _halt_workers() -> None:
    workers = sys.modules.get("flows.workers")
    if workers is not None:  # not imported: no worker process was started
        workers.halt()


def _exit_now(signum: int) -> None:
    """The second signal: the worker processes killed, the line, and out, without waiting for anything."""
    workers = sys.modules.get("flows.workers")
    if workers is not None:
        workers.kill_workers()
    with contextlib.suppress(Exception):  # unlink the pools' semaphores, as a normal exit does
        from multiprocessing import util

        util._run_finalizers(0)
    name = signal.Signals(signum).name
    os.write(2, f"error: stopped by a second signal ({name}) while stopping\n".encode())
    os._exit(128 + signum)


def _handler(signum: int, frame: FrameType | None) -> None:
    if _state.received is not None:
        _exit_now(signum)
    _state.received = signum
    if _state.holding:  # the commit has begun: the run finishes, the command tells of the signal after
        return
    threading.Thread(target=_halt_workers, name="clusterwatch-halt", daemon=True).start()
    raise RunStopped(signum)


def _install() -> dict[int, object]:
    """Our handler for SIGINT and SIGTERM; the handlers it replaces (none outside the main thread)."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    return {sig: signal.signal(sig, _handler) for sig in SIGNALS}


def _restore(previous: dict[int, object]) -> None:
    for sig, handler in previous.items():
        signal.signal(sig, handler)  # type: ignore[arg-type]


@contextlib.contextmanager
def handled() -> Iterator[None]:
    """For the length of a command: SIGINT and SIGTERM stop the run (RunStopped), a second one the
    process."""
    previous = _install()
    _state.armed, _state.holding, _state.received = bool(previous), False, None
    try:
        yield
    finally:
        _state.armed = _state.holding = False
        _restore(previous)


def hold() -> None:
    """The run's commit begins: from here to the end of the command a first signal is kept, not acted
    on (a second one still ends the process at once)."""
    _state.holding = _state.armed


def held_signal() -> int | None:
    """The signal kept while a run finished after its commit began (`hold`), if one came."""
    return _state.received


@contextlib.contextmanager
def stop_on_signals(database: Path, run_id: str) -> Iterator[None]:
    """Inside a flow started by `handled`'s command: the handler in place again (Prefect replaced it for
    SIGTERM), worker processes allowed to start, and a run stopped by a signal recorded as such. Outside
    such a command, nothing changes."""
    if not _state.armed:
        yield
        return
    _resume_workers()
    previous = _install()
    try:
        yield
    except RunStopped as exc:
        exc.run_id = run_id
        _record_reason(database, run_id, exc.reason)
        raise
    finally:
        _restore(previous)


def _resume_workers() -> None:
    workers = sys.modules.get("flows.workers")
    if workers is not None:
        workers.resume()


def _record_reason(database: Path, run_id: str, reason: str) -> None:
    from warehouse.runs import record_failure_reason
    from warehouse.schema import connect

    try:
        with connect(database) as con:
            record_failure_reason(con, run_id, reason)
    except Exception as exc:  # the run is recorded as failed already; this only adds why
        logging.getLogger(__name__).warning("could not record why run %s stopped: %s", run_id, exc)
