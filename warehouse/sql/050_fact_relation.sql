CREATE TABLE IF NOT EXISTS fact_relation (
    relation_key       BIGINT PRIMARY KEY,
    relation_id        BIGINT NOT NULL,
    article_key        BIGINT NOT NULL,
    relation           VARCHAR NOT NULL CHECK (relation IN ('resident_of', 'from_country', 'invests_in',
        'located_in', 'part_of', 'head_of', 'member_of')),
    subject_entity_key BIGINT,
    subject_site_key   BIGINT,
    object_entity_key  BIGINT,
    object_site_key    BIGINT,
    object_region_key  BIGINT,
    object_country     VARCHAR CHECK (object_country IS NULL OR regexp_full_match(object_country, '[A-Z]{2}')),
    figure_key         BIGINT,
    sentence           VARCHAR NOT NULL,
    char_start         INTEGER NOT NULL CHECK (char_start >= 0),
    char_end           INTEGER NOT NULL,
    rule               VARCHAR NOT NULL,
    loaded_at          TIMESTAMP NOT NULL DEFAULT current_timestamp,
    CHECK (char_end > char_start),
    CHECK ((subject_entity_key IS NOT NULL)::INTEGER + (subject_site_key IS NOT NULL)::INTEGER = 1),
    CHECK ((object_entity_key IS NOT NULL)::INTEGER + (object_site_key IS NOT NULL)::INTEGER
        + (object_region_key IS NOT NULL)::INTEGER + (object_country IS NOT NULL)::INTEGER = 1),
    CHECK (subject_entity_key IS NULL OR object_entity_key IS NULL OR subject_entity_key <> object_entity_key),
    CHECK (subject_site_key IS NULL OR object_site_key IS NULL OR subject_site_key <> object_site_key)
);
COMMENT ON TABLE fact_relation IS 'One relation stated in one article, e.g. "HAYAT is an anchor resident" of the Kaluga SEZ: a company, person or site (subject) linked to a site, organisation, region or country (object), with the sentence that states it. The same relation in two articles is two rows with one relation_id.';
COMMENT ON COLUMN fact_relation.relation_key IS 'Stable surrogate key of the statement (article and relation).';
COMMENT ON COLUMN fact_relation.relation_id IS 'The relation whichever article states it (relation, subject and object): group by it to count the evidence.';
COMMENT ON COLUMN fact_relation.article_key IS 'The article that states it (fact_article).';
COMMENT ON COLUMN fact_relation.relation IS 'resident_of (company → site), from_country (company → country of origin), invests_in (company → site or region), located_in (site → region, country or town), part_of (site or company → site or company), head_of (person → organisation, region or site) or member_of (company, organisation, person or site → association or cluster).';
COMMENT ON COLUMN fact_relation.subject_entity_key IS 'The company, organisation or person the relation is about (dim_entity), or NULL when the subject is a site.';
COMMENT ON COLUMN fact_relation.subject_site_key IS 'The site the relation is about (dim_site), or NULL when the subject is an entity.';
COMMENT ON COLUMN fact_relation.object_entity_key IS 'The organisation, company or town it points to (dim_entity), or NULL.';
COMMENT ON COLUMN fact_relation.object_site_key IS 'The site it points to (dim_site), e.g. the SEZ of a resident, or NULL.';
COMMENT ON COLUMN fact_relation.object_region_key IS 'The region or country it points to (dim_region), or NULL.';
COMMENT ON COLUMN fact_relation.object_country IS 'ISO 3166-1 alpha-2 code of the country of origin (from_country), e.g. DE; NULL for other relations.';
COMMENT ON COLUMN fact_relation.figure_key IS 'The amount tied to it (fact_figure), e.g. the sum invested, or NULL.';
COMMENT ON COLUMN fact_relation.sentence IS 'The sentence that states the relation (the evidence).';
COMMENT ON COLUMN fact_relation.char_start IS 'Character offset in article_text.text where the words stating it start.';
COMMENT ON COLUMN fact_relation.char_end IS 'Character offset where they end (exclusive).';
COMMENT ON COLUMN fact_relation.rule IS 'The rule that read it, e.g. resident_of:houses, from_country:list; "+pointer" when a word like "the zone" names the object.';
COMMENT ON COLUMN fact_relation.loaded_at IS 'When the row was written; an article''s rows are replaced whenever it is loaded again.';
