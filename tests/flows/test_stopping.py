"""SIGTERM to `clusterwatch run` in its extraction stage: a real run of a paced loopback site, its
worker processes, its warehouse, and the run after it on the same HOME; Ctrl-C, and a second signal
while a run stops."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import psutil
import pytest

from bench.corpus import write_corpus
from bench.run import sources_yaml
from samples.server import serve_site
from tests.processes import REPO, alive, interruptible, piped, stop, tail, wait_until
from warehouse.publish import published_path

PAGES = 24


@pytest.fixture(scope="module")
def paced_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A synthetic news site of PAGES articles on loopback, and its sources file."""
    root = tmp_path_factory.mktemp("paced-site")
    write_corpus(PAGES, root / "site")
    with serve_site(site_dir=root / "site") as base_url:
        sources = root / "sources.yaml"
        sources.write_text(sources_yaml(base_url), encoding="utf-8")
        yield sources


def _run(sources: Path, home: Path, log: Path, env: dict[str, str], *options: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "cli", "run", "--sources", str(sources), "--home", str(home)]
    command += ["--workers", "2", *options]
    with log.open("wb") as out:
        return subprocess.Popen(  # a session of its own: `stop` ends the group if the test fails
            command,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            preexec_fn=interruptible,
            start_new_session=True,
        )


def _workers(run: subprocess.Popen) -> list[psutil.Process]:
    """The run's worker processes (spawned by multiprocessing), once both are up."""
    try:
        children = psutil.Process(run.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []
    spawned = [c for c in children if "multiprocessing" in " ".join(c.cmdline())]
    return children if len(spawned) >= 2 else []


def _query(home: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(home / "clusterwatch.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_sigterm_in_extraction_stops_the_run_cleanly_and_the_next_run_loads_it_all(
    paced_site: Path, tmp_path: Path, prefect_api_env: dict[str, str]
) -> None:
    home, log = tmp_path / "home", tmp_path / "run.log"
    env = {
        **os.environ,
        **prefect_api_env,
        "PYTHONUNBUFFERED": "1",
        "COLUMNS": "200",
        "CLUSTERWATCH_FETCH__PER_HOST_DELAY": "1.5",  # the crawl goes on while the first batches extract
        "CLUSTERWATCH_FETCH__PER_HOST_CONCURRENCY": "1",
    }
    run = _run(paced_site, home, log, env, "--batch-size", "2")  # small batches: extraction starts early
    children: list[psutil.Process] = []
    try:
        wait_until(lambda: "processed " in log.read_text(errors="replace"), 600, "a batch loaded", log, run)
        children = wait_until(lambda: _workers(run), 120, "both workers up", log, run)
        run.send_signal(signal.SIGTERM)
        code = run.wait(timeout=300)
    finally:
        stop(run)
    output = log.read_text(errors="replace")
    assert code == 143, tail(log)
    told = [line for line in output.splitlines() if "stopped by signal SIGTERM" in line]
    assert len(told) == 1 and "recorded as failed" in told[0], tail(log)
    assert "leaked semaphore" not in output and "Traceback" not in output, tail(log)
    wait_until(lambda: not any(alive(c.pid) for c in children), 60, "every child gone", log)

    status, reason = _query(home, "SELECT status, failure_reason FROM etl_run")[0]
    assert (status, reason) == ("failed", "stopped by signal SIGTERM")
    assert _query(home, "SELECT count(*) FROM fact_article") == [(0,)]  # nothing of the run loaded
    assert not published_path(home).exists()  # nor published

    quick = {k: v for k, v in env.items() if not k.startswith("CLUSTERWATCH_FETCH__")}
    quick["CLUSTERWATCH_FETCH__PER_HOST_DELAY"] = "0"
    after = _run(paced_site, home, tmp_path / "after.log", quick)
    try:
        assert after.wait(timeout=600) == 0, tail(tmp_path / "after.log")  # the lease was let go
    finally:
        stop(after)
    (loaded, fetched, status), *_ = _query(
        home, "SELECT articles_loaded, pages_fetched, status FROM etl_run WHERE status <> 'failed'"
    )
    assert status == "completed" and loaded > 0
    assert _query(home, "SELECT count(*), count(DISTINCT url) FROM fact_article") == [(loaded, loaded)]
    # every page fetched again, each once
    fetched_urls = "SELECT count(DISTINCT url) FROM fetch_log WHERE kind = 'page' AND outcome = 'fetched'"
    assert _query(home, fetched_urls) == [(fetched,)] and fetched >= PAGES


# a command that stops slowly: the first signal's RunStopped is caught and the cleanup takes ten minutes
SLOW_STOP = """
import sys, time
from flows.stopping import RunStopped, handled
with handled():
    try:
        print("running", flush=True)
        time.sleep(600)
    except RunStopped as exc:
        print(exc.told(), flush=True)
        time.sleep(600)
"""


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_second_signal_while_stopping_ends_the_process_at_once(sig: signal.Signals, code: int) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = piped([sys.executable, "-c", SLOW_STOP], env, start_new_session=True)
    try:
        assert process.stdout.readline() == "running\n"
        process.send_signal(sig)
        assert process.stdout.readline() == f"stopped by signal {sig.name}: no run was started\n"
        process.send_signal(sig)
        _, err = process.communicate(timeout=60)
    finally:
        stop(process)
    assert process.returncode == code
    assert err.strip() == f"error: stopped by a second signal ({sig.name}) while stopping"


# a command whose run reaches its commit (`hold`) before the signal, or not
HELD = """
import os, signal, sys
from flows.stopping import RunStopped, handled, held_signal, hold
try:
    with handled():
        if sys.argv[1] == "commit":
            hold()
        os.kill(os.getpid(), signal.SIGTERM)
        print("finished", flush=True)
except RunStopped as exc:
    print(exc.told(), flush=True)
print("held", held_signal(), flush=True)
"""


@pytest.mark.parametrize(
    ("stage", "lines"),
    [
        ("commit", ["finished", "held 15"]),
        ("batches", ["stopped by signal SIGTERM: no run was started", "held 15"]),
    ],
)
def test_a_signal_once_the_commit_began_waits_for_the_run(stage: str, lines: list[str]) -> None:
    """Before the commit a signal stops the run; once the commit began the run finishes, the signal kept
    for the command to tell of after it."""
    done = subprocess.run(
        [sys.executable, "-c", HELD, stage],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == lines


def test_sigterm_to_the_demo_stops_it_with_its_line_and_code(tmp_path: Path) -> None:
    """`clusterwatch demo` is stopped as `run` is: the signal right after the site is served (the run
    starting) gives the one line and 143, not a process ended by the signal."""
    command = [sys.executable, "-m", "cli", "demo", "--port", "0", "--home", str(tmp_path / "home")]
    process = piped(command, {**os.environ, "PYTHONUNBUFFERED": "1"}, start_new_session=True)
    try:
        line = process.stdout.readline()
        assert line.startswith("serving the sample site at "), line
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=120)
    finally:
        stop(process)
    assert process.returncode == 143, err
    assert "error: stopped by signal SIGTERM" in err
