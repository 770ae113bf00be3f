CREATE OR REPLACE VIEW v_support_measures AS
WITH with_amount AS (
    SELECT
        CASE subject
            WHEN 'subsidy' THEN 'subsidy or grant'
            WHEN 'compensation' THEN 'compensation of costs'
            WHEN 'tax' THEN 'tax benefit'
        END AS measure,
        true AS has_amount,
        * EXCLUDE (metric_code)
    FROM v_figures
    WHERE metric_code = 'money' AND subject IN ('subsidy', 'compensation', 'tax')
),
sentences AS (
    SELECT article_key, trim(unnest(regexp_extract_all(text, '[^.!?\n]+[.!?]?'))) AS sentence
    FROM article_text
),
-- Each kind's pattern is a constant, so that it is compiled once: a pattern joined from a table of kinds
-- was compiled again for every sentence (minutes on a warehouse of 15,000 articles).
matched AS (
    SELECT article_key, sentence, measure
    FROM (
        SELECT article_key, sentence, unnest([
            CASE WHEN regexp_matches(sentence, '(?i)(tax (benefit|break|incentive|exemption|relief|preference|privilege)|налогов\pL* (льгот|преференц|каникул)|льгот\pL* по налог|освобожд\pL* от (уплаты )?налог)') THEN 'tax benefit' END,
            CASE WHEN regexp_matches(sentence, '(?i)(customs (preference|benefit|privilege|exemption)|таможенн\pL* (льгот|преференц))') THEN 'customs preference' END,
            CASE WHEN regexp_matches(sentence, '(?i)(land( plots?)? (on|at) (preferential|reduced|favourable|favorable)|(preferential|reduced) (land|rent|lease)|земельн\pL* участ\pL*[^.!?]{0,80}(льготн|без (проведения )?торгов)|льготн\pL* (аренд|услови\pL* аренд))') THEN 'land on preferential terms' END
        ]) AS measure
        FROM sentences
    )
    WHERE measure IS NOT NULL
),
first_mentioned AS (  -- support measures are Russian ones: the first Russian site, else region, named
    SELECT
        m.article_key,
        arg_min(m.site_key, m.first_char_offset)
            FILTER (WHERE m.site_key IS NOT NULL AND site_region.region_type IS DISTINCT FROM 'country')
            AS site_key,
        arg_min(m.region_key, m.first_char_offset)
            FILTER (WHERE m.region_key IS NOT NULL AND named.region_type <> 'country') AS region_key
    FROM fact_mention AS m
    LEFT JOIN dim_site AS s ON s.site_key = m.site_key
    LEFT JOIN dim_region AS site_region ON site_region.region_key = s.region_key
    LEFT JOIN dim_region AS named ON named.region_key = m.region_key
    GROUP BY m.article_key
),
without_amount AS (
    SELECT
        x.measure,
        false AS has_amount,
        x.article_key,
        a.url,
        a.title,
        d.date AS published_date,
        d.year AS published_year,
        a.date_source,
        coalesce(a.date_inferred, false) AS date_inferred,
        r.region_key,
        r.iso_code AS region_iso_code,
        r.name_en AS region_name_en,
        r.name_ru AS region_name_ru,
        r.federal_district,
        r.region_type,
        r.region_type = 'country' AS is_country,
        s.site_key,
        s.name AS site_name,
        s.site_type,
        s.industry AS site_industry,
        x.sentence,
        a.duplicate_of IS NOT NULL AS is_duplicate
    FROM matched AS x
    JOIN fact_article AS a ON a.article_key = x.article_key
    LEFT JOIN dim_date AS d ON d.date_key = a.published_date_key
    LEFT JOIN first_mentioned AS fm ON fm.article_key = x.article_key
    LEFT JOIN dim_site AS s ON s.site_key = fm.site_key
    LEFT JOIN dim_region AS r ON r.region_key = coalesce(s.region_key, fm.region_key)
    WHERE NOT EXISTS (
        SELECT 1 FROM with_amount AS w WHERE w.article_key = x.article_key AND w.sentence = x.sentence
    )
)
SELECT * FROM with_amount
UNION ALL BY NAME
SELECT * FROM without_amount;
COMMENT ON VIEW v_support_measures IS 'Support measures: subsidies and grants, compensations of costs and tax benefits stated with an amount (money figures whose subject is one of these; costs, investments, budgets and revenues are in v_figures), and tax benefits, customs preferences and land on preferential terms stated without one (value NULL), with the legal act, the region, the site and the article URL.';
COMMENT ON COLUMN v_support_measures.measure IS 'subsidy or grant, compensation of costs, tax benefit, customs preference, or land on preferential terms.';
COMMENT ON COLUMN v_support_measures.has_amount IS 'True when the article states an amount (value, unit and qualifier are set); false for a measure stated without one, found by its wording in a sentence.';
COMMENT ON COLUMN v_support_measures.figure_key IS 'The figure (fact_figure); NULL for a measure stated without an amount.';
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
COMMENT ON COLUMN v_support_measures.region_key IS 'The region (dim_region): the figure''s own, else its site''s; for a measure without an amount, the region of the first Russian site the article names, else the first Russian region it names.';
COMMENT ON COLUMN v_support_measures.region_iso_code IS 'ISO code of the region, e.g. RU-KLU.';
COMMENT ON COLUMN v_support_measures.region_name_en IS 'English name of the region.';
COMMENT ON COLUMN v_support_measures.region_name_ru IS 'Russian name of the region.';
COMMENT ON COLUMN v_support_measures.federal_district IS 'Federal district of the region; NULL abroad.';
COMMENT ON COLUMN v_support_measures.region_type IS 'oblast, krai, republic, … for a Russian region; country for a foreign country.';
COMMENT ON COLUMN v_support_measures.is_country IS 'True when the measure is about a foreign country.';
COMMENT ON COLUMN v_support_measures.site_key IS 'The industrial site (dim_site), or NULL; for a measure without an amount, the first Russian site the article names.';
COMMENT ON COLUMN v_support_measures.site_name IS 'Name of the site.';
COMMENT ON COLUMN v_support_measures.site_type IS 'cluster, technopark, industrial_park or sez.';
COMMENT ON COLUMN v_support_measures.site_industry IS 'Industry of the site.';
COMMENT ON COLUMN v_support_measures.sentence IS 'The sentence the measure (and its amount) was read from.';
COMMENT ON COLUMN v_support_measures.is_duplicate IS 'True when the article is a syndicated copy.';
