CREATE TABLE IF NOT EXISTS dim_date (
    date_key    INTEGER PRIMARY KEY,
    date        DATE NOT NULL,
    year        SMALLINT NOT NULL,
    quarter     TINYINT NOT NULL,
    month       TINYINT NOT NULL,
    iso_week    TINYINT NOT NULL,
    day_of_week TINYINT NOT NULL
);
COMMENT ON TABLE dim_date IS 'One calendar day; covers every date a fact points to.';
COMMENT ON COLUMN dim_date.date_key IS 'yyyymmdd as an integer, e.g. 20210427.';
COMMENT ON COLUMN dim_date.date IS 'The calendar date.';
COMMENT ON COLUMN dim_date.year IS 'Calendar year.';
COMMENT ON COLUMN dim_date.quarter IS 'Calendar quarter, 1-4.';
COMMENT ON COLUMN dim_date.month IS 'Calendar month, 1-12.';
COMMENT ON COLUMN dim_date.iso_week IS 'ISO 8601 week number, 1-53.';
COMMENT ON COLUMN dim_date.day_of_week IS 'ISO day of week: 1 = Monday … 7 = Sunday.';
