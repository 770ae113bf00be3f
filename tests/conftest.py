"""Shared fixtures: the sample site over real HTTP on loopback, a Prefect test server, DuckDB, and the
session's runs of the flow over the sample site that many tests only read."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from samples.server import serve_site, sources_yaml

DATA = Path(__file__).parent / "data"

# The sample site is our own, on loopback: no per-host politeness delay in tests.
os.environ.setdefault("CLUSTERWATCH_FETCH__PER_HOST_DELAY", "0")
# Tests call some tasks outside a flow (report_task): Prefect would warn that their logs have no flow
# run to go to, once per call.
os.environ.setdefault("PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW", "ignore")
# Cached task results of the tests go to a scratch folder, not to the user's Prefect storage.
os.environ.setdefault("PREFECT_LOCAL_STORAGE_PATH", tempfile.mkdtemp(prefix="clusterwatch-test-results-"))


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """A temporary Prefect server and database for the whole session (started only if a test asks)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def prefect_api_env(prefect_harness: None) -> dict[str, str]:
    """PREFECT_API_URL of the session's test server, for `clusterwatch` processes that would otherwise
    start a temporary server of their own (tests of that start-up leave it out)."""
    from prefect.settings import PREFECT_API_URL

    return {"PREFECT_API_URL": str(PREFECT_API_URL.value())}


@pytest.fixture(scope="session")
def sample_site() -> Iterator[str]:
    with serve_site() as base_url:
        yield base_url


@pytest.fixture
def sample_sources(sample_site: str, tmp_path: Path) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(sources_yaml(sample_site), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def sample_run(prefect_harness: None, sample_site: str, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The summary of one run of the flow over the sample site into a home of its own, with the default
    settings (built once per session: the tests that take it only read its home)."""
    from flows.news_etl import news_etl

    home = tmp_path_factory.mktemp("sample-run")
    sources = home / "sources.yaml"
    sources.write_text(sources_yaml(sample_site), encoding="utf-8")
    return news_etl(str(sources), str(home))


@pytest.fixture(scope="session")
def sample_rerun(sample_run: dict, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The summary of a second run over the unchanged sample site, on a copy of `sample_run`'s home (which
    stays as the first run left it): every page answers 304 and nothing new is loaded."""
    from flows.news_etl import news_etl

    home = copy_home(sample_run, tmp_path_factory.getbasetemp() / "sample-rerun")
    return news_etl(str(home / "sources.yaml"), str(home))


@pytest.fixture(scope="session")
def sample_run_in_batches(
    prefect_harness: None, sample_site: str, tmp_path_factory: pytest.TempPathFactory
) -> dict:
    """The summary of one run over the sample site in batches of two pages, on the default runner, into a
    home of its own (built once per session; the tests that run again on its home take a copy_home)."""
    from flows.news_etl import news_etl

    home = tmp_path_factory.mktemp("sample-run-in-batches")
    sources = home / "sources.yaml"
    sources.write_text(sources_yaml(sample_site), encoding="utf-8")
    return news_etl(str(sources), str(home), batch_size=2)


def copy_home(summary: dict, to: Path) -> Path:
    """A copy of the home of a run's summary at `to`, for a test that runs again on it; returns `to`."""
    shutil.copytree(Path(summary["database"]).parent, to)
    return to


@pytest.fixture(scope="session")
def site_truth() -> list[dict]:
    return json.loads((DATA / "sample_site_truth.json").read_text(encoding="utf-8"))


@pytest.fixture
def memory_db() -> Iterator[duckdb.DuckDBPyConnection]:
    from warehouse.schema import apply_schema

    con = duckdb.connect(":memory:")
    apply_schema(con)
    yield con
    con.close()
