"""`--runner dask` against a `dask scheduler` and `dask worker` processes started apart, the workers
unable to see the driver's HOME (a tmpfs mounted over its parent in their own mount namespace): the
same rows as the default runner; a worker killed mid-run costs nothing, a page that kills every worker
that takes it costs that page only; SIGTERM to `clusterwatch run` cancels the run's tasks on the
cluster."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from distributed import Scheduler

from flows.news_etl import news_etl
from samples.server import SITE_DIR, serve_site, sources_yaml
from tests.flows.dask_poison import FLAG_DIR, KILL_ONCE, POISON, SLOW, SLOW_RELEASED, SLOW_STARTED
from tests.processes import REPO, start, stop, tail, wait_until

DASK = Path(sys.executable).parent / "dask"
TABLES = ("fact_article", "article_text", "fact_mention", "fact_figure", "dim_entity", "quarantine")

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("unshare") is None, reason="hiding HOME from the workers needs root"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_workers(address: str, count: int, process: subprocess.Popen) -> None:
    from distributed import Client

    with Client(address, timeout=60) as client:
        deadline = time.monotonic() + 300
        while len(client.scheduler_info(n_workers=-1)["workers"]) < count:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the Dask workers did not start (exit {process.poll()})")
            time.sleep(0.5)


@pytest.fixture(scope="module")
def flags() -> Iterator[Path]:
    """Where the workers' preload (tests.flows.dask_poison) keeps its flags, outside what they cannot see."""
    folder = Path(tempfile.mkdtemp(prefix="cw-dask-flags-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory, flags: Path) -> Iterator[str]:
    """tcp://… of a scheduler with two workers (one nanny each) that cannot see the tests' folders."""
    hidden = tmp_path_factory.getbasetemp()  # every HOME of these tests is below it
    address = f"tcp://127.0.0.1:{_free_port()}"
    env = {**os.environ, "PYTHONPATH": str(REPO), FLAG_DIR: str(flags)}
    port = address.rsplit(":", 1)[1]
    scheduler = subprocess.Popen(
        [str(DASK), "scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard"],
        env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    worker_cmd = (
        f"{DASK} worker {address} --nworkers 2 --nthreads 1 --no-dashboard --preload tests.flows.dask_poison"
    )
    hide = f"mount -t tmpfs none {hidden} && exec {worker_cmd}"
    workers = subprocess.Popen(
        ["unshare", "--mount", "--propagation", "private", "sh", "-c", hide],
        env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        _wait_for_workers(address, 2, workers)
        yield address
    finally:
        for process in (workers, scheduler):
            process.terminate()
        for process in (workers, scheduler):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def _counts(database: str) -> dict[str, int]:
    with duckdb.connect(database, read_only=True) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def _run(site: str, home: Path, **options: object) -> dict:
    home.mkdir(parents=True, exist_ok=True)
    (home / "sources.yaml").write_text(sources_yaml(site), encoding="utf-8")
    return news_etl(str(home / "sources.yaml"), str(home), batch_size=2, **options)


def test_the_workers_cannot_see_the_home(cluster: str, tmp_path: Path) -> None:
    from distributed import Client

    (tmp_path / "here").write_text("x")
    with Client(cluster) as client:
        seen = client.run(os.path.exists, str(tmp_path / "here"))
    assert len(seen) == 2 and not any(seen.values())


def test_the_cluster_loads_what_the_default_runner_loads(
    sample_run_in_batches: dict, sample_site: str, cluster: str, tmp_path: Path
) -> None:
    threads = sample_run_in_batches  # the same site in batches of two, on the default runner
    dask = _run(sample_site, tmp_path / "dask", runner="dask", dask_address=cluster)
    assert dask["status"] == threads["status"] == "completed"
    assert dask["articles_loaded"] == threads["articles_loaded"] == 5
    assert _counts(dask["database"]) == _counts(threads["database"])


def _variant(site: Path, original: str, name: str, marker: bytes) -> None:
    """A copy of an article of the site under another URL (its canonical URL too), with the marker."""
    body = (site / f"en/news/{original}.html").read_bytes()
    body = body.replace(f"/en/news/{original}.html".encode(), f"/en/news/{name}.html".encode())
    (site / f"en/news/{name}.html").write_bytes(body.replace(b"<body ", marker + b"<body ", 1))


def _site_with(tmp_path: Path, variants: dict[str, tuple[str, bytes]] | None = None) -> Path:
    """The sample site and more pages in its sitemap (name: the article copied, the marker); by default
    two: one kills every worker that extracts it, one kills the first only."""
    site = tmp_path / "site"
    shutil.copytree(SITE_DIR, site)
    variants = variants or {
        "poison": ("labudin-kaluga-visit", POISON),
        "kill-once": ("act-rf-omsk-industrial-clusters", KILL_ONCE),
    }
    for name, (original, marker) in variants.items():
        _variant(site, original, name, marker)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    extra = "".join(f"  <url><loc>__BASE_URL__/en/news/{n}.html</loc></url>\n" for n in variants)
    (site / "sitemap.xml").write_text(sitemap.replace("</urlset>", extra + "</urlset>"), encoding="utf-8")
    return site


def test_a_dying_worker_costs_at_most_its_page(prefect_harness: None, cluster: str, tmp_path: Path) -> None:
    with serve_site(site_dir=_site_with(tmp_path)) as site:
        run = _run(site, tmp_path / "home", runner="dask", dask_address=cluster)
    assert run["status"] == "completed"
    assert run["pages_fetched"] == 8 and run["articles_held_back"] == 2  # the listing page and the poison
    with duckdb.connect(run["database"], read_only=True) as con:
        held = con.execute("SELECT record_key, reason FROM quarantine WHERE stage = 'extract'").fetchall()
        loaded = {url for (url,) in con.execute("SELECT url FROM fact_article").fetchall()}
    assert [(key.rsplit("/", 1)[1], reason) for key, reason in held if "poison" in key] == [
        (
            "poison.html",
            "extract failed: its worker process died on it (a crash in a library, or the memory limit)",
        )
    ]
    assert any(url.endswith("/kill-once.html") for url in loaded)  # its worker died once: it ran again
    assert run["articles_loaded"] == 6


def test_batches_follow_the_workers_the_scheduler_has(cluster: str) -> None:
    from flows.pipeline import Spread

    with Spread("dask", cluster, workers=7) as spread:
        assert spread.workers() == 2  # the scheduler's, not this machine's or the setting's


def _task_keys(dask_scheduler: Scheduler) -> list[str]:
    return sorted(str(key) for key in dask_scheduler.tasks)


def test_sigterm_cancels_the_runs_tasks_on_the_cluster(
    prefect_api_env: dict[str, str], cluster: str, flags: Path, tmp_path: Path
) -> None:
    """A batch whose page keeps its worker busy until the test lets it go: SIGTERM to the run ends it
    without waiting for that batch, the scheduler holds no task of the run, and the run is recorded as
    stopped by the signal, nothing of it loaded."""
    from distributed import Client

    site_dir = _site_with(tmp_path, {"slow": ("labudin-kaluga-visit", SLOW)})
    home, log = tmp_path / "home", tmp_path / "run.log"
    home.mkdir()
    env = {
        **os.environ,
        **prefect_api_env,
        "PYTHONUNBUFFERED": "1",
        "CLUSTERWATCH_FETCH__PER_HOST_DELAY": "0",
    }
    with serve_site(site_dir=site_dir) as site:
        (home / "sources.yaml").write_text(sources_yaml(site), encoding="utf-8")
        command = [sys.executable, "-m", "cli", "run", "--sources", str(home / "sources.yaml"), "--home",
                   str(home), "--batch-size", "2", "--runner", "dask", "--dask-address", cluster]  # fmt: skip
        run = start(command, env, log)
        try:
            wait_until(lambda: (flags / SLOW_STARTED).exists(), 600, "the slow batch on a worker", log, run)
            run.send_signal(signal.SIGTERM)
            code = run.wait(timeout=120)  # the slow batch waits for SLOW_RELEASED, up to 300 s
            with Client(cluster) as client:
                left = client.run_on_scheduler(_task_keys)
        finally:
            (flags / SLOW_RELEASED).touch()  # the worker's thread goes on (its result is dropped)
            stop(run)
    assert code == 143, tail(log)
    assert left == []
    with duckdb.connect(str(home / "clusterwatch.duckdb"), read_only=True) as con:
        status, reason = con.execute("SELECT status, failure_reason FROM etl_run").fetchone()
        loaded = con.execute("SELECT count(*) FROM fact_article").fetchone()[0]
    assert (status, reason, loaded) == ("failed", "stopped by signal SIGTERM", 0)
