"""The prefect.yaml entrypoints point at flows."""

from __future__ import annotations

import importlib

import yaml
from prefect import Flow

from tests.processes import REPO

ROOT = REPO


def test_every_prefect_yaml_entrypoint_imports() -> None:
    config = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    for deployment in config["deployments"]:
        path, name = deployment["entrypoint"].split(":")
        module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
        assert isinstance(getattr(module, name), Flow), deployment["entrypoint"]
