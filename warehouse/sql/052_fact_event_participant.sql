CREATE TABLE IF NOT EXISTS fact_event_participant (
    event_key   BIGINT NOT NULL,
    article_key BIGINT NOT NULL,
    entity_key  BIGINT,
    site_key    BIGINT,
    region_key  BIGINT,
    role        VARCHAR NOT NULL CHECK (role IN ('participant', 'party', 'visitor', 'visited', 'company', 'site',
        'place', 'region', 'host', 'destination', 'organiser', 'supporter', 'registrar', 'affiliation')),
    char_start  INTEGER NOT NULL CHECK (char_start >= 0),
    char_end    INTEGER NOT NULL,
    loaded_at   TIMESTAMP NOT NULL DEFAULT current_timestamp,
    CHECK (char_end > char_start),
    CHECK ((entity_key IS NOT NULL)::INTEGER + (site_key IS NOT NULL)::INTEGER
        + (region_key IS NOT NULL)::INTEGER = 1)
);
COMMENT ON TABLE fact_event_participant IS 'Who and what takes part in an event (fact_event): one person, organisation, company, town, site or region per row, with its role.';
COMMENT ON COLUMN fact_event_participant.event_key IS 'The event (fact_event).';
COMMENT ON COLUMN fact_event_participant.article_key IS 'The article that reports it (fact_article).';
COMMENT ON COLUMN fact_event_participant.entity_key IS 'The person, organisation, company or town (dim_entity), or NULL.';
COMMENT ON COLUMN fact_event_participant.site_key IS 'The site (dim_site), or NULL.';
COMMENT ON COLUMN fact_event_participant.region_key IS 'The region or country (dim_region), or NULL.';
COMMENT ON COLUMN fact_event_participant.role IS 'participant, party (of an agreement), visitor, visited, company (launching a plant), site, place (where it happened), region, host, destination (of a mission), organiser, supporter, registrar (the ministry keeping a register) or affiliation (the body a participant represents).';
COMMENT ON COLUMN fact_event_participant.char_start IS 'Character offset of the participant''s mention in article_text.text.';
COMMENT ON COLUMN fact_event_participant.char_end IS 'Character offset where the mention ends (exclusive).';
COMMENT ON COLUMN fact_event_participant.loaded_at IS 'When the row was written; an article''s rows are replaced whenever it is loaded again.';
