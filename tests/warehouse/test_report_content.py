"""The report's reads of the analyst views, on the hand-written star."""

from __future__ import annotations

from datetime import date

import duckdb

from warehouse.report_content import (
    OPTIONAL_VIEWS,
    article_evidence,
    article_keys_of_urls,
    content,
    optional_view,
    view_exists,
)


def test_content_reads_every_part_of_the_report(star_shared: duckdb.DuckDBPyConnection) -> None:
    found = content(star_shared)
    assert len(found["articles"]) == 3
    assert {r["month"] for r in found["articles_monthly"]} == {"2021-04", "2021-05", "2022-03"}
    totals = {r["iso_code"]: (r["is_country"], r["articles"]) for r in found["region_totals"]}
    assert totals == {"RU-KLU": (False, 3), "RU-TA": (False, 1), "DE": (True, 1)}
    assert {r["url"] for r in found["region_articles"] if r["iso_code"] == "RU-TA"} == {"http://news.test/2"}
    assert found["sites"][0]["name"] == "Kaluga pharmaceutical cluster"  # most articles first
    pharma = [e["snippet"] for e in found["site_evidence"] if e["url"] == "http://news.test/1"]
    assert pharma == ["Калужская область создаёт фармацевтический кластер"]  # the text around the mention
    assert {m["measure"] for m in found["support"]} == {"subsidy or grant"}


def test_latest_figures_keep_the_newest_value_per_region_and_kind(
    star_shared: duckdb.DuckDBPyConnection,
) -> None:
    found = content(star_shared)["latest_figures"]
    parks = [f for f in found if f["iso_code"] == "RU-KLU" and f["subject"] == "industrial parks"]
    assert [(f["value"], str(f["published_date"])) for f in parks] == [
        (12.0, "2022-03-03")
    ]  # not the 8 of 2021


def test_views_of_a_later_schema_are_none_until_they_exist(star_shared: duckdb.DuckDBPyConnection) -> None:
    # the relation and event views are in the schema now: each gives its rows on the star
    assert all(optional_view(star_shared, name) for name in OPTIONAL_VIEWS)
    older = duckdb.connect(":memory:")  # a snapshot of a schema without them
    try:
        assert all(optional_view(older, name) is None for name in OPTIONAL_VIEWS)
        older.execute("CREATE VIEW v_events AS SELECT 'forum' AS event, DATE '2024-05-01' AS held_on")
        assert view_exists(older, "v_events")
        assert optional_view(older, "events") == [{"event": "forum", "held_on": date(2024, 5, 1)}]
    finally:
        older.close()


def test_an_articles_evidence_is_read_with_its_text_and_every_fact(
    star_shared: duckdb.DuckDBPyConnection,
) -> None:
    found = article_evidence(star_shared, [1, 3, 999])  # an unknown key is left out
    assert set(found) == {1, 3}
    one = found[1]
    assert one["article"]["url"] == "http://news.test/1" and one["article"]["run_id"] == "r1"
    assert one["article"]["text"] == "Калужская область создаёт фармацевтический кластер"
    kinds = {(m["kind"], m["start"]) for m in one["mentions"]}
    assert {("region", 0), ("site", 40), ("person", 120), ("act", 200)} <= kinds
    assert [(f["figure_key"], f["start"], f["end"]) for f in one["figures"]][:1] == [(101, 300, 318)]
    assert (
        one["events"][0]["event_type"] == "agreement_signed" and "party" in one["events"][0]["participants"]
    )
    assert {(p["start"], p["end"]) for p in one["participants"]} == {(10, 20), (0, 9)}
    assert all(r["article_key"] == 3 for name in ("mentions", "figures", "events") for r in found[3][name])


def test_urls_name_their_articles(star_shared: duckdb.DuckDBPyConnection) -> None:
    assert article_keys_of_urls(star_shared, ["http://news.test/2", "http://elsewhere.test/x"]) == {
        "http://news.test/2": 2
    }


def test_undated_articles_are_counted_per_region(star_shared: duckdb.DuckDBPyConnection) -> None:
    found = content(star_shared)
    assert found["region_undated"] == []  # every article of the star has a date
    assert all(r["month"] is not None for r in found["region_monthly"])
