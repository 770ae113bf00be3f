-- The numbered view files of warehouse/sql/ before views moved to warehouse/sql/views/ (release b9a4eb3),
-- in the order they were applied: a database migrated by them must still upgrade (tests/warehouse/test_schema.py).
-- 030_v_articles.sql
CREATE OR REPLACE VIEW v_articles AS
SELECT
    a.article_key,
    a.url,
    a.title,
    a.language,
    d.date AS published_date,
    d.year AS published_year,
    d.month AS published_month,
    s.source_name,
    s.site_name,
    s.domain AS source_domain,
    a.word_count,
    a.duplicate_of,
    a.duplicate_of IS NOT NULL AS is_duplicate,
    a.run_id
FROM fact_article AS a
JOIN dim_source AS s ON s.source_key = a.source_key
LEFT JOIN dim_date AS d ON d.date_key = a.published_date_key;
COMMENT ON VIEW v_articles IS 'Articles with their source, publication date and language; one row per article.';
COMMENT ON COLUMN v_articles.article_key IS 'The article (fact_article).';
COMMENT ON COLUMN v_articles.url IS 'Canonical URL.';
COMMENT ON COLUMN v_articles.title IS 'Headline.';
COMMENT ON COLUMN v_articles.language IS 'ISO 639-1 language of the text.';
COMMENT ON COLUMN v_articles.published_date IS 'Publication date; NULL when unknown.';
COMMENT ON COLUMN v_articles.published_year IS 'Year of publication.';
COMMENT ON COLUMN v_articles.published_month IS 'Month of publication, 1-12.';
COMMENT ON COLUMN v_articles.source_name IS 'The source''s name in the sources file.';
COMMENT ON COLUMN v_articles.site_name IS 'Human-readable name of the publishing site.';
COMMENT ON COLUMN v_articles.source_domain IS 'Host name of the publishing site.';
COMMENT ON COLUMN v_articles.word_count IS 'Words in the cleaned text.';
COMMENT ON COLUMN v_articles.duplicate_of IS 'The original this article copies; NULL for originals.';
COMMENT ON COLUMN v_articles.is_duplicate IS 'True for syndicated copies; filter them out to count each story once.';
COMMENT ON COLUMN v_articles.run_id IS 'The ETL run that last loaded the article.';
-- 031_v_figures.sql
CREATE OR REPLACE VIEW v_figures AS
SELECT
    f.figure_key,
    f.article_key,
    a.url,
    a.title,
    d.date AS published_date,
    d.year AS published_year,
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
COMMENT ON COLUMN v_figures.site_key IS 'The industrial site (dim_site), or NULL.';
COMMENT ON COLUMN v_figures.site_name IS 'Name of the site.';
COMMENT ON COLUMN v_figures.site_type IS 'cluster, technopark, industrial_park or sez.';
COMMENT ON COLUMN v_figures.site_industry IS 'Industry of the site.';
COMMENT ON COLUMN v_figures.sentence IS 'The sentence the figure was read from.';
COMMENT ON COLUMN v_figures.is_duplicate IS 'True when the article is a syndicated copy.';
-- 032_v_support_measures.sql
CREATE OR REPLACE VIEW v_support_measures AS
SELECT * EXCLUDE (metric_code) FROM v_figures WHERE metric_code = 'money';
COMMENT ON VIEW v_support_measures IS 'Support measures: every money figure with the legal act it is paid under, the region, the site and the article URL.';
COMMENT ON COLUMN v_support_measures.figure_key IS 'The figure (fact_figure).';
COMMENT ON COLUMN v_support_measures.article_key IS 'The article announcing it.';
COMMENT ON COLUMN v_support_measures.url IS 'URL of the article.';
COMMENT ON COLUMN v_support_measures.title IS 'Headline of the article.';
COMMENT ON COLUMN v_support_measures.published_date IS 'Publication date of the article; NULL when unknown.';
COMMENT ON COLUMN v_support_measures.published_year IS 'Year of publication.';
COMMENT ON COLUMN v_support_measures.value IS 'Amount, scaled (up to 900 million rubles → 900000000).';
COMMENT ON COLUMN v_support_measures.unit IS 'Currency: RUB, USD, EUR, … .';
COMMENT ON COLUMN v_support_measures.qualifier IS 'exact, up_to, over, about or from.';
COMMENT ON COLUMN v_support_measures.subject IS 'What is paid, e.g. subsidy, compensation, investment.';
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
COMMENT ON COLUMN v_support_measures.site_key IS 'The industrial site (dim_site), or NULL.';
COMMENT ON COLUMN v_support_measures.site_name IS 'Name of the site.';
COMMENT ON COLUMN v_support_measures.site_type IS 'cluster, technopark, industrial_park or sez.';
COMMENT ON COLUMN v_support_measures.site_industry IS 'Industry of the site.';
COMMENT ON COLUMN v_support_measures.sentence IS 'The sentence the amount was read from.';
COMMENT ON COLUMN v_support_measures.is_duplicate IS 'True when the article is a syndicated copy.';
-- 033_v_region_activity_monthly.sql
CREATE OR REPLACE VIEW v_region_activity_monthly AS
WITH region_mentions AS (
    SELECT article_key, region_key, mention_count, NULL::BIGINT AS site_key
    FROM fact_mention
    WHERE region_key IS NOT NULL
    UNION ALL
    SELECT m.article_key, s.region_key, m.mention_count, m.site_key
    FROM fact_mention AS m
    JOIN dim_site AS s ON s.site_key = m.site_key
    WHERE s.region_key IS NOT NULL
),
dated AS (
    SELECT rm.*, CAST(date_trunc('month', d.date) AS DATE) AS month_start
    FROM region_mentions AS rm
    JOIN fact_article AS a ON a.article_key = rm.article_key
    JOIN dim_date AS d ON d.date_key = a.published_date_key
    WHERE a.duplicate_of IS NULL
),
figures AS (
    SELECT
        coalesce(f.region_key, s.region_key) AS region_key,
        CAST(date_trunc('month', d.date) AS DATE) AS month_start,
        count(*) AS figures
    FROM fact_figure AS f
    JOIN fact_article AS a ON a.article_key = f.article_key
    JOIN dim_date AS d ON d.date_key = a.published_date_key
    LEFT JOIN dim_site AS s ON s.site_key = f.site_key
    WHERE a.duplicate_of IS NULL
    GROUP BY ALL
),
activity AS (
    SELECT
        region_key,
        month_start,
        count(DISTINCT article_key) AS articles,
        CAST(sum(mention_count) AS BIGINT) AS mentions,
        count(DISTINCT site_key) AS sites_mentioned
    FROM dated
    GROUP BY ALL
)
SELECT
    r.region_key,
    r.iso_code,
    r.name_en,
    r.name_ru,
    r.federal_district,
    x.month_start,
    year(x.month_start) AS year,
    month(x.month_start) AS month,
    x.articles,
    x.mentions,
    x.sites_mentioned,
    coalesce(f.figures, 0) AS figures
