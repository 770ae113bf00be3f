CREATE TABLE IF NOT EXISTS dim_site (
    site_key    BIGINT PRIMARY KEY,
    site_type   VARCHAR NOT NULL CHECK (site_type IN ('cluster', 'technopark', 'industrial_park', 'sez')),
    name        VARCHAR NOT NULL,
    industry    VARCHAR,
    region_key  BIGINT,
    loaded_at   TIMESTAMP NOT NULL DEFAULT current_timestamp
);
COMMENT ON TABLE dim_site IS 'One industrial site: cluster, technopark, industrial park or special economic zone.';
COMMENT ON COLUMN dim_site.site_key IS 'Stable surrogate key; the same site keeps it forever.';
COMMENT ON COLUMN dim_site.site_type IS 'cluster, technopark, industrial_park or sez.';
COMMENT ON COLUMN dim_site.name IS 'Name of the site, e.g. Vorsino industrial park, Kaluga SEZ.';
COMMENT ON COLUMN dim_site.industry IS 'Industry of the site, e.g. pharmaceutical, automotive; NULL when not stated.';
COMMENT ON COLUMN dim_site.region_key IS 'Region the site is in (dim_region); NULL when unknown.';
COMMENT ON COLUMN dim_site.loaded_at IS 'When the row was first written.';
