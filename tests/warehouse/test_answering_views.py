"""Views that answer, on the database a real demo run builds (3 of the sample's 5 articles are undated)
and on the hand-written star: a URL for every role, normalised roles, a row per event participant,
measures stated without an amount, and undated articles in a bucket of their own."""

from __future__ import annotations

import duckdb
import polars as pl

# the `demo_db` fixture (the demo flow's working database) and the star are in conftest.py
from tests.warehouse.conftest import star_articles, star_batch, star_frames
from warehouse.load import load_batch


def test_every_people_role_has_a_source_url_dated_or_not(demo_db: duckdb.DuckDBPyConnection) -> None:
    rows = demo_db.execute("SELECT person, latest_url, urls, undated_articles FROM v_people_roles").fetchall()
    assert rows
    assert [r for r in rows if r[1] is None or not r[2]] == []
    assert any(undated for *_, undated in rows)  # roles read from undated articles keep their URL
    assert all(latest in urls for _, latest, urls, _ in rows)


def test_one_title_written_two_ways_is_one_role(star_db: duckdb.DuckDBPyConnection) -> None:
    # "Director" in article 2, "director" in article 3
    star_db.execute("UPDATE fact_person_role SET role = 'director' WHERE article_key = 3")
    rows = star_db.execute(
        "SELECT role, role_normalised, articles, first_seen, last_seen FROM v_people_roles "
        "WHERE person = 'Mikhail Labudin'"
    ).fetchall()
    assert len(rows) == 1
    role, normalised, articles, first, last = rows[0]
    assert (role, normalised, articles) == ("director", "director", 2)  # the latest article's wording
    assert first < last


def test_the_normalised_role_and_its_region_come_from_fact_person_role(
    star_db: duckdb.DuckDBPyConnection,
) -> None:
    star_db.execute(
        "UPDATE fact_person_role SET role_normalised = 'director', "
        "region_key = (SELECT region_key FROM dim_region WHERE iso_code = 'RU-TA') WHERE article_key = 3"
    )
    rows = star_db.execute(
        "SELECT role, role_normalised, region_iso_code FROM v_people_roles "
        "WHERE person = 'Mikhail Labudin' ORDER BY role"
    ).fetchall()
    assert rows == [("Director", "director", None), ("Director of the Association", "director", "RU-TA")]


def test_one_row_per_event_participant(demo_db: duckdb.DuckDBPyConnection) -> None:
    expected = demo_db.execute(
        "SELECT count(*) FROM (SELECT DISTINCT e.event_id, p.entity_key, p.site_key, p.region_key, p.role "
        "FROM fact_event_participant AS p JOIN fact_event AS e USING (event_key) "
        "JOIN fact_article AS a ON a.article_key = p.article_key WHERE a.duplicate_of IS NULL)"
    ).fetchone()[0]
    rows = demo_db.execute(
        "SELECT p.event_id, p.participant, p.role, v.participants FROM v_event_participants AS p "
        "JOIN v_events AS v USING (event_id)"
    ).fetchall()
    assert expected > 0 and len(rows) == expected
    for _, participant, role, listed in rows:
        assert participant and f"{participant} ({role})" in listed


def test_measures_stated_without_an_amount_appear(demo_db: duckdb.DuckDBPyConnection) -> None:
    rows = demo_db.execute(
        "SELECT measure, value, sentence, url FROM v_support_measures WHERE NOT has_amount"
    ).fetchall()
    measures = {measure for measure, *_ in rows}
    assert {"tax benefit", "customs preference"} <= measures  # "… tax benefits and customs preferences"
    for _, value, sentence, url in rows:
        assert value is None and url and sentence
    with_amount = demo_db.execute("SELECT count(*) FROM v_support_measures WHERE has_amount").fetchone()[0]
    figures = demo_db.execute(
        "SELECT count(*) FROM v_figures "
        "WHERE metric_code = 'money' AND subject IN ('subsidy', 'compensation', 'tax')"
    ).fetchone()[0]
    assert with_amount == figures


def test_undated_articles_get_their_own_month_bucket(demo_db: duckdb.DuckDBPyConnection) -> None:
    undated = demo_db.execute(
        "SELECT iso_code, count(*) FROM v_region_articles WHERE NOT is_duplicate AND published_date IS NULL "
        "GROUP BY iso_code ORDER BY iso_code"
    ).fetchall()
    bucket = demo_db.execute(
        "SELECT iso_code, articles FROM v_region_activity_monthly "
        "WHERE period = 'undated' AND month_start IS NULL ORDER BY iso_code"
    ).fetchall()
    assert undated and bucket == undated
    months = demo_db.execute(
        "SELECT count(*) FROM v_region_activity_monthly WHERE period <> strftime(month_start, '%Y-%m')"
    ).fetchone()[0]
    assert months == 0


def test_figures_of_undated_articles_are_counted_in_the_undated_bucket(
    memory_db: duckdb.DuckDBPyConnection,
) -> None:
    load_batch(memory_db, star_batch(articles=star_articles([None, None, None])))
    rows = memory_db.execute(
        "SELECT iso_code, articles, figures FROM v_region_activity_monthly WHERE period = 'undated' "
        "ORDER BY iso_code"
    ).fetchall()
    figures = star_frames()["fact_figure"]
    klu_sites = {31, 32, 33}  # the star's pharmaceutical cluster, Kaluga SEZ and Vorsino park
    klu_figures = figures.filter((pl.col("region_key") == 11) | pl.col("site_key").is_in(klu_sites)).height
    assert klu_figures == 6
    assert ("RU-KLU", 3, klu_figures) in rows  # articles 1, 2 (through the Kaluga SEZ) and 3
