"""The deployments, defined once: `clusterwatch serve` builds them from here and prefect.yaml mirrors them.

Importing this module is cheap (no flow is imported); `runner_deployment` imports a spec's flow.
A test checks that prefect.yaml and DEPLOYMENTS agree on names, entrypoints, schedules, parameters
and the overlap guard.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from prefect import Flow
    from prefect.deployments.runner import RunnerDeployment

TIMEZONE = "Europe/Moscow"
Collision = Literal["CANCEL_NEW", "ENQUEUE"]

# The parameters each flow is deployed with, one line each (prefect.yaml has the same keys under
# `definitions.parameters`). `home: None` lets CLUSTERWATCH_HOME (or the default data/) decide.
CRAWL_PARAMETERS: dict[str, Any] = {
    "sources": "config/sources.yaml",
    "home": None,
    "batch_size": 200,
    "runner": "threads",
}
REEXTRACT_PARAMETERS: dict[str, Any] = {
    "home": None,
    "batch_size": 200,
    "runner": "threads",
}


@dataclass(frozen=True)
class DeploymentSpec:
    """One deployment: a flow (by entrypoint), its default parameters, its schedule and overlap guard.

    `collision` is what happens to a run that would overlap a running one of the same deployment
    (the deployment's concurrency limit is 1): CANCEL_NEW cancels it, ENQUEUE makes it wait.
    """

    name: str
    entrypoint: str
    description: str
    parameters: Mapping[str, Any]
    cron: str | None = None
    collision: Collision = "CANCEL_NEW"
    tags: tuple[str, ...] = field(default=("clusterwatch",))

    @property
    def flow_name(self) -> str:
        """The flow's name; each flow here is named after its function."""
        return self.entrypoint.rpartition(":")[2]

    @property
    def full_name(self) -> str:
        """`flow/deployment`, as the Prefect API and `prefect deployment run` name it."""
        return f"{self.flow_name}/{self.name}"


DEPLOYMENTS: tuple[DeploymentSpec, ...] = (
    DeploymentSpec(
        name="crawl",
        entrypoint="flows/news_etl.py:news_etl",
        description="Incremental crawl: discover and fetch new pages of the sources, load the warehouse.",
        parameters=CRAWL_PARAMETERS,
        cron="0 */3 * * *",
        tags=("clusterwatch", "scheduled"),
    ),
    DeploymentSpec(
        name="weekly",
        entrypoint="flows/reextract.py:reextract",
        description="Weekly re-extraction of every stored raw page, without fetching.",
        parameters=REEXTRACT_PARAMETERS,
        cron="0 4 * * 0",
        tags=("clusterwatch", "scheduled"),
    ),
    DeploymentSpec(
        name="backfill",
        entrypoint="flows/news_etl.py:news_etl",
        description="Backfill by hand: crawl the sources file given as the `sources` parameter.",
        parameters=CRAWL_PARAMETERS,
        collision="ENQUEUE",
        tags=("clusterwatch", "manual"),
    ),
)


def deployment_parameters(spec: DeploymentSpec, overrides: Mapping[str, Any]) -> dict[str, Any]:
    """The spec's parameters with the overrides the flow takes (e.g. `sources` only where it is one)."""
    return {key: overrides.get(key, value) for key, value in spec.parameters.items()}


def prefect_yaml_entry(spec: DeploymentSpec) -> dict[str, Any]:
    """The spec as its entry under `deployments:` in prefect.yaml (work pool aside)."""
    return {
        "name": spec.name,
        "entrypoint": spec.entrypoint,
        "description": spec.description,
        "tags": list(spec.tags),
        "parameters": dict(spec.parameters),
        "schedules": [{"cron": spec.cron, "timezone": TIMEZONE}] if spec.cron else [],
        "concurrency_limit": {"limit": 1, "collision_strategy": spec.collision},
    }


def load_flow(spec: DeploymentSpec) -> Flow[..., Any]:
    """Import the spec's flow from its entrypoint (`flows/news_etl.py:news_etl` → flows.news_etl)."""
    path, _, attr = spec.entrypoint.partition(":")
    module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
    return getattr(module, attr)


def runner_deployment(spec: DeploymentSpec, overrides: Mapping[str, Any] | None = None) -> RunnerDeployment:
    """The spec as a deployment for `prefect.serve`, with parameter overrides (e.g. from the CLI)."""
    from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
    from prefect.schedules import Cron

    return load_flow(spec).to_deployment(
        name=spec.name,
        description=spec.description,
        parameters=deployment_parameters(spec, overrides or {}),
        schedules=[Cron(spec.cron, timezone=TIMEZONE)] if spec.cron else None,
        concurrency_limit=ConcurrencyLimitConfig(
            limit=1, collision_strategy=ConcurrencyLimitStrategy(spec.collision)
        ),
        tags=list(spec.tags),
    )


__all__ = [
    "CRAWL_PARAMETERS",
    "DEPLOYMENTS",
    "REEXTRACT_PARAMETERS",
    "TIMEZONE",
    "DeploymentSpec",
    "deployment_parameters",
    "load_flow",
    "prefect_yaml_entry",
    "runner_deployment",
]
