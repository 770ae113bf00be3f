"""`clusterwatch serve`: run the deployments of flows/deployments.py on their schedules.

The deployments are registered with the Prefect server named by PREFECT_API_URL and their runs are
executed by this process until it is stopped (Ctrl-C pauses their schedules).
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Annotated, Any

import typer

from cli.common import HomeOpt, check_settings, check_sources, fail
from cli.common import notices as console

NO_SERVER = (
    "clusterwatch serve needs a running Prefect server; PREFECT_API_URL is not set.\n"
    "Start one in another terminal and point PREFECT_API_URL at it:\n"
    "    prefect server start --host 127.0.0.1 --port 4200\n"
    "    export PREFECT_API_URL=http://127.0.0.1:4200/api"
)
UNREACHABLE = (
    "clusterwatch serve cannot reach the Prefect server at {url}: {problem}\n"
    "Start it (prefect server start --host 127.0.0.1 --port 4200) or fix PREFECT_API_URL."
)

SourcesOpt = Annotated[
    Path, typer.Option("--sources", help="Sources file for the crawl and backfill deployments.")
]


def register(app: typer.Typer) -> None:
    """Add the `serve` command to the clusterwatch CLI."""
    app.command(name="serve")(serve)


def serve(sources: SourcesOpt = Path("config/sources.yaml"), home: HomeOpt = None) -> None:
    """Serve the crawl, weekly re-extraction and backfill deployments against a Prefect server."""
    check_sources(sources)
    check_settings(home)
    url = _require_server()
    import prefect

    from flows.deployments import DEPLOYMENTS, runner_deployment

    overrides = _overrides(sources, home)
    deployments = [runner_deployment(spec, overrides) for spec in DEPLOYMENTS]
    console.print(f"serving {len(deployments)} deployments against {url}")
    # Prefect's runner leaves this coroutine unawaited when stopped by SIGTERM: noise, not a problem.
    warnings.filterwarnings("ignore", message="coroutine 'Runner.astop' was never awaited")
    prefect.serve(*deployments)


def _overrides(sources: Path, home: Path | None) -> dict[str, Any]:
    """Absolute paths: the flow runs must not depend on the folder they are started in."""
    overrides: dict[str, Any] = {"sources": str(sources.resolve())}
    if home is not None:
        overrides["home"] = str(home.resolve())
    return overrides


def _require_server() -> str:
    """The API URL of a reachable Prefect server; never fall back to an ephemeral one."""
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL

    url = PREFECT_API_URL.value()
    if not url:
        fail(NO_SERVER, out=console)
    with get_client(sync_client=True) as client:
        problem = client.api_healthcheck()
    if problem is not None:
        fail(UNREACHABLE.format(url=url, problem=problem), out=console)
    return url
