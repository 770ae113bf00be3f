"""`clusterwatch report`, `dictionary` and `demo --serve-only`, as a user runs them."""

from __future__ import annotations

import os
import shutil
import signal
import sys
from pathlib import Path

import httpx
from typer.testing import CliRunner

from cli.main import app
from reports.dictionary import dictionary_markdown
from tests.processes import piped


def test_report_writes_the_pages_and_says_where(bad_home: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    shutil.copytree(bad_home, home)
    result = CliRunner().invoke(app, ["report", "--home", str(home)], terminal_width=200)
    assert result.exit_code == 0, result.output
    index = home / "report" / "index.html"
    assert index.is_file() and str(index) in result.output.replace("\n", "")
    assert "run id:   r1" in result.output
    out = tmp_path / "elsewhere" / "report.html"
    result = CliRunner().invoke(app, ["report", "--home", str(home), "--out", str(out)])
    assert result.exit_code == 0 and out.is_file() and (out.parent / "quality.html").is_file()


def test_report_without_a_database_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["report", "--home", str(tmp_path)], terminal_width=200)
    assert result.exit_code == 2 and "no database" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_dictionary_writes_the_markdown(tmp_path: Path) -> None:
    out = tmp_path / "dd.md"
    result = CliRunner().invoke(app, ["dictionary", "--out", str(out)])
    assert result.exit_code == 0 and out.read_text(encoding="utf-8") == dictionary_markdown()


def test_serve_only_serves_the_sample_site_until_interrupted(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "200"}
    args = [sys.executable, "-m", "cli", "demo", "--serve-only", "--port", "0", "--home", str(tmp_path)]
    process = piped(args, env)  # Ctrl-C as in a terminal, even in a suite run in the background
    try:
        first = process.stdout.readline()
        assert first.startswith("serving the sample site at http://127.0.0.1:"), first
        base = first.split(" at ", 1)[1].strip()
        assert "<rss" in httpx.get(f"{base}/rss.xml", timeout=10).text
        assert process.stdout.readline().startswith("sources:")
        assert base in (tmp_path / "sample-sources.yaml").read_text(encoding="utf-8")
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "stopped" in out and not (tmp_path / "clusterwatch.duckdb").exists()  # nothing was crawled
