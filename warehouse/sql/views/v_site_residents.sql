CREATE OR REPLACE VIEW v_site_residents AS
WITH resident AS (
    SELECT f.relation_id, f.subject_entity_key AS company_key, f.object_site_key AS site_key, f.sentence,
        f.article_key, d.date AS published_date, a.url
    FROM fact_relation AS f
    JOIN fact_article AS a ON a.article_key = f.article_key
    LEFT JOIN dim_date AS d ON d.date_key = a.published_date_key
    WHERE f.relation = 'resident_of' AND a.duplicate_of IS NULL
),
origin AS (
    SELECT f.subject_entity_key AS company_key,
        string_agg(DISTINCT f.object_country, ', ' ORDER BY f.object_country) AS iso_codes,
        string_agg(DISTINCT c.name_en, ', ' ORDER BY c.name_en) AS names
    FROM fact_relation AS f
    JOIN fact_article AS a ON a.article_key = f.article_key
    LEFT JOIN dim_region AS c ON c.iso_code = f.object_country
    WHERE f.relation = 'from_country' AND a.duplicate_of IS NULL
    GROUP BY f.subject_entity_key
)
SELECT
    s.site_key,
    s.name AS site,
    s.site_type,
    r.iso_code AS region_iso_code,
    r.name_en AS region,
    e.entity_key AS company_key,
    e.canonical_name AS company,
    o.iso_codes AS country_iso_code,
    o.names AS country,
    CASE WHEN home.region_type = 'country' THEN home.iso_code END AS reference_country_iso_code,
    min(x.published_date) AS first_seen,
    max(x.published_date) AS last_seen,
    count(DISTINCT x.article_key) AS articles,
    first(x.sentence ORDER BY x.published_date NULLS LAST, x.article_key) AS evidence,
    first(x.url ORDER BY x.published_date DESC NULLS LAST, x.article_key) AS latest_url
FROM resident AS x
JOIN dim_site AS s ON s.site_key = x.site_key
JOIN dim_entity AS e ON e.entity_key = x.company_key
LEFT JOIN dim_region AS r ON r.region_key = s.region_key
LEFT JOIN origin AS o ON o.company_key = x.company_key
LEFT JOIN dim_region AS home ON home.region_key = e.region_key
GROUP BY ALL;
COMMENT ON VIEW v_site_residents IS 'Which company is a resident of which SEZ, industrial park, technopark or cluster, as the articles state it, with the company''s country of origin where an article states it.';
COMMENT ON COLUMN v_site_residents.site_key IS 'The site (dim_site).';
COMMENT ON COLUMN v_site_residents.site IS 'Name of the site, e.g. Vorsino, Kaluga.';
COMMENT ON COLUMN v_site_residents.site_type IS 'sez, industrial_park, technopark or cluster.';
COMMENT ON COLUMN v_site_residents.region_iso_code IS 'ISO code of the site''s region, e.g. RU-KLU.';
COMMENT ON COLUMN v_site_residents.region IS 'English name of the site''s region.';
COMMENT ON COLUMN v_site_residents.company_key IS 'The resident company (dim_entity).';
COMMENT ON COLUMN v_site_residents.company IS 'Name of the resident company.';
COMMENT ON COLUMN v_site_residents.country_iso_code IS 'Country of origin as an article states it (from_country), ISO 3166-1 alpha-2; several separated by commas; NULL when no article states it.';
COMMENT ON COLUMN v_site_residents.country IS 'English name of that country.';
COMMENT ON COLUMN v_site_residents.reference_country_iso_code IS 'Home country from reference/companies.csv (not from the text), NULL when the company is not listed there.';
COMMENT ON COLUMN v_site_residents.first_seen IS 'Publication date of the first article stating the residence.';
COMMENT ON COLUMN v_site_residents.last_seen IS 'Publication date of the latest article stating it.';
COMMENT ON COLUMN v_site_residents.articles IS 'Original articles stating it.';
COMMENT ON COLUMN v_site_residents.evidence IS 'The sentence of the first article that states it.';
COMMENT ON COLUMN v_site_residents.latest_url IS 'URL of the latest article stating it.';
