CREATE TABLE IF NOT EXISTS dq_result (
    run_id           VARCHAR NOT NULL,
    suite            VARCHAR NOT NULL,
    batch            VARCHAR NOT NULL,
    expectation      VARCHAR NOT NULL,
    severity         VARCHAR NOT NULL,
    success          BOOLEAN NOT NULL,
    unexpected_count BIGINT NOT NULL,
    element_count    BIGINT NOT NULL,
    level            VARCHAR NOT NULL,
    details          JSON,
    batch_seconds    DOUBLE,
    checked_at       TIMESTAMP NOT NULL
);
COMMENT ON TABLE dq_result IS 'One row per expectation per validated batch per run: the data-quality history.';
COMMENT ON COLUMN dq_result.run_id IS 'The ETL run (etl_run).';
COMMENT ON COLUMN dq_result.suite IS 'Expectation suite: raw_pages, articles, entities, figures, mentions, foreign_keys, reconciliation or warehouse.';
COMMENT ON COLUMN dq_result.batch IS 'The validated batch within the run (by default the suite name).';
COMMENT ON COLUMN dq_result.expectation IS 'The expectation, e.g. ExpectColumnValuesToBeInSet(language).';
COMMENT ON COLUMN dq_result.severity IS 'critical (rows held back, or the batch stopped) or warning (recorded only).';
COMMENT ON COLUMN dq_result.success IS 'True when the expectation held for the whole batch.';
COMMENT ON COLUMN dq_result.unexpected_count IS 'Rows that failed it (1 for a failed batch-level expectation).';
COMMENT ON COLUMN dq_result.element_count IS 'Rows the expectation looked at.';
COMMENT ON COLUMN dq_result.level IS 'row (failing rows go to quarantine) or batch (a critical failure stops the batch).';
COMMENT ON COLUMN dq_result.details IS 'JSON: a sample of unexpected values, the observed value, the error, or why it did not apply.';
COMMENT ON COLUMN dq_result.batch_seconds IS 'Wall time of validating the whole batch, in seconds (the same on every row of the batch).';
COMMENT ON COLUMN dq_result.checked_at IS 'When the batch was validated (UTC).';
