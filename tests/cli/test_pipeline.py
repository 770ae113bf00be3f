"""`clusterwatch run` and `clusterwatch demo`, run as a user runs them."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import duckdb
import psutil
import pytest
from pytest_httpserver import HTTPServer

from flows.news_etl import news_etl
from tests.processes import REPO, alive, kill_hard, start, stop, wait_until
from warehouse.publish import published_path
from warehouse.schema import connect


def _cli(*args: str, home: Path, **variables: str) -> subprocess.CompletedProcess[str]:
    # a loaded machine (parallel test runs) can take longer than Prefect's 20 s to start its server
    startup = {"PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180"}
    env = {**startup, **os.environ, "CLUSTERWATCH_HOME": str(home), **variables}
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
    lines = result.stdout.strip().splitlines()
    assert any(
        line.startswith("report:") and str(tmp_path / "report" / "index.html") in line for line in lines
    )
    last = lines[-1]  # the demo ends with where the example watchlists' digests are
    assert str(tmp_path / "digest" / "cluster-policy" / "index.html") in last
    progress = re.findall(r"^(\S+) (fetched|processed) ", result.stderr, re.M)
    assert {stage for _, stage in progress} == {"fetched", "processed"}
    assert all(datetime.fromisoformat(stamp).tzinfo is not None for stamp, _ in progress)  # ISO 8601
    assert "| WARNING" not in result.stderr and "Error logging to API" not in result.stderr
    assert _labels(result.stdout) == _labels(README_DEMO), "the README's demo output is not what it prints"
    assert result.stdout.count(" s (crawl to publish)") == 1 and "Validation time" not in result.stdout


README = (REPO / "README.md").read_text(encoding="utf-8")
README_DEMO = README.split("make demo` prints", 1)[1].split("A second `make demo`", 1)[0]


def _labels(output: str) -> list[str]:
    """What each line of the demo's output is, in order: the first cell of a table row, or the name
    before the colon of a `name: value` line (what the README shows and the demo prints must agree)."""
    found = re.findall(r"^\s*(?:[│┃] *([a-z][a-z_ ]*?) *[│┃]|([a-z][a-z ]*):\s)", output, re.M)
    return [cell or name for cell, name in found]


def test_misspelt_key_in_the_sources_file_is_refused_naming_file_source_and_key(tmp_path: Path) -> None:
    sources = tmp_path / "sources.yaml"
    sources.write_text(
        "sources:\n  - name: akitrf\n    sitemap: [https://a.example/sitemap.xml]\n"
        "    start_urls: [https://a.example/]\n",
        encoding="utf-8",
    )
    result = _cli("run", "--sources", str(sources), home=tmp_path)
    assert result.returncode == 2
    assert f"{sources}: source 'akitrf': unknown key 'sitemap' (did you mean 'sitemaps'?)" in result.stdout
    assert "Traceback" not in result.stderr


def test_non_utf8_sources_file_is_one_clear_line(tmp_path: Path) -> None:
    sources = tmp_path / "sources.yaml"
    sources.write_bytes("sources:\n  - name: калуга\n    start_urls: [https://a.example/]\n".encode("cp1251"))
    result = _cli("run", "--sources", str(sources), home=tmp_path)
    assert result.returncode == 2
    assert "not UTF-8" in result.stdout and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("CLUSTERWATCH_BATCH_SIZE", "abc"),
        ("CLUSTERWATCH_BATCH_SIZE", "0"),
        ("CLUSTERWATCH_FETCH__READ_TIMEOUT", "inf"),
        ("CLUSTERWATCH_EXTRACT__MAX_PAGE_BYTES", "-1"),
        ("CLUSTERWATCH_WORKERS", "100000"),
    ],
)
def test_bad_setting_variable_is_named_in_one_line(tmp_path: Path, name: str, value: str) -> None:
    sources = tmp_path / "sources.yaml"
    sources.write_text("sources:\n  - name: a\n    start_urls: [https://a.example/]\n", encoding="utf-8")
    result = _cli("run", "--sources", str(sources), home=tmp_path, **{name: value})
    assert result.returncode == 2
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"error: {name}='{value}': ")
    assert not (tmp_path / "clusterwatch.duckdb").exists()  # stopped before the run
    assert "Traceback" not in result.stderr and "ValidationError" not in result.stderr


def test_misspelt_variable_is_warned_about(tmp_path: Path) -> None:
    result = _cli("run", "--sources", str(tmp_path / "nope.yaml"), home=tmp_path, CLUSTERWATCH_BACH_SIZE="5")
    assert "warning: CLUSTERWATCH_BACH_SIZE is not a clusterwatch setting" in result.stderr
    assert "did you mean CLUSTERWATCH_BATCH_SIZE?" in result.stderr


def test_a_source_that_gives_nothing_is_named_with_its_reasons(
    httpserver: HTTPServer, tmp_path: Path, prefect_api_env: dict[str, str]
) -> None:
    """A sitemap that 404s and a start page the network guard refuses: the run completes with 0 pages,
    the summary names the source and why, and fetch_log keeps a row per seed."""
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/sitemap.xml").respond_with_data("gone", status=404)
    sources = tmp_path / "sources.yaml"
    sources.write_text(
        "allow_private_networks: true\n"
        "sources:\n"
        "  - name: down-source\n"
        f"    sitemaps: [{httpserver.url_for('/sitemap.xml')}]\n"
        "    start_urls: ['http://169.254.169.254/news/']\n"
        "    allowed_domains: [localhost, 169.254.169.254]\n",
        encoding="utf-8",
    )
    result = _cli(
        "run",
        "--sources",
        str(sources),
        home=tmp_path,
        CLUSTERWATCH_FETCH__PER_HOST_DELAY="0",
        **prefect_api_env,
    )
    assert result.returncode == 3, result.stderr  # every source failed: a monitor sees it in the status
    out = " ".join(result.stdout.split())
    assert out.endswith("error: no source gave a page (1 source(s) without pages, 0 pages failed)")
    assert "1 source(s) gave no pages:" in out
    assert f"down-source: sitemap {httpserver.url_for('/sitemap.xml')}: failed (HTTP 404)" in out
    assert "start_page http://169.254.169.254/news/: failed (169.254.169.254 resolves to" in out
    assert "seed URLs not read: 2" in out
    with duckdb.connect(str(tmp_path / "clusterwatch.duckdb"), read_only=True) as con:
        seeds = con.execute("SELECT via, outcome FROM fetch_log WHERE kind = 'seed' ORDER BY via").fetchall()
        status = con.execute("SELECT status, pages_discovered FROM etl_run").fetchall()
    assert seeds == [("sitemap", "failed"), ("start_page", "failed")]
    assert status == [("completed", 0)]


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


def _fetch_counts(home: Path) -> tuple[list[tuple], list[tuple]]:
    with duckdb.connect(str(home / "clusterwatch.duckdb"), read_only=True) as con:
        per_url = con.execute(
            "SELECT url, count(*) FILTER (WHERE outcome = 'fetched') FROM fetch_log WHERE kind = 'page' "
            "GROUP BY url ORDER BY url"
        ).fetchall()
        runs = con.execute("SELECT status, pages_fetched FROM etl_run ORDER BY started_at").fetchall()
    return per_url, runs


def test_two_runs_at_once_on_one_home_fetch_each_url_once(
    tmp_path: Path, sample_sources: Path, prefect_api_env: dict[str, str]
) -> None:
    """Two `clusterwatch run` processes on one HOME: the second waits for the lease, then finds every
    page unchanged; each URL is fetched once and both runs end completed."""
    home = tmp_path / "home"
    env = {
        **os.environ,
        "CLUSTERWATCH_FETCH__PER_HOST_DELAY": "0",
        "CLUSTERWATCH_RUN__LEASE_WAIT_SECONDS": "900",
        **prefect_api_env,  # as deployments on one server would run
    }
    command = [sys.executable, "-m", "cli", "run", "--sources", str(sample_sources), "--home", str(home)]
    runs = [start(command, env, tmp_path / f"run{n}.log") for n in (1, 2)]
    try:
        codes = [run.wait(timeout=900) for run in runs]
    finally:
        for run in runs:
            stop(run)
    assert codes == [0, 0], [(tmp_path / f"run{n}.log").read_text(errors="replace")[-2000:] for n in (1, 2)]
    per_url, recorded = _fetch_counts(home)
    assert max(fetched for _, fetched in per_url) == 1, per_url  # no URL fetched twice
    assert [status for status, _ in recorded] == ["completed", "completed"]
    assert sorted(fetched for _, fetched in recorded)[0] == 0  # the second found nothing new


def test_a_run_on_a_busy_home_stops_in_one_line_naming_the_holder(tmp_path: Path) -> None:
    from flows.lease import run_lease

    sources = tmp_path / "sources.yaml"
    sources.write_text("sources:\n  - name: a\n    start_urls: [https://a.example/]\n", encoding="utf-8")
    with run_lease(tmp_path, 0):
        result = _cli("run", "--sources", str(sources), home=tmp_path)
    assert result.returncode == 2
    lines = (result.stdout + result.stderr).strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: another run is using {tmp_path}"), lines
    assert f"PID {os.getpid()} on {socket.gethostname()}" in lines[0]


def test_a_damaged_database_is_one_line_before_anything_is_fetched(tmp_path: Path) -> None:
    """The working database cut to half its size: one line naming the file and where to read what to do;
    the crawl never starts (the source's server gets no request)."""
    with duckdb.connect(str(tmp_path / "clusterwatch.duckdb")) as con:
        con.execute("CREATE TABLE filler AS SELECT range AS a, md5(range::VARCHAR) AS b FROM range(300000)")
    database = tmp_path / "clusterwatch.duckdb"
    with database.open("r+b") as file:
        file.truncate(database.stat().st_size // 2)
    with HTTPServer() as server:
        sources = tmp_path / "sources.yaml"
        sources.write_text(
            f"sources:\n  - name: a\n    start_urls: [{server.url_for('/')}]\n", encoding="utf-8"
        )
        result = _cli("run", "--sources", str(sources), home=tmp_path)
        assert server.log == []
    assert result.returncode == 2
    lines = (result.stdout + result.stderr).strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {database} is damaged"), lines
    assert "docs/operations.md" in lines[0]


def test_a_run_that_failed_at_publish_records_what_it_did(
    prefect_harness: None, tmp_path: Path, sample_sources: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLUSTERWATCH_FETCH__PER_HOST_DELAY", "0")
    monkeypatch.setenv("CLUSTERWATCH_TASKS__PUBLISH__RETRY_DELAYS", "0")  # its retries, without the waits
    home = tmp_path / "home"
    (published_path(home) / "in-the-way").mkdir(parents=True)  # every publish try fails
    with pytest.raises(Exception):  # noqa: B017 - whatever publish raised
        news_etl(str(sample_sources), str(home))
    with duckdb.connect(str(home / "clusterwatch.duckdb"), read_only=True) as con:
        status, fetched, loaded = con.execute(
            "SELECT status, pages_fetched, articles_loaded FROM etl_run"
        ).fetchone()
        logged = con.execute(
            "SELECT count(*) FROM fetch_log WHERE outcome = 'fetched' AND kind = 'page'"
        ).fetchone()[0]
    assert status == "failed"
    assert fetched == logged > 0 and loaded == 5


def test_many_empty_sources_are_summed_up_not_listed_twice(
    httpserver: HTTPServer, tmp_path: Path, prefect_api_env: dict[str, str]
) -> None:
    """Eighty sources whose start pages list nothing: each named at most once, the first few dozen by
    name and the rest as a count; the flow's per-source warnings are not printed besides."""
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/empty").respond_with_data(
        "<html><body></body></html>", content_type="text/html"
    )
    lines = ["allow_private_networks: true", "sources:"]
    for n in range(80):
        lines += [f"  - name: empty-{n:02d}", f"    start_urls: ['{httpserver.url_for('/empty')}?n={n}']"]
    sources = tmp_path / "sources.yaml"
    sources.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _cli(
        "run",
        "--sources",
        str(sources),
        home=tmp_path,
        CLUSTERWATCH_FETCH__PER_HOST_DELAY="0",
        **prefect_api_env,
    )
    assert result.returncode == 3, result.stderr  # no source gave a page: a monitor is to be told
    output = result.stdout + result.stderr
    assert "80 source(s) gave no pages:" in output
    named = [n for n in range(80) if f"empty-{n:02d}" in output]
    assert named == list(range(30))  # listed once each (the names are unique substrings)
    assert all(output.count(f"empty-{n:02d}:") == 1 for n in named)
    assert "… and 50 more" in output
    assert "gave no pages" not in result.stderr
