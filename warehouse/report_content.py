"""What the report shows of the data: articles, regions, sites, support measures, people, figures.

Each query reads the analysts' views (warehouse/sql/) and returns plain rows (dicts); view and column
names come from the fixed text here, never from input. Views another release adds (foreign investors,
site residents, events) are read when the snapshot has them, and reported missing otherwise.
"""

from __future__ import annotations

from typing import Any

import duckdb

ROW_LIMIT = 500  # rows of a view of a later schema
LATEST_ARTICLES = 2000  # the articles page lists the latest ones; the charts count them all
EVIDENCE = 20  # articles listed per region and per site, the latest first
ARTICLES = f"""
SELECT article_key, url, title, language, published_date, date_source, date_inferred, source_name,
    coalesce(site_name, source_name) AS site_name, word_count, is_duplicate
FROM v_articles ORDER BY published_date DESC NULLS LAST, title LIMIT {LATEST_ARTICLES}
"""
ARTICLE_TOTALS = """
SELECT count(*) AS articles, count(*) FILTER (WHERE published_date IS NULL AND NOT is_duplicate) AS undated,
    coalesce(site_name, source_name) AS site_name
FROM v_articles WHERE NOT is_duplicate GROUP BY ALL ORDER BY articles DESC
"""
ARTICLES_MONTHLY = """
SELECT strftime(published_date, '%Y-%m') AS month, language, source_name, count(*) AS articles
FROM v_articles WHERE NOT is_duplicate AND published_date IS NOT NULL
GROUP BY ALL ORDER BY month, language, source_name
"""
REGION_TOTALS = """
SELECT iso_code, name_en, name_ru, is_country, count(*) AS articles, sum(mentions) AS mentions,
    count(*) FILTER (WHERE date_inferred) AS articles_date_inferred
FROM v_region_articles WHERE NOT is_duplicate
GROUP BY ALL ORDER BY articles DESC, mentions DESC, iso_code
"""
REGION_ARTICLES = f"""
SELECT iso_code, name_en, is_country, url, title, published_date, date_inferred, mentions,
    array_to_string(sites, ', ') AS sites
FROM v_region_articles WHERE NOT is_duplicate
QUALIFY row_number() OVER (PARTITION BY iso_code ORDER BY published_date DESC NULLS LAST, title) <= {EVIDENCE}
ORDER BY iso_code, published_date DESC NULLS LAST, title
"""
REGION_MONTHLY = """
SELECT iso_code, name_en, is_country, strftime(month_start, '%Y-%m') AS month, articles, mentions, figures
FROM v_region_activity_monthly WHERE month_start IS NOT NULL ORDER BY month, iso_code
"""
SITES = """
SELECT s.site_key, s.site_type, s.name, s.industry, r.iso_code, r.name_en AS region_name_en,
    r.region_type = 'country' AS is_country,
    count(DISTINCT m.article_key) FILTER (WHERE NOT m.is_duplicate) AS articles
FROM dim_site AS s
LEFT JOIN dim_region AS r ON r.region_key = s.region_key
LEFT JOIN v_site_mentions AS m ON m.site_key = s.site_key
GROUP BY ALL ORDER BY articles DESC, s.name
"""
SITE_EVIDENCE = f"""
SELECT m.site_key, m.url, m.title, m.published_date, m.date_inferred,
    substr(t.text, greatest(1, m.first_char_offset - 60), 240) AS snippet
FROM v_site_mentions AS m JOIN article_text AS t USING (article_key)
WHERE NOT m.is_duplicate
QUALIFY row_number() OVER (
    PARTITION BY m.site_key ORDER BY m.published_date DESC NULLS LAST, m.url) <= {EVIDENCE}
ORDER BY m.site_key, m.published_date DESC NULLS LAST
"""
SUPPORT = """
SELECT measure, value, unit, qualifier, act_type, act_number, act_title,
    coalesce(region_iso_code, '') AS iso_code, region_name_en, is_country, site_name, sentence, url, title,
    published_date, date_inferred
FROM v_support_measures WHERE NOT is_duplicate AND has_amount
ORDER BY act_number NULLS LAST, value DESC
"""
PEOPLE = """
SELECT person, role, organisation, region_iso_code AS iso_code, region_name_en, is_country, first_seen,
    last_seen, date_inferred, articles, latest_url
FROM v_people_roles ORDER BY region_iso_code NULLS LAST, person, role
"""
LATEST_FIGURES = """
SELECT region_iso_code AS iso_code, region_name_en, is_country, metric_code, subject, value, unit,
    qualifier, published_date, date_inferred, sentence, url, title
FROM v_figures
WHERE NOT is_duplicate AND region_key IS NOT NULL
QUALIFY row_number() OVER (
    PARTITION BY region_key, metric_code, coalesce(subject, ''), unit
    ORDER BY published_date DESC NULLS LAST, figure_key
) = 1
ORDER BY region_iso_code, metric_code, subject
"""
VIEW_EXISTS = """
SELECT count(*) FROM duckdb_views()
WHERE database_name = current_database() AND schema_name = 'main' AND view_name = $name
"""
# views of relations another release of the schema adds; shown when present
OPTIONAL_VIEWS = {
    "foreign_investors": "v_foreign_investors",
    "residents": "v_site_residents",
    "events": "v_events",
}
OPTIONAL_SELECT = {name: f"SELECT * FROM {view} LIMIT {ROW_LIMIT}" for name, view in OPTIONAL_VIEWS.items()}


def rows(con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, Any] | None = None) -> list[dict]:
    """The rows of a query as dicts, column name to value."""
    cursor = con.execute(sql, params or {})
    names = [d[0] for d in cursor.description or []]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def view_exists(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return bool(con.execute(VIEW_EXISTS, {"name": name}).fetchall()[0][0])


def optional_view(con: duckdb.DuckDBPyConnection, name: str) -> list[dict] | None:
    """The rows of one of OPTIONAL_VIEWS, or None when this snapshot does not have the view."""
    if not view_exists(con, OPTIONAL_VIEWS[name]):
        return None
    return rows(con, OPTIONAL_SELECT[name])


def content(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Everything the analyst pages of the report show, read in one go."""
    queries = {
        "articles": ARTICLES,
        "article_totals": ARTICLE_TOTALS,
        "articles_monthly": ARTICLES_MONTHLY,
        "region_totals": REGION_TOTALS,
        "region_articles": REGION_ARTICLES,
        "region_monthly": REGION_MONTHLY,
        "sites": SITES,
        "site_evidence": SITE_EVIDENCE,
        "support": SUPPORT,
        "people": PEOPLE,
        "latest_figures": LATEST_FIGURES,
    }
    found: dict[str, Any] = {name: rows(con, sql) for name, sql in queries.items()}
    found.update({name: optional_view(con, name) for name in OPTIONAL_VIEWS})
    return found
