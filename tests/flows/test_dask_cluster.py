"""`--runner dask` against a `dask scheduler` and `dask worker` processes started apart, the workers
unable to see the driver's HOME (a tmpfs mounted over its parent in their own mount namespace): the
same rows as the default runner; a worker killed mid-run costs nothing, a page that kills every worker
that takes it costs that page only."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from flows.news_etl import news_etl
from samples.server import SITE_DIR, serve_site, sources_yaml
from tests.flows.dask_poison import FLAG_DIR, KILL_ONCE, POISON

REPO = Path(__file__).resolve().parents[2]
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
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """tcp://… of a scheduler with two workers (one nanny each) that cannot see the tests' folders."""
    hidden = tmp_path_factory.getbasetemp()  # every HOME of these tests is below it
    flags = Path(tempfile.mkdtemp(prefix="cw-dask-flags-"))
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
        shutil.rmtree(flags, ignore_errors=True)


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


def _site_with(tmp_path: Path) -> Path:
    """The sample site and two more pages in its sitemap: one kills every worker that extracts it, one
    kills the first only."""
    site = tmp_path / "site"
    shutil.copytree(SITE_DIR, site)
    _variant(site, "labudin-kaluga-visit", "poison", POISON)
    _variant(site, "act-rf-omsk-industrial-clusters", "kill-once", KILL_ONCE)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    extra = "".join(
        f"  <url><loc>__BASE_URL__/en/news/{n}.html</loc></url>\n" for n in ("poison", "kill-once")
    )
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
