CREATE OR REPLACE VIEW v_foreign_investors AS
WITH original AS (
    SELECT a.article_key, d.date AS published_date
    FROM fact_article AS a
    LEFT JOIN dim_date AS d ON d.date_key = a.published_date_key
    WHERE a.duplicate_of IS NULL
),
stated AS (
    SELECT DISTINCT f.subject_entity_key AS company_key, f.object_country AS iso_code, 'stated' AS source
    FROM fact_relation AS f
    JOIN original AS o ON o.article_key = f.article_key
    WHERE f.relation = 'from_country' AND f.object_country <> 'RU'
),
origin AS (
    SELECT * FROM stated
    UNION ALL
    SELECT e.entity_key, r.iso_code, 'reference'
    FROM dim_entity AS e
    JOIN dim_region AS r ON r.region_key = e.region_key
    WHERE r.region_type = 'country' AND r.iso_code <> 'RU'
        AND e.entity_key NOT IN (SELECT company_key FROM stated)
),
presence AS (
    SELECT f.subject_entity_key AS company_key, coalesce(f.object_region_key, s.region_key) AS region_key,
        f.object_site_key AS site_key, f.figure_key, f.article_key, f.sentence
    FROM fact_relation AS f
    LEFT JOIN dim_site AS s ON s.site_key = f.object_site_key
    WHERE f.relation IN ('invests_in', 'resident_of') AND f.subject_entity_key IS NOT NULL
    UNION ALL
    SELECT p.entity_key, e.region_key, NULL, e.figure_key, e.article_key, e.sentence
    FROM fact_event AS e
    JOIN fact_event_participant AS p ON p.event_key = e.event_key
    WHERE e.event_type = 'plant_launch' AND p.role = 'company' AND p.entity_key IS NOT NULL
)
SELECT
    o.iso_code AS country_iso_code,
    c.name_en AS country,
    o.source AS country_source,
    e.entity_key AS company_key,
    e.canonical_name AS company,
    r.iso_code AS region_iso_code,
    r.name_en AS region,
    string_agg(DISTINCT s.name, ', ' ORDER BY s.name) AS sites,
    sum(DISTINCT fig.value) FILTER (WHERE fig.unit = 'RUB') AS amount_rub,
    string_agg(DISTINCT format('{:.0f} {}', fig.value, fig.unit), ', '
        ORDER BY format('{:.0f} {}', fig.value, fig.unit)) AS amounts,
    count(DISTINCT p.article_key) AS articles,
    min(a.published_date) AS first_seen,
    max(a.published_date) AS last_seen,
    first(p.sentence ORDER BY a.published_date NULLS LAST, p.article_key, p.sentence) AS evidence
FROM presence AS p
JOIN original AS a ON a.article_key = p.article_key
JOIN origin AS o ON o.company_key = p.company_key
JOIN dim_entity AS e ON e.entity_key = p.company_key
JOIN dim_region AS r ON r.region_key = p.region_key AND r.region_type <> 'country'
LEFT JOIN dim_region AS c ON c.iso_code = o.iso_code
LEFT JOIN dim_site AS s ON s.site_key = p.site_key
LEFT JOIN fact_figure AS fig ON fig.figure_key = p.figure_key
GROUP BY ALL;
COMMENT ON VIEW v_foreign_investors IS 'Foreign companies by country of origin and the Russian region they invest in, are resident in or launched a plant in, as the articles state it: one row per country, company and region.';
COMMENT ON COLUMN v_foreign_investors.country_iso_code IS 'Country of origin, ISO 3166-1 alpha-2, e.g. DE.';
COMMENT ON COLUMN v_foreign_investors.country IS 'English name of the country of origin.';
COMMENT ON COLUMN v_foreign_investors.country_source IS 'stated (an article says so, e.g. "German investment projects … include") or reference (reference/companies.csv, when no article states it).';
COMMENT ON COLUMN v_foreign_investors.company_key IS 'The company (dim_entity).';
COMMENT ON COLUMN v_foreign_investors.company IS 'Name of the company.';
COMMENT ON COLUMN v_foreign_investors.region_iso_code IS 'ISO code of the Russian region, e.g. RU-KLU.';
COMMENT ON COLUMN v_foreign_investors.region IS 'English name of the region.';
COMMENT ON COLUMN v_foreign_investors.sites IS 'The sites of that region the company is resident in or invests in, separated by commas.';
COMMENT ON COLUMN v_foreign_investors.amount_rub IS 'Sum of the distinct amounts in roubles stated for its investments there; NULL when none is stated.';
COMMENT ON COLUMN v_foreign_investors.amounts IS 'The amounts stated, with their currency, separated by commas.';
COMMENT ON COLUMN v_foreign_investors.articles IS 'Original articles that place the company in the region.';
COMMENT ON COLUMN v_foreign_investors.first_seen IS 'Publication date of the first such article.';
COMMENT ON COLUMN v_foreign_investors.last_seen IS 'Publication date of the latest such article.';
COMMENT ON COLUMN v_foreign_investors.evidence IS 'The sentence of the first article that places it there.';
