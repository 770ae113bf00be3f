CREATE TABLE IF NOT EXISTS article_text (
    article_key BIGINT PRIMARY KEY,
    text        VARCHAR NOT NULL
);
COMMENT ON TABLE article_text IS 'One article''s cleaned main text, without menus, comments or widgets.';
COMMENT ON COLUMN article_text.article_key IS 'The article (fact_article).';
COMMENT ON COLUMN article_text.text IS 'Main text, one paragraph per line.';
