"""The site registry's columns on dim_site (migration 100) and the view of registered sites (101)."""

from __future__ import annotations

import duckdb

from warehouse.schema import migrate, migrations


def test_registered_sites_with_their_mentions_and_articles(star_shared: duckdb.DuckDBPyConnection) -> None:
    rows = star_shared.execute(
        "SELECT registry_id, site_type, zone_type, year_created, status, region_iso_code, article_count, "
        "mention_count, article_urls FROM v_registered_sites ORDER BY registry_id"
    ).fetchall()
    urls = ["http://news.test/2"]
    assert rows == [
        ("sez-alabuga", "sez", "industrial_production", 2005, "active", "RU-TA", 1, 1, urls),
        ("sez-kaluga", "sez", "industrial_production", 2012, "active", "RU-KLU", 1, 2, urls),
    ]


def test_the_view_and_its_columns_are_described(star_shared: duckdb.DuckDBPyConnection) -> None:
    comment = star_shared.execute("SELECT comment FROM duckdb_views() WHERE view_name = 'v_registered_sites'")
    assert comment.fetchone()[0]
    undescribed = star_shared.execute(
        "SELECT column_name FROM duckdb_columns() WHERE table_name IN ('v_registered_sites', 'dim_site') "
        "AND comment IS NULL"
    ).fetchall()
    assert undescribed == []


def test_sites_loaded_before_the_registry_read_as_unregistered() -> None:
    con = duckdb.connect(":memory:")
    migrate(con, [m for m in migrations() if m.version < 100], views=[])  # tables as before the registry
    con.execute("INSERT INTO dim_site (site_key, site_type, name) VALUES (1, 'technopark', 'Polet')")
    assert 100 in migrate(con)
    row = con.execute("SELECT registry_id, is_registered FROM dim_site WHERE site_key = 1").fetchone()
    assert row == (None, False)
    assert con.execute("SELECT count(*) FROM v_registered_sites").fetchone()[0] == 0
    con.close()
