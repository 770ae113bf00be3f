CREATE TABLE IF NOT EXISTS page_state (
    url           VARCHAR PRIMARY KEY,
    etag          VARCHAR,
    last_modified VARCHAR,
    content_hash  VARCHAR,
    raw_path      VARCHAR,
    status        INTEGER,
    fetched_at    TIMESTAMP NOT NULL
);
COMMENT ON TABLE page_state IS 'One row per page URL ever fetched: what the last successful fetch saw, for incremental runs.';
COMMENT ON COLUMN page_state.url IS 'The URL as discovered (normalised), as in fetch_log.url.';
COMMENT ON COLUMN page_state.etag IS 'ETag last sent by the server; sent back as If-None-Match.';
COMMENT ON COLUMN page_state.last_modified IS 'Last-Modified last sent by the server; sent back as If-Modified-Since.';
COMMENT ON COLUMN page_state.content_hash IS 'SHA-256 (hex) of the last body; an identical body counts as not modified.';
COMMENT ON COLUMN page_state.raw_path IS 'Path of the last body under HOME/raw (ab/cd/<sha256>.html.gz).';
COMMENT ON COLUMN page_state.status IS 'HTTP status of the last successful fetch (200, or 304 when unchanged).';
COMMENT ON COLUMN page_state.fetched_at IS 'When the page was last fetched or confirmed unchanged (UTC).';
