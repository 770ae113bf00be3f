"""What the report shows of the data: articles, regions, sites, support measures, people, figures.

Each query reads the analysts' views (warehouse/sql/) and returns plain rows (dicts); view and column
names come from the fixed text here, never from input. Views another release adds (foreign investors,
site residents, events) are read when the snapshot has them, and reported missing otherwise.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import duckdb

ROW_LIMIT = 500  # rows of a view of a later schema
LATEST_ARTICLES = 2000  # the articles page lists the latest ones; the charts count them all
EVIDENCE = 20  # articles listed per region and per site, the latest first
# the article pages' evidence is read a chunk at a time: at most this many articles, and at most this many
# words of their texts (fact_article.word_count; an article longer than that alone is read on its own)
EVIDENCE_CHUNK = 200
EVIDENCE_CHUNK_WORDS = 400_000
ARTICLES = f"""
SELECT article_key, url, title, language, published_date, date_source, date_inferred, source_name,
    coalesce(site_name, source_name) AS site_name, word_count, is_duplicate
FROM v_articles ORDER BY published_date DESC NULLS LAST, title, article_key LIMIT {LATEST_ARTICLES}
"""
ARTICLE_TOTALS = """
SELECT count(*) AS articles, count(*) FILTER (WHERE published_date IS NULL AND NOT is_duplicate) AS undated,
    coalesce(site_name, source_name) AS site_name
FROM v_articles WHERE NOT is_duplicate GROUP BY ALL ORDER BY articles DESC
"""
ARTICLES_MONTHLY = """
SELECT strftime(published_date, '%Y-%m') AS month, language, source_name, count(*) AS articles
FROM v_articles WHERE NOT is_duplicate
GROUP BY ALL ORDER BY month NULLS LAST, language, source_name
"""
REGION_TOTALS = """
SELECT iso_code, name_en, name_ru, is_country, count(*) AS articles, sum(mentions) AS mentions,
    count(*) FILTER (WHERE date_inferred) AS articles_date_inferred
FROM v_region_articles WHERE NOT is_duplicate
GROUP BY ALL ORDER BY articles DESC, mentions DESC, iso_code
"""
REGION_ARTICLES = f"""
SELECT iso_code, name_en, is_country, article_key, url, title, published_date, date_inferred, mentions,
    array_to_string(sites, ', ') AS sites, site_keys
FROM v_region_articles WHERE NOT is_duplicate
QUALIFY row_number() OVER (
    PARTITION BY iso_code ORDER BY published_date DESC NULLS LAST, title, article_key) <= {EVIDENCE}
ORDER BY iso_code, published_date DESC NULLS LAST, title, article_key
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
# the latest mentions of each site are chosen first, and only their articles' texts read for the snippets
SITE_EVIDENCE = f"""
WITH latest AS (
    SELECT m.site_key, m.article_key, m.first_char_offset, m.url, m.title, m.published_date, m.date_inferred
    FROM v_site_mentions AS m
    WHERE NOT m.is_duplicate AND m.article_key IN (SELECT article_key FROM article_text)
    QUALIFY row_number() OVER (
        PARTITION BY m.site_key ORDER BY m.published_date DESC NULLS LAST, m.url, m.article_key) <= {EVIDENCE}
)
SELECT l.*, substr(t.text, greatest(1, l.first_char_offset - 60), 240) AS snippet
FROM latest AS l JOIN article_text AS t USING (article_key)
ORDER BY l.site_key, l.published_date DESC NULLS LAST, l.url, l.article_key
"""
SUPPORT = """
SELECT measure, figure_key, article_key, value, unit, qualifier, act_type, act_number, act_title,
    coalesce(region_iso_code, '') AS iso_code, region_name_en, is_country, site_name, sentence, url, title,
    published_date, date_inferred
FROM v_support_measures WHERE NOT is_duplicate AND has_amount
ORDER BY act_number NULLS LAST, value DESC
"""
PEOPLE = """
SELECT p.person_key, p.person, p.role, p.organisation, p.region_iso_code AS iso_code, p.region_name_en,
    p.is_country, p.first_seen, p.last_seen, p.date_inferred, p.articles, p.latest_url,
    (SELECT max(a.article_key) FROM fact_article AS a WHERE a.url = p.latest_url) AS article_key
FROM v_people_roles AS p ORDER BY p.region_iso_code NULLS LAST, p.person, p.role
"""
LATEST_FIGURES = """
SELECT figure_key, article_key, region_iso_code AS iso_code, region_name_en, is_country, metric_code, subject,
    value, unit, qualifier, published_date, date_inferred, sentence, url, title
FROM v_figures
WHERE NOT is_duplicate AND region_key IS NOT NULL
QUALIFY row_number() OVER (
    PARTITION BY region_key, metric_code, coalesce(subject, ''), unit
    ORDER BY published_date DESC NULLS LAST, figure_key
) = 1
ORDER BY region_iso_code, metric_code, subject
"""
REGION_UNDATED = """
SELECT iso_code, count(DISTINCT article_key) AS articles
FROM v_region_articles WHERE NOT is_duplicate AND published_date IS NULL
GROUP BY iso_code ORDER BY iso_code
"""
VIEW_EXISTS = """
SELECT count(*) FROM duckdb_views()
WHERE database_name = current_database() AND schema_name = 'main' AND view_name = $name
"""
# views of relations another release of the schema adds; shown when present, in an order that does not
# change from one build to the next (the views themselves have none)
OPTIONAL_VIEWS = {
    "foreign_investors": "v_foreign_investors",
    "residents": "v_site_residents",
    "events": "v_events",
}
OPTIONAL_SELECT = {
    name: f"SELECT * FROM {view} ORDER BY ALL LIMIT {ROW_LIMIT}" for name, view in OPTIONAL_VIEWS.items()
}


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
        "region_undated": REGION_UNDATED,
        "sites": SITES,
        "site_evidence": SITE_EVIDENCE,
        "support": SUPPORT,
        "people": PEOPLE,
        "latest_figures": LATEST_FIGURES,
    }
    found: dict[str, Any] = {name: rows(con, sql) for name, sql in queries.items()}
    found.update({name: optional_view(con, name) for name in OPTIONAL_VIEWS})
    return found


