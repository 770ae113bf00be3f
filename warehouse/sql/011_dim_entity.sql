CREATE TABLE IF NOT EXISTS dim_entity (
    entity_key     BIGINT PRIMARY KEY,
    entity_type    VARCHAR NOT NULL
        CHECK (entity_type IN ('person', 'organization', 'company', 'government_body', 'location')),
    canonical_name VARCHAR NOT NULL,
    name_en        VARCHAR,
    name_ru        VARCHAR,
    region_key     BIGINT,
    loaded_at      TIMESTAMP NOT NULL DEFAULT current_timestamp
);
COMMENT ON TABLE dim_entity IS 'One real-world person, organisation, company, government body or place, the same row whichever language mentions it.';
COMMENT ON COLUMN dim_entity.entity_key IS 'Stable surrogate key; the same entity keeps it forever.';
COMMENT ON COLUMN dim_entity.entity_type IS 'person, organization, company, government_body or location.';
COMMENT ON COLUMN dim_entity.canonical_name IS 'The name analysts see and group by.';
COMMENT ON COLUMN dim_entity.name_en IS 'English (or transliterated) name, e.g. Mikhail Labudin.';
COMMENT ON COLUMN dim_entity.name_ru IS 'Russian name, e.g. Михаил Лабудин.';
COMMENT ON COLUMN dim_entity.region_key IS 'Home region or country (dim_region), e.g. a foreign company''s country; NULL when unknown.';
COMMENT ON COLUMN dim_entity.loaded_at IS 'When the row was first written.';
