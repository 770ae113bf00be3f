"""Dimensions merged by key, facts replaced per article, all inside load_batch's one transaction."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import duckdb
import polars as pl
import pytest

from warehouse.facts import DanglingKeyError, load_facts
from warehouse.frames import FrameContractError
from warehouse.load import RunBatch, load_batch
from warehouse.queries import table_counts

STAR_TABLES = (
    "dim_region",
    "dim_entity",
    "dim_site",
    "dim_legal_act",
    "dim_metric",
    "fact_mention",
    "fact_figure",
    "fact_person_role",
    "fact_article",
    "article_text",
    "dim_date",
    "dim_source",
)
Frames = Callable[[], dict[str, pl.DataFrame]]


def _star_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    counts = table_counts(con)
    return {t: counts[t] for t in STAR_TABLES}


def test_batch_fills_every_dimension_and_fact(star_db: duckdb.DuckDBPyConnection) -> None:
    counts = _star_counts(star_db)
    assert counts["dim_region"] == 3 and counts["dim_entity"] == 5 and counts["dim_site"] == 4
    assert counts["fact_mention"] == 14 and counts["fact_figure"] == 6 and counts["fact_person_role"] == 3
    span = star_db.execute("SELECT min(date), max(date), count(*) FROM dim_date").fetchone()
    assert span == (date(2021, 4, 27), date(2022, 3, 3), 311)  # every day between the first and last article


def test_same_input_twice_changes_no_counts(star_db: duckdb.DuckDBPyConnection, make_batch) -> None:
    before = _star_counts(star_db)
    keys_before = star_db.execute("SELECT region_key, iso_code FROM dim_region ORDER BY 1").fetchall()
    load_batch(star_db, make_batch("r2"))
    assert _star_counts(star_db) == before
    assert star_db.execute("SELECT region_key, iso_code FROM dim_region ORDER BY 1").fetchall() == keys_before


def test_reextraction_replaces_an_articles_facts(
    star_db: duckdb.DuckDBPyConnection, make_batch, frames: Frames
) -> None:
    facts = frames()
    facts["fact_figure"] = facts["fact_figure"].filter(pl.col("article_key") == 3).head(1)
    facts["fact_mention"] = facts["fact_mention"].filter(pl.col("article_key") == 3)
    facts["fact_person_role"] = facts["fact_person_role"].clear()
    for table in ("fact_relation", "fact_event", "fact_event_participant"):  # article 3's rows only
        facts[table] = facts[table].filter(pl.col("article_key") == 3)
    facts["fact_relation"] = facts["fact_relation"].head(1)
    load_batch(
        star_db, make_batch("r2", facts, articles=make_batch().articles.filter(pl.col("article_key") == 3))
    )
    per_article = dict(
        star_db.execute("SELECT article_key, count(*) FROM fact_figure GROUP BY 1 ORDER BY 1").fetchall()
    )
    assert per_article == {1: 2, 2: 1, 3: 1}  # article 3 replaced, articles 1 and 2 untouched
    roles = star_db.execute("SELECT DISTINCT article_key FROM fact_person_role ORDER BY 1").fetchall()
    assert roles == [(1,), (2,)]
    assert star_db.execute("SELECT count(*) FROM fact_mention WHERE article_key = 3").fetchone() == (5,)
    relations = star_db.execute("SELECT article_key, count(*) FROM fact_relation GROUP BY 1 ORDER BY 1")
    assert dict(relations.fetchall()) == {2: 3, 3: 1}  # article 3's two relations replaced by one


def test_later_value_fills_a_null_and_a_null_never_erases(
    star_db: duckdb.DuckDBPyConnection, make_batch, frames: Frames
) -> None:
    facts = frames()
    acts = facts["dim_legal_act"].with_columns(
        title=pl.when(pl.col("number") == "1659").then(pl.lit("On industrial parks")).otherwise(None)
    )
    load_batch(star_db, make_batch("r2", {**facts, "dim_legal_act": acts}))
    titles = star_db.execute("SELECT number, title FROM dim_legal_act ORDER BY number").fetchall()
    assert titles == [("1659", "On industrial parks"), ("779", "On industrial clusters")]


def test_duplicate_keys_in_one_frame_are_merged(
    star_db: duckdb.DuckDBPyConnection, make_batch, frames: Frames
) -> None:
    facts = frames()
    twice = pl.concat(
        [facts["dim_region"], facts["dim_region"].with_columns(name_ru=pl.lit(None, pl.String))]
    )
    load_batch(star_db, make_batch("r2", {**facts, "dim_region": twice}))
    assert star_db.execute("SELECT count(*), count(name_ru) FROM dim_region").fetchone() == (3, 3)


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (lambda f: {**f, "dim_site": f["dim_site"].drop("industry")}, FrameContractError),
        (lambda f: {**f, "dim_site": f["dim_site"].with_columns(extra=pl.lit(1))}, FrameContractError),
        (lambda f: {**f, "fact_oops": f["dim_site"]}, FrameContractError),
        (
            lambda f: {**f, "fact_figure": f["fact_figure"].with_columns(value=pl.lit("many"))},
            FrameContractError,
        ),
        (lambda f: {k: v for k, v in f.items() if k != "dim_metric"}, DanglingKeyError),
        (
            lambda f: {**f, "fact_mention": f["fact_mention"].with_columns(site_key=pl.lit(31, pl.Int64))},
            duckdb.ConstraintException,
        ),  # two keys set on one mention
        (
            lambda f: {**f, "fact_figure": f["fact_figure"].with_columns(qualifier=pl.lit("maybe"))},
            duckdb.ConstraintException,
        ),
    ],
    ids=[
        "missing column",
        "unknown column",
        "unknown frame",
        "bad dtype",
        "dangling key",
        "two keys",
        "qualifier",
    ],
)
def test_bad_frames_fail_the_run_and_leave_the_previous_state(
    star_db: duckdb.DuckDBPyConnection, make_batch, frames: Frames, change, error
) -> None:
    before = _star_counts(star_db)
    star_db.execute("DELETE FROM dim_metric")  # committed: the previous state has no metrics
    before["dim_metric"] = 0
    with pytest.raises(error):
        load_batch(star_db, make_batch("r2", change(frames())))
    assert _star_counts(star_db) == before
    assert star_db.execute("SELECT count(*) FROM etl_run WHERE run_id = 'r2'").fetchone() == (0,)


def test_dangling_key_message_names_the_column(
    memory_db: duckdb.DuckDBPyConnection, make_batch, frames: Frames
) -> None:
    facts = {k: v for k, v in frames().items() if k != "dim_region"}
    with pytest.raises(DanglingKeyError, match=r"fact_mention.region_key: 3 rows"):
        load_batch(memory_db, make_batch("r1", facts))


def test_load_facts_leaves_the_transaction_to_its_caller(
    memory_db: duckdb.DuckDBPyConnection, make_batch: Callable[..., RunBatch], frames: Frames
) -> None:
    load_batch(memory_db, make_batch("r1", {}))  # the articles, no facts
    memory_db.begin()
    load_facts(memory_db, frames(), [1, 2, 3])
    assert memory_db.execute("SELECT count(*) FROM fact_figure").fetchone() == (6,)
    memory_db.rollback()
    assert memory_db.execute("SELECT count(*) FROM fact_figure").fetchone() == (0,)


def test_role_codes_are_loaded_beside_the_roles_as_written(star_db: duckdb.DuckDBPyConnection) -> None:
    rows = star_db.execute("SELECT role, role_code FROM fact_person_role ORDER BY article_key").fetchall()
    assert rows == [
        ("губернатор", "governor"),
        ("Director", "director"),
        ("Director of the Association", "director"),
    ]
    by_code = star_db.execute(
        "SELECT role_code, count(DISTINCT role) FROM fact_person_role GROUP BY 1 ORDER BY 1"
    ).fetchall()
    assert by_code == [("director", 2), ("governor", 1)]


def test_roles_are_loaded_normalised_with_their_region(star_db: duckdb.DuckDBPyConnection) -> None:
    rows = star_db.execute(
        "SELECT p.role_normalised, r.iso_code FROM fact_person_role AS p "
        "LEFT JOIN dim_region AS r ON r.region_key = p.region_key ORDER BY p.article_key"
    ).fetchall()
    assert rows == [("губернатор", "RU-KLU"), ("director", None), ("director", None)]
