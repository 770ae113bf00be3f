"""Whether the process of a run recorded as running is gone: real processes, one of them killed."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta

import psutil

from flows.runs import _started_at, is_gone, this_process
from warehouse.runs import RunningRun


def _run_of(pid: int, host: str, started) -> RunningRun:
    return RunningRun("r", host, pid, started)


def test_a_live_process_is_not_gone_and_a_killed_one_is() -> None:
    me = this_process()
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])

    child_started = _started_at(psutil.Process(child.pid))
    assert not is_gone(_run_of(me.pid, me.host, me.started_at), me.host)
    assert not is_gone(_run_of(child.pid, me.host, child_started), me.host)
    child.kill()  # SIGKILL
    child.wait()
    assert is_gone(_run_of(child.pid, me.host, child_started), me.host)


def test_a_process_id_taken_by_a_later_process_is_gone() -> None:
    me = this_process()
    assert is_gone(_run_of(me.pid, me.host, me.started_at - timedelta(hours=1)), me.host)


def test_runs_of_another_host_or_without_a_process_are_left_alone() -> None:
    me = this_process()
    assert not is_gone(_run_of(me.pid + 10**6, "another-host", me.started_at), me.host)
    assert not is_gone(RunningRun("r", me.host, None, None), me.host)
