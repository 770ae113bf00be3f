CREATE TABLE IF NOT EXISTS dim_source (
    source_key       BIGINT PRIMARY KEY,
    source_name      VARCHAR NOT NULL,
    domain           VARCHAR NOT NULL,
    site_name        VARCHAR,
    default_language VARCHAR
);
COMMENT ON TABLE dim_source IS 'One publishing site, as named in the sources file.';
COMMENT ON COLUMN dim_source.source_key IS 'Stable surrogate key derived from the source name.';
COMMENT ON COLUMN dim_source.source_name IS 'The source''s name in the sources file.';
COMMENT ON COLUMN dim_source.domain IS 'Host name of the site (first allowed domain).';
COMMENT ON COLUMN dim_source.site_name IS 'Human-readable site name, from the sources file or the pages.';
COMMENT ON COLUMN dim_source.default_language IS 'ISO 639-1 language declared for the source, if any.';
