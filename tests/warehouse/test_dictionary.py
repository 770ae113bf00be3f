"""The catalogue behind the data dictionary: every table and view, every column, with its comment."""

from __future__ import annotations

from warehouse.dictionary import fresh_catalogue


def test_every_relation_and_column_of_the_schema_has_a_comment() -> None:
    relations = fresh_catalogue()
    names = {r["name"] for r in relations}
    assert {"fact_article", "dim_region", "dq_result", "v_people_roles", "v_region_articles"} <= names
    missing = [f"{r['name']}.{c['name']}" for r in relations for c in r["columns"] if not c["comment"]]
    assert [r["name"] for r in relations if not r["comment"]] == [] and missing == []
