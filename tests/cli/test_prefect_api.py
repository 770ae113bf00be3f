"""The Prefect API of a CLI run: the configured server, or a temporary one that dies with its parent,
even when the parent is killed with SIGKILL."""

from __future__ import annotations

import sys
from pathlib import Path

import psutil

from tests.processes import alive, clean_env, kill_hard, start, stop, tail, wait_until

HOLD_THE_API = """
import os, time
from cli.prefect_api import prefect_api
with prefect_api() as url:
    print("api", url, flush=True)
    time.sleep(600)
"""


def _holding(tmp_path: Path, **env: str) -> tuple[object, Path]:
    log = tmp_path / "parent.log"
    settings = {"PREFECT_HOME": str(tmp_path / "prefect"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false", **env}
    process = start([sys.executable, "-c", HOLD_THE_API], clean_env(**settings), log)
    wait_until(lambda: "api http" in log.read_text(), 240, "the API", log, process)
    return process, log


def test_the_temporary_server_dies_with_its_killed_parent(tmp_path: Path) -> None:
    parent, log = _holding(tmp_path)
    servers = psutil.Process(parent.pid).children(recursive=True)
    try:
        assert [" ".join(s.cmdline()[1:3]) for s in servers] == ["-m cli.prefect_api"]
        url = log.read_text().split("api ", 1)[1].split()[0]
        assert url.startswith("http://127.0.0.1:") and url.endswith("/api")
        kill_hard(parent)
        wait_until(lambda: not any(alive(s.pid) for s in servers), 60, "the server gone", log)
    finally:
        stop(parent)
        for server in servers:
            if alive(server.pid):
                server.kill()
    assert "Traceback" not in tail(log)


def test_a_configured_server_is_used_and_none_is_started(tmp_path: Path) -> None:
    url = "http://127.0.0.1:9/api"  # nothing listens: prefect_api only hands the URL on
    parent, log = _holding(tmp_path, PREFECT_API_URL=url)
    try:
        assert psutil.Process(parent.pid).children(recursive=True) == []
        assert f"api {url}" in log.read_text()
    finally:
        stop(parent)
