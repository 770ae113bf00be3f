ALTER TABLE fetch_log ADD COLUMN IF NOT EXISTS kind VARCHAR DEFAULT 'page';
COMMENT ON TABLE fetch_log IS 'One row per URL per run with its single final outcome, retries included: every discovered page (kind page) and every feed, sitemap and start page read to discover them (kind seed).';
COMMENT ON COLUMN fetch_log.kind IS 'page: a discovered URL (counted in etl_run.pages_*); seed: a feed, sitemap or start page read (or not) to discover pages, its reason saying what it gave or why it failed.';
COMMENT ON COLUMN fetch_log.source_name IS 'The source that discovered the URL (or whose seed it is).';
COMMENT ON COLUMN fetch_log.via IS 'How the URL was discovered (feed, sitemap or start_page); for a seed, what kind of seed it is.';
COMMENT ON COLUMN fetch_log.reason IS 'Why the page was not modified, skipped or failed; for a seed read, what it listed (links, candidate pages, child sitemaps).';
COMMENT ON COLUMN fetch_log.attempts IS 'Number of HTTP attempts (retries included); 0 when never requested (a page over fetch.max_pages_per_source, a seed not read).';
