"""The benchmark runner's pure parts: stage times from Prefect's log, the sources file, the env."""

from __future__ import annotations

from datetime import datetime

import pytest
import yaml

from bench.run import pipeline_env, sources_yaml, stage_seconds

LOG = """\
10:00:05.000 | INFO    | prefect - Starting temporary server on http://127.0.0.1:8181
10:00:12.000 | INFO    | Flow run 'broad-armadillo' - Beginning flow run 'broad-armadillo' for flow 'news_etl'
10:00:14.000 | INFO    | Task run 'crawl-1f5' - discovered 20 pages: {'fetched': 20}
10:00:15.500 | INFO    | Task run 'crawl-1f5' - Finished in state Completed()
10:00:16.000 | INFO    | Flow run 'super-kudu' - Beginning subflow run 'super-kudu' for flow 'process_pages'
10:00:19.000 | INFO    | Task run 'extract-ee3' - Finished in state Completed()
10:00:20.000 | INFO    | Task run 'extract-6fc' - Finished in state Completed()
10:00:21.000 | INFO    | Flow run 'super-kudu' - Finished in state Completed()
10:00:22.000 | INFO    | Task run 'load-7bc' - Finished in state Completed()
10:00:22.500 | INFO    | Flow run 'broad-armadillo' - Finished in state Completed()
"""


def test_stage_seconds_charges_each_stage_up_to_its_end() -> None:
    stages = stage_seconds(LOG, datetime(2026, 1, 1, 10, 0, 0), 25.0)
    assert stages == {
        "imports and setup": 5.0,
        "Prefect server start": 7.0,
        "crawl": 3.5,
        "flow overhead": 0.5,
        "extract": 4.0,
        "process_pages (rest)": 1.0,
        "load": 1.0,
        "news_etl (rest)": 0.5,
        "shutdown": 2.5,
    }
    assert sum(stages.values()) == pytest.approx(25.0)


def test_stage_seconds_across_midnight() -> None:
    log = "00:00:02.000 | INFO    | prefect - Starting temporary server on http://127.0.0.1:1\n"
    stages = stage_seconds(log, datetime(2026, 1, 1, 23, 59, 59), 5.0)
    assert stages == {"imports and setup": pytest.approx(3.0), "shutdown": pytest.approx(2.0)}


def test_stage_seconds_without_prefect_lines_is_all_one_stage() -> None:
    assert stage_seconds("no log here\n", datetime(2026, 1, 1, 10, 0), 4.0) == {"shutdown": 4.0}


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
