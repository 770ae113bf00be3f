"""The schema diagram matches the DDL, and every copy of it in the docs matches docs/schema.mmd."""

from __future__ import annotations

import re

import duckdb

from tests.processes import REPO

ROOT = REPO
DIAGRAM = (ROOT / "docs" / "schema.mmd").read_text(encoding="utf-8")
ENTITY = re.compile(r"^\s+(\w+) \{$", re.MULTILINE)
MERMAID_BLOCK = re.compile(r"```mermaid\n(.*?)```", re.DOTALL)


def test_diagram_draws_every_dimension_and_fact(memory_db: duckdb.DuckDBPyConnection) -> None:
    drawn = set(ENTITY.findall(DIAGRAM))
    tables = {r[0] for r in memory_db.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    star = {t for t in tables if t.startswith(("dim_", "fact_"))}
    assert star <= drawn, f"not in docs/schema.mmd: {star - drawn}"
    assert drawn <= tables, f"drawn but not in the schema: {drawn - tables}"


def test_diagram_columns_exist(memory_db: duckdb.DuckDBPyConnection) -> None:
    for table, body in re.findall(r"^\s+(\w+) \{\n(.*?)^\s+\}$", DIAGRAM, re.MULTILINE | re.DOTALL):
        drawn = {line.split()[1] for line in body.strip().splitlines()}
        sql = "SELECT column_name FROM duckdb_columns() WHERE table_name = $t"
        rows = memory_db.execute(sql, {"t": table})
        assert drawn <= {r[0] for r in rows.fetchall()}, table


def test_the_warehouse_docs_show_the_diagram_of_the_file() -> None:
    blocks = MERMAID_BLOCK.findall((ROOT / "docs" / "warehouse.md").read_text(encoding="utf-8"))
    diagrams = [block for block in blocks if "erDiagram" in block]
    assert diagrams, "docs/warehouse.md has no schema diagram"
    for block in diagrams:
        assert block == DIAGRAM, "the diagram in docs/warehouse.md differs from docs/schema.mmd"
