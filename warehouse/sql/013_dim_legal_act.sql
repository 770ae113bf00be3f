CREATE TABLE IF NOT EXISTS dim_legal_act (
    act_key      BIGINT PRIMARY KEY,
    act_type     VARCHAR NOT NULL,
    number       VARCHAR,
    title        VARCHAR,
    jurisdiction VARCHAR,
    loaded_at    TIMESTAMP NOT NULL DEFAULT current_timestamp
);
COMMENT ON TABLE dim_legal_act IS 'One legal act: decree, law, strategy, programme.';
COMMENT ON COLUMN dim_legal_act.act_key IS 'Stable surrogate key; the same act keeps it forever.';
COMMENT ON COLUMN dim_legal_act.act_type IS 'government_decree, federal_law, strategy, … .';
COMMENT ON COLUMN dim_legal_act.number IS 'The act''s number as text, e.g. 1659 or 488-FZ.';
COMMENT ON COLUMN dim_legal_act.title IS 'Title of the act; NULL until an article gives it.';
COMMENT ON COLUMN dim_legal_act.jurisdiction IS 'Who issued it: federal, or the ISO code of a region.';
COMMENT ON COLUMN dim_legal_act.loaded_at IS 'When the row was first written.';
