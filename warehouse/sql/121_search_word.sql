CREATE TABLE IF NOT EXISTS search_word (
    language VARCHAR NOT NULL,
    word     VARCHAR NOT NULL,
    stem     VARCHAR NOT NULL,
    PRIMARY KEY (language, word)
);
COMMENT ON TABLE search_word IS 'Every word of the indexed articles with its stem (Snowball, as the full-text index stemmed it), per language: search_articles() stems a query with it, so a search needs no extension. Rebuilt with the index before every publish.';
COMMENT ON COLUMN search_word.language IS 'ru or en: the index (search_document_ru or search_document_en) the word is in.';
COMMENT ON COLUMN search_word.word IS 'The word as the index reads it: lower case, accents stripped (й → и, ё → е).';
COMMENT ON COLUMN search_word.stem IS 'Its stem, e.g. технопарк for технопарке.';
