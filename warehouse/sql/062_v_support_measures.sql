CREATE OR REPLACE VIEW v_support_measures AS
SELECT
    CASE subject
        WHEN 'subsidy' THEN 'subsidy or grant'
        WHEN 'compensation' THEN 'compensation of costs'
        WHEN 'tax' THEN 'tax benefit'
    END AS measure,
    * EXCLUDE (metric_code)
FROM v_figures
WHERE metric_code = 'money' AND subject IN ('subsidy', 'compensation', 'tax');
COMMENT ON VIEW v_support_measures IS 'Support measures: subsidies and grants, compensations of costs and tax benefits (money figures whose subject is one of these; costs, investments, budgets and revenues are in v_figures), with the legal act, the region, the site and the article URL.';
COMMENT ON COLUMN v_support_measures.measure IS 'subsidy or grant, compensation of costs, or tax benefit.';
COMMENT ON COLUMN v_support_measures.figure_key IS 'The figure (fact_figure).';
COMMENT ON COLUMN v_support_measures.article_key IS 'The article announcing it.';
COMMENT ON COLUMN v_support_measures.url IS 'URL of the article.';
COMMENT ON COLUMN v_support_measures.title IS 'Headline of the article.';
COMMENT ON COLUMN v_support_measures.published_date IS 'Publication date of the article; NULL when unknown.';
COMMENT ON COLUMN v_support_measures.published_year IS 'Year of publication.';
COMMENT ON COLUMN v_support_measures.date_source IS 'Where the article''s date came from: page, text or inferred.';
COMMENT ON COLUMN v_support_measures.date_inferred IS 'True when the year of the article''s date was inferred.';
COMMENT ON COLUMN v_support_measures.value IS 'Amount, scaled (up to 900 million rubles → 900000000).';
COMMENT ON COLUMN v_support_measures.unit IS 'Currency: RUB, USD, EUR, … .';
COMMENT ON COLUMN v_support_measures.qualifier IS 'exact, up_to, over, about or from.';
COMMENT ON COLUMN v_support_measures.subject IS 'subsidy, compensation or tax (the figure''s subject).';
COMMENT ON COLUMN v_support_measures.act_key IS 'The legal act (dim_legal_act), or NULL.';
COMMENT ON COLUMN v_support_measures.act_type IS 'government_decree, federal_law, … .';
COMMENT ON COLUMN v_support_measures.act_number IS 'Number of the act, e.g. 1659.';
COMMENT ON COLUMN v_support_measures.act_title IS 'Title of the act, when known.';
COMMENT ON COLUMN v_support_measures.act_jurisdiction IS 'Who issued the act.';
COMMENT ON COLUMN v_support_measures.region_key IS 'The region (dim_region): the figure''s own, else its site''s.';
COMMENT ON COLUMN v_support_measures.region_iso_code IS 'ISO code of the region, e.g. RU-KLU.';
COMMENT ON COLUMN v_support_measures.region_name_en IS 'English name of the region.';
COMMENT ON COLUMN v_support_measures.region_name_ru IS 'Russian name of the region.';
COMMENT ON COLUMN v_support_measures.federal_district IS 'Federal district of the region; NULL abroad.';
COMMENT ON COLUMN v_support_measures.region_type IS 'oblast, krai, republic, … for a Russian region; country for a foreign country.';
COMMENT ON COLUMN v_support_measures.is_country IS 'True when the measure is about a foreign country.';
COMMENT ON COLUMN v_support_measures.site_key IS 'The industrial site (dim_site), or NULL.';
COMMENT ON COLUMN v_support_measures.site_name IS 'Name of the site.';
COMMENT ON COLUMN v_support_measures.site_type IS 'cluster, technopark, industrial_park or sez.';
COMMENT ON COLUMN v_support_measures.site_industry IS 'Industry of the site.';
COMMENT ON COLUMN v_support_measures.sentence IS 'The sentence the amount was read from.';
COMMENT ON COLUMN v_support_measures.is_duplicate IS 'True when the article is a syndicated copy.';
