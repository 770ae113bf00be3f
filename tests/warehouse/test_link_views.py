"""The relation and event views on the hand-written star: one row per relation however many articles
state it, residents with their stated country, foreign investors by region, events with participants."""

from __future__ import annotations

from datetime import date

import duckdb
import polars as pl

from warehouse.load import load_batch
from warehouse.queries import table_counts


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict]:
    return pl.from_arrow(con.sql(sql).to_arrow_table()).to_dicts()


def test_one_relation_stated_in_two_articles_is_one_row_with_two_pieces_of_evidence(
    star_shared: duckdb.DuckDBPyConnection,
) -> None:
    (row,) = _rows(star_shared, "SELECT * FROM v_relations WHERE relation = 'from_country'")
    assert (row["subject"], row["object"], row["object_iso_code"], row["articles"]) == (
        "Continental", "Germany", "DE", 2
    )  # fmt: skip
    assert (row["first_seen"], row["last_seen"]) == (date(2021, 5, 12), date(2022, 3, 3))
    assert row["evidence"] == "The German company Continental grows." and " | " in row["all_evidence"]


def test_site_residents_carry_the_stated_country(star_shared: duckdb.DuckDBPyConnection) -> None:
    (row,) = _rows(star_shared, "SELECT * FROM v_site_residents")
    assert (row["company"], row["site"], row["site_type"], row["region_iso_code"]) == (
        "Continental", "Kaluga SEZ", "sez", "RU-KLU"
    )  # fmt: skip
    assert (row["country_iso_code"], row["reference_country_iso_code"], row["articles"]) == ("DE", "DE", 1)


def test_foreign_investors_by_country_and_region_with_the_amount(
    star_shared: duckdb.DuckDBPyConnection,
) -> None:
    rows = _rows(star_shared, "SELECT * FROM v_foreign_investors")
    assert [
        (r["country_iso_code"], r["country_source"], r["company"], r["region_iso_code"]) for r in rows
    ] == [("DE", "stated", "Continental", "RU-KLU")]
    assert set(rows[0]["sites"].split(", ")) == {"Kaluga SEZ", "Vorsino industrial park"}
    assert rows[0]["amount_rub"] == 3.0e9 and rows[0]["articles"] == 2


def test_events_with_their_participants_and_region(star_shared: duckdb.DuckDBPyConnection) -> None:
    rows = {r["event_type"]: r for r in _rows(star_shared, "SELECT * FROM v_events")}
    assert set(rows) == {"agreement_signed", "plant_launch", "register_application"}
    launch = rows["plant_launch"]
    assert (launch["event_date"], launch["date_precision"], launch["region_iso_code"]) == (
        date(2022, 3, 1), "month", "RU-KLU"
    )  # fmt: skip
    assert launch["participants"] == "Continental (company); Vorsino industrial park (site)"
    assert (launch["figure_value"], launch["figure_unit"], launch["reports"]) == (3.0e9, "RUB", 1)
    assert rows["register_application"]["event_date"] is None


def test_a_syndicated_copy_adds_no_relation_or_event(
    memory_db: duckdb.DuckDBPyConnection, make_batch
) -> None:
    batch = make_batch()
    articles = batch.articles.with_columns(
        pl.when(pl.col("article_key") == 3).then(2).otherwise(None).cast(pl.Int64).alias("duplicate_of")
    )
    load_batch(memory_db, make_batch(articles=articles))
    (relation,) = _rows(memory_db, "SELECT articles FROM v_relations WHERE relation = 'from_country'")
    assert relation["articles"] == 1
    assert memory_db.execute(
        "SELECT count(*) FROM v_events WHERE event_type = 'plant_launch'"
    ).fetchone() == (0,)


def test_loading_the_same_articles_again_adds_nothing(
    memory_db: duckdb.DuckDBPyConnection, make_batch
) -> None:
    load_batch(memory_db, make_batch("r1"))
    first = table_counts(memory_db)
    load_batch(memory_db, make_batch("r2"))
    second = table_counts(memory_db)
    for table in ("fact_relation", "fact_event", "fact_event_participant"):
        assert first[table] == second[table] > 0
