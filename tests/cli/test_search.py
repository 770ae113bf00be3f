"""`clusterwatch search`, run as a user runs it, on the snapshot a real demo run published."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.processes import REPO
from tests.warehouse.conftest import demo  # noqa: F401  (the demo flow, run once per session)


def _search(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "cli", "search", *args, "--home", str(home)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture
def home(demo: dict) -> Path:  # noqa: F811
    return Path(demo["database"]).parent


def test_a_russian_form_finds_the_article_as_json(home: Path) -> None:
    done = _search("технопарке", "--format", "json", home=home)
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert rows and all(r["language"] == "ru" and "технопарк" in r["snippet"].lower() for r in rows)
    assert list(rows[0]) == ["title", "published_date", "language", "url", "score", "snippet"]
    assert rows[0]["url"].endswith("/news/2021/04/27/kaluga-industrial-clusters.html")


def test_csv_with_language_date_and_limit(home: Path) -> None:
    done = _search("clusters", "--lang", "en", "--limit", "2", "--format", "csv", home=home)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert len(rows) == 2 and {r["language"] for r in rows} == {"en"}
    scores = [float(r["score"]) for r in rows]
    assert scores == sorted(scores, reverse=True)
    since = _search("clusters", "--since", "2015-01-01", "--format", "json", home=home)
    dated = json.loads(since.stdout)
    assert all(r["published_date"] and r["published_date"] >= "2015-01-01" for r in dated)


def test_the_table_says_how_many_articles(home: Path) -> None:
    done = _search("tax benefits", home=home)
    assert done.returncode == 0, done.stderr
    assert "Kaluga Industrial Sites" in done.stdout and done.stdout.rstrip().endswith("1 articles")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["x", "--lang", "de"], "'de' is not one of 'ru', 'en'"),
        (["x", "--since", "2021-13-01"], "Invalid value for '--since'"),
        (["x", "--limit", "0"], "Invalid value for '--limit'"),
        (["   "], "error: the query is empty"),
    ],
)
def test_bad_input_is_one_clear_line(home: Path, args: list[str], message: str) -> None:
    done = _search(*args, home=home)
    assert done.returncode == 2 and message in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_without_a_database_it_says_what_to_run(tmp_path: Path) -> None:
    done = _search("кластер", home=tmp_path)
    assert done.returncode == 2 and "run `clusterwatch run` or `clusterwatch demo` first" in done.stderr


def test_clusterwatch_sql_runs_the_search_macro(home: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    query = "SELECT url, language FROM search_articles('технопарками') ORDER BY score DESC"
    done = subprocess.run(
        [sys.executable, "-m", "cli", "sql", query, "--format", "json", "--home", str(home)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert [r["language"] for r in rows] == ["ru"]  # an unseen form finds the article by its stem
    assert rows[0]["url"].endswith("/news/2021/04/27/kaluga-industrial-clusters.html")
