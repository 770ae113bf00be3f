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
