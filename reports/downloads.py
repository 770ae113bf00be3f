"""The CSV file beside every table of the report (pure: text in, text out).

A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula, so such
text cells are prefixed with ' as OWASP's "CSV Injection" page advises; numbers are left as numbers.
"""

from __future__ import annotations

import csv
import io
from base64 import b64encode
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Table:
    """One table's download: its file name (beside the page) and the rows and columns it holds."""

    name: str
    columns: Sequence[str]
    rows: Iterable[dict[str, Any]]


def cell(value: Any) -> str | int | float:
    """One value as a CSV cell: text that a spreadsheet would run is made inert."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple | set):
        value = "; ".join(str(v) for v in value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def data_uri(table: Table) -> str:
    """The table's CSV inside a link (an article page's small tables: no file to write per table)."""
    return "data:text/csv;charset=utf-8;base64," + b64encode(csv_text(table).encode("utf-8")).decode("ascii")


def csv_text(table: Table) -> str:
    """The table as CSV (RFC 4180 quoting, a header row, UTF-8 text)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([cell(c) for c in table.columns])
    for row in table.rows:
        writer.writerow([cell(row.get(c)) for c in table.columns])
    return out.getvalue()
