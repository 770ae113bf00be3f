CREATE TABLE IF NOT EXISTS quarantine (
    run_id     VARCHAR NOT NULL,
    stage      VARCHAR NOT NULL,
    record_key VARCHAR NOT NULL,
    reason     VARCHAR NOT NULL,
    record     JSON,
    held_at    TIMESTAMP NOT NULL DEFAULT current_timestamp
);
COMMENT ON TABLE quarantine IS 'One row per record held back from the warehouse, with its reason.';
COMMENT ON COLUMN quarantine.run_id IS 'The ETL run (etl_run).';
COMMENT ON COLUMN quarantine.stage IS 'Stage that held the record back: extract or validate.';
COMMENT ON COLUMN quarantine.record_key IS 'URL or article_key of the record.';
COMMENT ON COLUMN quarantine.reason IS 'Why it was held back.';
COMMENT ON COLUMN quarantine.record IS 'The record as JSON.';
COMMENT ON COLUMN quarantine.held_at IS 'When it was held back.';
