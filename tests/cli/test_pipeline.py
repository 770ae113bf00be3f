"""`clusterwatch run` and `clusterwatch demo`, run as a user runs them."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import duckdb
import psutil

from flows.news_etl import news_etl
from tests.processes import alive, kill_hard, start, stop, wait_until
from warehouse.publish import published_path
from warehouse.schema import connect


def _cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CLUSTERWATCH_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def test_run_with_missing_sources_file_is_a_clear_error(tmp_path: Path) -> None:
    result = _cli("run", "--sources", str(tmp_path / "nope.yaml"), home=tmp_path)
    assert result.returncode == 2
    assert "sources file not found" in result.stdout
    assert "Traceback" not in result.stderr


def test_demo_command_loads_the_warehouse_with_clean_output(tmp_path: Path) -> None:
    result = _cli("demo", "--home", str(tmp_path), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "pages found" in result.stdout and "clusterwatch.duckdb" in result.stdout
    assert "ERROR" not in result.stderr and "Traceback" not in result.stderr
    with duckdb.connect(str(tmp_path / "clusterwatch.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM fact_article").fetchone() == (5,)
    last = result.stdout.strip().splitlines()[-1]  # the demo ends with where its report is
    assert last.startswith("report:") and str(tmp_path / "report" / "index.html") in last


HOLD_READ_ONLY = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print("open", flush=True)
time.sleep(600)
"""


def test_a_locked_working_database_is_one_line_naming_the_file_and_the_holder(
    tmp_path: Path, sample_sources: Path
) -> None:
    database = tmp_path / "clusterwatch.duckdb"
    connect(database).close()
    holder = subprocess.Popen([sys.executable, "-c", HOLD_READ_ONLY, str(database)], stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline().strip() == b"open"
        result = _cli("run", "--sources", str(sample_sources), "--home", str(tmp_path), home=tmp_path)
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 2
    lines = (result.stdout + result.stderr).strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"error: {database} is locked by ") and f"(PID {holder.pid})" in lines[0]


def _etl_run(home: Path, pid: int) -> tuple | None:
    with duckdb.connect(str(home / "clusterwatch.duckdb"), read_only=True) as con:
        query = "SELECT run_id, status, host, articles_loaded FROM etl_run WHERE pid = $pid"
        return con.execute(query, {"pid": pid}).fetchone()


def test_a_run_killed_in_publish_is_recorded_crashed_and_leaves_no_server(
    prefect_harness: None, tmp_path: Path, sample_sources: Path
) -> None:
    """kill -9 of `clusterwatch run` while it publishes (a directory stands where the snapshot goes, so
    every try fails and the task waits to retry): the run stays `running`, never `completed`, its
    temporary Prefect server ends with it, and the next run records it as crashed."""
    home, log = tmp_path / "home", tmp_path / "run.log"
    (published_path(home) / "in-the-way").mkdir(parents=True)
    command = [sys.executable, "-m", "cli", "run", "--sources", str(sample_sources), "--home", str(home)]
    run = start(command, {**os.environ, "PREFECT_LOGGING_LEVEL": "INFO"}, log)
    servers: list[psutil.Process] = []
    try:
        wait_until(
            lambda: "Retry 2/2 will start" in log.read_text(errors="replace"), 600, "publish", log, run
        )
        servers = psutil.Process(run.pid).children(recursive=True)
        kill_hard(run)
        wait_until(lambda: not any(alive(server.pid) for server in servers), 60, "the server gone", log)
    finally:
        stop(run)
        for server in (s for s in servers if alive(s.pid)):
            server.kill()
    run_id, status, host, loaded = _etl_run(home, run.pid)
    assert (status, host, loaded) == ("running", socket.gethostname(), 5)  # loaded, not published
    shutil.rmtree(published_path(home).parent)
    after = news_etl(str(sample_sources), str(home))
    with duckdb.connect(after["database"], read_only=True) as con:
        found = con.execute(
            "SELECT status, finished_at FROM etl_run WHERE run_id = $r", {"r": run_id}
        ).fetchone()
    assert found[0] == "crashed" and found[1] is not None
    assert after["status"] == "completed"
