CREATE OR REPLACE VIEW v_registered_sites AS
SELECT
    s.site_key,
    s.registry_id,
    s.name AS site_name,
    s.site_type,
    s.zone_type,
    s.year_created,
    s.status,
    r.iso_code AS region_iso_code,
    r.name_en AS region_name_en,
    r.name_ru AS region_name_ru,
    count(DISTINCT a.article_key) AS article_count,
    coalesce(sum(m.mention_count), 0)::BIGINT AS mention_count,
    min(d.date) AS first_published_date,
    max(d.date) AS last_published_date,
    list(DISTINCT a.url ORDER BY a.url) FILTER (WHERE a.url IS NOT NULL) AS article_urls
FROM dim_site AS s
LEFT JOIN dim_region AS r ON r.region_key = s.region_key
LEFT JOIN fact_mention AS m ON m.site_key = s.site_key
LEFT JOIN fact_article AS a ON a.article_key = m.article_key AND a.duplicate_of IS NULL
LEFT JOIN dim_date AS d ON d.date_key = a.published_date_key
WHERE s.is_registered
GROUP BY ALL;
COMMENT ON VIEW v_registered_sites IS 'Sites of the site registry (reference/sites.csv) the articles mention: one row per registered site with its registry facts, how often and in which articles (syndicated copies left out) it is mentioned.';
COMMENT ON COLUMN v_registered_sites.site_key IS 'The site (dim_site).';
COMMENT ON COLUMN v_registered_sites.registry_id IS 'Entry of the site registry, e.g. sez-alabuga.';
COMMENT ON COLUMN v_registered_sites.site_name IS 'Name of the site as the registry gives it in English.';
COMMENT ON COLUMN v_registered_sites.site_type IS 'cluster, technopark, industrial_park or sez.';
COMMENT ON COLUMN v_registered_sites.zone_type IS 'Type of a special economic zone: industrial_production, technology_innovation, tourist_recreational or port; NULL otherwise or when unknown.';
COMMENT ON COLUMN v_registered_sites.year_created IS 'Year the site was created; NULL when the registry does not give it.';
COMMENT ON COLUMN v_registered_sites.status IS 'active or closed; NULL when unknown.';
COMMENT ON COLUMN v_registered_sites.region_iso_code IS 'ISO code of the site''s region, e.g. RU-TA.';
COMMENT ON COLUMN v_registered_sites.region_name_en IS 'English name of the region.';
COMMENT ON COLUMN v_registered_sites.region_name_ru IS 'Russian name of the region.';
COMMENT ON COLUMN v_registered_sites.article_count IS 'Articles (not syndicated copies) that mention the site.';
COMMENT ON COLUMN v_registered_sites.mention_count IS 'Times the articles mention the site, syndicated copies included.';
COMMENT ON COLUMN v_registered_sites.first_published_date IS 'Publication date of the earliest dated article mentioning the site.';
COMMENT ON COLUMN v_registered_sites.last_published_date IS 'Publication date of the latest dated article mentioning the site.';
COMMENT ON COLUMN v_registered_sites.article_urls IS 'URLs of the articles (not syndicated copies) that mention the site.';
