-- Which regions are forming or registering industrial clusters this year, in which industries?
-- Clusters mentioned in original articles of the latest year in the warehouse, per region and
-- industry, with the number of articles and whether the text speaks of creating or registering one.
-- For the calendar year, replace the `latest` CTE with: SELECT year(current_date) AS year.
WITH latest AS (
    SELECT max(published_year) AS year FROM v_site_mentions WHERE site_type = 'cluster'
)
SELECT
    m.region_iso_code,
    m.region_name_en,
    m.region_name_ru,
    coalesce(m.industry, 'not stated') AS industry,
    m.site_name AS cluster,
    count(DISTINCT m.article_key) AS articles,
    bool_or(regexp_matches(t.text, '(?i)(creat|form|regist|созда|формир|регистр)')) AS forming_or_registering,
    min(m.published_date) AS first_mentioned,
    max(m.published_date) AS last_mentioned
FROM v_site_mentions AS m
JOIN latest ON m.published_year = latest.year
JOIN article_text AS t ON t.article_key = m.article_key
WHERE m.site_type = 'cluster' AND NOT m.is_duplicate
GROUP BY ALL
ORDER BY articles DESC, m.region_iso_code, cluster;
