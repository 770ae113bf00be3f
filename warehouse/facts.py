"""Dimensions and facts of the intelligence stage, loaded inside the caller's transaction.

Dimensions are merged by key (a later non-null value fills or replaces, a null never erases).
Facts are replaced per article: the fact rows of every article of the batch are deleted, then the
batch's rows inserted, so a re-extraction replaces an article's facts instead of adding to them.
Table and column names come from the fixed contract in warehouse/frames.py; values only from frames.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import duckdb
import polars as pl

from warehouse.frames import DIMENSIONS, FACTS, conform, latest_per_key

# (table, column, referenced table, referenced column): every key a fact or dimension points with.
REFERENCES = (
    ("fact_mention", "article_key", "fact_article", "article_key"),
    ("fact_mention", "entity_key", "dim_entity", "entity_key"),
    ("fact_mention", "site_key", "dim_site", "site_key"),
    ("fact_mention", "region_key", "dim_region", "region_key"),
    ("fact_mention", "act_key", "dim_legal_act", "act_key"),
    ("fact_figure", "article_key", "fact_article", "article_key"),
    ("fact_figure", "metric_key", "dim_metric", "metric_key"),
    ("fact_figure", "region_key", "dim_region", "region_key"),
    ("fact_figure", "site_key", "dim_site", "site_key"),
    ("fact_figure", "act_key", "dim_legal_act", "act_key"),
    ("fact_person_role", "article_key", "fact_article", "article_key"),
    ("fact_person_role", "entity_key", "dim_entity", "entity_key"),
    ("fact_person_role", "organisation_key", "dim_entity", "entity_key"),
    ("fact_person_role", "region_key", "dim_region", "region_key"),
    ("fact_relation", "article_key", "fact_article", "article_key"),
    ("fact_relation", "subject_entity_key", "dim_entity", "entity_key"),
    ("fact_relation", "subject_site_key", "dim_site", "site_key"),
    ("fact_relation", "object_entity_key", "dim_entity", "entity_key"),
    ("fact_relation", "object_site_key", "dim_site", "site_key"),
    ("fact_relation", "object_region_key", "dim_region", "region_key"),
    ("fact_relation", "object_country", "dim_region", "iso_code"),
    ("fact_relation", "figure_key", "fact_figure", "figure_key"),
    ("fact_event", "article_key", "fact_article", "article_key"),
    ("fact_event", "region_key", "dim_region", "region_key"),
    ("fact_event", "figure_key", "fact_figure", "figure_key"),
    ("fact_event_participant", "event_key", "fact_event", "event_key"),
    ("fact_event_participant", "entity_key", "dim_entity", "entity_key"),
    ("fact_event_participant", "site_key", "dim_site", "site_key"),
    ("fact_event_participant", "region_key", "dim_region", "region_key"),
    ("dim_entity", "region_key", "dim_region", "region_key"),
    ("dim_site", "region_key", "dim_region", "region_key"),
)
BATCH_KEYS = "incoming_article_keys"


class DanglingKeyError(ValueError):
    """A fact or dimension row points at a key that no row of the referenced table has."""


def _merge_sql(table: str) -> str:
    key, *rest = DIMENSIONS[table]
    updates = ", ".join(f"{c} = coalesce(s.{c}, t.{c})" for c in rest)
    columns = ", ".join([key, *rest])
    values = ", ".join(f"s.{c}" for c in [key, *rest])
    return (
        f"MERGE INTO {table} AS t USING incoming_{table} AS s ON t.{key} = s.{key} "
        f"WHEN MATCHED THEN UPDATE SET {updates} "
        f"WHEN NOT MATCHED THEN INSERT ({columns}) VALUES ({values})"
    )


def _delete_sql(table: str) -> str:
    return f"DELETE FROM {table} WHERE article_key IN (SELECT article_key FROM {BATCH_KEYS})"


def _insert_sql(table: str) -> str:
    columns = ", ".join(FACTS[table])
    return f"INSERT INTO {table} ({columns}) SELECT {columns} FROM incoming_{table}"


def _dangling_sql() -> str:
    parts = [
        f"SELECT '{t}.{c}' AS ref, count(*) AS n FROM {t} AS x "
        f"WHERE x.{c} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {rt} AS r WHERE r.{rc} = x.{c})"
        for t, c, rt, rc in REFERENCES
    ]
    return "SELECT ref, n FROM (" + " UNION ALL ".join(parts) + ") WHERE n > 0 ORDER BY ref"


MERGES = {table: _merge_sql(table) for table in DIMENSIONS}
DELETES = {table: _delete_sql(table) for table in FACTS}
INSERTS = {table: _insert_sql(table) for table in FACTS}
DANGLING = _dangling_sql()


def batch_article_keys(frames: dict[str, pl.DataFrame], article_keys: Iterable[int]) -> pl.DataFrame:
    """The articles whose facts this batch replaces: the loaded articles and any a fact points at."""
    keys = [pl.Series("article_key", list(article_keys), pl.Int64)]
    keys += [frames[t]["article_key"] for t in FACTS if t in frames]
    return pl.concat(keys).unique().to_frame()


@contextmanager
def _registered(con: duckdb.DuckDBPyConnection, frames: dict[str, pl.DataFrame]) -> Iterator[None]:
    """The frames as views for the statements; on an error the caller's rollback drops them."""
    for name, frame in frames.items():
        con.register(name, frame.to_arrow())
    yield
    for name in frames:
        con.unregister(name)


def check_references(con: duckdb.DuckDBPyConnection) -> None:
    dangling = con.execute(DANGLING).fetchall()
    if dangling:
        detail = ", ".join(f"{ref}: {n} rows" for ref, n in dangling)
        raise DanglingKeyError(f"keys with no row in the table they point at: {detail}")


def load_facts(
    con: duckdb.DuckDBPyConnection,
    frames: dict[str, pl.DataFrame],
    article_keys: list[int],
    check: bool = True,
) -> None:
    """Merge the dimension frames, replace the facts of the batch's articles; no begin or commit here.
    `check`: every key must then resolve (DanglingKeyError); a caller loading many batches checks once,
    after the last (`check_references`)."""
    conformed = {name: conform(name, frame) for name, frame in frames.items()}
    dims = {n: latest_per_key(n, f) for n, f in conformed.items() if n in DIMENSIONS}
    facts = {n: f for n, f in conformed.items() if n in FACTS}
    incoming = {f"incoming_{n}": f for n, f in {**dims, **facts}.items()}
    incoming[BATCH_KEYS] = batch_article_keys(facts, article_keys)
    with _registered(con, incoming):
        for name in DIMENSIONS:
            if name in dims:
                con.execute(MERGES[name])
        for name in FACTS:
            con.execute(DELETES[name])
            if name in facts:
                con.execute(INSERTS[name])
    if check:
        check_references(con)
