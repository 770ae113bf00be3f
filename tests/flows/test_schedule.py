"""Scheduling: prefect.yaml mirrors flows/deployments.py, and a real Prefect server runs the deployments,
served by `clusterwatch serve` and deployed with `prefect deploy` to a process work pool worker."""

from __future__ import annotations

import inspect
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import duckdb
import httpx
import pytest
import yaml

from flows.deployments import (
    DEPLOYMENTS,
    TIMEZONE,
    DeploymentSpec,
    deployment_parameters,
    load_flow,
    prefect_yaml_entry,
)
from samples.server import SITE_DIR, SiteHandler, sources_yaml
from tests.processes import REPO, clean_env, free_port, start, stop, tail, wait_until

SERVE_COMMAND = [sys.executable, "-m", "cli", "serve"]
PREFECT_COMMAND = [sys.executable, "-m", "prefect"]
STARTUP_SECONDS = 240  # generous: CI has 2 cores, a cold server migrates its database first
RUN_SECONDS = 300
GATE_SECONDS = 120
SCHEDULED_SECONDS = 120  # for the scheduler to create a run due in at most 10 s


# ---------------------------------------------------------------- prefect.yaml and the specs


def test_prefect_yaml_mirrors_the_deployment_specs() -> None:
    entries = yaml.safe_load((REPO / "prefect.yaml").read_text(encoding="utf-8"))["deployments"]
    expected = [prefect_yaml_entry(spec) for spec in DEPLOYMENTS]
    assert [{key: entry.get(key) for key in expected[0]} for entry in entries] == expected
    assert {entry["work_pool"]["name"] for entry in entries} == {"clusterwatch"}


@pytest.mark.parametrize("spec", DEPLOYMENTS, ids=lambda spec: spec.full_name)
def test_deployment_parameters_are_parameters_of_the_flow(spec: DeploymentSpec) -> None:
    flow = load_flow(spec)
    assert flow.name == spec.flow_name
    assert set(spec.parameters) <= set(inspect.signature(flow.fn).parameters)


def test_serve_refuses_to_start_without_a_server(tmp_path: Path) -> None:
    result = _run_serve(tmp_path)
    assert result.returncode == 2
    assert "PREFECT_API_URL is not set" in result.stderr
    assert "prefect server start" in result.stderr


