CREATE OR REPLACE VIEW v_articles AS
SELECT
    a.article_key,
    a.url,
    a.title,
    a.language,
    d.date AS published_date,
    d.year AS published_year,
    d.month AS published_month,
    a.date_source,
    coalesce(a.date_inferred, false) AS date_inferred,
    s.source_name,
    s.site_name,
    s.domain AS source_domain,
    a.word_count,
    a.duplicate_of,
    a.duplicate_of IS NOT NULL AS is_duplicate,
    a.run_id
FROM fact_article AS a
JOIN dim_source AS s ON s.source_key = a.source_key
LEFT JOIN dim_date AS d ON d.date_key = a.published_date_key;
COMMENT ON VIEW v_articles IS 'Articles with their source, publication date (and where it came from) and language; one row per article.';
COMMENT ON COLUMN v_articles.article_key IS 'The article (fact_article).';
COMMENT ON COLUMN v_articles.url IS 'Canonical URL.';
COMMENT ON COLUMN v_articles.title IS 'Headline.';
COMMENT ON COLUMN v_articles.language IS 'ISO 639-1 language of the text.';
COMMENT ON COLUMN v_articles.published_date IS 'Publication date; NULL when unknown.';
COMMENT ON COLUMN v_articles.published_year IS 'Year of publication.';
COMMENT ON COLUMN v_articles.published_month IS 'Month of publication, 1-12.';
COMMENT ON COLUMN v_articles.date_source IS 'Where the publication date came from: page (metadata), text, or inferred; NULL when there is no date.';
COMMENT ON COLUMN v_articles.date_inferred IS 'True when the year of the publication date was inferred: filter it out for exact dating.';
COMMENT ON COLUMN v_articles.source_name IS 'The source''s name in the sources file.';
COMMENT ON COLUMN v_articles.site_name IS 'Human-readable name of the publishing site.';
COMMENT ON COLUMN v_articles.source_domain IS 'Host name of the publishing site.';
COMMENT ON COLUMN v_articles.word_count IS 'Words in the cleaned text.';
COMMENT ON COLUMN v_articles.duplicate_of IS 'The original this article copies; NULL for originals.';
COMMENT ON COLUMN v_articles.is_duplicate IS 'True for syndicated copies; filter them out to count each story once.';
COMMENT ON COLUMN v_articles.run_id IS 'The ETL run that last loaded the article.';
