"""The report's reads of the analyst views, on the hand-written star."""

from __future__ import annotations

from datetime import date

import duckdb

from warehouse.report_content import OPTIONAL_VIEWS, content, optional_view, view_exists


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
    assert all(optional_view(star_shared, name) is None for name in OPTIONAL_VIEWS)
    star_shared.execute("CREATE VIEW v_events AS SELECT 'forum' AS event, DATE '2024-05-01' AS held_on")
    try:
        assert view_exists(star_shared, "v_events")
        assert optional_view(star_shared, "events") == [{"event": "forum", "held_on": date(2024, 5, 1)}]
    finally:
        star_shared.execute("DROP VIEW v_events")
