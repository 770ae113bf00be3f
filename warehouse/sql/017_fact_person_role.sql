CREATE TABLE IF NOT EXISTS fact_person_role (
    article_key      BIGINT NOT NULL,
    entity_key       BIGINT NOT NULL,
    role             VARCHAR NOT NULL,
    organisation_key BIGINT,
    organisation     VARCHAR,
    loaded_at        TIMESTAMP NOT NULL DEFAULT current_timestamp
);
COMMENT ON TABLE fact_person_role IS 'One role a person is given in one article, e.g. "Deputy Governor", "director of the Association".';
COMMENT ON COLUMN fact_person_role.article_key IS 'The article (fact_article).';
COMMENT ON COLUMN fact_person_role.entity_key IS 'The person (dim_entity, entity_type = person).';
COMMENT ON COLUMN fact_person_role.role IS 'The role as the article states it, e.g. Deputy Governor, губернатор.';
COMMENT ON COLUMN fact_person_role.organisation_key IS 'The organisation, company or body the role is in (dim_entity), or NULL.';
COMMENT ON COLUMN fact_person_role.organisation IS 'The organisation as written in the article, or NULL.';
COMMENT ON COLUMN fact_person_role.loaded_at IS 'When the row was written; an article''s rows are replaced whenever it is loaded again.';
