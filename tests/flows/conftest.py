"""Markers for the flow tests."""

from __future__ import annotations

import pytest

from tests.reports.conftest import bad_home

__all__ = ["bad_home"]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "server: starts a real Prefect server in a subprocess and serves or deploys to it "
        "(about a minute; deselect with -m 'not server')",
    )
