"""The facts of the articles loaded by runs not yet compared with what was known (watch_run), one row
per fact and article, each with its stable item_key and subject_key, in the shape of watch_item (plus a
text window and offset for facts kept as an offset only, with a hint of words its sentence holds, and
a position to order them by).

Only articles loaded by uncompared runs are read: an article that no later run loaded again still
holds the facts that were compared when it was loaded, so a run reads what it loaded, not the whole
warehouse."""

from __future__ import annotations

from typing import Any

import duckdb

FRESH = """
fresh AS (
    SELECT a.article_key, a.title AS article_title, a.url, d.date AS published_date
    FROM fact_article AS a
    LEFT JOIN dim_date AS d ON d.date_key = a.published_date_key
    WHERE a.duplicate_of IS NULL AND a.run_id NOT IN (SELECT run_id FROM watch_run)
),
place AS (
    SELECT region_key, iso_code, name_en, region_type = 'country' AS is_country FROM dim_region
),
origin AS (  -- the countries a company is said to come from, else its reference country
    SELECT subject_entity_key AS entity_key,
        list(DISTINCT object_country ORDER BY object_country) AS countries
    FROM fact_relation WHERE relation = 'from_country'
    GROUP BY ALL
),
company AS (
    SELECT e.entity_key, e.canonical_name,
        list_filter([e.canonical_name, e.name_en, e.name_ru], x -> x IS NOT NULL) AS names,
        coalesce(o.countries, CASE WHEN p.is_country THEN [p.iso_code] END, []::VARCHAR[]) AS countries
    FROM dim_entity AS e
    LEFT JOIN origin AS o USING (entity_key)
    LEFT JOIN place AS p ON p.region_key = e.region_key
)
"""
WINDOW = """
    substr(t.text, greatest(1, {offset} + 1 - 600), 1200) AS "window",
    {offset} - (greatest(1, {offset} + 1 - 600) - 1) AS window_offset,
    {offset} AS position,
"""
ARTICLE = "f.article_key, f.article_title, f.url, f.published_date"
NONE = "[]::VARCHAR[]"
# the Russian regions of the site (sr) and of the region (r) a fact names
REGIONS = """list_filter([CASE WHEN NOT sr.is_country THEN sr.iso_code END,
        CASE WHEN NOT r.is_country THEN r.iso_code END], v -> v IS NOT NULL)"""

SITES = f"""
WITH {FRESH}
SELECT 'site:' || s.site_key AS item_key, 'site:' || s.site_key AS subject_key, 'new_site' AS kind,
    s.name AS title, replace(s.site_type, '_', ' ') || coalesce(', ' || r.name_en, '') AS detail,
    NULL AS sentence, {WINDOW.format(offset="m.first_char_offset")} {ARTICLE},
    CASE WHEN NOT r.is_country THEN [r.iso_code] ELSE {NONE} END AS regions, [s.name] AS sites,
    [s.site_key] AS site_keys, {NONE} AS companies, {NONE} AS people,
    CASE WHEN r.is_country THEN [r.iso_code] ELSE {NONE} END AS countries
FROM fact_mention AS m
JOIN fresh AS f USING (article_key)
JOIN dim_site AS s ON s.site_key = m.site_key
JOIN article_text AS t ON t.article_key = m.article_key
LEFT JOIN place AS r ON r.region_key = s.region_key
"""

ACTS = f"""
WITH {FRESH}
SELECT 'act:' || l.act_key AS item_key, 'act:' || l.act_key AS subject_key, 'legal_act' AS kind,
    coalesce(l.title, replace(l.act_type, '_', ' ') || coalesce(' No. ' || l.number, '')) AS title,
    replace(l.act_type, '_', ' ') || coalesce(' No. ' || l.number, '') || coalesce(', ' || l.jurisdiction, '')
        AS detail,
    NULL AS sentence, {WINDOW.format(offset="m.first_char_offset")} {ARTICLE},
    CASE WHEN l.jurisdiction LIKE 'RU-%' THEN [l.jurisdiction] ELSE {NONE} END AS regions, {NONE} AS sites,
    []::BIGINT[] AS site_keys, {NONE} AS companies, {NONE} AS people, {NONE} AS countries
FROM fact_mention AS m
JOIN fresh AS f USING (article_key)
JOIN dim_legal_act AS l ON l.act_key = m.act_key
JOIN article_text AS t ON t.article_key = m.article_key
"""

