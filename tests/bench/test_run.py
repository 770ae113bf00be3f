"""The benchmark runner's parts: stage times as the run recorded them, the sources file, the env."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import yaml

from bench.run import pipeline_env, recorded_stages, sources_yaml
from warehouse.load import RunRecord, record_run
from warehouse.schema import connect


def test_recorded_stages_come_from_the_run_and_the_rest_is_startup(tmp_path: Path) -> None:
    run = RunRecord(
        "r1", None, datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 1, 1, tzinfo=UTC), "completed"
    )
    with connect(tmp_path / "clusterwatch.duckdb") as con:
        record_run(con, run, {"crawl": 3.5, "extract": 4.0, "load": 1.0})
    stages = recorded_stages(tmp_path, 25.0)
    assert stages == {"startup, orchestration and shutdown": 16.5, "crawl": 3.5, "extract": 4.0, "load": 1.0}


def test_sources_file_lists_only_the_sitemap() -> None:
    config = yaml.safe_load(sources_yaml("http://127.0.0.1:4000"))
    assert config["allow_private_networks"] is True
    (source,) = config["sources"]
    assert source["sitemaps"] == ["http://127.0.0.1:4000/sitemap.xml"]
    assert "feeds" not in source and "start_urls" not in source


def test_pipeline_env_switches_politeness_off_and_lifts_the_page_cap() -> None:
    from config.settings import load_settings

    env = pipeline_env(2000)
    fetch = load_settings(environ=env).fetch
    assert fetch.max_pages_per_source > 2000
    if "politeness_limits" in type(fetch).model_fields:
        assert fetch.politeness_limits is False
    if "per_host_delay" in type(fetch).model_fields:
        assert fetch.per_host_delay == 0


HOLDS_MEMORY = """
import sys
block = bytearray(64 * 2**20)  # resident once written
block[:: 4096] = b"x" * len(block[:: 4096])
print("ready", flush=True)
sys.stdin.readline()
"""


def test_the_memory_trace_is_written_while_the_process_runs(tmp_path: Path) -> None:
    import subprocess
    import sys
    import time

    from bench.run import TreeRss

    trace = tmp_path / "rss.tsv"
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDS_MEMORY], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None and child.stdout.readline() == "ready\n"
        with TreeRss(child.pid, interval=0.05, trace=trace, every=0.1) as rss:
            deadline = time.monotonic() + 120
            while len(trace.read_text().splitlines() if trace.exists() else []) < 2:
                assert time.monotonic() < deadline, "no trace written"
                time.sleep(0.05)
    finally:
        child.communicate("\n")
    rows = [line.split("\t") for line in trace.read_text().splitlines()]
    assert all(len(row) == 3 for row in rows)
    seconds, tree, largest = (list(map(float, column)) for column in zip(*rows, strict=True))
    assert seconds == sorted(seconds)
    assert min(largest) >= 64 and min(tree) >= min(largest)  # the child's 64 MB block, resident
    assert rss.peak_kb / 1024 >= max(tree) - 0.5  # the trace rounds to whole MB
