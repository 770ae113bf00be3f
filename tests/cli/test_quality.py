"""`clusterwatch quality`: a run's summary read back from a real warehouse file, and the report's path."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import typer
from typer.testing import CliRunner

from cli.quality import register
from warehouse.load import RunRecord, record_run
from warehouse.quality import record_results
from warehouse.schema import connect


def _app() -> typer.Typer:
    app = typer.Typer()
    register(app)

    @app.callback()
    def main() -> None:
        """clusterwatch"""

    return app


def _dq(run_seconds: float) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "suite": ["articles", "articles", "warehouse"],
            "batch": ["articles", "articles", "warehouse"],
            "expectation": [
                "ExpectColumnValuesToBeInSet(language)",
                "ExpectColumnValuesToNotBeNull(title)",
                "freshness: latest article published within 30 days",
            ],
            "severity": ["critical", "warning", "warning"],
            "success": [False, False, False],
            "unexpected_count": [1, 1, 1],
            "element_count": [5, 5, 2],
            "level": ["row", "row", "batch"],
            "details": [None, None, '{"latest_published": "2021-04-27"}'],
            "batch_seconds": [run_seconds, run_seconds, 0.1],
            "checked_at": [datetime(2024, 5, 1, 12, 0, 5)] * 3,
        }
    )


def test_quality_prints_the_summary_and_the_report_path(tmp_path: Path) -> None:
    with connect(tmp_path / "clusterwatch.duckdb") as con:
        started = datetime(2024, 5, 1, 12, tzinfo=UTC)
        record_run(
            con, RunRecord("run-7", None, started, datetime(2024, 5, 1, 12, 0, 10, tzinfo=UTC), "completed")
        )
        record_results(con, "run-7", _dq(0.4))
    result = CliRunner().invoke(
        _app(), ["quality", "--run", "run-7", "--home", str(tmp_path)], terminal_width=200
    )
    assert result.exit_code == 0, result.output
    assert "articles" in result.output and "ExpectColumnValuesToBeInSet(language)" in result.output
    assert "0.50 s of 10.0 s (5% of the run)" in result.output
    # the report is the data-quality report (it replaced the Data Docs path here)
    assert str(tmp_path / "report" / "index.html") in result.output.replace("\n", "")
    assert "not built yet" in result.output


def test_quality_without_results_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(_app(), ["quality", "--home", str(tmp_path)])
    assert result.exit_code == 2 and "no warehouse" in result.output
    connect(tmp_path / "clusterwatch.duckdb").close()
    result = CliRunner().invoke(_app(), ["quality", "--run", "nope", "--home", str(tmp_path)])
    assert result.exit_code == 2 and "no quality results for run nope" in result.output