# A company's residence or investment: a foreign investor when the company comes from abroad, else a
# new resident (an investment by a Russian company is neither).
RELATIONS = f"""
WITH {FRESH},
stated AS (
    SELECT x.*, c.canonical_name AS company, c.names AS company_names,
        list_filter(c.countries, x -> x <> 'RU') AS foreign_countries
    FROM fact_relation AS x
    JOIN company AS c ON c.entity_key = x.subject_entity_key
    WHERE x.relation IN ('resident_of', 'invests_in')
)
SELECT 'relation:' || x.relation_id AS item_key, 'relation:' || x.relation_id AS subject_key,
    CASE WHEN len(x.foreign_countries) > 0 THEN 'foreign_investor' ELSE 'new_resident' END AS kind,
    x.company || ' → ' || coalesce(s.name, o.canonical_name, r.name_en) AS title,
    replace(x.relation, '_', ' ') || coalesce(', ' || format('{{:.0f}} {{}}', g.value, g.unit), '')
        || CASE WHEN len(x.foreign_countries) > 0 THEN ', from ' || array_to_string(x.foreign_countries, ', ')
            ELSE '' END AS detail,
    x.sentence, NULL AS "window", NULL AS window_offset, x.char_start AS position, {ARTICLE},
    {REGIONS} AS regions,
    list_filter([s.name], v -> v IS NOT NULL) AS sites,
    list_filter([s.site_key], v -> v IS NOT NULL) AS site_keys,
    x.company_names || coalesce(o.names, {NONE}) AS companies, {NONE} AS people,
    x.foreign_countries AS countries
FROM stated AS x
JOIN fresh AS f USING (article_key)
LEFT JOIN dim_site AS s ON s.site_key = x.object_site_key
LEFT JOIN place AS sr ON sr.region_key = s.region_key
LEFT JOIN place AS r ON r.region_key = x.object_region_key
LEFT JOIN company AS o ON o.entity_key = x.object_entity_key
LEFT JOIN fact_figure AS g ON g.figure_key = x.figure_key
WHERE x.relation = 'resident_of' OR len(x.foreign_countries) > 0
"""

# A support measure is its kind and what it is for (site, region, legal act), else the article; a new
# amount of a known measure is a change.
MEASURES = f"""
WITH {FRESH},
measure AS (
    SELECT g.*,
        g.subject || ':' || g.unit || ':' || CASE WHEN coalesce(g.site_key, g.region_key, g.act_key) IS NULL
            THEN 'article:' || g.article_key
            ELSE coalesce(g.site_key::VARCHAR, '') || ':' || coalesce(g.region_key::VARCHAR, '') || ':'
                || coalesce(g.act_key::VARCHAR, '') END AS measure_id
    FROM fact_figure AS g
    JOIN dim_metric AS k ON k.metric_key = g.metric_key
    WHERE k.metric_code = 'money' AND g.subject IN ('subsidy', 'compensation', 'tax')
)
SELECT 'measure:' || g.measure_id || ':' || g.value AS item_key, 'measure:' || g.measure_id AS subject_key,
    'support_measure' AS kind,
    CASE g.subject WHEN 'subsidy' THEN 'Subsidy or grant' WHEN 'compensation' THEN 'Compensation of costs'
        ELSE 'Tax benefit' END || coalesce(': ' || coalesce(s.name, r.name_en, l.title,
            replace(l.act_type, '_', ' ') || coalesce(' No. ' || l.number, '')), '') AS title,
    replace(g.qualifier, '_', ' ') || ' ' || format('{{:.0f}} {{}}', g.value, g.unit) AS detail,
    g.sentence, NULL AS "window", NULL AS window_offset, g.char_start AS position, {ARTICLE},
    {REGIONS} AS regions,
    list_filter([s.name], v -> v IS NOT NULL) AS sites,
    list_filter([s.site_key], v -> v IS NOT NULL) AS site_keys,
    {NONE} AS companies, {NONE} AS people, {NONE} AS countries
FROM measure AS g
JOIN fresh AS f USING (article_key)
LEFT JOIN dim_site AS s ON s.site_key = g.site_key
LEFT JOIN place AS sr ON sr.region_key = s.region_key
LEFT JOIN place AS r ON r.region_key = g.region_key
LEFT JOIN dim_legal_act AS l ON l.act_key = g.act_key
"""