def test_serve_refuses_an_unreachable_server(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/api"
    result = _run_serve(tmp_path, PREFECT_API_URL=url)
    assert result.returncode == 2
    assert f"cannot reach the Prefect server at {url}" in result.stderr


def _run_serve(home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        SERVE_COMMAND,
        cwd=REPO,
        env=clean_env(PREFECT_HOME=str(home), **env),
        capture_output=True,
        text=True,
        timeout=STARTUP_SECONDS,
    )


# ---------------------------------------------------------------- the server and its API


@dataclass(frozen=True)
class Server:
    url: str
    env: dict[str, str]  # for the clients started by the tests: PREFECT_API_URL, a PREFECT_HOME
    folder: Path


def _healthy(url: str) -> bool:
    try:
        return httpx.get(f"{url}/health", timeout=5).status_code == 200
    except httpx.HTTPError:
        return False


@pytest.fixture(scope="module")
def prefect_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`prefect server start` on a free 127.0.0.1 port, with a temporary home and SQLite database and
    every service on, the scheduler included."""
    folder = tmp_path_factory.mktemp("prefect")
    port = free_port()
    url, log = f"http://127.0.0.1:{port}/api", folder / "server.log"
    env = clean_env(
        PREFECT_HOME=str(folder / "server-home"),
        PREFECT_API_DATABASE_CONNECTION_URL=f"sqlite+aiosqlite:///{folder / 'prefect.db'}",
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_UI_ENABLED="false",
        # the scheduler stays on, as in production; it looks for schedules to fill every second
        PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS="1",
    )
    process = start(
        [*PREFECT_COMMAND, "server", "start", "--host", "127.0.0.1", "--port", str(port)], env, log
    )
    try:
        wait_until(lambda: _healthy(url), STARTUP_SECONDS, "Prefect server health", log, process)
        # the sample site is ours, on loopback: the crawls need no politeness delay
        home = str(folder / "client-home")
        clients = clean_env(PREFECT_API_URL=url, PREFECT_HOME=home, CLUSTERWATCH_FETCH__PER_HOST_DELAY="0")
        yield Server(url, clients, folder)
    finally:
        stop(process)


@contextmanager
def _api(server: Server) -> Iterator[Any]:
    """A synchronous Prefect client of the test server."""
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: server.url}), get_client(sync_client=True) as client:
        yield client


def _deployment(client: Any, spec: DeploymentSpec) -> Any:
    from prefect.exceptions import ObjectNotFound

    try:
        return client.read_deployment_by_name(spec.full_name)
    except ObjectNotFound:
        return None


def _trigger(client: Any, spec: DeploymentSpec, **parameters: Any) -> Any:
    return client.create_flow_run_from_deployment(_deployment(client, spec).id, parameters=parameters)


def _state_of(client: Any, run_id: Any, types: set[str]) -> Any:
    """The flow run when its state type is one of `types`, else None."""
    run = client.read_flow_run(run_id)
    return run if run.state and run.state.type.value in types else None


FINAL = {"COMPLETED", "FAILED", "CANCELLED", "CRASHED"}


def _finished(client: Any, run: Any, log: Path) -> Any:
    return wait_until(lambda: _state_of(client, run.id, FINAL), RUN_SECONDS, f"flow run {run.name}", log)


def _articles(home: Path) -> int:
    with duckdb.connect(str(home / "clusterwatch.duckdb"), read_only=True) as con:
        return con.execute("SELECT count(*) FROM fact_article").fetchone()[0]


def _spec(name: str) -> DeploymentSpec:
    return next(spec for spec in DEPLOYMENTS if spec.name == name)


@contextmanager
def _schedule_every(client: Any, spec: DeploymentSpec, seconds: int, **parameters: Any) -> Iterator[Any]:
    """An extra schedule on the deployment, firing every `seconds` with at most one run scheduled
    ahead, removed afterwards: the server's scheduler creates the runs, nothing else."""
    from prefect.client.schemas.schedules import IntervalSchedule

    deployment = _deployment(client, spec)
    every = IntervalSchedule(interval=timedelta(seconds=seconds), anchor_date=datetime.now(UTC))
    schedule = client.create_deployment_schedules(
        deployment.id, [(every, True)], max_scheduled_runs=1, parameters=parameters
    )[0]
    try:
        yield schedule
    finally:
        client.delete_deployment_schedule(deployment.id, schedule.id)


def _first_scheduled_run(client: Any, spec: DeploymentSpec, schedule: Any) -> Any:
    """The earliest flow run the scheduler created from `schedule`, or None."""
    from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterId

    deployment = DeploymentFilter(id=DeploymentFilterId(any_=[_deployment(client, spec).id]))
    runs = [
        run
        for run in client.read_flow_runs(deployment_filter=deployment)
        if run.auto_scheduled and run.created_by and run.created_by.id == schedule.id
    ]
    return min(runs, key=lambda run: run.expected_start_time, default=None)


def _scheduled_run_completes(
    server: Server, spec: DeploymentSpec, log: Path, **parameters: Any
) -> tuple[Any, list[str]]:
    """The first run the scheduler created from a schedule firing every 10 s, once finished, and the
    types of the states it went through."""
    with _api(server) as client, _schedule_every(client, spec, 10, **parameters) as schedule:
        created = partial(_first_scheduled_run, client, spec, schedule)
        run = wait_until(created, SCHEDULED_SECONDS, f"a scheduled run of {spec.full_name}", log)
        finished = _finished(client, run, log)
        states = sorted(client.read_flow_run_states(run.id), key=lambda state: state.timestamp)
        return finished, [state.type.value for state in states]


def _etl_run_of(home: Path, flow_run_id: Any) -> tuple[str, int] | None:
    """(status, pages discovered) of the warehouse's run executed by this flow run."""
    with duckdb.connect(str(home / "clusterwatch.duckdb"), read_only=True) as con:
        query = "SELECT status, pages_discovered FROM etl_run WHERE flow_run_id = $id"
        return con.execute(query, {"id": str(flow_run_id)}).fetchone()


# ---------------------------------------------------------------- `clusterwatch serve`


@dataclass(frozen=True)
class Served:
    overrides: dict[str, str]  # what `clusterwatch serve` was given: sources and home
    home: Path
    log: Path
    gate: threading.Event  # closed: every request to the sample site waits


@contextmanager
def _held_sample_site() -> Iterator[tuple[str, threading.Event]]:
    """The sample site on loopback, answering only once the event is set (or after GATE_SECONDS):
    a run crawling it stays Running for as long as a test needs."""
    gate, holder = threading.Event(), {}

    class Held(SiteHandler):
        def do_GET(self) -> None:
            gate.wait(GATE_SECONDS)
            super().do_GET()

    def handler(*args: Any, **kwargs: Any) -> Held:
        return Held(*args, directory=str(SITE_DIR), base_url=holder["base"], **kwargs)

    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    holder["base"] = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield holder["base"], gate
    finally:
        gate.set()
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="class")
def served(prefect_server: Server, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """`clusterwatch serve --sources <the held sample site> --home <tmp>`, for the class's tests."""
    folder = tmp_path_factory.mktemp("served")
    sources, home, log = folder / "sources.yaml", folder / "home", folder / "serve.log"
    env = {**prefect_server.env, "PREFECT_RUNNER_POLL_FREQUENCY": "1"}
    env["CLUSTERWATCH_FETCH__READ_TIMEOUT"] = str(GATE_SECONDS * 2)  # outlasts the gate
    with _held_sample_site() as (base_url, gate):
        sources.write_text(sources_yaml(base_url), encoding="utf-8")
        process = start([*SERVE_COMMAND, "--sources", str(sources), "--home", str(home)], env, log)
        try:
            with _api(prefect_server) as client:
                for spec in DEPLOYMENTS:
                    found = partial(_deployment, client, spec)
                    wait_until(found, STARTUP_SECONDS, f"{spec.full_name} served", log, process)
            yield Served({"sources": str(sources), "home": str(home)}, home, log, gate)
        finally:
            stop(process)


@dataclass(frozen=True)
class Overlap:
    first: Any  # the flow run, finished
    second: Any
    first_state_when_second_finished: str


@pytest.fixture(scope="class")
def overlapping_runs(prefect_server: Server, served: Served) -> Overlap:
    """Two runs of the crawl deployment: the second is started while the first is held Running."""
    crawl = _spec("crawl")
    with _api(prefect_server) as client:
        first = _trigger(client, crawl)
        running = partial(_state_of, client, first.id, {"RUNNING"})
        wait_until(running, RUN_SECONDS, "the first run Running", served.log)
        second = _finished(client, _trigger(client, crawl), served.log)
        meanwhile = client.read_flow_run(first.id).state.type.value
        served.gate.set()
        return Overlap(_finished(client, first, served.log), second, meanwhile)


@pytest.mark.server
class TestServe:
    def test_deployments_have_their_schedules_parameters_and_overlap_guard(
        self, prefect_server: Server, served: Served
    ) -> None:
        with _api(prefect_server) as client:
            for spec in DEPLOYMENTS:
                deployment = _deployment(client, spec)
                schedules = [(s.schedule.cron, s.schedule.timezone) for s in deployment.schedules]
                assert schedules == ([(spec.cron, TIMEZONE)] if spec.cron else [])
                assert deployment.parameters == deployment_parameters(spec, served.overrides)
                assert deployment.global_concurrency_limit.limit == 1
                assert deployment.concurrency_options.collision_strategy.value == spec.collision

    def test_a_crawl_run_loads_the_warehouse(self, overlapping_runs: Overlap, served: Served) -> None:
        state = overlapping_runs.first.state
        assert state.type.value == "COMPLETED", f"{state.message}\n{tail(served.log)}"
        assert _articles(served.home) == 5

    def test_a_run_overlapping_a_running_one_is_cancelled(self, overlapping_runs: Overlap) -> None:
        assert overlapping_runs.first_state_when_second_finished == "RUNNING"
        state = overlapping_runs.second.state
        assert state.type.value == "CANCELLED"
        assert "concurrency limit" in state.message
        assert overlapping_runs.second.run_count == 0  # it never entered Running

    def test_the_scheduler_creates_a_run_that_serve_completes(
        self, prefect_server: Server, served: Served, overlapping_runs: Overlap
    ) -> None:
        finished, states = _scheduled_run_completes(prefect_server, _spec("crawl"), served.log)
        assert finished.created_by.type == "SCHEDULE" and states[0] == "SCHEDULED"
        assert finished.state.type.value == "COMPLETED", f"{finished.state.message}\n{tail(served.log)}"
        assert _etl_run_of(served.home, finished.id) == ("completed", 7)  # the sample site, crawled again


# ---------------------------------------------------------------- `prefect deploy` and a worker


def _create_process_pool(server: Server) -> None:
    """What `prefect work-pool create clusterwatch --type process` does, without a CLI start-up."""
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.workers.process import ProcessWorker

    template = ProcessWorker.get_default_base_job_template()
    pool = WorkPoolCreate(name="clusterwatch", type="process", base_job_template=template)
    with _api(server) as client:
        client.create_work_pool(pool, overwrite=True)


@pytest.fixture(scope="class")
def worker_log(prefect_server: Server, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The second way of docs/scheduling.md: a process work pool, `prefect deploy --all`, a worker."""
    _create_process_pool(prefect_server)
    deploy = subprocess.run(
        [*PREFECT_COMMAND, "--no-prompt", "deploy", "--all"],
        cwd=REPO,
        env=prefect_server.env,
        capture_output=True,
        text=True,
        timeout=STARTUP_SECONDS,
    )
    assert deploy.returncode == 0, f"prefect deploy --all:\n{deploy.stdout}\n{deploy.stderr}"
    folder = tmp_path_factory.mktemp("worker")
    log = folder / "worker.log"
    env = {**prefect_server.env, "CLUSTERWATCH_REPO": str(REPO), "PREFECT_WORKER_QUERY_SECONDS": "1"}
    env["CLUSTERWATCH_HOME"] = str(folder / "home")  # where a run of the yaml's own crons would write
    process = start([*PREFECT_COMMAND, "worker", "start", "--pool", "clusterwatch"], env, log)
    try:
        yield log
    finally:
        stop(process)


@pytest.mark.server
class TestDeploy:
    def test_prefect_deploy_registers_the_yaml_deployments(self, prefect_server: Server, worker_log: Path):
        with _api(prefect_server) as client:
            for spec in DEPLOYMENTS:
                deployment = _deployment(client, spec)
                assert deployment.entrypoint == spec.entrypoint
                assert deployment.work_pool_name == "clusterwatch"
                assert deployment.parameters == dict(spec.parameters)
                assert [s.schedule.cron for s in deployment.schedules] == ([spec.cron] if spec.cron else [])
                assert deployment.concurrency_options.collision_strategy.value == spec.collision

    def test_the_scheduler_creates_a_run_that_the_worker_completes(
        self, prefect_server: Server, worker_log: Path, sample_site: str, tmp_path: Path
    ) -> None:
        sources = tmp_path / "sources.yaml"
        sources.write_text(sources_yaml(sample_site), encoding="utf-8")
        backfill, parameters = _spec("backfill"), {"sources": str(sources), "home": str(tmp_path)}
        finished, states = _scheduled_run_completes(prefect_server, backfill, worker_log, **parameters)
        # the worker ran the backfill deployment with the schedule's parameters: the warehouse is loaded
        assert finished.created_by.type == "SCHEDULE" and states[0] == "SCHEDULED"
        assert finished.state.type.value == "COMPLETED", f"{finished.state.message}\n{tail(worker_log)}"
        assert _etl_run_of(tmp_path, finished.id) == ("completed", 7)
        assert _articles(tmp_path) == 5
