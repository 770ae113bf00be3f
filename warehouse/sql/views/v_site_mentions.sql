CREATE OR REPLACE VIEW v_site_mentions AS
SELECT
    m.site_key,
    s.name AS site_name,
    s.site_type,
    s.industry,
    r.region_key,
    r.iso_code AS region_iso_code,
    r.name_en AS region_name_en,
    r.name_ru AS region_name_ru,
    r.federal_district,
    r.region_type = 'country' AS is_country,
    m.article_key,
    a.url,
    a.title,
    a.language,
    d.date AS published_date,
    d.year AS published_year,
    d.month AS published_month,
    a.date_source,
    coalesce(a.date_inferred, false) AS date_inferred,
    m.mention_count,
    m.first_char_offset,
    a.duplicate_of IS NOT NULL AS is_duplicate
FROM fact_mention AS m
JOIN dim_site AS s ON s.site_key = m.site_key
JOIN fact_article AS a ON a.article_key = m.article_key
LEFT JOIN dim_region AS r ON r.region_key = s.region_key
LEFT JOIN dim_date AS d ON d.date_key = a.published_date_key;
COMMENT ON VIEW v_site_mentions IS 'Site mentions with the site''s type, industry and region and the article''s date: one row per site per article.';
COMMENT ON COLUMN v_site_mentions.site_key IS 'The site (dim_site).';
COMMENT ON COLUMN v_site_mentions.site_name IS 'Name of the site.';
COMMENT ON COLUMN v_site_mentions.site_type IS 'cluster, technopark, industrial_park or sez.';
COMMENT ON COLUMN v_site_mentions.industry IS 'Industry of the site; NULL when not stated.';
COMMENT ON COLUMN v_site_mentions.region_key IS 'Region of the site (dim_region).';
COMMENT ON COLUMN v_site_mentions.region_iso_code IS 'ISO code of the region, e.g. RU-KLU.';
COMMENT ON COLUMN v_site_mentions.region_name_en IS 'English name of the region.';
COMMENT ON COLUMN v_site_mentions.region_name_ru IS 'Russian name of the region.';
COMMENT ON COLUMN v_site_mentions.federal_district IS 'Federal district of the region; NULL abroad.';
COMMENT ON COLUMN v_site_mentions.is_country IS 'True when the site is abroad (its region is a foreign country).';
COMMENT ON COLUMN v_site_mentions.article_key IS 'The article (fact_article).';
COMMENT ON COLUMN v_site_mentions.url IS 'URL of the article.';
COMMENT ON COLUMN v_site_mentions.title IS 'Headline of the article.';
COMMENT ON COLUMN v_site_mentions.language IS 'Language of the article.';
COMMENT ON COLUMN v_site_mentions.published_date IS 'Publication date; NULL when unknown.';
COMMENT ON COLUMN v_site_mentions.published_year IS 'Year of publication.';
COMMENT ON COLUMN v_site_mentions.published_month IS 'Month of publication, 1-12.';
COMMENT ON COLUMN v_site_mentions.date_source IS 'Where the article''s date came from: page, text or inferred.';
COMMENT ON COLUMN v_site_mentions.date_inferred IS 'True when the year of the article''s date was inferred.';
COMMENT ON COLUMN v_site_mentions.mention_count IS 'Times the article mentions the site.';
COMMENT ON COLUMN v_site_mentions.first_char_offset IS 'Offset of the first mention in the article text.';
COMMENT ON COLUMN v_site_mentions.is_duplicate IS 'True when the article is a syndicated copy.';
