"""A query result as text: a Rich table for the terminal, or CSV, JSON and Markdown for other programs.

Only the table is fitted to the terminal, and it folds long values onto more lines rather than
cutting them; a result whose columns do not fit side by side is printed vertically, one
`column | value` line each (like psql's expanded display). CSV, JSON and Markdown hold every value whole,
whatever the width, and are written batch by batch. In CSV, text a spreadsheet would run as a formula
(starting with =, +, -, @, tab or carriage return) gets a leading `'` (OWASP's advice); numbers are
left as they are.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any, TextIO

from rich.table import Table

from warehouse.analyst import neutralise

Row = Sequence[Any]
CELL_PADDING = 3  # a Rich table column's borders and padding


def cell_text(value: Any, null: str = "NULL") -> str:
    """VALUE as one line of text, lists and structs written as DuckDB prints them."""
    if value is None:
        return null
    if isinstance(value, list | tuple):
        return "[" + ", ".join(cell_text(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {cell_text(v)}" for k, v in value.items()) + "}"
    return str(value)


def json_value(value: Any) -> Any:
    """VALUE as JSON holds it: dates in ISO 8601, decimals as numbers, NaN and infinities as text."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, Decimal):
        return json_value(float(value))
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): json_value(v) for k, v in value.items()}
    if isinstance(value, timedelta | bytes):
        return cell_text(value)
    return str(value)


def unique_names(columns: Sequence[str]) -> list[str]:
    """Column names made unique for JSON keys: a second `a` becomes `a_2`."""
    seen: dict[str, int] = {}
    names = []
    for name in columns:
        seen[name] = seen.get(name, 0) + 1
        names.append(name if seen[name] == 1 else f"{name}_{seen[name]}")
    return names


def result_table(columns: Sequence[str], rows: Iterable[Row]) -> Table:
    """A Rich table whose cells wrap long values (URLs included) instead of ending them with `…`."""
    table = Table(show_lines=False)
    for name in columns:
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*(cell_text(v) for v in row))
    return table


def fits_across(columns: Sequence[str], width: int) -> bool:
    """True when every column can have at least its header's width side by side in WIDTH."""
    return sum(len(name) + CELL_PADDING for name in columns) + 1 <= width


def vertical_lines(columns: Sequence[str], rows: Iterable[Row]) -> Iterable[str]:
    """Each row as a `-[ RECORD n ]-` line, then one `column | value` line per column."""
    pad = max((len(name) for name in columns), default=0)
    for number, row in enumerate(rows, start=1):
        yield f"-[ RECORD {number} ]" + "-" * max(0, pad - 8)
        for name, value in zip(columns, row, strict=True):
            yield f"{name.ljust(pad)} | {cell_text(value)}"


def csv_cell(value: Any) -> str:
    """VALUE as a CSV field: NULL empty, text that would start a formula neutralised."""
    return neutralise(value) if isinstance(value, str) else cell_text(value, null="")


def write_csv(columns: Sequence[str], batches: Iterable[Iterable[Row]], out: TextIO) -> int:
    """RFC 4180 CSV with a header, batch by batch; returns the rows written."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    count = 0
    for rows in batches:
        lines = [[csv_cell(v) for v in row] for row in rows]
        writer.writerows(lines)
        count += len(lines)
    return count


def write_json(columns: Sequence[str], batches: Iterable[Iterable[Row]], out: TextIO) -> int:
    """A JSON array of one object per row, keyed by column name, batch by batch."""
    names, count = unique_names(columns), 0
    out.write("[")
    for rows in batches:
        for row in rows:
            item = json.dumps(dict(zip(names, (json_value(v) for v in row), strict=True)), ensure_ascii=False)
            out.write(("," if count else "") + "\n  " + item)
            count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def write_markdown(columns: Sequence[str], batches: Iterable[Iterable[Row]], out: TextIO) -> int:
    out.write(_markdown_row(columns) + "\n|" + "|".join("---" for _ in columns) + "|\n")
    count = 0
    for rows in batches:
        for row in rows:
            out.write(_markdown_row(cell_text(v) for v in row) + "\n")
            count += 1
    return count


def to_csv(columns: Sequence[str], rows: Iterable[Row]) -> str:
    """RFC 4180 CSV with a header; NULL is an empty field; formula-like text neutralised."""
    out = io.StringIO()
    write_csv(columns, [rows], out)
    return out.getvalue()


def to_json(columns: Sequence[str], rows: Iterable[Row]) -> str:
    """A JSON array of one object per row, keyed by column name."""
    names = unique_names(columns)
    objects = [dict(zip(names, (json_value(v) for v in row), strict=True)) for row in rows]
    return json.dumps(objects, ensure_ascii=False, indent=2) + "\n"


def _markdown_row(cells: Iterable[str]) -> str:
    escaped = (c.replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>") for c in cells)
    return "| " + " | ".join(escaped) + " |"


def to_markdown(columns: Sequence[str], rows: Iterable[Row]) -> str:
    """A GitHub-flavoured Markdown table; `|` escaped, line breaks as `<br>`."""
    lines = [_markdown_row(columns), "|" + "|".join("---" for _ in columns) + "|"]
    lines += [_markdown_row(cell_text(v) for v in row) for row in rows]
    return "\n".join(lines) + "\n"


RENDERERS: dict[str, Callable[[Sequence[str], Iterable[Row]], str]] = {
    "csv": to_csv,
    "json": to_json,
    "markdown": to_markdown,
}


WRITERS: dict[str, Callable[[Sequence[str], Iterable[Iterable[Row]], TextIO], int]] = {
    "csv": write_csv,
    "json": write_json,
    "markdown": write_markdown,
}


def render(fmt: str, columns: Sequence[str], rows: Iterable[Row]) -> str:
    """The result as FMT text: csv, json or markdown."""
    return RENDERERS[fmt](columns, rows)


def write(fmt: str, columns: Sequence[str], batches: Iterable[Iterable[Row]], out: TextIO) -> int:
    """The result as FMT text (csv, json or markdown) to OUT, batch by batch; returns the rows."""
    return WRITERS[fmt](columns, batches, out)
