CREATE TABLE IF NOT EXISTS fact_mention (
    article_key       BIGINT NOT NULL,
    entity_key        BIGINT,
    site_key          BIGINT,
    region_key        BIGINT,
    act_key           BIGINT,
    mention_count     INTEGER NOT NULL CHECK (mention_count > 0),
    first_char_offset INTEGER CHECK (first_char_offset >= 0),
    loaded_at         TIMESTAMP NOT NULL DEFAULT current_timestamp,
    CHECK ((entity_key IS NOT NULL)::INTEGER + (site_key IS NOT NULL)::INTEGER
        + (region_key IS NOT NULL)::INTEGER + (act_key IS NOT NULL)::INTEGER = 1)
);
COMMENT ON TABLE fact_mention IS 'One entity, site, region or legal act mentioned in one article; exactly one of the four keys is set.';
COMMENT ON COLUMN fact_mention.article_key IS 'The article (fact_article).';
COMMENT ON COLUMN fact_mention.entity_key IS 'The person, organisation, company, body or place mentioned (dim_entity), or NULL.';
COMMENT ON COLUMN fact_mention.site_key IS 'The industrial site mentioned (dim_site), or NULL.';
COMMENT ON COLUMN fact_mention.region_key IS 'The region or country mentioned (dim_region), or NULL.';
COMMENT ON COLUMN fact_mention.act_key IS 'The legal act mentioned (dim_legal_act), or NULL.';
COMMENT ON COLUMN fact_mention.mention_count IS 'How many times the article mentions it.';
COMMENT ON COLUMN fact_mention.first_char_offset IS 'Character offset of the first mention in article_text.text.';
COMMENT ON COLUMN fact_mention.loaded_at IS 'When the row was written; an article''s rows are replaced whenever it is loaded again.';
