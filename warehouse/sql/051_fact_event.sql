CREATE TABLE IF NOT EXISTS fact_event (
    event_key      BIGINT PRIMARY KEY,
    event_id       BIGINT NOT NULL,
    article_key    BIGINT NOT NULL,
    event_type     VARCHAR NOT NULL CHECK (event_type IN ('meeting', 'agreement_signed', 'register_application',
        'register_entry', 'subsidy_granted', 'plant_launch', 'visit', 'forum', 'business_mission')),
    event_date     DATE,
    date_precision VARCHAR CHECK (date_precision IN ('day', 'month', 'year', 'inferred')),
    date_text      VARCHAR,
    planned        BOOLEAN NOT NULL,
    region_key     BIGINT,
    figure_key     BIGINT,
    sentence       VARCHAR NOT NULL,
    char_start     INTEGER NOT NULL CHECK (char_start >= 0),
    char_end       INTEGER NOT NULL,
    rule           VARCHAR NOT NULL,
    loaded_at      TIMESTAMP NOT NULL DEFAULT current_timestamp,
    CHECK (char_end > char_start),
    CHECK ((event_date IS NULL) = (date_precision IS NULL))
);
COMMENT ON TABLE fact_event IS 'One event an article reports: a meeting, an agreement signed, a register application or entry, a subsidy granted, a plant launched, a visit, a forum or a business mission; its participants are in fact_event_participant.';
COMMENT ON COLUMN fact_event.event_key IS 'Stable surrogate key of the report (article, type and position).';
COMMENT ON COLUMN fact_event.event_id IS 'The event whichever article reports it (type, date and participants): group by it to count the reports.';
COMMENT ON COLUMN fact_event.article_key IS 'The article that reports it (fact_article).';
COMMENT ON COLUMN fact_event.event_type IS 'meeting, agreement_signed, register_application, register_entry, subsidy_granted, plant_launch, visit, forum or business_mission.';
COMMENT ON COLUMN fact_event.event_date IS 'When it happened (or will): the first day of the month or year when only those are stated; NULL when unknown.';
COMMENT ON COLUMN fact_event.date_precision IS 'day, month or year as the text states the date; inferred when the year or the whole date comes from the publication date ("On July 3", "yesterday", no date at all); NULL when unknown.';
COMMENT ON COLUMN fact_event.date_text IS 'The date as the sentence writes it, e.g. "July 3", "May 16-21", "в июле 2023 года"; NULL when it gives none.';
COMMENT ON COLUMN fact_event.planned IS 'True when the article speaks of it as still to come ("is organizing", "will hold"); such events are kept only with a date.';
COMMENT ON COLUMN fact_event.region_key IS 'The Russian region where it happened (dim_region): a region taking part, else a town''s or a site''s region; NULL when none is named.';
COMMENT ON COLUMN fact_event.figure_key IS 'The amount or count tied to it (fact_figure), e.g. the subsidy or the clusters applied for, or NULL.';
COMMENT ON COLUMN fact_event.sentence IS 'The sentence that reports it (the evidence).';
COMMENT ON COLUMN fact_event.char_start IS 'Character offset in article_text.text of the words that state it, e.g. "signed an agreement".';
COMMENT ON COLUMN fact_event.char_end IS 'Character offset where those words end (exclusive).';
COMMENT ON COLUMN fact_event.rule IS 'The cue that read it, e.g. agreement_signed:1 (transforms/intel/links/cues.py).';
COMMENT ON COLUMN fact_event.loaded_at IS 'When the row was written; an article''s rows are replaced whenever it is loaded again.';
