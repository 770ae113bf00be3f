-- A held-back record's URL and article key as columns (written by the load from the record), so the
-- report counts and lists the records a check held back without reading their JSON.
ALTER TABLE quarantine ADD COLUMN IF NOT EXISTS url VARCHAR;
ALTER TABLE quarantine ADD COLUMN IF NOT EXISTS article_key BIGINT;
UPDATE quarantine SET
    url = json_extract_string(record, '$.url'),
    article_key = TRY_CAST(json_extract_string(record, '$.article_key') AS BIGINT);
COMMENT ON COLUMN quarantine.url IS 'The URL of the record (its url field), when it has one: a page or article held back; a fact row names its article instead (article_key).';
COMMENT ON COLUMN quarantine.article_key IS 'The article the record names (its article_key field), if any (fact_article; a fact row held back names its article).';
