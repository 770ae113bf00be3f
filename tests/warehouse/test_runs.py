"""etl_run rows from start to end: running, then completed or failed, or crashed when found gone."""

from __future__ import annotations

from datetime import datetime

import duckdb

from warehouse.load import RunRecord, record_run
from warehouse.runs import RunningRun, finish_run, mark_crashed, running_runs

STARTED = datetime(2024, 5, 1, 12, 0, 0)
PROCESS_STARTED = datetime(2024, 5, 1, 11, 59, 0)


def _start(con: duckdb.DuckDBPyConnection, run_id: str, pid: int) -> None:
    run = RunRecord(
        run_id, None, STARTED, None, "running", host="h1", pid=pid, process_started_at=PROCESS_STARTED
    )
    record_run(con, run)


def _statuses(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute(
        "SELECT run_id, status, finished_at IS NOT NULL FROM etl_run ORDER BY run_id"
    ).fetchall()


def test_a_started_run_is_running_with_its_process(memory_db: duckdb.DuckDBPyConnection) -> None:
    _start(memory_db, "r1", 41)
    assert running_runs(memory_db) == [RunningRun("r1", "h1", 41, PROCESS_STARTED)]
    assert _statuses(memory_db) == [("r1", "running", False)]


def test_finished_and_crashed_runs_are_no_longer_running(memory_db: duckdb.DuckDBPyConnection) -> None:
    for run_id, pid in (("r1", 41), ("r2", 42), ("r3", 43)):
        _start(memory_db, run_id, pid)
    finish_run(memory_db, "r1", "completed", datetime(2024, 5, 1, 12, 5))
    mark_crashed(memory_db, ["r1", "r2"], datetime(2024, 5, 1, 13, 0))  # r1 has finished: it stays completed
    assert _statuses(memory_db) == [
        ("r1", "completed", True),
        ("r2", "crashed", True),
        ("r3", "running", False),
    ]
    assert [run.run_id for run in running_runs(memory_db)] == ["r3"]
    mark_crashed(memory_db, [], datetime(2024, 5, 1, 13, 0))
    assert [run.run_id for run in running_runs(memory_db)] == ["r3"]