FROM activity AS x
JOIN dim_region AS r ON r.region_key = x.region_key
LEFT JOIN figures AS f ON f.region_key = x.region_key AND f.month_start = x.month_start;
COMMENT ON VIEW v_region_activity_monthly IS 'Region activity by month: articles mentioning a region (directly or through one of its sites), mentions, sites and figures; originals only, dated articles only.';
COMMENT ON COLUMN v_region_activity_monthly.region_key IS 'The region (dim_region).';
COMMENT ON COLUMN v_region_activity_monthly.iso_code IS 'ISO code of the region, e.g. RU-KLU.';
COMMENT ON COLUMN v_region_activity_monthly.name_en IS 'English name of the region.';
COMMENT ON COLUMN v_region_activity_monthly.name_ru IS 'Russian name of the region.';
COMMENT ON COLUMN v_region_activity_monthly.federal_district IS 'Federal district; NULL abroad.';
COMMENT ON COLUMN v_region_activity_monthly.month_start IS 'First day of the month of publication.';
COMMENT ON COLUMN v_region_activity_monthly.year IS 'Year of publication.';
COMMENT ON COLUMN v_region_activity_monthly.month IS 'Month of publication, 1-12.';
COMMENT ON COLUMN v_region_activity_monthly.articles IS 'Original articles mentioning the region or one of its sites.';
COMMENT ON COLUMN v_region_activity_monthly.mentions IS 'Mentions of the region plus mentions of its sites.';
COMMENT ON COLUMN v_region_activity_monthly.sites_mentioned IS 'Distinct sites of the region mentioned.';
COMMENT ON COLUMN v_region_activity_monthly.figures IS 'Numeric statements about the region or its sites.';
-- 034_v_people_roles.sql
CREATE OR REPLACE VIEW v_people_roles AS
WITH person_articles AS (
    SELECT m.article_key, m.entity_key
    FROM fact_mention AS m
    JOIN dim_entity AS e ON e.entity_key = m.entity_key
    WHERE e.entity_type = 'person'
    UNION
    SELECT article_key, entity_key FROM fact_person_role
),
stated AS (
    SELECT
        pa.article_key,
        pa.entity_key,
        pr.role,
        pr.organisation_key,
        coalesce(o.canonical_name, pr.organisation) AS organisation
    FROM person_articles AS pa
    LEFT JOIN fact_person_role AS pr ON pr.article_key = pa.article_key AND pr.entity_key = pa.entity_key
    LEFT JOIN dim_entity AS o ON o.entity_key = pr.organisation_key
)
SELECT
    p.entity_key AS person_key,
    p.canonical_name AS person,
    p.name_en,
    p.name_ru,
    s.role,
    s.organisation_key,
    s.organisation,
    min(d.date) AS first_seen,
    max(d.date) AS last_seen,
    count(DISTINCT s.article_key) AS articles,
    arg_max(a.url, d.date) AS latest_url
