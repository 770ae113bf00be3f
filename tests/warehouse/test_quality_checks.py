"""The post-load SQL checks on small hand-made databases: a duplicate key, an orphan fact, a fact date
missing from dim_date, a mention with two subjects; tables not created yet are not applicable."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

import duckdb
import polars as pl
import pytest

from warehouse.quality_checks import run_checks
from warehouse.schema import apply_schema

RUN_DATE = date(2024, 5, 1)


def _table(con: duckdb.DuckDBPyConnection, name: str, **columns: list) -> None:
    con.from_arrow(pl.DataFrame(columns).to_arrow()).create(name)


@pytest.fixture
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    """A clean little star without constraints, so the checks, not the database, must find the faults."""
    connection = duckdb.connect(":memory:")
    _table(connection, "dim_source", source_key=[1], domain=["example.ru"])
    _table(connection, "dim_date", date_key=[20240425, 20240426], date=[date(2024, 4, 25), date(2024, 4, 26)])
    _table(
        connection,
        "fact_article",
        article_key=[10, 11],
        source_key=[1, 1],
        published_date_key=[20240425, 20240426],
        duplicate_of=pl.Series([None, 10], dtype=pl.Int64),
    )
    _table(connection, "article_text", article_key=[10, 11], text=["a", "b"])
    _table(connection, "dim_metric", metric_key=[51], metric_code=["money"])
    _table(connection, "fact_figure", figure_key=[1, 2], article_key=[10, 11], metric_key=[51, 51])
    yield connection
    connection.close()


def _by_name(rows: list[dict]) -> dict[str, dict]:
    return {r["expectation"]: r for r in rows}


def _failed(rows: list[dict]) -> set[str]:
    return {r["expectation"] for r in rows if not r["success"]}


def test_a_clean_star_passes_and_missing_tables_are_not_applicable(con: duckdb.DuckDBPyConnection) -> None:
    rows = run_checks(con, RUN_DATE)
    assert _failed(rows) == set()
    mention = _by_name(rows)["resolves: fact_mention.entity_key -> dim_entity.entity_key"]
    assert mention["success"] and "not_applicable" in json.loads(mention["details"])
    assert {r["suite"] for r in rows} == {"warehouse"} and {r["level"] for r in rows} == {"batch"}


def test_duplicate_primary_key_is_found(con: duckdb.DuckDBPyConnection) -> None:
    _table(
        con,
        "more",
        article_key=[10],
        source_key=[1],
        published_date_key=[20240425],
        duplicate_of=pl.Series([None], dtype=pl.Int64),
    )
    con.table("more").insert_into("fact_article")
    rows = run_checks(con, RUN_DATE)
    assert _failed(rows) == {"primary key unique: fact_article.article_key"}
    assert _by_name(rows)["primary key unique: fact_article.article_key"]["unexpected_count"] == 1


def test_orphan_fact_and_missing_date_are_found(con: duckdb.DuckDBPyConnection) -> None:
    _table(con, "orphans", figure_key=[3], article_key=[99], metric_key=[77])
    con.table("orphans").insert_into("fact_figure")
    _table(
        con,
        "undated",
        article_key=[12],
        source_key=[1],
        published_date_key=[20240501],
        duplicate_of=pl.Series([None], dtype=pl.Int64),
    )
    con.table("undated").insert_into("fact_article")
    rows = _by_name(run_checks(con, RUN_DATE))
    assert not rows["resolves: fact_figure.article_key -> fact_article.article_key"]["success"]
    metric = rows["resolves: fact_figure.metric_key -> dim_metric.metric_key"]
    assert (metric["success"], metric["unexpected_count"], metric["element_count"]) == (False, 1, 3)
    assert json.loads(metric["details"]) == {"unexpected_sample": "[77]"}
    dates = rows["dim_date covers: fact_article.published_date_key -> dim_date.date_key"]
    assert (dates["success"], dates["severity"], dates["unexpected_count"]) == (False, "critical", 1)
    text = rows["every article has its text"]
    assert (text["success"], text["severity"]) == (False, "warning")


def test_orphan_text_and_two_subject_mention(con: duckdb.DuckDBPyConnection) -> None:
    _table(con, "stray", article_key=[42], text=["orphan"])
    con.table("stray").insert_into("article_text")
    for name, key in (
        ("dim_entity", "entity_key"),
        ("dim_site", "site_key"),
        ("dim_region", "region_key"),
        ("dim_legal_act", "act_key"),
    ):
        _table(con, name, **{key: [1]})
    _table(
        con,
        "fact_mention",
        article_key=[10, 11],
        entity_key=[1, 1],
        site_key=pl.Series([None, 1]),
        region_key=pl.Series([None, None], dtype=pl.Int64),
        act_key=pl.Series([None, None], dtype=pl.Int64),
    )
    failed = _failed(run_checks(con, RUN_DATE))
    assert failed == {
        "no orphan: article_text.article_key -> fact_article.article_key",
        "fact_mention: exactly one subject key set",
    }


def test_freshness_is_a_warning_on_the_latest_article(con: duckdb.DuckDBPyConnection) -> None:
    fresh = _by_name(run_checks(con, RUN_DATE))["freshness: latest article published within 30 days"]
    assert fresh["success"]
    stale = _by_name(run_checks(con, date(2025, 1, 1)))["freshness: latest article published within 30 days"]
    assert (stale["success"], stale["severity"]) == (False, "warning")
    assert json.loads(stale["details"]) == {"latest_published": "2024-04-26"}


def test_checks_run_on_the_real_schema() -> None:
    connection = duckdb.connect(":memory:")
    apply_schema(connection)
    rows = run_checks(connection, RUN_DATE)
    assert _failed(rows) == {"freshness: latest article published within 30 days"}  # no article yet
    applicable = [r for r in rows if not (r["details"] and "not_applicable" in r["details"])]
    assert len(applicable) > 20
