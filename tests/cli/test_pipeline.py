"""`clusterwatch run` and `clusterwatch demo`, run as a user runs them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb


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
