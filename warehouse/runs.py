"""The life of an etl_run row: `running` from the start of a run, `completed` once its snapshot is
published (or `failed`), and `crashed` when a later run finds that the process executing it is gone.

Which processes are gone is the caller's to decide (`crashed` takes their run ids): only the host that
ran a process can tell."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import duckdb

RUNNING = """
SELECT run_id, host, pid, process_started_at FROM etl_run WHERE status = 'running' ORDER BY started_at
"""
FINISH = """
UPDATE etl_run SET status = $status, finished_at = $finished_at WHERE run_id = $run_id
"""
FAILURE_REASON = """
UPDATE etl_run SET failure_reason = $reason WHERE run_id = $run_id AND status = 'failed'
"""
CRASHED = """
UPDATE etl_run SET status = 'crashed', finished_at = $found_at
WHERE status = 'running' AND list_contains($run_ids, run_id)
"""


@dataclass(frozen=True)
class RunningRun:
    """A run recorded as running, and the process that was executing it."""

    run_id: str
    host: str | None
    pid: int | None
    process_started_at: datetime | None


def running_runs(con: duckdb.DuckDBPyConnection) -> list[RunningRun]:
    """Every run still recorded as running, oldest first."""
    return [RunningRun(*row) for row in con.execute(RUNNING).fetchall()]


def mark_crashed(con: duckdb.DuckDBPyConnection, run_ids: Iterable[str], found_at: datetime) -> None:
    """Record those of the runs still running as crashed, found at `found_at`."""
    ids = list(run_ids)
    if ids:
        con.execute(CRASHED, {"run_ids": ids, "found_at": found_at})


def record_failure_reason(con: duckdb.DuckDBPyConnection, run_id: str, reason: str) -> None:
    """Why the failed run `run_id` stopped (a run not recorded as failed is left as it is)."""
    con.execute(FAILURE_REASON, {"run_id": run_id, "reason": reason})


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, status: str, finished_at: datetime) -> None:
    """Record the run's final status and end time."""
    con.execute(FINISH, {"run_id": run_id, "status": status, "finished_at": finished_at})
