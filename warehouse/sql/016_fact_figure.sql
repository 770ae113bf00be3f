CREATE TABLE IF NOT EXISTS fact_figure (
    figure_key BIGINT PRIMARY KEY,
    article_key BIGINT NOT NULL,
    metric_key BIGINT NOT NULL,
    value      DOUBLE NOT NULL,
    unit       VARCHAR NOT NULL,
    qualifier  VARCHAR NOT NULL CHECK (qualifier IN ('exact', 'up_to', 'over', 'about', 'from')),
    region_key BIGINT,
    site_key   BIGINT,
    act_key    BIGINT,
    subject    VARCHAR,
    sentence   VARCHAR,
    char_start INTEGER CHECK (char_start >= 0),
    char_end   INTEGER,
    loaded_at  TIMESTAMP NOT NULL DEFAULT current_timestamp,
    CHECK (char_end >= char_start)
);
COMMENT ON TABLE fact_figure IS 'One numeric statement in one article, e.g. "a subsidy of up to 900 million rubles".';
COMMENT ON COLUMN fact_figure.figure_key IS 'Stable surrogate key of the statement (article and position).';
COMMENT ON COLUMN fact_figure.article_key IS 'The article (fact_article).';
COMMENT ON COLUMN fact_figure.metric_key IS 'What kind of figure it is (dim_metric).';
COMMENT ON COLUMN fact_figure.value IS 'The number, scaled: 900 million → 900000000; 1,2 млрд → 1200000000.';
COMMENT ON COLUMN fact_figure.unit IS 'Unit of value: RUB, USD, EUR, ha, items, %, … .';
COMMENT ON COLUMN fact_figure.qualifier IS 'exact, up_to ("up to", "до"), over ("more than", "более"), about ("nearly", "около") or from ("from", "от").';
COMMENT ON COLUMN fact_figure.region_key IS 'The region the figure is about (dim_region), or NULL.';
COMMENT ON COLUMN fact_figure.site_key IS 'The industrial site the figure is about (dim_site), or NULL.';
COMMENT ON COLUMN fact_figure.act_key IS 'The legal act the figure is paid or counted under (dim_legal_act), or NULL.';
COMMENT ON COLUMN fact_figure.subject IS 'What is counted or paid, e.g. subsidy, industrial parks, residents.';
COMMENT ON COLUMN fact_figure.sentence IS 'The sentence the figure was read from.';
COMMENT ON COLUMN fact_figure.char_start IS 'Character offset where the figure starts in article_text.text.';
COMMENT ON COLUMN fact_figure.char_end IS 'Character offset where the figure ends (exclusive).';
COMMENT ON COLUMN fact_figure.loaded_at IS 'When the row was written; an article''s rows are replaced whenever it is loaded again.';
