"""Post-load quality checks of the warehouse, as SQL: keys, references, date coverage, freshness.

Each check returns (unexpected_count, element_count, observed). Table and column names come from the
fixed lists below, never from input; values are parameters. A check whose tables or columns do not
exist (yet) is reported as not applicable, so the checks run on any version of the schema.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import duckdb

from warehouse.facts import REFERENCES

SUITE = "warehouse"
FRESH_DAYS = 30

PRIMARY_KEYS = (
    ("dim_date", "date_key"),
    ("dim_source", "source_key"),
    ("dim_region", "region_key"),
    ("dim_entity", "entity_key"),
    ("dim_site", "site_key"),
    ("dim_legal_act", "act_key"),
    ("dim_metric", "metric_key"),
    ("fact_article", "article_key"),
    ("article_text", "article_key"),
    ("fact_figure", "figure_key"),
    ("fact_relation", "relation_key"),
    ("fact_event", "event_key"),
)
# (table, column, referenced table, referenced key): the loader's references and the article's own
FOREIGN_KEYS = (
    ("fact_article", "source_key", "dim_source", "source_key"),
    ("fact_article", "published_date_key", "dim_date", "date_key"),
    ("fact_article", "duplicate_of", "fact_article", "article_key"),
    ("article_text", "article_key", "fact_article", "article_key"),
    *REFERENCES,
)

PK_SQL = "SELECT count(*) - count(DISTINCT {col}), count(*), NULL FROM {table}"
FK_SQL = """
SELECT count(*) FILTER (WHERE f.{col} IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM {ref} r WHERE r.{ref_col} = f.{col})),
    count(*),
    CAST(list(DISTINCT f.{col}) FILTER (WHERE f.{col} IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM {ref} r WHERE r.{ref_col} = f.{col}))[1:5] AS VARCHAR)
FROM {table} f
"""
TEXT_PRESENT_SQL = """
SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM article_text t WHERE t.article_key = a.article_key)),
    count(*), NULL
FROM fact_article a
"""
ONE_SUBJECT_SQL = """
SELECT count(*) FILTER (WHERE CAST(entity_key IS NOT NULL AS INTEGER) + CAST(site_key IS NOT NULL AS INTEGER)
        + CAST(region_key IS NOT NULL AS INTEGER) + CAST(act_key IS NOT NULL AS INTEGER) <> 1),
    count(*), NULL
FROM fact_mention
"""
FRESHNESS_SQL = """
SELECT CASE WHEN max(d.date) >= $since THEN 0 ELSE 1 END, count(*), CAST(max(d.date) AS VARCHAR)
FROM fact_article a JOIN dim_date d ON d.date_key = a.published_date_key
"""
EXISTING_COLUMNS = """
SELECT table_name, column_name FROM duckdb_columns()
WHERE database_name = current_database() AND schema_name = 'main'
"""
MENTION_KEYS = ("entity_key", "site_key", "region_key", "act_key")


@dataclass(frozen=True)
class SqlCheck:
    name: str
    severity: str
    needs: tuple[tuple[str, str], ...]  # (table, column) pairs that must exist
    sql: str


def _sql_checks() -> list[SqlCheck]:
    checks = [
        SqlCheck(f"primary key unique: {t}.{c}", "critical", ((t, c),), PK_SQL.format(table=t, col=c))
        for t, c in PRIMARY_KEYS
    ]
    for table, col, ref, ref_col in FOREIGN_KEYS:
        sql = FK_SQL.format(table=table, col=col, ref=ref, ref_col=ref_col)
        kind = (
            "dim_date covers" if ref == "dim_date" else "no orphan" if table == "article_text" else "resolves"
        )
        name = f"{kind}: {table}.{col} -> {ref}.{ref_col}"
        checks.append(SqlCheck(name, "critical", ((table, col), (ref, ref_col)), sql))
    mention = tuple(("fact_mention", c) for c in MENTION_KEYS)
    checks += [
        SqlCheck("fact_mention: exactly one subject key set", "critical", mention, ONE_SUBJECT_SQL),
        SqlCheck(
            "every article has its text", "warning", (("article_text", "article_key"),), TEXT_PRESENT_SQL
        ),
        SqlCheck(
            f"freshness: latest article published within {FRESH_DAYS} days",
            "warning",
            (("fact_article", "published_date_key"), ("dim_date", "date")),
            FRESHNESS_SQL,
        ),
    ]
    return checks


SQL_CHECKS = _sql_checks()


def _existing(con: duckdb.DuckDBPyConnection) -> set[tuple[str, str]]:
    return {(t, c) for t, c in con.execute(EXISTING_COLUMNS).fetchall()}


def _row(check: SqlCheck, success: bool, unexpected: int, elements: int, details: Any) -> dict[str, Any]:
    return {
        "suite": SUITE,
        "expectation": check.name,
        "severity": check.severity,
        "success": success,
        "unexpected_count": unexpected,
        "element_count": elements,
        "batch": SUITE,
        "level": "batch",
        "details": json.dumps(details, ensure_ascii=False) if details else None,
    }


def _run(con: duckdb.DuckDBPyConnection, check: SqlCheck, run_date: date) -> dict[str, Any]:
    params = {"since": run_date - timedelta(days=FRESH_DAYS)} if "$since" in check.sql else {}
    unexpected, elements, observed = con.execute(check.sql, params).fetchall()[0]
    if check.sql is FRESHNESS_SQL:
        observed = {"latest_published": observed}
    elif observed:
        observed = {"unexpected_sample": observed}
    return _row(check, unexpected == 0, int(unexpected), int(elements), observed)


def run_checks(con: duckdb.DuckDBPyConnection, run_date: date) -> list[dict[str, Any]]:
    """Every warehouse check as a result row (suite, expectation, severity, success, counts, details).

    Works inside the caller's transaction, so it can run after the load and before the commit."""
    existing = _existing(con)
    rows = []
    for check in SQL_CHECKS:
        missing = [f"{t}.{c}" for t, c in check.needs if (t, c) not in existing]
        if missing:
            rows.append(_row(check, True, 0, 0, {"not_applicable": "missing " + ", ".join(missing)}))
        else:
            rows.append(_run(con, check, run_date))
    return rows
