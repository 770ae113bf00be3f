"""A query result as text: a Rich table for the terminal, or CSV, JSON and Markdown for other programs.

Only the table is fitted to the terminal, and it folds long values onto more lines rather than
cutting them; CSV, JSON and Markdown hold every value whole, whatever the width.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from rich.table import Table

Row = Sequence[Any]


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


def to_csv(columns: Sequence[str], rows: Iterable[Row]) -> str:
    """RFC 4180 CSV with a header; NULL is an empty field."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([cell_text(v, null="") for v in row] for row in rows)
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


def render(fmt: str, columns: Sequence[str], rows: Iterable[Row]) -> str:
    """The result as FMT text: csv, json or markdown."""
    return RENDERERS[fmt](columns, rows)
