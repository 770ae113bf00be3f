"""The README's commands, run as a user runs them, and the prefect.yaml entrypoints."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import yaml
from prefect import Flow
from typer.testing import CliRunner

from flows.cli import app

ROOT = Path(__file__).resolve().parents[2]
RU_PAGE = ROOT / "samples/site/news/2021/04/27/kaluga-industrial-clusters.html"


def _cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CLUSTERWATCH_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def test_extract_prints_the_article_as_json() -> None:
    result = CliRunner().invoke(app, ["extract", str(RU_PAGE), "--url", "http://x.test/a.html"])
    assert result.exit_code == 0, result.output
    article = json.loads(result.output)
    assert {"url", "title", "author", "published", "language", "sitename", "text"} <= set(article)
    assert article["published"] == "2021-04-27" and article["language"] == "ru"
    assert article["title"].startswith("Владислав Шапша сообщил")


def test_extract_refuses_a_listing_page() -> None:
    result = CliRunner().invoke(app, ["extract", str(ROOT / "samples/site/index.html")])
    assert result.exit_code == 1
    assert "not an article" in result.output


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


def test_every_prefect_yaml_entrypoint_imports() -> None:
    config = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    for deployment in config["deployments"]:
        path, name = deployment["entrypoint"].split(":")
        module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
        assert isinstance(getattr(module, name), Flow), deployment["entrypoint"]