FROM stated AS s
JOIN dim_entity AS p ON p.entity_key = s.entity_key
JOIN fact_article AS a ON a.article_key = s.article_key
LEFT JOIN dim_date AS d ON d.date_key = a.published_date_key
WHERE a.duplicate_of IS NULL
GROUP BY ALL;
COMMENT ON VIEW v_people_roles IS 'People and their roles over time: one row per person, role and organisation, with the first and last article dates (role NULL for people quoted without one).';
COMMENT ON COLUMN v_people_roles.person_key IS 'The person (dim_entity).';
COMMENT ON COLUMN v_people_roles.person IS 'Canonical name of the person.';
COMMENT ON COLUMN v_people_roles.name_en IS 'English (transliterated) name.';
COMMENT ON COLUMN v_people_roles.name_ru IS 'Russian name.';
COMMENT ON COLUMN v_people_roles.role IS 'The role as stated, e.g. Deputy Governor; NULL when the articles give none.';
COMMENT ON COLUMN v_people_roles.organisation_key IS 'The organisation of the role (dim_entity), or NULL.';
COMMENT ON COLUMN v_people_roles.organisation IS 'The organisation of the role, by canonical name or as written.';
COMMENT ON COLUMN v_people_roles.first_seen IS 'Publication date of the first article giving this role.';
COMMENT ON COLUMN v_people_roles.last_seen IS 'Publication date of the latest article giving this role.';
COMMENT ON COLUMN v_people_roles.articles IS 'Original articles giving this person this role.';
COMMENT ON COLUMN v_people_roles.latest_url IS 'URL of the latest such article.';
-- 035_v_site_mentions.sql
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
    m.article_key,
    a.url,
    a.title,
    a.language,
    d.date AS published_date,
    d.year AS published_year,
    d.month AS published_month,
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
COMMENT ON COLUMN v_site_mentions.article_key IS 'The article (fact_article).';
COMMENT ON COLUMN v_site_mentions.url IS 'URL of the article.';
COMMENT ON COLUMN v_site_mentions.title IS 'Headline of the article.';
COMMENT ON COLUMN v_site_mentions.language IS 'Language of the article.';
COMMENT ON COLUMN v_site_mentions.published_date IS 'Publication date; NULL when unknown.';
COMMENT ON COLUMN v_site_mentions.published_year IS 'Year of publication.';
COMMENT ON COLUMN v_site_mentions.published_month IS 'Month of publication, 1-12.';
COMMENT ON COLUMN v_site_mentions.mention_count IS 'Times the article mentions the site.';
COMMENT ON COLUMN v_site_mentions.first_char_offset IS 'Offset of the first mention in the article text.';
COMMENT ON COLUMN v_site_mentions.is_duplicate IS 'True when the article is a syndicated copy.';
-- 055_v_relations.sql
CREATE OR REPLACE VIEW v_relations AS
WITH stated AS (
    SELECT f.*, d.date AS published_date, a.url
    FROM fact_relation AS f
    JOIN fact_article AS a ON a.article_key = f.article_key
    LEFT JOIN dim_date AS d ON d.date_key = a.published_date_key
    WHERE a.duplicate_of IS NULL
)
SELECT
    s.relation_id,
    any_value(s.relation) AS relation,
    any_value(coalesce(se.canonical_name, ss.name)) AS subject,
    any_value(coalesce(se.entity_type, ss.site_type)) AS subject_type,
    any_value(coalesce(oe.canonical_name, os.name, r.name_en, c.name_en)) AS object,
    any_value(CASE
        WHEN s.object_entity_key IS NOT NULL THEN oe.entity_type
        WHEN s.object_site_key IS NOT NULL THEN os.site_type
        WHEN s.object_region_key IS NOT NULL THEN r.region_type
        ELSE 'country' END) AS object_type,
    any_value(coalesce(r.iso_code, s.object_country)) AS object_iso_code,
    count(DISTINCT s.article_key) AS articles,
    min(s.published_date) AS first_seen,
    max(s.published_date) AS last_seen,
    first(s.sentence ORDER BY s.published_date NULLS LAST, s.relation_key) AS evidence,
    string_agg(DISTINCT s.sentence, ' | ' ORDER BY s.sentence) AS all_evidence,
    string_agg(DISTINCT s.rule, ', ' ORDER BY s.rule) AS rules,
    first(s.url ORDER BY s.published_date DESC NULLS LAST, s.relation_key) AS latest_url
