CREATE TABLE IF NOT EXISTS dim_region (
    region_key       BIGINT PRIMARY KEY,
    iso_code         VARCHAR NOT NULL,
    name_en          VARCHAR,
    name_ru          VARCHAR,
    federal_district VARCHAR,
    region_type      VARCHAR NOT NULL,
    loaded_at        TIMESTAMP NOT NULL DEFAULT current_timestamp
);
COMMENT ON TABLE dim_region IS 'One federal subject of Russia, plus one row per foreign country mentioned.';
COMMENT ON COLUMN dim_region.region_key IS 'Stable surrogate key (from the ISO code); never changes between runs.';
COMMENT ON COLUMN dim_region.iso_code IS 'ISO 3166-2 code of a federal subject (RU-KLU) or ISO 3166-1 alpha-2 code of a country (DE).';
COMMENT ON COLUMN dim_region.name_en IS 'English name, e.g. Kaluga Region.';
COMMENT ON COLUMN dim_region.name_ru IS 'Russian name in the nominative, e.g. Калужская область.';
COMMENT ON COLUMN dim_region.federal_district IS 'Federal district of a Russian region, e.g. Central; NULL abroad.';
COMMENT ON COLUMN dim_region.region_type IS 'oblast, krai, republic, federal_city, autonomous_okrug, autonomous_oblast or country.';
COMMENT ON COLUMN dim_region.loaded_at IS 'When the row was first written.';