# --- the evidence of one article: its text, metadata and every fact read from it (the article pages), each
# in one order whatever the order of the rows on disk (a kept page is reused when its evidence is unchanged);
# the texts are those of the keys asked for (joined whole, every text would be read into the join)
KEYS = "article_key IN (SELECT unnest(CAST($keys AS BIGINT[])))"
EVIDENCE_ARTICLES = f"""
SELECT a.article_key, a.url, a.title, a.language, a.published_date, a.date_source, a.date_inferred,
    a.source_name, a.site_name, a.source_domain, a.word_count, a.duplicate_of, a.is_duplicate, a.run_id,
    coalesce(t.text, '') AS text
FROM v_articles AS a
LEFT JOIN (SELECT article_key, text FROM article_text WHERE {KEYS}) AS t USING (article_key)
WHERE a.{KEYS} ORDER BY a.article_key
"""
EVIDENCE_MENTIONS = f"""
SELECT m.article_key, m.first_char_offset AS start, m.mention_count,
    CASE WHEN m.entity_key IS NOT NULL THEN e.entity_type WHEN m.site_key IS NOT NULL THEN 'site'
        WHEN m.region_key IS NOT NULL THEN 'region' ELSE 'act' END AS kind,
    coalesce(m.entity_key, m.site_key, m.region_key, m.act_key) AS thing_key,
    coalesce(e.canonical_name, s.name, r.name_en, l.title) AS name,
    [e.name_en, e.name_ru, r.name_ru, l.number] AS variants,
    s.site_type, r.iso_code, r.region_type, l.act_type, l.number AS act_number, l.title AS act_title
FROM fact_mention AS m
LEFT JOIN dim_entity AS e ON e.entity_key = m.entity_key
LEFT JOIN dim_site AS s ON s.site_key = m.site_key
LEFT JOIN dim_region AS r ON r.region_key = m.region_key
LEFT JOIN dim_legal_act AS l ON l.act_key = m.act_key
WHERE m.{KEYS} AND m.first_char_offset IS NOT NULL
ORDER BY m.article_key, m.first_char_offset, kind, thing_key
"""
EVIDENCE_PARTICIPANTS = f"""
SELECT DISTINCT p.article_key, p.char_start AS start, p.char_end AS "end",
    coalesce(p.entity_key, p.site_key, p.region_key) AS thing_key
FROM fact_event_participant AS p WHERE p.{KEYS}
ORDER BY p.article_key, start, "end", thing_key
"""
EVIDENCE_FIGURES = f"""
SELECT f.article_key, f.figure_key, f.char_start AS start, f.char_end AS "end", f.value, f.unit, f.qualifier,
    f.subject, d.metric_code, f.sentence, l.act_type, l.number AS act_number, l.title AS act_title,
    r.name_en AS region_name_en, s.name AS site_name
FROM fact_figure AS f JOIN dim_metric AS d USING (metric_key)
LEFT JOIN dim_legal_act AS l ON l.act_key = f.act_key
LEFT JOIN dim_region AS r ON r.region_key = f.region_key
LEFT JOIN dim_site AS s ON s.site_key = f.site_key
WHERE f.{KEYS} ORDER BY f.article_key, f.char_start, f.figure_key
"""
EVIDENCE_RELATIONS = f"""
SELECT x.article_key, x.relation_key, x.relation, x.char_start AS start, x.char_end AS "end", x.sentence,
    x.rule,
    coalesce(se.canonical_name, ss.name) AS subject,
    coalesce(oe.canonical_name, os.name, r.name_en, x.object_country) AS object
FROM fact_relation AS x
LEFT JOIN dim_entity AS se ON se.entity_key = x.subject_entity_key
LEFT JOIN dim_site AS ss ON ss.site_key = x.subject_site_key
LEFT JOIN dim_entity AS oe ON oe.entity_key = x.object_entity_key
LEFT JOIN dim_site AS os ON os.site_key = x.object_site_key
LEFT JOIN dim_region AS r ON r.region_key = x.object_region_key
WHERE x.{KEYS} ORDER BY x.article_key, x.char_start, x.relation_key
"""
EVIDENCE_EVENTS = f"""
SELECT v.article_key, v.event_key, v.event_type, v.event_date, v.date_precision, v.date_text, v.planned,
    v.char_start AS start, v.char_end AS "end", v.sentence,
    (SELECT string_agg(
        coalesce(e.canonical_name, s.name, r.name_en) || ' (' || replace(p.role, '_', ' ') || ')',
        '; ' ORDER BY p.char_start, p.role, p.entity_key, p.site_key, p.region_key)
     FROM fact_event_participant AS p
     LEFT JOIN dim_entity AS e ON e.entity_key = p.entity_key
     LEFT JOIN dim_site AS s ON s.site_key = p.site_key
     LEFT JOIN dim_region AS r ON r.region_key = p.region_key
     WHERE p.event_key = v.event_key) AS participants
FROM fact_event AS v WHERE v.{KEYS} ORDER BY v.article_key, v.char_start, v.event_key
"""
EVIDENCE_ROLES = f"""
SELECT DISTINCT p.article_key, p.entity_key AS thing_key, e.canonical_name AS person, p.role, p.organisation
FROM fact_person_role AS p JOIN dim_entity AS e USING (entity_key)
WHERE p.{KEYS} ORDER BY p.article_key, person, p.role, p.organisation NULLS FIRST, thing_key
"""
EVIDENCE = {
    "articles": EVIDENCE_ARTICLES,
    "mentions": EVIDENCE_MENTIONS,
    "participants": EVIDENCE_PARTICIPANTS,
    "figures": EVIDENCE_FIGURES,
    "relations": EVIDENCE_RELATIONS,
    "events": EVIDENCE_EVENTS,
    "roles": EVIDENCE_ROLES,
}
TEXT_WORDS = f"SELECT article_key, coalesce(word_count, 0) FROM fact_article WHERE {KEYS}"
ARTICLE_KEYS_OF_URLS = """
SELECT url, max(article_key) AS article_key FROM fact_article
WHERE url IN (SELECT unnest(CAST($urls AS VARCHAR[]))) GROUP BY url
"""


