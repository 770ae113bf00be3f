"""A query result as a table, CSV, JSON and Markdown: every value whole, nothing read as markup."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from decimal import Decimal

from rich.console import Console

from cli.results import cell_text, json_value, render, result_table, unique_names

COLUMNS = ["url", "n", "day", "tags", "note"]
ROWS = [
    ("http://news.test/" + "x" * 200, 1, date(2024, 5, 1), ["a", "b,c"], None),
    ("a|b\nc", Decimal("2.50"), datetime(2024, 5, 1, 12, 30), [], "[/oops] :x:"),
]


def test_csv_holds_every_value_with_null_as_an_empty_field() -> None:
    rows = list(csv.reader(io.StringIO(render("csv", COLUMNS, ROWS))))
    assert rows[0] == COLUMNS
    assert rows[1] == [ROWS[0][0], "1", "2024-05-01", "[a, b,c]", ""]
    assert rows[2] == ["a|b\nc", "2.50", "2024-05-01 12:30:00", "[]", "[/oops] :x:"]


def test_json_is_one_object_per_row_with_iso_dates() -> None:
    assert json.loads(render("json", COLUMNS, ROWS)) == [
        {"url": ROWS[0][0], "n": 1, "day": "2024-05-01", "tags": ["a", "b,c"], "note": None},
        {"url": "a|b\nc", "n": 2.5, "day": "2024-05-01T12:30:00", "tags": [], "note": "[/oops] :x:"},
    ]


def test_json_keeps_every_column_and_odd_numbers_as_text() -> None:
    assert unique_names(["a", "b", "a", "a"]) == ["a", "b", "a_2", "a_3"]
    assert json.loads(render("json", ["a", "a"], [(float("nan"), float("inf"))])) == [
        {"a": "nan", "a_2": "inf"}
    ]
    assert json_value({"k": [Decimal("1.5"), date(2024, 1, 2)]}) == {"k": [1.5, "2024-01-02"]}


def test_markdown_escapes_pipes_and_line_breaks() -> None:
    lines = render("markdown", COLUMNS, ROWS).splitlines()
    assert lines[0] == "| url | n | day | tags | note |" and lines[1] == "|---|---|---|---|---|"
    assert lines[2] == f"| {ROWS[0][0]} | 1 | 2024-05-01 | [a, b,c] | NULL |"
    assert lines[3] == "| a\\|b<br>c | 2.50 | 2024-05-01 12:30:00 | [] | [/oops] :x: |"


def test_nested_values_read_as_duckdb_prints_them() -> None:
    assert cell_text({"x": 1, "y": [None, "z"]}) == "{x: 1, y: [NULL, z]}"
    assert cell_text(None, null="") == ""


def test_the_table_folds_long_values_instead_of_cutting_them() -> None:
    console = Console(width=60, markup=False, emoji=False, record=True)
    console.print(result_table(["url"], [(ROWS[0][0],)]))
    text = console.export_text()
    assert "…" not in text
    assert ROWS[0][0] in "".join(ch for ch in text if ch not in "│┃ \n")


def test_csv_neutralises_what_a_spreadsheet_would_run_and_keeps_numbers() -> None:
    from cli.results import csv_cell

    for text in ("=1+1", "+1+1", "-1+1", "@A1", "\t=1", "\r=1", '=HYPERLINK("http://x")'):
        assert csv_cell(text) == "'" + text
    for value, expected in ((-5, "-5"), ("-5", "-5"), ("+7.5", "+7.5"), ("-1e3", "-1e3"), (-2.5, "-2.5")):
        assert csv_cell(value) == expected
    assert csv_cell("plain = text") == "plain = text" and csv_cell(None) == ""
