CREATE TABLE IF NOT EXISTS search_document_ru (
    article_key BIGINT PRIMARY KEY,
    title       VARCHAR,
    text        VARCHAR NOT NULL
);
COMMENT ON TABLE search_document_ru IS 'What full-text search reads for Russian articles (originals only): rebuilt with its index (schema fts_main_search_document_ru, Russian stemming) before every publish; query it with search_articles(''…'').';
COMMENT ON COLUMN search_document_ru.article_key IS 'The article (fact_article).';
COMMENT ON COLUMN search_document_ru.title IS 'Headline, indexed.';
COMMENT ON COLUMN search_document_ru.text IS 'Main text, indexed.';
CREATE TABLE IF NOT EXISTS search_document_en (
    article_key BIGINT PRIMARY KEY,
    title       VARCHAR,
    text        VARCHAR NOT NULL
);
COMMENT ON TABLE search_document_en IS 'What full-text search reads for English articles (originals only): rebuilt with its index (schema fts_main_search_document_en, English stemming) before every publish; query it with search_articles(''…'').';
COMMENT ON COLUMN search_document_en.article_key IS 'The article (fact_article).';
COMMENT ON COLUMN search_document_en.title IS 'Headline, indexed.';
COMMENT ON COLUMN search_document_en.text IS 'Main text, indexed.';
