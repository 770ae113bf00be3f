"""`clusterwatch sql` and `clusterwatch export` on a real home folder."""

from __future__ import annotations

from pathlib import Path

import duckdb
import typer
from typer.testing import CliRunner

from cli.analyst import register
from warehouse.publish import publish, published_path

runner = CliRunner()


def _app() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


def _published_home(star_file: Path) -> Path:
    home = star_file.parent
    publish(star_file, published_path(home))
    return home


def test_sql_prints_a_table_from_the_snapshot(star_file: Path) -> None:
    home = _published_home(star_file)
    result = runner.invoke(_app(), ["sql", "SELECT iso_code FROM dim_region ORDER BY 1", "--home", str(home)])
    assert result.exit_code == 0, result.output
    assert "RU-KLU" in result.output and "RU-TA" in result.output and "3 rows" in result.output
    assert "no published snapshot" not in result.output


def test_sql_refuses_a_write_and_changes_nothing(star_file: Path) -> None:
    home = _published_home(star_file)
    result = runner.invoke(_app(), ["sql", "DELETE FROM dim_region", "--home", str(home)])
    assert result.exit_code == 2 and "refused" in result.output and "DELETE" in result.output
    with duckdb.connect(str(published_path(home)), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM dim_region").fetchone() == (3,)


def test_sql_falls_back_to_the_working_database_and_says_so(star_file: Path) -> None:
    result = runner.invoke(
        _app(), ["sql", "SELECT count(*) AS n FROM fact_figure", "--home", str(star_file.parent)]
    )
    assert result.exit_code == 0, result.output
    assert "no published snapshot yet" in result.output and "6" in result.output


def test_sql_reports_a_failing_query_and_a_missing_database(star_file: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        _app(), ["sql", "SELECT * FROM nowhere", "--home", str(_published_home(star_file))]
    )
    assert result.exit_code == 1 and "query failed" in result.output
    result = runner.invoke(_app(), ["sql", "SELECT 1", "--home", str(tmp_path / "empty")])
    assert result.exit_code == 2 and "clusterwatch demo" in result.output


def test_export_writes_every_dim_fact_and_view(star_file: Path, tmp_path: Path) -> None:
    home, out = _published_home(star_file), tmp_path / "export"
    result = runner.invoke(_app(), ["export", "--format", "csv", "--out", str(out), "--home", str(home)])
    assert result.exit_code == 0, result.output
    files = {p.name for p in out.iterdir()}
    assert {"dim_region.csv", "fact_figure.csv", "v_support_measures.csv", "v_people_roles.csv"} <= files
    assert (out / "dim_region.csv").read_text(encoding="utf-8").count("\n") == 4  # header and three regions


def test_export_refuses_an_unknown_format(star_file: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        _app(), ["export", "--format", "xlsx", "--out", str(tmp_path), "--home", str(star_file.parent)]
    )
    assert result.exit_code == 2


def test_a_write_past_the_check_is_refused_by_the_read_only_snapshot(star_file: Path) -> None:
    home = _published_home(star_file)
    result = runner.invoke(_app(), ["sql", "EXPLAIN ANALYZE DELETE FROM dim_region", "--home", str(home)])
    assert result.exit_code == 1 and "read-only" in result.output
    with duckdb.connect(str(published_path(home)), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM dim_region").fetchone() == (3,)
