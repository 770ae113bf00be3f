CREATE OR REPLACE VIEW v_figures AS
SELECT
    f.figure_key,
    f.article_key,
    a.url,
    a.title,
    d.date AS published_date,
    d.year AS published_year,
    a.date_source,
    coalesce(a.date_inferred, false) AS date_inferred,
    m.metric_code,
    f.value,
    f.unit,
    f.qualifier,
    f.subject,
    f.act_key,
    l.act_type,
    l.number AS act_number,
    l.title AS act_title,
    l.jurisdiction AS act_jurisdiction,
    r.region_key,
    r.iso_code AS region_iso_code,
    r.name_en AS region_name_en,
    r.name_ru AS region_name_ru,
    r.federal_district,
    r.region_type,
    r.region_type = 'country' AS is_country,
    f.site_key,
    s.name AS site_name,
    s.site_type,
    s.industry AS site_industry,
    f.sentence,
    a.duplicate_of IS NOT NULL AS is_duplicate
FROM fact_figure AS f
JOIN dim_metric AS m ON m.metric_key = f.metric_key
JOIN fact_article AS a ON a.article_key = f.article_key
LEFT JOIN dim_date AS d ON d.date_key = a.published_date_key
LEFT JOIN dim_legal_act AS l ON l.act_key = f.act_key
LEFT JOIN dim_site AS s ON s.site_key = f.site_key
LEFT JOIN dim_region AS r ON r.region_key = coalesce(f.region_key, s.region_key);
COMMENT ON VIEW v_figures IS 'Every numeric statement with its metric, article, date, legal act, site and region (the figure''s own region, else its site''s).';
COMMENT ON COLUMN v_figures.figure_key IS 'The figure (fact_figure).';
COMMENT ON COLUMN v_figures.article_key IS 'The article it was read from.';
COMMENT ON COLUMN v_figures.url IS 'URL of the article.';
COMMENT ON COLUMN v_figures.title IS 'Headline of the article.';
COMMENT ON COLUMN v_figures.published_date IS 'Publication date of the article; NULL when unknown.';
COMMENT ON COLUMN v_figures.published_year IS 'Year of publication.';
COMMENT ON COLUMN v_figures.date_source IS 'Where the article''s date came from: page, text or inferred.';
COMMENT ON COLUMN v_figures.date_inferred IS 'True when the year of the article''s date was inferred.';
COMMENT ON COLUMN v_figures.metric_code IS 'money, area, count, percent, … .';
COMMENT ON COLUMN v_figures.value IS 'The number, scaled (900 million → 900000000).';
COMMENT ON COLUMN v_figures.unit IS 'RUB, USD, EUR, ha, items, %, … .';
COMMENT ON COLUMN v_figures.qualifier IS 'exact, up_to, over, about or from.';
COMMENT ON COLUMN v_figures.subject IS 'What is counted or paid, e.g. subsidy, residents.';
COMMENT ON COLUMN v_figures.act_key IS 'The legal act (dim_legal_act), or NULL.';
COMMENT ON COLUMN v_figures.act_type IS 'government_decree, federal_law, strategy, … .';
COMMENT ON COLUMN v_figures.act_number IS 'Number of the act, e.g. 1659.';
COMMENT ON COLUMN v_figures.act_title IS 'Title of the act, when known.';
COMMENT ON COLUMN v_figures.act_jurisdiction IS 'Who issued the act.';
COMMENT ON COLUMN v_figures.region_key IS 'The region (dim_region): the figure''s own, else its site''s; NULL when neither is known.';
COMMENT ON COLUMN v_figures.region_iso_code IS 'ISO code of the region, e.g. RU-KLU.';
COMMENT ON COLUMN v_figures.region_name_en IS 'English name of the region.';
COMMENT ON COLUMN v_figures.region_name_ru IS 'Russian name of the region.';
COMMENT ON COLUMN v_figures.federal_district IS 'Federal district of the region; NULL abroad.';
COMMENT ON COLUMN v_figures.region_type IS 'oblast, krai, republic, … for a Russian region; country for a foreign country.';
COMMENT ON COLUMN v_figures.is_country IS 'True when the figure is about a foreign country rather than a Russian region.';
COMMENT ON COLUMN v_figures.site_key IS 'The industrial site (dim_site), or NULL.';
COMMENT ON COLUMN v_figures.site_name IS 'Name of the site.';
COMMENT ON COLUMN v_figures.site_type IS 'cluster, technopark, industrial_park or sez.';
COMMENT ON COLUMN v_figures.site_industry IS 'Industry of the site.';
COMMENT ON COLUMN v_figures.sentence IS 'The sentence the figure was read from.';
COMMENT ON COLUMN v_figures.is_duplicate IS 'True when the article is a syndicated copy.';
