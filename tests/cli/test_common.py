"""The consoles every command shares print text as it is: no markup, no emoji codes."""

from __future__ import annotations

import pytest
import typer

from cli.common import console, error, fail, notices
from cli.quality import stage_table

TEXT = "bad [/oops] :x: [red]c[/red] [link=http://x]d"


def test_an_error_is_printed_as_it_is(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(typer.Exit) as left:
        fail(TEXT)
    assert left.value.exit_code == 2
    assert capsys.readouterr().out == f"error: {TEXT}\n"
    error(TEXT, label="query failed:", out=notices)
    assert capsys.readouterr().err == f"query failed: {TEXT}\n"


def test_data_in_a_table_is_printed_as_it_is(capsys: pytest.CaptureFixture[str]) -> None:
    reason = "[/oops] :x: [red]c"
    console.print(
        stage_table([{"stage": "extract", "rows in": 3, "passed": 2, "held back": 1, "top reasons": reason}])
    )
    console.print(TEXT)
    out = capsys.readouterr().out
    assert reason in out and TEXT in out and "❌" not in out