def article_keys_of_urls(con: duckdb.DuckDBPyConnection, urls: list[str]) -> dict[str, int]:
    """URL → article_key for the URLs the optional views give (they name articles by URL)."""
    return {r["url"]: r["article_key"] for r in rows(con, ARTICLE_KEYS_OF_URLS, {"urls": sorted(set(urls))})}


def article_evidence(con: duckdb.DuckDBPyConnection, keys: list[int]) -> dict[int, dict[str, Any]]:
    """Per article key: its row of v_articles with its text, and its mentions, event participants'
    spans, figures, relations, events and people's roles, each a list of rows."""
    found = {name: rows(con, sql, {"keys": sorted(set(keys))}) for name, sql in EVIDENCE.items()}
    evidence: dict[int, dict[str, Any]] = {
        a["article_key"]: {"article": a, **{name: [] for name in EVIDENCE if name != "articles"}}
        for a in found.pop("articles")
    }
    for name, found_rows in found.items():
        for row in found_rows:
            if row["article_key"] in evidence:
                evidence[row["article_key"]][name].append(row)
    return evidence


def chunks(sizes: list[tuple[int, int]], articles: int, max_words: int) -> Iterator[list[int]]:
    """The keys of SIZES ((key, words of its text), in order) cut into runs of at most ARTICLES keys and
    MAX_WORDS words; a key whose text alone is longer is a run of its own."""
    run: list[int] = []
    held = 0
    for key, size in sizes:
        if run and (len(run) == articles or held + size > max_words):
            yield run
            run, held = [], 0
        run.append(key)
        held += size
    if run:
        yield run


def evidence_in_chunks(
    con: duckdb.DuckDBPyConnection,
    keys: list[int],
    articles: int = EVIDENCE_CHUNK,
    max_words: int = EVIDENCE_CHUNK_WORDS,
) -> Iterator[tuple[int, dict[str, Any]]]:
    """(key, evidence) of every article of KEYS in key order, read a chunk at a time (see chunks; the
    sizes from the word counts, so no text is read to cut them): memory holds one chunk's texts and
    facts, however many articles the report links to."""
    ordered = sorted(set(keys))
    sizes = dict(con.execute(TEXT_WORDS, {"keys": ordered}).fetchall())
    for run in chunks([(key, sizes.get(key, 0)) for key in ordered], articles, max_words):
        yield from article_evidence(con, run).items()
