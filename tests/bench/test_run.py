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
