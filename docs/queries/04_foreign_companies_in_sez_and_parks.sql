-- Which foreign companies are residents of which SEZ or industrial park?
-- Companies whose home country is outside Russia (dim_region.federal_district IS NULL), mentioned in
-- the same original article as a special economic zone or industrial park.
SELECT
    c.canonical_name AS company,
    country.name_en AS country,
    s.site_type,
    s.site_name,
    s.region_name_en AS site_region,
    count(DISTINCT s.article_key) AS articles,
    max(s.published_date) AS latest_article,
    arg_max(s.url, s.published_date) AS latest_url
FROM fact_mention AS cm
JOIN dim_entity AS c ON c.entity_key = cm.entity_key AND c.entity_type = 'company'
JOIN dim_region AS country ON country.region_key = c.region_key AND country.federal_district IS NULL
JOIN v_site_mentions AS s ON s.article_key = cm.article_key
WHERE s.site_type IN ('sez', 'industrial_park') AND NOT s.is_duplicate
GROUP BY ALL
ORDER BY company, s.site_name;