FROM stated AS s
LEFT JOIN dim_entity AS se ON se.entity_key = s.subject_entity_key
LEFT JOIN dim_site AS ss ON ss.site_key = s.subject_site_key
LEFT JOIN dim_entity AS oe ON oe.entity_key = s.object_entity_key
LEFT JOIN dim_site AS os ON os.site_key = s.object_site_key
LEFT JOIN dim_region AS r ON r.region_key = s.object_region_key
LEFT JOIN dim_region AS c ON c.iso_code = s.object_country
GROUP BY s.relation_id;
COMMENT ON VIEW v_relations IS 'Every relation the articles state, one row per relation however many articles state it, with the count of articles and the evidence.';
COMMENT ON COLUMN v_relations.relation_id IS 'The relation (fact_relation.relation_id).';
COMMENT ON COLUMN v_relations.relation IS 'resident_of, from_country, invests_in, located_in, part_of, head_of or member_of.';
COMMENT ON COLUMN v_relations.subject IS 'Name of the company, person, organisation or site it is about.';
COMMENT ON COLUMN v_relations.subject_type IS 'Entity type (company, person, …) or site type (sez, industrial_park, …) of the subject.';
COMMENT ON COLUMN v_relations.object IS 'Name of the site, organisation, town, region or country it points to.';
COMMENT ON COLUMN v_relations.object_type IS 'Entity type, site type or region type (oblast, republic, country, …) of the object.';
COMMENT ON COLUMN v_relations.object_iso_code IS 'ISO code when the object is a region or a country, e.g. RU-KLU, DE.';
COMMENT ON COLUMN v_relations.articles IS 'Original articles stating it.';
COMMENT ON COLUMN v_relations.first_seen IS 'Publication date of the first article stating it.';
COMMENT ON COLUMN v_relations.last_seen IS 'Publication date of the latest article stating it.';
COMMENT ON COLUMN v_relations.evidence IS 'The sentence of the first article that states it.';
COMMENT ON COLUMN v_relations.all_evidence IS 'Every distinct sentence stating it, separated by " | ".';
COMMENT ON COLUMN v_relations.rules IS 'The rules that read it.';
COMMENT ON COLUMN v_relations.latest_url IS 'URL of the latest article stating it.';
-- 056_v_site_residents.sql
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
-- 057_v_foreign_investors.sql
CREATE OR REPLACE VIEW v_foreign_investors AS
WITH original AS (
    SELECT a.article_key, d.date AS published_date
    FROM fact_article AS a
    LEFT JOIN dim_date AS d ON d.date_key = a.published_date_key
    WHERE a.duplicate_of IS NULL
),
stated AS (
    SELECT DISTINCT f.subject_entity_key AS company_key, f.object_country AS iso_code, 'stated' AS source
    FROM fact_relation AS f
    JOIN original AS o ON o.article_key = f.article_key
    WHERE f.relation = 'from_country' AND f.object_country <> 'RU'
),
origin AS (
    SELECT * FROM stated
    UNION ALL
    SELECT e.entity_key, r.iso_code, 'reference'
    FROM dim_entity AS e
    JOIN dim_region AS r ON r.region_key = e.region_key
    WHERE r.region_type = 'country' AND r.iso_code <> 'RU'
        AND e.entity_key NOT IN (SELECT company_key FROM stated)
),
presence AS (
    SELECT f.subject_entity_key AS company_key, coalesce(f.object_region_key, s.region_key) AS region_key,
        f.object_site_key AS site_key, f.figure_key, f.article_key, f.sentence
    FROM fact_relation AS f
    LEFT JOIN dim_site AS s ON s.site_key = f.object_site_key
    WHERE f.relation IN ('invests_in', 'resident_of') AND f.subject_entity_key IS NOT NULL
    UNION ALL
    SELECT p.entity_key, e.region_key, NULL, e.figure_key, e.article_key, e.sentence
    FROM fact_event AS e
    JOIN fact_event_participant AS p ON p.event_key = e.event_key
    WHERE e.event_type = 'plant_launch' AND p.role = 'company' AND p.entity_key IS NOT NULL
)
SELECT
    o.iso_code AS country_iso_code,
    c.name_en AS country,
    o.source AS country_source,
    e.entity_key AS company_key,
    e.canonical_name AS company,
    r.iso_code AS region_iso_code,
    r.name_en AS region,
    string_agg(DISTINCT s.name, ', ' ORDER BY s.name) AS sites,
    sum(DISTINCT fig.value) FILTER (WHERE fig.unit = 'RUB') AS amount_rub,
    string_agg(DISTINCT format('{:.0f} {}', fig.value, fig.unit), ', '
        ORDER BY format('{:.0f} {}', fig.value, fig.unit)) AS amounts,
    count(DISTINCT p.article_key) AS articles,
    min(a.published_date) AS first_seen,
    max(a.published_date) AS last_seen,
    first(p.sentence ORDER BY a.published_date NULLS LAST, p.article_key, p.sentence) AS evidence