EVENTS = f"""
WITH {FRESH},
taking_part AS (
    SELECT p.event_key,
        flatten(list(c.names) FILTER (WHERE e.entity_type <> 'person' AND e.entity_type <> 'location'))
            AS companies,
        flatten(list(c.names) FILTER (WHERE e.entity_type = 'person')) AS people,
        list(s.name) FILTER (WHERE s.site_key IS NOT NULL) AS sites,
        list(s.site_key) FILTER (WHERE s.site_key IS NOT NULL) AS site_keys,
        list(coalesce(r.iso_code, sr.iso_code)) FILTER (WHERE NOT coalesce(r.is_country, sr.is_country))
            AS regions,
        list(r.iso_code) FILTER (WHERE r.is_country) AS countries
    FROM fact_event_participant AS p
    LEFT JOIN dim_entity AS e ON e.entity_key = p.entity_key
    LEFT JOIN company AS c ON c.entity_key = p.entity_key
    LEFT JOIN dim_site AS s ON s.site_key = p.site_key
    LEFT JOIN place AS sr ON sr.region_key = s.region_key
    LEFT JOIN place AS r ON r.region_key = p.region_key
    GROUP BY p.event_key
)
SELECT 'event:' || x.event_id AS item_key, 'event:' || x.event_id AS subject_key, 'event' AS kind,
    upper(replace(x.event_type, '_', ' ')[1]) || replace(x.event_type, '_', ' ')[2:]
        || coalesce(', ' || x.date_text, '') || CASE WHEN x.planned THEN ' (planned)' ELSE '' END AS title,
    coalesce(x.event_date::VARCHAR, 'date unknown')
        || coalesce(', ' || format('{{:.0f}} {{}}', g.value, g.unit), '') AS detail,
    x.sentence, NULL AS "window", NULL AS window_offset, x.char_start AS position, {ARTICLE},
    list_filter(coalesce(tp.regions, {NONE}) || [CASE WHEN NOT r.is_country THEN r.iso_code END],
        v -> v IS NOT NULL) AS regions,
    coalesce(tp.sites, {NONE}) AS sites, coalesce(tp.site_keys, []::BIGINT[]) AS site_keys,
    coalesce(tp.companies, {NONE}) AS companies, coalesce(tp.people, {NONE}) AS people,
    coalesce(tp.countries, {NONE}) AS countries
FROM fact_event AS x
JOIN fresh AS f USING (article_key)
LEFT JOIN taking_part AS tp ON tp.event_key = x.event_key
LEFT JOIN place AS r ON r.region_key = x.region_key
LEFT JOIN fact_figure AS g ON g.figure_key = x.figure_key
"""

# A person in a role (normalised where the role is known) at an organisation: a known person in a role
# not seen before is a change.
ROLES = f"""
WITH {FRESH},
role AS (
    SELECT pr.*, coalesce(pr.role_code, lower(pr.role)) AS role_id,
        coalesce(o.canonical_name, pr.organisation) AS organisation_name,
        (SELECT min(m.first_char_offset) FROM fact_mention AS m
            WHERE m.article_key = pr.article_key AND m.entity_key = pr.entity_key) AS offset_in_text
    FROM fact_person_role AS pr
    LEFT JOIN dim_entity AS o ON o.entity_key = pr.organisation_key
)
SELECT 'role:' || x.entity_key || ':' || x.role_id || ':'
        || coalesce(x.organisation_key::VARCHAR, lower(x.organisation), '') AS item_key,
    'person:' || x.entity_key AS subject_key, 'person_role' AS kind,
    p.canonical_name || ', ' || x.role || coalesce(' (' || x.organisation_name || ')', '') AS title,
    coalesce(x.role_code, x.role) AS detail,
    NULL AS sentence, x.role AS hint, {WINDOW.format(offset="coalesce(x.offset_in_text, 0)")} {ARTICLE},
    CASE WHEN NOT r.is_country THEN [r.iso_code] ELSE {NONE} END AS regions, {NONE} AS sites,
    []::BIGINT[] AS site_keys, coalesce(o.names, {NONE}) AS companies, p.names AS people,
    {NONE} AS countries
FROM role AS x
JOIN fresh AS f USING (article_key)
JOIN company AS p ON p.entity_key = x.entity_key
JOIN article_text AS t ON t.article_key = x.article_key
LEFT JOIN company AS o ON o.entity_key = x.organisation_key
LEFT JOIN dim_entity AS oe ON oe.entity_key = x.organisation_key
LEFT JOIN place AS r ON r.region_key = coalesce(oe.region_key, (SELECT region_key FROM dim_region AS n
    WHERE lower(x.organisation) IN (lower(n.name_en), lower(n.name_ru)) LIMIT 1))
"""

QUERIES = (SITES, RELATIONS, MEASURES, ACTS, EVENTS, ROLES)
UNCOMPARED_RUNS = """
SELECT DISTINCT run_id FROM fact_article WHERE run_id NOT IN (SELECT run_id FROM watch_run) ORDER BY run_id
"""


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, Any]]:
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def candidates(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Every fact of the articles loaded by runs not yet compared, one row per fact and article."""
    return [row for sql in QUERIES for row in _rows(con, sql)]


def uncompared_runs(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The runs whose loaded articles have not been compared yet."""
    return [row[0] for row in con.execute(UNCOMPARED_RUNS).fetchall()]
