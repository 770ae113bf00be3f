"""The data dictionary: every table and view of the schema with its columns, types and comments, read
from the catalogue (the COMMENTs of warehouse/sql/), and the schema built fresh to read it from."""

from __future__ import annotations

import duckdb

from warehouse.schema import migrate

RELATIONS = """
SELECT table_name AS name, 'table' AS kind, comment FROM duckdb_tables()
WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
UNION ALL
SELECT view_name, 'view', comment FROM duckdb_views()
WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
ORDER BY kind, name
"""
COLUMNS = """
SELECT table_name AS relation, column_name AS name, data_type AS type, comment FROM duckdb_columns()
WHERE database_name = current_database() AND schema_name = 'main'
ORDER BY table_name, column_index
"""


def catalogue(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """One dict per table and view (name, kind, comment, columns: name, type, comment), tables first."""
    columns: dict[str, list[dict]] = {}
    for relation, name, type_, comment in con.execute(COLUMNS).fetchall():
        columns.setdefault(relation, []).append({"name": name, "type": type_, "comment": comment})
    return [
        {"name": name, "kind": kind, "comment": comment, "columns": columns.get(name, [])}
        for name, kind, comment in con.execute(RELATIONS).fetchall()
    ]


def fresh_catalogue() -> list[dict]:
    """The catalogue of the schema the code defines: every migration applied to an empty database."""
    con = duckdb.connect(":memory:")
    try:
        migrate(con)
        return catalogue(con)
    finally:
        con.close()
