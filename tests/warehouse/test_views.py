"""The analyst views and the example queries of docs/queries/, on the hand-written star."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from tests.processes import REPO

QUERIES = sorted((REPO / "docs" / "queries").glob("*.sql"))
VIEWS = [
    "v_articles",
    "v_figures",
    "v_region_activity_monthly",
    "v_support_measures",
    "v_people_roles",
    "v_site_mentions",
    "v_region_articles",
]


def test_there_is_an_example_query_per_analyst_question() -> None:
    assert len(QUERIES) >= 5
    for path in QUERIES:
        assert path.read_text(encoding="utf-8").startswith("-- "), f"{path.name} needs a header comment"


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.name)
def test_example_query_returns_rows(star_shared: duckdb.DuckDBPyConnection, path: Path) -> None:
    rows = star_shared.execute(path.read_text(encoding="utf-8")).fetchall()
    assert rows, f"{path.name} returned no rows"


@pytest.mark.parametrize("view", VIEWS)
def test_view_has_rows_and_comments(star_shared: duckdb.DuckDBPyConnection, view: str) -> None:
    assert star_shared.execute(f"SELECT count(*) FROM {view}").fetchone()[0] > 0
    comment = star_shared.execute("SELECT comment FROM duckdb_views() WHERE view_name = $v", {"v": view})
    assert comment.fetchone()[0]
    missing = star_shared.execute(
        "SELECT column_name FROM duckdb_columns() WHERE table_name = $v AND comment IS NULL", {"v": view}
    ).fetchall()
    assert missing == []


def test_support_measures_join_act_region_site_and_url(star_shared: duckdb.DuckDBPyConnection) -> None:
    rows = star_shared.execute(
        "SELECT value, qualifier, act_number, region_iso_code, site_name, url "
        "FROM v_support_measures ORDER BY value"
    ).fetchall()
    assert rows == [
        (9.0e8, "up_to", "779", "RU-KLU", "Kaluga pharmaceutical cluster", "http://news.test/1"),
        (3.0e9, "exact", "1659", "RU-KLU", None, "http://news.test/3"),
    ]


def test_people_roles_keep_one_role_written_two_ways_as_one(star_shared: duckdb.DuckDBPyConnection) -> None:
    # "Director" (2021) and "Director of the Association" (2022) of AC&T RF are one role, not a change
    rows = star_shared.execute(
        "SELECT role, role_normalised, organisation, first_seen, last_seen, articles FROM v_people_roles "
        "WHERE person = 'Mikhail Labudin' ORDER BY first_seen"
    ).fetchall()
    assert rows == [
        ("Director of the Association", "director", "AC&T RF", date(2021, 5, 12), date(2022, 3, 3), 2),
    ]


def test_region_activity_counts_sites_of_the_region(star_shared: duckdb.DuckDBPyConnection) -> None:
    row = star_shared.execute(
        "SELECT articles, mentions, sites_mentioned, figures FROM v_region_activity_monthly "
        "WHERE iso_code = 'RU-KLU' AND month_start = DATE '2021-04-01'"
    ).fetchone()
    assert row == (1, 5, 1, 2)  # 3 region mentions + 2 of the pharmaceutical cluster; two figures


def test_site_mentions_carry_type_industry_and_region(star_shared: duckdb.DuckDBPyConnection) -> None:
    rows = star_shared.execute(
        "SELECT site_type, industry, region_iso_code, count(*) FROM v_site_mentions GROUP BY ALL ORDER BY ALL"
    ).fetchall()
    assert rows == [
        ("cluster", "pharmaceutical", "RU-KLU", 2),
        ("industrial_park", "automotive", "RU-KLU", 1),
        ("sez", None, "RU-KLU", 1),
        ("sez", None, "RU-TA", 1),
    ]


def test_support_measures_hold_support_not_every_money_figure(memory_db: duckdb.DuckDBPyConnection) -> None:
    from tests.warehouse.conftest import MONEY, ROWS, star_batch, star_frames
    from warehouse.load import load_batch

    frames = star_frames()
    cost = (107, 3, MONEY, 5.0e9, "RUB", "exact", None, None, None, "cost", "The plant costs 5 bn.", 1, 5)
    tax = (108, 3, MONEY, 2.0e8, "RUB", "exact", None, None, None, "tax", "Tax benefits of 200 mn.", 6, 9)
    frames["fact_figure"] = frames["fact_figure"].vstack(
        type(frames["fact_figure"])([cost, tax], schema=frames["fact_figure"].schema, orient="row")
    )
    load_batch(memory_db, star_batch(facts=frames))
    rows = memory_db.execute("SELECT measure, value FROM v_support_measures ORDER BY value").fetchall()
    assert rows == [("tax benefit", 2.0e8), ("subsidy or grant", 9.0e8), ("subsidy or grant", 3.0e9)]
    assert len(ROWS["fact_figure"]) + 2 == memory_db.execute("SELECT count(*) FROM v_figures").fetchone()[0]


def test_people_roles_carry_the_region_of_the_role(star_shared: duckdb.DuckDBPyConnection) -> None:
    rows = star_shared.execute(
        "SELECT person, role, region_iso_code FROM v_people_roles WHERE role IS NOT NULL ORDER BY ALL"
    ).fetchall()
    # Shapsha is governor of «Калужская область» (named as written) and lives there; Labudin's AC&T RF
    # has no region
    assert rows == [
        ("Mikhail Labudin", "Director of the Association", None),
        ("Vladislav Shapsha", "губернатор", "RU-KLU"),
    ]


def test_regions_and_countries_are_apart(star_shared: duckdb.DuckDBPyConnection) -> None:
    rows = star_shared.execute(
        "SELECT DISTINCT iso_code, is_country, region_type FROM v_region_activity_monthly ORDER BY ALL"
    ).fetchall()
    assert rows == [("DE", True, "country"), ("RU-KLU", False, "oblast"), ("RU-TA", False, "republic")]


@pytest.mark.parametrize(
    "view", ["v_articles", "v_figures", "v_support_measures", "v_site_mentions", "v_region_articles"]
)
def test_dated_views_say_where_the_date_came_from(star_shared: duckdb.DuckDBPyConnection, view: str) -> None:
    columns = {d[0] for d in star_shared.execute(f"SELECT * FROM {view} LIMIT 0").description}
    assert {"date_source", "date_inferred"} <= columns


def test_inferred_dates_are_flagged_where_dates_are_summed(memory_db: duckdb.DuckDBPyConnection) -> None:
    import polars as pl

    from tests.warehouse.conftest import star_articles, star_batch
    from warehouse.load import load_batch

    articles = star_articles().with_columns(
        date_source=pl.Series(["page", "inferred", "page"]), date_inferred=pl.Series([False, True, False])
    )
    load_batch(memory_db, star_batch(articles=articles))
    inferred = memory_db.execute(
        "SELECT month_start, articles_date_inferred FROM v_region_activity_monthly "
        "WHERE iso_code = 'RU-KLU' ORDER BY month_start"
    ).fetchall()
    # article 2 (May 2021, year inferred) names the Kaluga SEZ
    assert inferred == [(date(2021, 4, 1), 0), (date(2021, 5, 1), 1), (date(2022, 3, 1), 0)]
    assert memory_db.execute(
        "SELECT date_source, date_inferred FROM v_articles WHERE article_key = 2"
    ).fetchone() == ("inferred", True)
    assert memory_db.execute(
        "SELECT bool_or(date_inferred) FROM v_people_roles WHERE person = 'Mikhail Labudin'"
    ).fetchone() == (True,)
