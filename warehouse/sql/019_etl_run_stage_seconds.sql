ALTER TABLE etl_run ADD COLUMN IF NOT EXISTS stage_seconds MAP(VARCHAR, DOUBLE);
COMMENT ON COLUMN etl_run.stage_seconds IS 'Wall time per stage in seconds (crawl, extract, normalise, validate, intel, load, publish).';
