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
        coalesce(pr.role_normalised, lower(pr.role)) AS role_normalised,
        pr.role_code,
        pr.organisation_key,
        coalesce(o.canonical_name, pr.organisation) AS organisation,
        coalesce(pr.region_key, o.region_key, named.region_key) AS role_region_key
    FROM person_articles AS pa
    LEFT JOIN fact_person_role AS pr ON pr.article_key = pa.article_key AND pr.entity_key = pa.entity_key
    LEFT JOIN dim_entity AS o ON o.entity_key = pr.organisation_key
    LEFT JOIN dim_region AS named
        ON lower(pr.organisation) IN (lower(named.name_en), lower(named.name_ru))
),
dated AS (
    SELECT
        s.*,
        a.url,
        a.date_inferred,
        d.date AS published_date,
        coalesce(d.date, DATE '0001-01-01') AS date_or_first  -- an undated article still gives its URL
    FROM stated AS s
    JOIN fact_article AS a ON a.article_key = s.article_key
    LEFT JOIN dim_date AS d ON d.date_key = a.published_date_key
    WHERE a.duplicate_of IS NULL
)
SELECT
    p.entity_key AS person_key,
    p.canonical_name AS person,
    p.name_en,
    p.name_ru,
    arg_max(x.role, x.date_or_first) AS role,
    x.role_normalised,
    arg_max(x.role_code, x.date_or_first) AS role_code,
    x.organisation_key,
    x.organisation,
    r.region_key,
    r.iso_code AS region_iso_code,
    r.name_en AS region_name_en,
    r.name_ru AS region_name_ru,
    r.region_type = 'country' AS is_country,
    min(x.published_date) AS first_seen,
    max(x.published_date) AS last_seen,
    coalesce(bool_or(x.date_inferred), false) AS date_inferred,
    count(DISTINCT x.article_key) AS articles,
    count(DISTINCT x.article_key) FILTER (WHERE x.published_date IS NULL) AS undated_articles,
    arg_max(x.url, x.date_or_first) AS latest_url,
    list(DISTINCT x.url ORDER BY x.url) AS urls
FROM dated AS x
JOIN dim_entity AS p ON p.entity_key = x.entity_key
LEFT JOIN dim_region AS r ON r.region_key = coalesce(x.role_region_key, p.region_key)
GROUP BY
    p.entity_key, p.canonical_name, p.name_en, p.name_ru, x.role_normalised, x.organisation_key,
    x.organisation, r.region_key, r.iso_code, r.name_en, r.name_ru, r.region_type;
COMMENT ON VIEW v_people_roles IS 'People and their roles over time, with the region and the role code: one row per person, normalised role, organisation and region (so one title written two ways is one role), with the first and last article dates and the URL of every article giving it, dated or not (role NULL for people quoted without one).';
COMMENT ON COLUMN v_people_roles.person_key IS 'The person (dim_entity).';
COMMENT ON COLUMN v_people_roles.person IS 'Canonical name of the person.';
COMMENT ON COLUMN v_people_roles.name_en IS 'English (transliterated) name.';
COMMENT ON COLUMN v_people_roles.name_ru IS 'Russian name.';
COMMENT ON COLUMN v_people_roles.role IS 'The role as the latest article states it, e.g. Deputy Governor; NULL when the articles give none.';
COMMENT ON COLUMN v_people_roles.role_normalised IS 'The role normalised: lower case, spaces and dashes folded, the organisation and region left out (fact_person_role.role_normalised, else the role in lower case); rows are one per normalised role.';
COMMENT ON COLUMN v_people_roles.role_code IS 'The role normalised across languages and spellings (governor, deputy_governor, minister, head_of_region, general_director, …; fact_person_role.role_code), so roles group across titles as written; NULL when the title is not a known one or no role is given.';
COMMENT ON COLUMN v_people_roles.organisation_key IS 'The organisation of the role (dim_entity), or NULL.';
COMMENT ON COLUMN v_people_roles.organisation IS 'The organisation of the role, by canonical name or as written.';
COMMENT ON COLUMN v_people_roles.region_key IS 'The region (dim_region) of the role: the one its title names or, for a regional title, the region its article is about (fact_person_role.region_key), else the organisation''s region (or the region the organisation is, e.g. Deputy Governor of Kaluga Region), else the person''s; NULL when unknown.';
COMMENT ON COLUMN v_people_roles.region_iso_code IS 'ISO code of the region, e.g. RU-KLU.';
COMMENT ON COLUMN v_people_roles.region_name_en IS 'English name of the region.';
COMMENT ON COLUMN v_people_roles.region_name_ru IS 'Russian name of the region.';
COMMENT ON COLUMN v_people_roles.is_country IS 'True when the region is a foreign country; NULL when the region is unknown.';
COMMENT ON COLUMN v_people_roles.first_seen IS 'Publication date of the first article giving this role; NULL when none is dated.';
COMMENT ON COLUMN v_people_roles.last_seen IS 'Publication date of the latest article giving this role.';
COMMENT ON COLUMN v_people_roles.date_inferred IS 'True when the year of at least one of these articles'' dates was inferred.';
COMMENT ON COLUMN v_people_roles.articles IS 'Original articles giving this person this role.';
COMMENT ON COLUMN v_people_roles.undated_articles IS 'Of those, articles without a publication date.';
COMMENT ON COLUMN v_people_roles.latest_url IS 'URL of the latest such article (of an undated one when none is dated); never NULL.';
COMMENT ON COLUMN v_people_roles.urls IS 'URLs of every such article, dated or not.';
