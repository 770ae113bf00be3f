CREATE TABLE IF NOT EXISTS fetch_log (
    run_id        VARCHAR NOT NULL,
    source_name   VARCHAR NOT NULL,
    url           VARCHAR NOT NULL,
    final_url     VARCHAR,
    status        INTEGER,
    bytes         BIGINT NOT NULL,
    duration_ms   DOUBLE NOT NULL,
    attempts      INTEGER NOT NULL,
    outcome       VARCHAR NOT NULL,
    reason        VARCHAR,
    fetched_at    TIMESTAMP NOT NULL,
    via           VARCHAR,
    content_type  VARCHAR,
    etag          VARCHAR,
    last_modified VARCHAR,
    content_hash  VARCHAR,
    raw_path      VARCHAR,
    attempt_log   JSON
);
COMMENT ON TABLE fetch_log IS 'One row per discovered URL per run: its single final outcome, retries included.';
COMMENT ON COLUMN fetch_log.run_id IS 'The ETL run (etl_run).';
COMMENT ON COLUMN fetch_log.source_name IS 'The source that discovered the URL.';
COMMENT ON COLUMN fetch_log.url IS 'The URL as discovered (normalised).';
COMMENT ON COLUMN fetch_log.final_url IS 'The URL after redirects (the hop refused, when one was).';
COMMENT ON COLUMN fetch_log.status IS 'Final HTTP status; NULL when no response came.';
COMMENT ON COLUMN fetch_log.bytes IS 'Body bytes read after decompression (up to the cut-off for a body cut off).';
COMMENT ON COLUMN fetch_log.duration_ms IS 'Wall time of all attempts and the backoff between them (not the wait for the host''s turn), in milliseconds.';
COMMENT ON COLUMN fetch_log.attempts IS 'Number of HTTP attempts (retries included).';
COMMENT ON COLUMN fetch_log.outcome IS 'fetched, not_modified, skipped or failed.';
COMMENT ON COLUMN fetch_log.reason IS 'Why the page was not modified, skipped or failed.';
COMMENT ON COLUMN fetch_log.fetched_at IS 'When the fetch finished (UTC).';
COMMENT ON COLUMN fetch_log.via IS 'How the URL was discovered: feed, sitemap or start_page.';
COMMENT ON COLUMN fetch_log.content_type IS 'Media type of the final response, without parameters.';
COMMENT ON COLUMN fetch_log.etag IS 'ETag header of the final response.';
COMMENT ON COLUMN fetch_log.last_modified IS 'Last-Modified header of the final response, as sent.';
COMMENT ON COLUMN fetch_log.content_hash IS 'SHA-256 (hex) of the body; for a 304 the hash kept from the earlier fetch.';
COMMENT ON COLUMN fetch_log.raw_path IS 'Path of the stored body under HOME/raw (ab/cd/<sha256>.html.gz).';
COMMENT ON COLUMN fetch_log.attempt_log IS 'JSON list, one entry per attempt: status, outcome, reason, ms.';
