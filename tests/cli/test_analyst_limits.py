"""`clusterwatch sql` and `export` against hostile queries and files: bounded memory and spill, Ctrl-C
and timeouts, formula cells, oversized query files, damaged snapshots; and the analyst conveniences
(every row in CSV and JSON, named parameters, the vertical layout, --tables and --since)."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import psutil
import pytest
from typer.testing import CliRunner

from cli.main import app
from tests.processes import REPO, stop, wait_until
from warehouse.publish import publish, published_path
from warehouse.schema import connect

runner = CliRunner()
CROSS_JOIN = "SELECT count(*) FROM range(3000000) a, range(3000000) b WHERE a.range + b.range = -1"
SPILL = "SELECT count(*) FROM (SELECT DISTINCT md5(range::VARCHAR) FROM range(6000000))"
FORMULAS = ["=cmd|' /C calc'!A0", "+SUM(A1)", "-2+3", "@SUM(A1)", "\t=1"]


def _published_home(star_file: Path) -> Path:
    home = star_file.parent
    publish(star_file, published_path(home))
    return home


def _sql(home: Path, *args: str, **variables: str) -> subprocess.Popen:
    env = {**os.environ, "CLUSTERWATCH_HOME": str(home), **variables}
    return subprocess.Popen(
        [sys.executable, "-m", "cli", "sql", *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def test_a_query_that_would_spill_past_the_cap_stops_in_one_line(star_file: Path, tmp_path: Path) -> None:
    """64 MB of memory and 16 MB of temporary files: a DISTINCT over six million hashes (hundreds of MB
    of spill without the cap) stops with one line, and its temporary folder is gone."""
    home, temp = _published_home(star_file), tmp_path / "spill"
    limits = {
        "CLUSTERWATCH_ANALYST__MEMORY_LIMIT_MB": "64",
        "CLUSTERWATCH_ANALYST__MAX_TEMP_MB": "16",
        "CLUSTERWATCH_ANALYST__TEMP_DIRECTORY": str(temp),
        "CLUSTERWATCH_ANALYST__THREADS": "1",
    }
    process = _sql(home, SPILL, **limits)
    out, err = process.communicate(timeout=600)
    assert process.returncode == 1, err
    lines = _lines(err)
    assert len(lines) == 1 and lines[0].startswith("error: query stopped: "), lines
    assert "CLUSTERWATCH_ANALYST__MAX_TEMP_MB" in lines[0] and "Traceback" not in err and out == ""
    assert not any(temp.iterdir())  # the query's own folder removed


def _running_query(process: subprocess.Popen, database: Path, log: Path) -> None:
    """Wait until PROCESS has the database open and has spent a second of CPU since: the query runs."""
    ps = psutil.Process(process.pid)

    def opened() -> bool:
        return any(f.path == str(database) for f in ps.open_files())

    wait_until(opened, 300, "the snapshot opened", log, process)
    spent = sum(ps.cpu_times()[:2])
    wait_until(lambda: sum(ps.cpu_times()[:2]) > spent + 1.0, 300, "the query running", log, process)


def test_ctrl_c_stops_a_long_cross_join_with_one_line(star_file: Path, tmp_path: Path) -> None:
    home = _published_home(star_file)
    process = _sql(home, CROSS_JOIN, "--timeout", "3600")
    try:
        _running_query(process, published_path(home), tmp_path / "none.log")
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=120)
    finally:
        stop(process)
    assert process.returncode == 130, err
    assert _lines(err) == ["error: query cancelled (Ctrl-C)"]
    assert out == ""


def test_a_timeout_stops_a_long_cross_join_with_one_line(star_file: Path) -> None:
    home = _published_home(star_file)
    process = _sql(home, CROSS_JOIN, "--timeout", "1")
    _, err = process.communicate(timeout=300)
    assert process.returncode == 1
    assert _lines(err) == [
        "error: query stopped: it ran longer than 1 s (--timeout, CLUSTERWATCH_ANALYST__TIMEOUT_SECONDS)"
    ]


def test_formula_cells_are_neutralised_in_sql_csv_and_numbers_stay_numbers(star_file: Path) -> None:
    home = str(_published_home(star_file))
    cells = ", ".join(f"'{f.replace(chr(39), chr(39) * 2)}' AS c{n}" for n, f in enumerate(FORMULAS))
    query = f"SELECT {cells}, -5 AS neg, '-5' AS neg_text, -1.5e3 AS sci, 'plain' AS plain"
    result = runner.invoke(app, ["sql", query, "--format", "csv", "--home", home])
    assert result.exit_code == 0, result.output
    row = list(csv.reader(io.StringIO(result.stdout, newline="")))[1]
    assert row[: len(FORMULAS)] == ["'" + f for f in FORMULAS]
    assert row[len(FORMULAS) :] == ["-5", "-5", "-1500.0", "plain"]
    parsed = json.loads(runner.invoke(app, ["sql", query, "--format", "json", "--home", home]).stdout)
    assert parsed[0]["c0"] == FORMULAS[0]  # JSON holds the value as it is


def test_formula_titles_are_neutralised_in_export_csv(star_file: Path, tmp_path: Path) -> None:
    with connect(star_file) as con:
        con.execute(
            "UPDATE fact_article SET title = $t "
            "WHERE article_key = (SELECT min(article_key) FROM fact_article)",
            {"t": FORMULAS[0]},
        )
    home, out = _published_home(star_file), tmp_path / "out"
    result = runner.invoke(
        app, ["export", "--format", "csv", "--out", str(out), "--tables", "fact_article", "--home", str(home)]
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader((out / "fact_article.csv").open(encoding="utf-8")))
    titles = [r["title"] for r in rows]
    assert "'" + FORMULAS[0] in titles and FORMULAS[0] not in titles
    assert all(not r["word_count"].startswith("'") for r in rows)


def test_csv_and_json_print_every_row_by_default(star_file: Path) -> None:
    home = str(_published_home(star_file))
    query = "SELECT range AS n FROM range(2500)"
    result = runner.invoke(app, ["sql", query, "--format", "csv", "--home", home])
    assert result.exit_code == 0 and result.stdout.count("\n") == 2501 and result.stderr == ""
    result = runner.invoke(app, ["sql", query, "--format", "json", "--home", home])
    assert [row["n"] for row in json.loads(result.stdout)] == list(range(2500))
    table = runner.invoke(app, ["sql", query, "--home", home])
    assert "1000 rows (more rows not shown" in table.stdout


def test_named_parameters(star_file: Path) -> None:
    home = str(_published_home(star_file))
    query = "SELECT iso_code FROM dim_region WHERE iso_code = $region"
    result = runner.invoke(app, ["sql", query, "--param", "region=RU-KLU", "--format", "csv", "--home", home])
    assert result.exit_code == 0, result.output
    assert result.stdout == "iso_code\nRU-KLU\n"
    missing = runner.invoke(app, ["sql", query, "--home", home])
    assert missing.exit_code != 0 and "Traceback" not in missing.output
    bad = runner.invoke(app, ["sql", query, "--param", "region", "--home", home])
    assert bad.exit_code == 2 and "NAME=VALUE" in bad.output


def test_a_table_wider_than_the_terminal_prints_vertically(star_file: Path) -> None:
    home = str(_published_home(star_file))
    names = ", ".join(f"iso_code AS a_rather_long_column_name_{n}" for n in range(6))
    query = f"SELECT {names}, iso_code FROM dim_region ORDER BY iso_code"  # wider than 80 columns
    result = runner.invoke(app, ["sql", query, "--home", home])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("-[ RECORD 1 ]") and any(
        line.startswith("iso_code ") and "| DE" in line for line in lines
    )
    wide = runner.invoke(app, ["sql", query, "--home", home, "--across"])
    assert "-[ RECORD" not in wide.stdout


def test_pivot_without_values_and_deep_expressions_get_advice_that_works(star_file: Path) -> None:
    home = str(_published_home(star_file))
    result = runner.invoke(app, ["sql", "PIVOT dim_region ON iso_code USING count(*)", "--home", home])
    assert result.exit_code == 2 and "IN (" in result.output and "MULTI" not in result.output
    named = "PIVOT dim_region ON iso_code IN ('DE', 'RU-KLU') USING count(*)"
    assert runner.invoke(app, ["sql", named, "--format", "csv", "--home", home]).exit_code == 0
    deep = "SELECT " + " + ".join(["1"] * 5000)
    result = runner.invoke(app, ["sql", deep, "--home", home])
    assert (
        result.exit_code == 2
        and "max_expression_depth" not in result.output
        and "less nesting" in result.output
    )


def test_a_query_file_that_never_ends_is_refused(star_file: Path) -> None:
    home = _published_home(star_file)
    process = _sql(home, "--file", "/dev/zero")
    out, err = process.communicate(timeout=120)
    assert process.returncode == 2
    lines = _lines(out + err)
    assert len(lines) == 1 and "longer than 1000000 bytes" in lines[0]


def test_a_damaged_snapshot_is_one_line(star_file: Path) -> None:
    home = _published_home(star_file)
    snapshot = published_path(home)
    with snapshot.open("r+b") as file:
        file.truncate(snapshot.stat().st_size // 2)
    result = runner.invoke(app, ["sql", "SELECT count(*) FROM dim_region", "--home", str(home)])
    assert result.exit_code == 2
    lines = _lines(result.output)
    assert (
        len(lines) == 1
        and lines[0].startswith(f"error: {snapshot} is damaged")
        and "operations.md" in lines[0]
    )


def test_export_of_chosen_tables_since_a_time(star_file: Path, tmp_path: Path) -> None:
    with connect(star_file) as con:
        con.execute(
            "UPDATE fact_article SET loaded_at = TIMESTAMP '2020-01-01' WHERE article_key = "
            "(SELECT min(article_key) FROM fact_article)"
        )
        total = con.execute("SELECT count(*) FROM fact_article").fetchone()[0]
    home, out = _published_home(star_file), tmp_path / "out"
    args = ["export", "--out", str(out), "--tables", "fact_article,article_text", "--tables", "etl_run"]
    result = runner.invoke(app, [*args, "--since", "2021-01-01", "--home", str(home)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "article_text.parquet",
        "etl_run.parquet",
        "fact_article.parquet",
    ]
    with duckdb.connect() as con:
        kept = con.execute(f"SELECT count(*) FROM '{out / 'fact_article.parquet'}'").fetchone()[0]
        texts = con.execute(f"SELECT count(*) FROM '{out / 'article_text.parquet'}'").fetchone()[0]
    assert kept == total - 1 and texts <= kept
    unknown = runner.invoke(app, ["export", "--out", str(out), "--tables", "nope", "--home", str(home)])
    assert unknown.exit_code == 2 and "nope" in unknown.output


@pytest.mark.parametrize("name", ["fetch_log", "quarantine", "dq_result", "etl_run", "article_text"])
def test_export_writes_the_operational_tables(star_file: Path, tmp_path: Path, name: str) -> None:
    home, out = _published_home(star_file), tmp_path / "out"
    result = runner.invoke(app, ["export", "--out", str(out), "--home", str(home)])
    assert result.exit_code == 0, result.output
    assert (out / f"{name}.parquet").is_file()


def test_an_analyst_setting_out_of_range_stops_in_one_line_on_stderr(star_file: Path) -> None:
    home = _published_home(star_file)
    process = _sql(home, "SELECT 1", "--format", "csv", CLUSTERWATCH_ANALYST__MEMORY_LIMIT_MB="1")
    out, err = process.communicate(timeout=120)
    assert process.returncode == 2 and out == ""
    assert _lines(err) == [
        "error: CLUSTERWATCH_ANALYST__MEMORY_LIMIT_MB='1': Input should be greater than or equal to 64 "
        "(range: 64 <= value <= 1048576)"
    ]
