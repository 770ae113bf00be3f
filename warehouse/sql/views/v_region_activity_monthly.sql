CREATE OR REPLACE VIEW v_region_activity_monthly AS
WITH originals AS (
    SELECT * FROM v_region_articles WHERE NOT is_duplicate  -- undated ones too: month_start NULL
),
figures AS (
    SELECT
        coalesce(f.region_key, s.region_key) AS region_key,
        CAST(date_trunc('month', d.date) AS DATE) AS month_start,
        count(*) AS figures
    FROM fact_figure AS f
    JOIN fact_article AS a ON a.article_key = f.article_key
    LEFT JOIN dim_date AS d ON d.date_key = a.published_date_key
    LEFT JOIN dim_site AS s ON s.site_key = f.site_key
    WHERE a.duplicate_of IS NULL
    GROUP BY ALL
),
activity AS (
    SELECT
        region_key,
        month_start,
        count(*) AS articles,
        CAST(sum(mentions) AS BIGINT) AS mentions,
        coalesce(len(list_distinct(flatten(list(site_keys) FILTER (WHERE site_keys IS NOT NULL)))), 0)
            AS sites_mentioned,
        count(*) FILTER (WHERE date_inferred) AS articles_date_inferred
    FROM originals
    GROUP BY ALL
)
SELECT
    r.region_key,
    r.iso_code,
    r.name_en,
    r.name_ru,
    r.federal_district,
    r.region_type,
    r.region_type = 'country' AS is_country,
    x.month_start,
    coalesce(strftime(x.month_start, '%Y-%m'), 'undated') AS period,
    year(x.month_start) AS year,
    month(x.month_start) AS month,
    x.articles,
    x.mentions,
    x.sites_mentioned,
    x.articles_date_inferred,
    coalesce(f.figures, 0) AS figures
FROM activity AS x
JOIN dim_region AS r ON r.region_key = x.region_key
LEFT JOIN figures AS f
    ON f.region_key = x.region_key AND f.month_start IS NOT DISTINCT FROM x.month_start;
COMMENT ON VIEW v_region_activity_monthly IS 'Region and country activity by month: articles mentioning a Russian region or a foreign country (directly or through one of its sites), mentions, sites and figures; originals only; undated articles in a bucket of their own (month_start NULL, period ''undated''), never dropped. Filter on is_country to keep regions and countries apart.';
COMMENT ON COLUMN v_region_activity_monthly.region_key IS 'The region (dim_region).';
COMMENT ON COLUMN v_region_activity_monthly.iso_code IS 'ISO code of the region, e.g. RU-KLU.';
COMMENT ON COLUMN v_region_activity_monthly.name_en IS 'English name of the region.';
COMMENT ON COLUMN v_region_activity_monthly.name_ru IS 'Russian name of the region.';
COMMENT ON COLUMN v_region_activity_monthly.federal_district IS 'Federal district; NULL abroad.';
COMMENT ON COLUMN v_region_activity_monthly.region_type IS 'oblast, krai, republic, federal_city, autonomous_okrug, autonomous_oblast, or country for a foreign country.';
COMMENT ON COLUMN v_region_activity_monthly.is_country IS 'True for a foreign country, false for a federal subject of Russia.';
COMMENT ON COLUMN v_region_activity_monthly.month_start IS 'First day of the month of publication; NULL for the bucket of undated articles.';
COMMENT ON COLUMN v_region_activity_monthly.period IS 'The month as YYYY-MM, or undated for the articles without a publication date.';
COMMENT ON COLUMN v_region_activity_monthly.year IS 'Year of publication; NULL for undated articles.';
COMMENT ON COLUMN v_region_activity_monthly.month IS 'Month of publication, 1-12; NULL for undated articles.';
COMMENT ON COLUMN v_region_activity_monthly.articles IS 'Original articles mentioning the region or one of its sites.';
COMMENT ON COLUMN v_region_activity_monthly.mentions IS 'Mentions of the region plus mentions of its sites.';
COMMENT ON COLUMN v_region_activity_monthly.sites_mentioned IS 'Distinct sites of the region mentioned.';
COMMENT ON COLUMN v_region_activity_monthly.articles_date_inferred IS 'Of the articles, those whose year of publication was inferred (their month may be off by a year).';
COMMENT ON COLUMN v_region_activity_monthly.figures IS 'Numeric statements about the region or its sites.';
