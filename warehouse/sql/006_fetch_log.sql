CREATE TABLE IF NOT EXISTS fetch_log (
    run_id      VARCHAR NOT NULL,
    source_name VARCHAR NOT NULL,
    url         VARCHAR NOT NULL,
    final_url   VARCHAR,
    status      INTEGER,
    bytes       BIGINT NOT NULL,
    duration_ms DOUBLE NOT NULL,
    attempts    INTEGER NOT NULL,
    outcome     VARCHAR NOT NULL,
    reason      VARCHAR,
    fetched_at  TIMESTAMP NOT NULL
);
COMMENT ON TABLE fetch_log IS 'One row per discovered URL per run: what fetching it gave.';
COMMENT ON COLUMN fetch_log.run_id IS 'The ETL run (etl_run).';
COMMENT ON COLUMN fetch_log.source_name IS 'The source that discovered the URL.';
COMMENT ON COLUMN fetch_log.url IS 'The URL as discovered (normalised).';
COMMENT ON COLUMN fetch_log.final_url IS 'The URL after redirects.';
COMMENT ON COLUMN fetch_log.status IS 'Final HTTP status; NULL when no response came.';
COMMENT ON COLUMN fetch_log.bytes IS 'Body size in bytes after decompression.';
COMMENT ON COLUMN fetch_log.duration_ms IS 'Wall time of all attempts, in milliseconds.';
COMMENT ON COLUMN fetch_log.attempts IS 'Number of HTTP attempts (retries included).';
COMMENT ON COLUMN fetch_log.outcome IS 'fetched, not_modified, skipped or failed.';
COMMENT ON COLUMN fetch_log.reason IS 'Why the page was skipped or failed.';
COMMENT ON COLUMN fetch_log.fetched_at IS 'When the fetch finished (UTC).';
