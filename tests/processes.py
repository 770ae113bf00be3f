"""What the tests that start real processes share: free ports, clean environments, process groups, logs
and waiting for something to happen."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import psutil
import pytest

REPO = Path(__file__).resolve().parents[1]
T = TypeVar("T")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def clean_env(**extra: str) -> dict[str, str]:
    """This environment without PREFECT_* or CLUSTERWATCH_* settings, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "CLUSTERWATCH_"))}
    return {**env, **extra}


def start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    """A process in a process group of its own (so `stop` ends its children too), output to `log`."""
    with log.open("wb") as out:
        return subprocess.Popen(
            command, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )


def interruptible() -> None:
    """A child's SIGINT at its default (as `preexec_fn`): a suite started in the background of a shell
    has SIGINT ignored and its children inherit that, so Python in them raises no KeyboardInterrupt."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def piped(command: list[str], env: dict[str, str], **options: object) -> subprocess.Popen:
    """A process with its stdout and stderr as text pipes, Ctrl-C reaching it as in a terminal."""
    return subprocess.Popen(  # type: ignore[call-overload]
        command,
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=interruptible,
        **options,
    )


def stop(process: subprocess.Popen) -> None:
    """SIGTERM to the process group, then SIGKILL if it has not ended within 30 s."""
    for sig, grace in ((signal.SIGTERM, 30), (signal.SIGKILL, 10)):
        if process.poll() is not None:
            return
        try:
            os.killpg(process.pid, sig)
            process.wait(timeout=grace)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            continue


def tail(log: Path, lines: int = 40) -> str:
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    return "\n".join(text.splitlines()[-lines:])


def wait_until(
    fetch: Callable[[], T | None],
    seconds: float,
    what: str,
    log: Path,
    process: subprocess.Popen | None = None,
) -> T:
    """Poll `fetch` until it returns something truthy and return that; fail naming `what`, with the end
    of `log`, on timeout or when `process` exits first."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = fetch()
        if value:
            return value
        if process is not None and process.poll() is not None:
            pytest.fail(f"{what}: the process exited with {process.returncode}\n{tail(log)}")
        time.sleep(0.5)
    pytest.fail(f"{what}: not within {seconds} s\n{tail(log)}")


def alive(pid: int) -> bool:
    """True while a process with this id exists and is not a zombie."""
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def kill_hard(process: subprocess.Popen) -> None:
    """SIGKILL to the process alone (not its group), as an operator's `kill -9 PID` does."""
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
