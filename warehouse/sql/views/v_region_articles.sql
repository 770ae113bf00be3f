CREATE OR REPLACE VIEW v_region_articles AS
WITH region_mentions AS (
    SELECT article_key, region_key, mention_count, NULL::BIGINT AS site_key, NULL::VARCHAR AS site_name
    FROM fact_mention
    WHERE region_key IS NOT NULL
    UNION ALL
    SELECT m.article_key, s.region_key, m.mention_count, m.site_key, s.name
    FROM fact_mention AS m
    JOIN dim_site AS s ON s.site_key = m.site_key
    WHERE s.region_key IS NOT NULL
)
SELECT
    r.region_key,
    r.iso_code,
    r.name_en,
    r.name_ru,
    r.federal_district,
    r.region_type,
    r.region_type = 'country' AS is_country,
    a.article_key,
    a.url,
    a.title,
    a.language,
    d.date AS published_date,
    CAST(date_trunc('month', d.date) AS DATE) AS month_start,
    a.date_source,
    coalesce(a.date_inferred, false) AS date_inferred,
    CAST(sum(rm.mention_count) AS BIGINT) AS mentions,
    list(DISTINCT rm.site_key ORDER BY rm.site_key) FILTER (WHERE rm.site_key IS NOT NULL) AS site_keys,
    list(DISTINCT rm.site_name ORDER BY rm.site_name) FILTER (WHERE rm.site_name IS NOT NULL) AS sites,
    a.duplicate_of IS NOT NULL AS is_duplicate
FROM region_mentions AS rm
JOIN dim_region AS r ON r.region_key = rm.region_key
JOIN fact_article AS a ON a.article_key = rm.article_key
LEFT JOIN dim_date AS d ON d.date_key = a.published_date_key
GROUP BY ALL;
COMMENT ON VIEW v_region_articles IS 'Which articles speak of which region or country: one row per region and article, mentioned by name or through one of its sites; dated or not.';
COMMENT ON COLUMN v_region_articles.region_key IS 'The region or country (dim_region).';
COMMENT ON COLUMN v_region_articles.iso_code IS 'ISO code, e.g. RU-KLU or DE.';
COMMENT ON COLUMN v_region_articles.name_en IS 'English name.';
COMMENT ON COLUMN v_region_articles.name_ru IS 'Russian name.';
COMMENT ON COLUMN v_region_articles.federal_district IS 'Federal district; NULL abroad.';
COMMENT ON COLUMN v_region_articles.region_type IS 'oblast, krai, republic, federal_city, autonomous_okrug, autonomous_oblast, or country.';
COMMENT ON COLUMN v_region_articles.is_country IS 'True for a foreign country, false for a federal subject of Russia.';
COMMENT ON COLUMN v_region_articles.article_key IS 'The article (fact_article).';
COMMENT ON COLUMN v_region_articles.url IS 'URL of the article.';
COMMENT ON COLUMN v_region_articles.title IS 'Headline of the article.';
COMMENT ON COLUMN v_region_articles.language IS 'Language of the article.';
COMMENT ON COLUMN v_region_articles.published_date IS 'Publication date; NULL when unknown.';
COMMENT ON COLUMN v_region_articles.month_start IS 'First day of the month of publication; NULL when the date is unknown.';
COMMENT ON COLUMN v_region_articles.date_source IS 'Where the date came from: page, text or inferred.';
COMMENT ON COLUMN v_region_articles.date_inferred IS 'True when the year of the date was inferred.';
COMMENT ON COLUMN v_region_articles.mentions IS 'Mentions of the region plus mentions of its sites in the article.';
COMMENT ON COLUMN v_region_articles.site_keys IS 'The region''s sites the article mentions (dim_site keys); NULL when none.';
COMMENT ON COLUMN v_region_articles.sites IS 'Names of those sites.';
COMMENT ON COLUMN v_region_articles.is_duplicate IS 'True when the article is a syndicated copy.';
