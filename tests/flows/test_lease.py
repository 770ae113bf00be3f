"""One run per HOME: the lease file, held by real processes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from flows.lease import LeaseHeld, acquire, lease_path, run_lease
from tests.processes import REPO, kill_hard, stop, wait_until

HOLD = (
    "import sys, time, pathlib; from flows.lease import acquire; "
    "acquire(pathlib.Path(sys.argv[1]), 0); print('held', flush=True); time.sleep(600)"
)


def _holder(home: Path, log: Path) -> subprocess.Popen:
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-c", HOLD, str(home)], cwd=REPO, stdout=out, stderr=subprocess.STDOUT
        )
    wait_until(lambda: "held" in log.read_text(errors="replace"), 120, "the lease taken", log, process)
    return process


def test_a_second_holder_is_refused_naming_the_first_and_a_gone_one_keeps_nothing(tmp_path: Path) -> None:
    holder = _holder(tmp_path, tmp_path / "holder.log")
    try:
        with pytest.raises(LeaseHeld) as info:
            acquire(tmp_path, 0)
        message = str(info.value)
        assert "\n" not in message and f"PID {holder.pid} on " in message and str(tmp_path) in message
        kill_hard(holder)  # kill -9: no release ran
        with run_lease(tmp_path, 0) as path:
            assert path == lease_path(tmp_path) and '"pid"' in path.read_text(encoding="utf-8")
    finally:
        stop(holder)


def test_the_holding_process_may_take_it_again(tmp_path: Path) -> None:
    with run_lease(tmp_path, 0), run_lease(tmp_path, 0):
        pass
    with run_lease(tmp_path, 0):  # the outermost release let go
        pass
