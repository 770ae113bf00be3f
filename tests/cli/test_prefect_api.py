"""The Prefect API of a CLI run: the configured server, or a temporary one that dies with its parent,
even when the parent is killed with SIGKILL, or one kept for the next run on the same HOME."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from tests.processes import REPO, alive, clean_env, kill_hard, start, stop, tail, wait_until

HOLD_THE_API = """
import os, time
from cli.prefect_api import prefect_api
with prefect_api() as url:
    print("api", url, flush=True)
    time.sleep(600)
"""


HOLD_A_KEPT_API = """
import sys, time
from pathlib import Path
from cli.prefect_api import KeptServer, prefect_api_starting
with prefect_api_starting(KeptServer(Path(sys.argv[1]), 1.0)) as ready:
    print("api", ready(), flush=True)
    if sys.argv[2] == "hold":
        time.sleep(600)
"""


def _env(tmp_path: Path, **env: str) -> dict[str, str]:
    settings = {"PREFECT_HOME": str(tmp_path / "prefect"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false", **env}
    return clean_env(**settings)


def _holding(tmp_path: Path, **env: str) -> tuple[object, Path]:
    log = tmp_path / "parent.log"
    process = start([sys.executable, "-c", HOLD_THE_API], _env(tmp_path, **env), log)
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


def test_a_kept_server_serves_the_next_run_and_ends_once_no_run_uses_it(tmp_path: Path) -> None:
    folder, log = tmp_path / "home" / "prefect-server", tmp_path / "first.log"
    first = start([sys.executable, "-c", HOLD_A_KEPT_API, str(folder), "hold"], _env(tmp_path), log)
    server = None
    try:
        wait_until(lambda: "api http" in log.read_text(), 240, "the kept API", log, first)
        url = log.read_text().split("api ", 1)[1].split()[0]
        server = json.loads((folder / "server.json").read_text(encoding="utf-8"))
        assert server["url"] == url and alive(server["pid"])
        assert os.getsid(server["pid"]) != os.getsid(first.pid)  # Ctrl-C of the run does not reach it
        command = [sys.executable, "-c", HOLD_A_KEPT_API, str(folder), "leave"]
        second = subprocess.run(
            command, cwd=REPO, env=_env(tmp_path), capture_output=True, text=True, timeout=120
        )
        assert second.returncode == 0, second.stderr
        assert second.stdout.split() == ["api", url]  # the same server, still held by the first
        assert alive(server["pid"])
        kill_hard(first)  # a killed run lets go of it too
        wait_until(lambda: not alive(server["pid"]), 120, "the kept server gone", folder / "server.log")
        assert not (folder / "server.json").exists()
    finally:
        stop(first)
        if server and alive(server["pid"]):
            psutil.Process(server["pid"]).kill()
    assert "Traceback" not in tail(folder / "server.log")


def test_a_run_starts_its_server_first_and_stops_it_when_the_run_stops_before_using_it(
    tmp_path: Path,
) -> None:
    """`run` starts its temporary server before its own imports; a run that stops before its flow (here
    at a missing sources file) has stopped that server by the time it exits."""
    command = [sys.executable, "-m", "cli", "run", "--sources", str(tmp_path / "nope.yaml")]
    run = subprocess.Popen(
        [*command, "--home", str(tmp_path)],
        cwd=REPO,
        env=_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    servers: set[int] = set()
    while run.poll() is None:
        try:
            children = psutil.Process(run.pid).children()
            servers |= {c.pid for c in children if "cli.prefect_api" in " ".join(c.cmdline())}
        except psutil.Error:  # the run, or a child, ended meanwhile
            pass
        time.sleep(0.02)
    out, err = run.communicate(timeout=60)
    assert run.returncode == 2 and "sources file not found" in out, out + err
    assert len(servers) == 1  # started, once
    assert not any(alive(pid) for pid in servers)
    assert "Traceback" not in err


def test_a_run_that_checks_for_changes_first_starts_no_server_early(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the pre-check on and a working database in HOME, `start_early` leaves the server to the flow
    (a run that finds nothing changed needs none); on a new HOME, or with the check off, it starts it."""
    from cli.prefect_api import _prechecks

    monkeypatch.delenv("CLUSTERWATCH_RUN__PRECHECK", raising=False)
    monkeypatch.delenv("CLUSTERWATCH_HOME", raising=False)
    arguments = ["run", "--sources", "s.yaml", "--home", str(tmp_path)]
    assert not _prechecks(arguments)  # a first run: nothing to compare with
    (tmp_path / "clusterwatch.duckdb").write_bytes(b"")
    assert _prechecks(arguments) and _prechecks(["run", f"--home={tmp_path}"])
    monkeypatch.setenv("CLUSTERWATCH_HOME", str(tmp_path))
    assert _prechecks(["run", "--sources", "s.yaml"])
    monkeypatch.setenv("CLUSTERWATCH_RUN__PRECHECK", "false")
    assert not _prechecks(arguments)
