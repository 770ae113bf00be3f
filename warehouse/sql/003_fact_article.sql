CREATE TABLE IF NOT EXISTS fact_article (
    article_key        BIGINT PRIMARY KEY,
    source_key         BIGINT NOT NULL,
    published_date_key INTEGER,
    language           VARCHAR NOT NULL,
    url                VARCHAR NOT NULL,
    title              VARCHAR,
    author             VARCHAR,
    word_count         INTEGER NOT NULL,
    content_hash       VARCHAR NOT NULL,
    duplicate_of       BIGINT,
    run_id             VARCHAR NOT NULL,
    loaded_at          TIMESTAMP NOT NULL DEFAULT current_timestamp
);
COMMENT ON TABLE fact_article IS 'One article: one canonical URL; syndicated duplicates point to the first-seen article.';
COMMENT ON COLUMN fact_article.article_key IS 'Stable key derived from the canonical URL.';
COMMENT ON COLUMN fact_article.source_key IS 'The publishing site (dim_source).';
COMMENT ON COLUMN fact_article.published_date_key IS 'Publication date (dim_date); NULL when unknown.';
COMMENT ON COLUMN fact_article.language IS 'ISO 639-1 language detected from the text.';
COMMENT ON COLUMN fact_article.url IS 'Canonical URL of the article.';
COMMENT ON COLUMN fact_article.title IS 'Headline.';
COMMENT ON COLUMN fact_article.author IS 'Author as given by the page, if any.';
COMMENT ON COLUMN fact_article.word_count IS 'Number of words in the cleaned text.';
COMMENT ON COLUMN fact_article.content_hash IS 'SHA-256 of the normalised text.';
COMMENT ON COLUMN fact_article.duplicate_of IS 'article_key of the first-seen article this one copies; NULL for originals.';
COMMENT ON COLUMN fact_article.run_id IS 'The ETL run (etl_run) that last loaded this article.';
COMMENT ON COLUMN fact_article.loaded_at IS 'When the row was last written.';