FROM presence AS p
JOIN original AS a ON a.article_key = p.article_key
JOIN origin AS o ON o.company_key = p.company_key
JOIN dim_entity AS e ON e.entity_key = p.company_key
JOIN dim_region AS r ON r.region_key = p.region_key AND r.region_type <> 'country'
LEFT JOIN dim_region AS c ON c.iso_code = o.iso_code
LEFT JOIN dim_site AS s ON s.site_key = p.site_key
LEFT JOIN fact_figure AS fig ON fig.figure_key = p.figure_key
GROUP BY ALL;
COMMENT ON VIEW v_foreign_investors IS 'Foreign companies by country of origin and the Russian region they invest in, are resident in or launched a plant in, as the articles state it: one row per country, company and region.';
COMMENT ON COLUMN v_foreign_investors.country_iso_code IS 'Country of origin, ISO 3166-1 alpha-2, e.g. DE.';
COMMENT ON COLUMN v_foreign_investors.country IS 'English name of the country of origin.';
COMMENT ON COLUMN v_foreign_investors.country_source IS 'stated (an article says so, e.g. "German investment projects … include") or reference (reference/companies.csv, when no article states it).';
COMMENT ON COLUMN v_foreign_investors.company_key IS 'The company (dim_entity).';
COMMENT ON COLUMN v_foreign_investors.company IS 'Name of the company.';
COMMENT ON COLUMN v_foreign_investors.region_iso_code IS 'ISO code of the Russian region, e.g. RU-KLU.';
COMMENT ON COLUMN v_foreign_investors.region IS 'English name of the region.';
COMMENT ON COLUMN v_foreign_investors.sites IS 'The sites of that region the company is resident in or invests in, separated by commas.';
COMMENT ON COLUMN v_foreign_investors.amount_rub IS 'Sum of the distinct amounts in roubles stated for its investments there; NULL when none is stated.';
COMMENT ON COLUMN v_foreign_investors.amounts IS 'The amounts stated, with their currency, separated by commas.';
COMMENT ON COLUMN v_foreign_investors.articles IS 'Original articles that place the company in the region.';
COMMENT ON COLUMN v_foreign_investors.first_seen IS 'Publication date of the first such article.';
COMMENT ON COLUMN v_foreign_investors.last_seen IS 'Publication date of the latest such article.';
COMMENT ON COLUMN v_foreign_investors.evidence IS 'The sentence of the first article that places it there.';
-- 058_v_events.sql
CREATE OR REPLACE VIEW v_events AS
WITH reported AS (
    SELECT e.*, a.url, d.date AS published_date,
        count(*) OVER (PARTITION BY e.event_id) AS reports,
        row_number() OVER (PARTITION BY e.event_id ORDER BY d.date NULLS LAST, e.event_key) AS nth
    FROM fact_event AS e
    JOIN fact_article AS a ON a.article_key = e.article_key
    LEFT JOIN dim_date AS d ON d.date_key = a.published_date_key
    WHERE a.duplicate_of IS NULL
),
taking_part AS (
    SELECT p.event_key,
        string_agg(coalesce(en.canonical_name, s.name, r.name_en) || ' (' || p.role || ')', '; '
            ORDER BY p.char_start, p.role) AS participants
    FROM fact_event_participant AS p
    LEFT JOIN dim_entity AS en ON en.entity_key = p.entity_key
    LEFT JOIN dim_site AS s ON s.site_key = p.site_key
    LEFT JOIN dim_region AS r ON r.region_key = p.region_key
    GROUP BY p.event_key
)
SELECT
    x.event_id,
    x.event_key,
    x.event_date,
    x.date_precision,
    x.date_text,
    x.event_type,
    x.planned,
    r.iso_code AS region_iso_code,
    r.name_en AS region,
    t.participants,
    fig.value AS figure_value,
    fig.unit AS figure_unit,
    x.sentence AS evidence,
    x.reports,
    x.published_date,
    x.url
FROM reported AS x
LEFT JOIN taking_part AS t ON t.event_key = x.event_key
LEFT JOIN dim_region AS r ON r.region_key = x.region_key
LEFT JOIN fact_figure AS fig ON fig.figure_key = x.figure_key
WHERE x.nth = 1;
COMMENT ON VIEW v_events IS 'What happened: meetings, agreements signed, register applications and entries, subsidies, plant launches, visits, forums and business missions, one row per event however many articles report it, with its participants as one readable column and the evidence.';
COMMENT ON COLUMN v_events.event_id IS 'The event (fact_event.event_id).';
COMMENT ON COLUMN v_events.event_key IS 'The first report of it (fact_event).';
COMMENT ON COLUMN v_events.event_date IS 'When it happened (first day of the month or year when only those are stated); NULL when unknown.';
COMMENT ON COLUMN v_events.date_precision IS 'day, month, year or inferred (from the publication date).';
COMMENT ON COLUMN v_events.date_text IS 'The date as the article writes it, e.g. "July 3".';
COMMENT ON COLUMN v_events.event_type IS 'meeting, agreement_signed, register_application, register_entry, subsidy_granted, plant_launch, visit, forum or business_mission.';
COMMENT ON COLUMN v_events.planned IS 'True when the article speaks of it as still to come.';
COMMENT ON COLUMN v_events.region_iso_code IS 'ISO code of the Russian region where it happened, e.g. RU-OMS.';
COMMENT ON COLUMN v_events.region IS 'English name of that region.';
COMMENT ON COLUMN v_events.participants IS 'Who and what takes part, as "name (role)" separated by "; ", in the order the article names them.';
COMMENT ON COLUMN v_events.figure_value IS 'The amount or count tied to it (fact_figure.value), e.g. 8 clusters applied for; NULL when none.';
COMMENT ON COLUMN v_events.figure_unit IS 'Unit of figure_value: RUB, items, … .';
COMMENT ON COLUMN v_events.evidence IS 'The sentence that reports it.';
COMMENT ON COLUMN v_events.reports IS 'Original articles reporting it.';
COMMENT ON COLUMN v_events.published_date IS 'Publication date of the first article reporting it.';
COMMENT ON COLUMN v_events.url IS 'URL of that article.';
-- 060_v_articles_dates.sql
CREATE OR REPLACE VIEW v_articles AS
SELECT
    a.article_key,
    a.url,
    a.title,
    a.language,
    d.date AS published_date,
    d.year AS published_year,
    d.month AS published_month,
    a.date_source,
    coalesce(a.date_inferred, false) AS date_inferred,
    s.source_name,
    s.site_name,
    s.domain AS source_domain,
    a.word_count,
    a.duplicate_of,
    a.duplicate_of IS NOT NULL AS is_duplicate,
    a.run_id
