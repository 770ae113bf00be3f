"""The CLI's pre-check over a copy of the sample site on loopback and a real DuckDB file: a second run on
unchanged pages is recorded without a flow; a changed page stops it, and the flow goes on from it (each
URL requested once in the run) and loads that page once; with the setting off, `clusterwatch run` starts
the flow as before."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from config.settings import load_settings
from flows.news_etl import news_etl
from flows.precheck.check import precheck
from samples.server import SITE_DIR, serve_site, sources_yaml

CHANGED_PAGE = "news/2021/04/27/kaluga-industrial-clusters.html"


@dataclass(frozen=True)
class Site:
    home: Path
    sources: Path
    pages: Path  # the served copy of the sample site
    base_url: str
    requests: Counter[str]  # the requests the site served, by path


@pytest.fixture(scope="module")
def first_run(prefect_harness: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """A first run (the flow, in this process) of a copy of the sample site that the tests may change."""
    root = tmp_path_factory.mktemp("precheck")
    pages = root / "site"
    shutil.copytree(SITE_DIR, pages)
    requests: Counter[str] = Counter()
    with serve_site(pages, requests=requests) as base_url:
        sources = root / "sources.yaml"
        sources.write_text(sources_yaml(base_url), encoding="utf-8")
        home = root / "home"
        news_etl(str(sources), str(home), workers=1)
        yield Site(home, sources, pages, base_url, requests)


def _one(home: Path, sql: str, *params: object) -> tuple:
    with duckdb.connect(str(home / "clusterwatch.duckdb"), read_only=True) as con:
        return con.execute(sql, list(params)).fetchone()


def _runs(home: Path) -> int:
    return _one(home, "SELECT count(*) FROM etl_run")[0]


def test_unchanged_pages_are_recorded_as_a_run_without_a_flow(first_run: Site) -> None:
    settings = load_settings(home=first_run.home)
    before = _runs(first_run.home)
    recorded = precheck(first_run.sources, settings)
    assert recorded is not None and recorded.sources == 1
    summary = recorded.summary
    run_id = summary["run_id"]
    assert summary["pages_fetched"] == 0 and summary["pages_not_modified"] == 6
    row = _one(
        first_run.home,
        "SELECT status, flow_run_id, pages_discovered, pages_not_modified, pages_skipped FROM etl_run "
        "WHERE run_id = ?",
        run_id,
    )
    assert row == ("completed", None, 7, 6, 1)
    assert _runs(first_run.home) == before + 1
    logged = _one(
        first_run.home,
        "SELECT count(*) FILTER (kind = 'page'), count(*) FILTER (kind = 'seed'), "
        "count(*) FILTER (kind = 'page' AND outcome = 'not_modified') FROM fetch_log WHERE run_id = ?",
        run_id,
    )
    first_seeds = _one(
        first_run.home,
        "SELECT count(*) FROM fetch_log WHERE kind = 'seed' AND run_id = "
        "(SELECT run_id FROM etl_run ORDER BY started_at LIMIT 1)",
    )
    assert logged == (7, first_seeds[0], 6)  # every page and seed has its row, as in the flow's runs
    reconciled = _one(
        first_run.home, "SELECT count(*) FROM dq_result WHERE run_id = ? AND suite = 'reconciliation'", run_id
    )
    assert reconciled[0] > 0
    with duckdb.connect(summary["published"], read_only=True) as snapshot:
        assert snapshot.execute("SELECT status FROM etl_run WHERE run_id = ?", [run_id]).fetchone() == (
            "completed",
        )


def test_a_changed_page_stops_the_precheck_and_the_flow_loads_it_once(first_run: Site) -> None:
    page = first_run.pages / CHANGED_PAGE
    added = "<p>Калужская область открыла ещё один технопарк в Обнинске для резидентов кластера.</p>"
    html = page.read_bytes()  # the page is in windows-1251
    page.write_bytes(html.replace(b"</article>", f"{added}</article>".encode("cp1251"), 1))
    settings = load_settings(home=first_run.home)
    runs, logged = _runs(first_run.home), _one(first_run.home, "SELECT count(*) FROM fetch_log")
    first_run.requests.clear()
    assert precheck(first_run.sources, settings) is None
    assert (_runs(first_run.home), _one(first_run.home, "SELECT count(*) FROM fetch_log")) == (runs, logged)
    summary = news_etl(str(first_run.sources), str(first_run.home), workers=1)
    assert summary["pages_fetched"] == 1 and summary["pages_not_modified"] == 5
    # the flow went on from the check: robots.txt, the feed, the sitemap and every page were requested
    # once in the run, the changed page included (the disallowed one never); the start page twice, as
    # in any crawl: read as a seed, then as one of the pages (the listing)
    served = dict(first_run.requests)
    assert served.pop("/") == 2 and max(served.values()) == 1 and len(served) == 3 + 5, served
    assert {"/robots.txt", "/rss.xml", "/sitemap.xml", f"/{CHANGED_PAGE}"} <= served.keys()
    url = f"{first_run.base_url}/{CHANGED_PAGE}"
    fetched = _one(
        first_run.home,
        "SELECT count(*) FROM fetch_log WHERE run_id = ? AND url = ? AND outcome = 'fetched'",
        summary["run_id"],
        url,
    )
    assert fetched == (1,)
    assert summary["articles_loaded"] + summary["articles_held_back"] == 1  # loaded (or held) once


def _cli(site: Site, **variables: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CLUSTERWATCH_HOME": str(site.home), "CLUSTERWATCH_FETCH__PER_HOST_DELAY": "0"}
    return subprocess.run(
        [sys.executable, "-m", "cli", "run", "--sources", str(site.sources), "--workers", "1"],
        capture_output=True,
        text=True,
        env={**env, **variables},
        timeout=300,
        check=False,
    )


def test_the_cli_says_nothing_changed_in_one_line_or_with_the_setting_off_starts_the_flow(
    first_run: Site, prefect_api_env: dict[str, str]
) -> None:
    checked = _cli(first_run, **prefect_api_env)
    assert checked.returncode == 0, checked.stderr
    lines = checked.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("nothing changed at 1 source; run ")
    assert lines[0].endswith(" recorded, no flow started")
    run_id = lines[0].split("run ", 1)[1].split()[0]
    assert _one(first_run.home, "SELECT status, flow_run_id FROM etl_run WHERE run_id = ?", run_id) == (
        "completed",
        None,
    )
    flowed = _cli(first_run, CLUSTERWATCH_RUN__PRECHECK="false", **prefect_api_env)
    assert flowed.returncode == 0, flowed.stderr
    assert "nothing changed" not in flowed.stdout and "pages found" in flowed.stdout
    latest = _one(first_run.home, "SELECT pages_fetched, flow_run_id FROM etl_run ORDER BY started_at DESC")
    assert latest[0] == 0 and latest[1] is not None  # today's path: a flow run, nothing new fetched
