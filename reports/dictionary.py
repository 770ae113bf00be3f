"""The data dictionary as Markdown (docs/data-dictionary.md) and as rows for the report's page."""

from __future__ import annotations

from pathlib import Path

import duckdb

from warehouse.dictionary import catalogue, fresh_catalogue

HEADER = """# Data dictionary

Every table and view of the warehouse with its columns, generated from the comments in
`warehouse/sql/` (regenerate with `clusterwatch dictionary`; a test keeps this file and the schema in
step). Views (`v_*`) are what analysts query; tables are the star schema and the run records.
"""


def dictionary_tables(con: duckdb.DuckDBPyConnection) -> list[dict]:
    return catalogue(con)


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def _relation(rel: dict) -> list[str]:
    lines = [f"### `{rel['name']}` ({rel['kind']})", "", _cell(rel["comment"]) or "(no comment)", ""]
    lines += ["| column | type | meaning |", "|---|---|---|"]
    lines += [f"| `{c['name']}` | {_cell(c['type'])} | {_cell(c['comment'])} |" for c in rel["columns"]]
    return [*lines, ""]


def dictionary_markdown(relations: list[dict] | None = None) -> str:
    """The dictionary of the code's schema (or of `relations`), views first, then tables."""
    relations = fresh_catalogue() if relations is None else relations
    lines = [HEADER]
    for kind, title in (("view", "## Views"), ("table", "## Tables")):
        lines += [title, ""]
        for rel in (r for r in relations if r["kind"] == kind):
            lines += _relation(rel)
    return "\n".join(lines).rstrip() + "\n"


def write_dictionary(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dictionary_markdown(), encoding="utf-8")
    return path
