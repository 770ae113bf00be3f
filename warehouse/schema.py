"""Open the warehouse and apply the DDL in warehouse/sql/ in file-name order."""

from __future__ import annotations

from pathlib import Path

import duckdb

SQL_DIR = Path(__file__).parent / "sql"


def ddl_files() -> list[Path]:
    return sorted(SQL_DIR.glob("*.sql"))


def apply_schema(con: duckdb.DuckDBPyConnection) -> None:
    for path in ddl_files():
        con.execute(path.read_text(encoding="utf-8"))


def connect(path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection with the schema in place (a read-only one is opened as it is)."""
    if read_only:
        return duckdb.connect(str(path), read_only=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    apply_schema(con)
    return con