FROM fact_article AS a
JOIN dim_source AS s ON s.source_key = a.source_key
LEFT JOIN dim_date AS d ON d.date_key = a.published_date_key;
COMMENT ON VIEW v_articles IS 'Articles with their source, publication date (and where it came from) and language; one row per article.';
COMMENT ON COLUMN v_articles.article_key IS 'The article (fact_article).';
COMMENT ON COLUMN v_articles.url IS 'Canonical URL.';
COMMENT ON COLUMN v_articles.title IS 'Headline.';
COMMENT ON COLUMN v_articles.language IS 'ISO 639-1 language of the text.';
COMMENT ON COLUMN v_articles.published_date IS 'Publication date; NULL when unknown.';
COMMENT ON COLUMN v_articles.published_year IS 'Year of publication.';
COMMENT ON COLUMN v_articles.published_month IS 'Month of publication, 1-12.';
COMMENT ON COLUMN v_articles.date_source IS 'Where the publication date came from: page (metadata), text, or inferred; NULL when there is no date.';
COMMENT ON COLUMN v_articles.date_inferred IS 'True when the year of the publication date was inferred: filter it out for exact dating.';
COMMENT ON COLUMN v_articles.source_name IS 'The source''s name in the sources file.';
COMMENT ON COLUMN v_articles.site_name IS 'Human-readable name of the publishing site.';
COMMENT ON COLUMN v_articles.source_domain IS 'Host name of the publishing site.';
COMMENT ON COLUMN v_articles.word_count IS 'Words in the cleaned text.';
COMMENT ON COLUMN v_articles.duplicate_of IS 'The original this article copies; NULL for originals.';
COMMENT ON COLUMN v_articles.is_duplicate IS 'True for syndicated copies; filter them out to count each story once.';
COMMENT ON COLUMN v_articles.run_id IS 'The ETL run that last loaded the article.';
-- 061_v_figures_dates.sql
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
-- 062_v_support_measures.sql
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
-- 063_v_region_articles.sql
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
-- 064_v_region_activity_monthly.sql
CREATE OR REPLACE VIEW v_region_activity_monthly AS
WITH dated AS (
    SELECT * FROM v_region_articles WHERE NOT is_duplicate AND month_start IS NOT NULL
),
figures AS (
    SELECT
        coalesce(f.region_key, s.region_key) AS region_key,
        CAST(date_trunc('month', d.date) AS DATE) AS month_start,
        count(*) AS figures
    FROM fact_figure AS f
    JOIN fact_article AS a ON a.article_key = f.article_key
    JOIN dim_date AS d ON d.date_key = a.published_date_key
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
    FROM dated
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
    year(x.month_start) AS year,
    month(x.month_start) AS month,
    x.articles,
    x.mentions,
    x.sites_mentioned,
    x.articles_date_inferred,
    coalesce(f.figures, 0) AS figures
FROM activity AS x
JOIN dim_region AS r ON r.region_key = x.region_key
LEFT JOIN figures AS f ON f.region_key = x.region_key AND f.month_start = x.month_start;
COMMENT ON VIEW v_region_activity_monthly IS 'Region and country activity by month: articles mentioning a Russian region or a foreign country (directly or through one of its sites), mentions, sites and figures; originals only, dated articles only. Filter on is_country to keep regions and countries apart.';
COMMENT ON COLUMN v_region_activity_monthly.region_key IS 'The region (dim_region).';
COMMENT ON COLUMN v_region_activity_monthly.iso_code IS 'ISO code of the region, e.g. RU-KLU.';
COMMENT ON COLUMN v_region_activity_monthly.name_en IS 'English name of the region.';
COMMENT ON COLUMN v_region_activity_monthly.name_ru IS 'Russian name of the region.';
COMMENT ON COLUMN v_region_activity_monthly.federal_district IS 'Federal district; NULL abroad.';
COMMENT ON COLUMN v_region_activity_monthly.region_type IS 'oblast, krai, republic, federal_city, autonomous_okrug, autonomous_oblast, or country for a foreign country.';
COMMENT ON COLUMN v_region_activity_monthly.is_country IS 'True for a foreign country, false for a federal subject of Russia.';
COMMENT ON COLUMN v_region_activity_monthly.month_start IS 'First day of the month of publication.';
COMMENT ON COLUMN v_region_activity_monthly.year IS 'Year of publication.';
COMMENT ON COLUMN v_region_activity_monthly.month IS 'Month of publication, 1-12.';
COMMENT ON COLUMN v_region_activity_monthly.articles IS 'Original articles mentioning the region or one of its sites.';
COMMENT ON COLUMN v_region_activity_monthly.mentions IS 'Mentions of the region plus mentions of its sites.';
COMMENT ON COLUMN v_region_activity_monthly.sites_mentioned IS 'Distinct sites of the region mentioned.';
COMMENT ON COLUMN v_region_activity_monthly.articles_date_inferred IS 'Of the articles, those whose year of publication was inferred (their month may be off by a year).';
COMMENT ON COLUMN v_region_activity_monthly.figures IS 'Numeric statements about the region or its sites.';
-- 065_v_people_roles.sql
CREATE OR REPLACE VIEW v_people_roles AS
WITH person_articles AS (
    SELECT m.article_key, m.entity_key
    FROM fact_mention AS m
    JOIN dim_entity AS e ON e.entity_key = m.entity_key
    WHERE e.entity_type = 'person'
    UNION
    SELECT article_key, entity_key FROM fact_person_role
),
stated AS (
    SELECT
        pa.article_key,
        pa.entity_key,
        pr.role,
        pr.organisation_key,
        coalesce(o.canonical_name, pr.organisation) AS organisation,
        coalesce(o.region_key, named.region_key) AS organisation_region_key
    FROM person_articles AS pa
    LEFT JOIN fact_person_role AS pr ON pr.article_key = pa.article_key AND pr.entity_key = pa.entity_key
    LEFT JOIN dim_entity AS o ON o.entity_key = pr.organisation_key
    LEFT JOIN dim_region AS named
        ON lower(pr.organisation) IN (lower(named.name_en), lower(named.name_ru))
)
SELECT
    p.entity_key AS person_key,
    p.canonical_name AS person,
    p.name_en,
    p.name_ru,
    s.role,
    s.organisation_key,
    s.organisation,
    r.region_key,
    r.iso_code AS region_iso_code,
    r.name_en AS region_name_en,
    r.name_ru AS region_name_ru,
    r.region_type = 'country' AS is_country,
    min(d.date) AS first_seen,
    max(d.date) AS last_seen,
    coalesce(bool_or(a.date_inferred), false) AS date_inferred,
    count(DISTINCT s.article_key) AS articles,
    arg_max(a.url, d.date) AS latest_url
FROM stated AS s
JOIN dim_entity AS p ON p.entity_key = s.entity_key
JOIN fact_article AS a ON a.article_key = s.article_key
LEFT JOIN dim_date AS d ON d.date_key = a.published_date_key
LEFT JOIN dim_region AS r ON r.region_key = coalesce(s.organisation_region_key, p.region_key)
WHERE a.duplicate_of IS NULL
GROUP BY ALL;
COMMENT ON VIEW v_people_roles IS 'People and their roles over time, with the region: one row per person, role, organisation and region, with the first and last article dates (role NULL for people quoted without one).';
COMMENT ON COLUMN v_people_roles.person_key IS 'The person (dim_entity).';
COMMENT ON COLUMN v_people_roles.person IS 'Canonical name of the person.';
COMMENT ON COLUMN v_people_roles.name_en IS 'English (transliterated) name.';
COMMENT ON COLUMN v_people_roles.name_ru IS 'Russian name.';
COMMENT ON COLUMN v_people_roles.role IS 'The role as stated, e.g. Deputy Governor; NULL when the articles give none.';
COMMENT ON COLUMN v_people_roles.organisation_key IS 'The organisation of the role (dim_entity), or NULL.';
COMMENT ON COLUMN v_people_roles.organisation IS 'The organisation of the role, by canonical name or as written.';
COMMENT ON COLUMN v_people_roles.region_key IS 'The region (dim_region) of the role: the organisation''s region (or the region the organisation is, e.g. Deputy Governor of Kaluga Region), else the person''s; NULL when unknown.';
COMMENT ON COLUMN v_people_roles.region_iso_code IS 'ISO code of the region, e.g. RU-KLU.';
COMMENT ON COLUMN v_people_roles.region_name_en IS 'English name of the region.';
COMMENT ON COLUMN v_people_roles.region_name_ru IS 'Russian name of the region.';
COMMENT ON COLUMN v_people_roles.is_country IS 'True when the region is a foreign country; NULL when the region is unknown.';
COMMENT ON COLUMN v_people_roles.first_seen IS 'Publication date of the first article giving this role.';
COMMENT ON COLUMN v_people_roles.last_seen IS 'Publication date of the latest article giving this role.';
COMMENT ON COLUMN v_people_roles.date_inferred IS 'True when the year of at least one of these articles'' dates was inferred.';
COMMENT ON COLUMN v_people_roles.articles IS 'Original articles giving this person this role.';
COMMENT ON COLUMN v_people_roles.latest_url IS 'URL of the latest such article.';
-- 066_v_site_mentions.sql
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
-- 067_v_people_roles_role_code.sql
-- v_people_roles with the role code of fact_person_role beside the role as written (the view of 065, re-created).
CREATE OR REPLACE VIEW v_people_roles AS
WITH person_articles AS (
    SELECT m.article_key, m.entity_key
    FROM fact_mention AS m
    JOIN dim_entity AS e ON e.entity_key = m.entity_key
    WHERE e.entity_type = 'person'
    UNION
    SELECT article_key, entity_key FROM fact_person_role
),
stated AS (
    SELECT
        pa.article_key,
        pa.entity_key,
        pr.role,
        pr.role_code,
        pr.organisation_key,
        coalesce(o.canonical_name, pr.organisation) AS organisation,
        coalesce(o.region_key, named.region_key) AS organisation_region_key
    FROM person_articles AS pa
    LEFT JOIN fact_person_role AS pr ON pr.article_key = pa.article_key AND pr.entity_key = pa.entity_key
    LEFT JOIN dim_entity AS o ON o.entity_key = pr.organisation_key
    LEFT JOIN dim_region AS named
        ON lower(pr.organisation) IN (lower(named.name_en), lower(named.name_ru))
)
SELECT
    p.entity_key AS person_key,
    p.canonical_name AS person,
    p.name_en,
    p.name_ru,
    s.role,
    s.role_code,
    s.organisation_key,
    s.organisation,
    r.region_key,
    r.iso_code AS region_iso_code,
    r.name_en AS region_name_en,
    r.name_ru AS region_name_ru,
    r.region_type = 'country' AS is_country,
    min(d.date) AS first_seen,
    max(d.date) AS last_seen,
    coalesce(bool_or(a.date_inferred), false) AS date_inferred,
    count(DISTINCT s.article_key) AS articles,
    arg_max(a.url, d.date) AS latest_url
FROM stated AS s
JOIN dim_entity AS p ON p.entity_key = s.entity_key
JOIN fact_article AS a ON a.article_key = s.article_key
LEFT JOIN dim_date AS d ON d.date_key = a.published_date_key
LEFT JOIN dim_region AS r ON r.region_key = coalesce(s.organisation_region_key, p.region_key)
WHERE a.duplicate_of IS NULL
GROUP BY ALL;
COMMENT ON VIEW v_people_roles IS 'People and their roles over time, with the region and the role code: one row per person, role, organisation and region, with the first and last article dates (role NULL for people quoted without one).';
COMMENT ON COLUMN v_people_roles.person_key IS 'The person (dim_entity).';
COMMENT ON COLUMN v_people_roles.person IS 'Canonical name of the person.';
COMMENT ON COLUMN v_people_roles.name_en IS 'English (transliterated) name.';
COMMENT ON COLUMN v_people_roles.name_ru IS 'Russian name.';
COMMENT ON COLUMN v_people_roles.role IS 'The role as stated, e.g. Deputy Governor; NULL when the articles give none.';
COMMENT ON COLUMN v_people_roles.role_code IS 'The role normalised across languages and spellings (governor, deputy_governor, minister, head_of_region, general_director, …; fact_person_role.role_code), so roles group across titles as written; NULL when the title is not a known one or no role is given.';
COMMENT ON COLUMN v_people_roles.organisation_key IS 'The organisation of the role (dim_entity), or NULL.';
COMMENT ON COLUMN v_people_roles.organisation IS 'The organisation of the role, by canonical name or as written.';
COMMENT ON COLUMN v_people_roles.region_key IS 'The region (dim_region) of the role: the organisation''s region (or the region the organisation is, e.g. Deputy Governor of Kaluga Region), else the person''s; NULL when unknown.';
COMMENT ON COLUMN v_people_roles.region_iso_code IS 'ISO code of the region, e.g. RU-KLU.';
COMMENT ON COLUMN v_people_roles.region_name_en IS 'English name of the region.';
COMMENT ON COLUMN v_people_roles.region_name_ru IS 'Russian name of the region.';
COMMENT ON COLUMN v_people_roles.is_country IS 'True when the region is a foreign country; NULL when the region is unknown.';
COMMENT ON COLUMN v_people_roles.first_seen IS 'Publication date of the first article giving this role.';
COMMENT ON COLUMN v_people_roles.last_seen IS 'Publication date of the latest article giving this role.';
COMMENT ON COLUMN v_people_roles.date_inferred IS 'True when the year of at least one of these articles'' dates was inferred.';
COMMENT ON COLUMN v_people_roles.articles IS 'Original articles giving this person this role.';
COMMENT ON COLUMN v_people_roles.latest_url IS 'URL of the latest such article.';
