CREATE TABLE IF NOT EXISTS etl_run (
    run_id             VARCHAR PRIMARY KEY,
    flow_run_id        VARCHAR,
    started_at         TIMESTAMP NOT NULL,
    finished_at        TIMESTAMP,
    status             VARCHAR NOT NULL,
    pages_discovered   INTEGER,
    pages_fetched      INTEGER,
    pages_not_modified INTEGER,
    pages_skipped      INTEGER,
    pages_failed       INTEGER,
    articles_extracted INTEGER,
    articles_loaded    INTEGER,
    articles_held_back INTEGER,
    duplicates         INTEGER
);
COMMENT ON TABLE etl_run IS 'One row per pipeline run, with counts per stage.';
COMMENT ON COLUMN etl_run.run_id IS 'Identifier of the run (UUID).';
COMMENT ON COLUMN etl_run.flow_run_id IS 'The Prefect flow run that executed it.';
COMMENT ON COLUMN etl_run.started_at IS 'Start time (UTC).';
COMMENT ON COLUMN etl_run.finished_at IS 'End time (UTC).';
COMMENT ON COLUMN etl_run.status IS 'completed or failed.';
COMMENT ON COLUMN etl_run.pages_discovered IS 'Candidate URLs found by discovery.';
COMMENT ON COLUMN etl_run.pages_fetched IS 'Pages downloaded with a body.';
COMMENT ON COLUMN etl_run.pages_not_modified IS 'Pages unchanged since the previous run.';
COMMENT ON COLUMN etl_run.pages_skipped IS 'Pages not fetched on purpose (robots.txt, content type).';
COMMENT ON COLUMN etl_run.pages_failed IS 'Pages that could not be fetched (see fetch_log.reason).';
COMMENT ON COLUMN etl_run.articles_extracted IS 'Fetched pages that yielded an article.';
COMMENT ON COLUMN etl_run.articles_loaded IS 'Articles written to fact_article.';
COMMENT ON COLUMN etl_run.articles_held_back IS 'Records sent to quarantine (see quarantine.reason).';
COMMENT ON COLUMN etl_run.duplicates IS 'Articles loaded as duplicates of an earlier one.';
