"""`clusterwatch sql` and `clusterwatch export` on a real home folder."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import duckdb
import polars as pl
import pytest
import typer
from typer.testing import CliRunner

from cli.main import app
from tests.processes import REPO
from tests.warehouse.conftest import star_articles, star_batch
from warehouse.load import load_batch
from warehouse.publish import publish, published_path
from warehouse.schema import connect

runner = CliRunner()


def _app() -> typer.Typer:
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


def test_explain_analyze_of_a_write_is_refused_and_changes_nothing(star_file: Path) -> None:
    home = _published_home(star_file)
    result = runner.invoke(_app(), ["sql", "EXPLAIN ANALYZE DELETE FROM dim_region", "--home", str(home)])
    assert result.exit_code == 2 and "EXPLAIN ANALYZE" in result.output
    with duckdb.connect(str(published_path(home)), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM dim_region").fetchone() == (3,)


@pytest.mark.parametrize("target", ["working", "snapshot", "new"])
def test_explain_analyze_copy_cannot_write_over_any_file(
    star_file: Path, tmp_path: Path, target: str
) -> None:
    home = _published_home(star_file)
    path = {"working": star_file, "snapshot": published_path(home), "new": tmp_path / "new.csv"}[target]
    before = path.read_bytes() if path.exists() else None
    for sql in (f"EXPLAIN ANALYZE COPY (SELECT 1) TO '{path}'", f"COPY (SELECT 1) TO '{path}'"):
        result = runner.invoke(_app(), ["sql", sql, "--home", str(home)])
        assert result.exit_code == 2 and "refused" in result.output
    assert (path.read_bytes() if path.exists() else None) == before


@pytest.mark.parametrize(
    "reader", ["read_text('{secret}')", "read_csv('{secret}')", "read_blob('{secret}')", "glob('{folder}/*')"]
)
def test_sql_cannot_read_the_machine(star_file: Path, tmp_path: Path, reader: str) -> None:
    secret = tmp_path / "secret" / "token.txt"
    secret.parent.mkdir()
    secret.write_text("name,value\nsecret-marker,1\n", encoding="utf-8")
    query = "SELECT * FROM " + reader.format(secret=secret, folder=secret.parent)
    result = runner.invoke(_app(), ["sql", query, "--home", str(_published_home(star_file))])
    assert result.exit_code == 1 and "query failed" in result.output, result.output
    assert "disabled by configuration" in result.output
    assert "secret-marker" not in result.output and "token.txt'" not in result.stdout


def test_sql_cannot_read_system_files(star_file: Path) -> None:
    home = _published_home(star_file)
    for query in ("SELECT * FROM read_text('/etc/passwd')", "SELECT * FROM glob('/root/*')"):
        result = runner.invoke(_app(), ["sql", query, "--home", str(home)])
        assert result.exit_code == 1 and "disabled by configuration" in result.output
        assert "root:" not in result.output


MARKUP = "a [/oops] b :x: [red]c[/red] [link=http://x]d"


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "markdown"])
def test_values_and_names_are_printed_as_they_are(star_file: Path, fmt: str) -> None:
    query = f"SELECT '{MARKUP}' AS \"[bold]name\", 1 AS n"
    result = runner.invoke(
        _app(), ["sql", query, "--format", fmt, "--home", str(_published_home(star_file))], terminal_width=200
    )
    assert result.exit_code == 0, result.output
    assert MARKUP in result.stdout and "[bold]name" in result.stdout and "❌" not in result.stdout


def _home_with_title(tmp_path: Path, title: str) -> Path:
    home = tmp_path / "crawled"
    home.mkdir()
    articles = star_articles().with_columns(pl.Series("title", [title, "title 2", "title 3"]))
    with connect(home / "clusterwatch.duckdb") as con:
        load_batch(con, star_batch(articles=articles))
    return home


def test_a_crawled_title_with_markup_prints_as_it_is(tmp_path: Path) -> None:
    title = "[/b] Калуга :rocket: [link=http://x]парк[/link] ["
    home = _home_with_title(tmp_path, title)
    result = runner.invoke(
        _app(), ["sql", "SELECT title FROM v_articles ORDER BY url", "--home", str(home)], terminal_width=200
    )
    assert result.exit_code == 0, result.output
    assert title in result.stdout and "🚀" not in result.stdout


def test_error_messages_are_printed_as_they_are(star_file: Path, tmp_path: Path) -> None:
    home = _published_home(star_file)
    result = runner.invoke(_app(), ["sql", 'SELECT * FROM "[/oops] :x:"', "--home", str(home)])
    assert result.exit_code == 1 and "[/oops] :x:" in result.output
    missing = tmp_path / "[/red] :x: home"
    result = runner.invoke(_app(), ["sql", "SELECT 1", "--home", str(missing)], terminal_width=300)
    assert result.exit_code == 2 and str(missing) in result.output


QUERIES = sorted((REPO / "docs" / "queries").glob("*.sql"))  # the repository's own example queries


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.name)
def test_every_example_query_runs_every_documented_way(star_file: Path, path: Path) -> None:
    """As an argument ("$(cat file)", which starts with a -- comment), with --file, and on standard input."""
    home, text = str(_published_home(star_file)), path.read_text(encoding="utf-8")
    ways = [
        (["sql", text], None),
        (["sql", "--format", "csv", "--home", home, text], None),
        (["sql", "--file", str(path)], None),
        (["sql", "-"], text),
        (["sql", "--file", "-"], text),
    ]
    outputs = []
    for args, stdin in ways:
        result = runner.invoke(_app(), [*args, "--format", "csv", "--home", home], input=stdin)
        assert result.exit_code == 0, result.output
        outputs.append(result.stdout)
    assert len(set(outputs)) == 1
    with duckdb.connect(str(published_path(Path(home))), read_only=True) as con:
        expected = con.execute(text).fetchall()
    rows = list(csv.reader(io.StringIO(outputs[0])))
    assert len(rows) == len(expected) + 1 and expected
    assert rows[1:] == [["" if v is None else str(v) for v in row] for row in expected]


def test_long_values_are_never_cut_outside_the_table(star_file: Path) -> None:
    home, value = str(_published_home(star_file)), "http://news.test/" + "x" * 300 + "/end"
    query = f"SELECT '{value}' AS url, 'a|b' AS piped, DATE '2024-05-01' AS day"
    for fmt in ("csv", "json", "markdown"):
        result = runner.invoke(_app(), ["sql", query, "--format", fmt, "--home", home])
        assert result.exit_code == 0 and value in result.stdout and "…" not in result.stdout
    table = runner.invoke(_app(), ["sql", f"SELECT '{value}' AS url", "--home", home])
    assert table.exit_code == 0 and "…" not in table.stdout
    assert value in re.sub(r"[│\s]", "", table.stdout)  # folded over lines, not cut
    parsed = json.loads(runner.invoke(_app(), ["sql", query, "--format", "json", "--home", home]).stdout)
    assert parsed == [{"url": value, "piped": "a|b", "day": "2024-05-01"}]
    markdown = runner.invoke(_app(), ["sql", query, "--format", "markdown", "--home", home]).stdout
    assert markdown.splitlines()[2] == f"| {value} | a\\|b | 2024-05-01 |"


def test_piped_formats_hold_only_the_result(star_file: Path) -> None:
    """Notices (no snapshot yet, rows left out) go to standard error; standard output is the CSV alone."""
    home = str(star_file.parent)
    result = runner.invoke(
        _app(),
        [
            "sql",
            "SELECT iso_code FROM dim_region ORDER BY 1",
            "--format",
            "csv",
            "--max-rows",
            "2",
            "--home",
            home,
        ],
    )
    assert result.exit_code == 0
    assert result.stdout == "iso_code\nDE\nRU-KLU\n"
    assert "no published snapshot yet" in result.stderr and "more rows not shown" in result.stderr


def test_the_query_comes_from_one_place(star_file: Path, tmp_path: Path) -> None:
    home = str(_published_home(star_file))
    for args in (["sql"], ["sql", "SELECT 1", "--file", str(tmp_path / "q.sql")]):
        result = runner.invoke(_app(), [*args, "--home", home])
        assert result.exit_code == 2 and "give one query" in result.output
    result = runner.invoke(_app(), ["sql", "--file", str(tmp_path / "none.sql"), "--home", home])
    assert result.exit_code == 2 and "none.sql" in result.output
    result = runner.invoke(_app(), ["sql", "-- only a comment", "--home", home])
    assert result.exit_code == 2 and "no statement" in result.output


def test_a_mistyped_option_is_named_not_taken_for_the_query(star_file: Path) -> None:
    result = runner.invoke(_app(), ["sql", "--fromat", "csv", "SELECT 1", "--home", str(star_file.parent)])
    assert result.exit_code == 2 and "--fromat" in result.output


def test_export_writes_parquet_from_the_locked_snapshot(star_file: Path, tmp_path: Path) -> None:
    home, out = _published_home(star_file), tmp_path / "export"
    result = runner.invoke(_app(), ["export", "--out", str(out), "--home", str(home)])
    assert result.exit_code == 0, result.output
    assert pl.read_parquet(out / "fact_figure.parquet").height == 6
    assert pl.read_parquet(out / "fact_article.parquet").get_column("url").to_list()[0].startswith("http")
