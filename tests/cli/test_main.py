"""The assembled `clusterwatch` app: every option's help text is shown as written."""

from __future__ import annotations

import re

import pytest
import typer
from typer.testing import CliRunner

from cli.main import app

runner = CliRunner()
COMMANDS = sorted(typer.main.get_command(app).commands.items())  # type: ignore[attr-defined]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[name for name, _ in COMMANDS])
def test_every_help_text_is_shown_as_written(name: str, command: typer.core.TyperCommand) -> None:
    result = runner.invoke(app, [name, "--help"], terminal_width=100)
    assert result.exit_code == 0, result.output
    for param in command.params:
        if getattr(param, "help", None):
            assert _flat(param.help) in _flat(result.output), f"{name} {param.name}"


def test_defaults_in_brackets_are_not_eaten() -> None:
    assert "An existing Dask scheduler [a local cluster]." in _flat(
        runner.invoke(app, ["run", "--help"]).output
    )
    assert "Run id [the latest validated run]." in _flat(runner.invoke(app, ["quality", "--help"]).output)
