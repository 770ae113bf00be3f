CREATE TABLE IF NOT EXISTS watch_item (
    item_key       VARCHAR PRIMARY KEY,
    subject_key    VARCHAR NOT NULL,
    kind           VARCHAR NOT NULL CHECK (kind IN ('new_site', 'new_resident', 'foreign_investor',
        'support_measure', 'legal_act', 'event', 'person_role')),
    change         BOOLEAN NOT NULL,
    run_id         VARCHAR NOT NULL,
    title          VARCHAR NOT NULL,
    detail         VARCHAR,
    sentence       VARCHAR,
    article_key    BIGINT,
    article_title  VARCHAR,
    url            VARCHAR,
    published_date DATE,
    regions        VARCHAR[] NOT NULL,
    sites          VARCHAR[] NOT NULL,
    site_keys      BIGINT[] NOT NULL,
    companies      VARCHAR[] NOT NULL,
    people         VARCHAR[] NOT NULL,
    countries      VARCHAR[] NOT NULL
);
COMMENT ON TABLE watch_item IS 'One fact the first time a run saw it: what the watchlists'' digests tell. Kept as it was then, so a run''s digest built again is the same.';
COMMENT ON COLUMN watch_item.item_key IS 'The fact whatever article states it, e.g. relation:<relation_id>, event:<event_id>, role:<person>:<role>:<organisation>, measure:<measure>:<amount>.';
COMMENT ON COLUMN watch_item.subject_key IS 'What may change: the person of a role (person:<entity_key>), the measure of an amount; the fact itself otherwise.';
COMMENT ON COLUMN watch_item.kind IS 'new_site, new_resident, foreign_investor, support_measure, legal_act, event or person_role.';
COMMENT ON COLUMN watch_item.change IS 'True when the subject was known before with another value: a new role for a known person, a new amount for a known measure.';
COMMENT ON COLUMN watch_item.run_id IS 'The run (etl_run) that first saw the fact.';
COMMENT ON COLUMN watch_item.title IS 'One line naming the fact, e.g. HAYAT → Kaluga SEZ.';
COMMENT ON COLUMN watch_item.detail IS 'What kind of fact and its figures, e.g. resident, 1500000000 RUB.';
COMMENT ON COLUMN watch_item.sentence IS 'The sentence that states it (the evidence).';
COMMENT ON COLUMN watch_item.article_key IS 'The article it was read from (fact_article); the earliest when several state it.';
COMMENT ON COLUMN watch_item.article_title IS 'That article''s headline.';
COMMENT ON COLUMN watch_item.url IS 'That article''s URL.';
COMMENT ON COLUMN watch_item.published_date IS 'That article''s publication date; NULL when unknown.';
COMMENT ON COLUMN watch_item.regions IS 'ISO 3166-2:RU codes of the regions it concerns.';
COMMENT ON COLUMN watch_item.sites IS 'Names of the sites it concerns.';
COMMENT ON COLUMN watch_item.site_keys IS 'Keys of those sites (dim_site).';
COMMENT ON COLUMN watch_item.companies IS 'Names (canonical, English, Russian) of the companies and organisations it concerns.';
COMMENT ON COLUMN watch_item.people IS 'Names (canonical, English, Russian) of the people it concerns.';
COMMENT ON COLUMN watch_item.countries IS 'ISO 3166-1 alpha-2 codes of the investors'' countries it concerns.';

CREATE TABLE IF NOT EXISTS watch_run (
    run_id      VARCHAR PRIMARY KEY,
    recorded_as VARCHAR NOT NULL
);
COMMENT ON TABLE watch_run IS 'The runs whose loaded articles have been compared with what was known before (watch_item).';
COMMENT ON COLUMN watch_run.run_id IS 'A run (etl_run) whose articles were compared.';
COMMENT ON COLUMN watch_run.recorded_as IS 'The run their new facts were attributed to: the run itself, or the next one when it was compared late.';

CREATE TABLE IF NOT EXISTS watch_delivery (
    run_id      VARCHAR NOT NULL,
    list_name   VARCHAR NOT NULL,
    url         VARCHAR NOT NULL,
    status      VARCHAR NOT NULL CHECK (status IN ('sent', 'failed')),
    http_status INTEGER,
    attempts    INTEGER NOT NULL CHECK (attempts >= 1),
    error       VARCHAR,
    items       INTEGER NOT NULL,
    sent_at     TIMESTAMP NOT NULL
);
COMMENT ON TABLE watch_delivery IS 'One webhook POST of a watchlist''s digest summary after a run, sent or failed.';
COMMENT ON COLUMN watch_delivery.run_id IS 'The run (etl_run) whose digest it summarised.';
COMMENT ON COLUMN watch_delivery.list_name IS 'The watchlist (its name in the watchlists file).';
COMMENT ON COLUMN watch_delivery.url IS 'The webhook URL.';
COMMENT ON COLUMN watch_delivery.status IS 'sent (a 2xx answer) or failed.';
COMMENT ON COLUMN watch_delivery.http_status IS 'The last HTTP status answered; NULL when no answer came.';
COMMENT ON COLUMN watch_delivery.attempts IS 'How many times it was tried.';
COMMENT ON COLUMN watch_delivery.error IS 'Why it failed; NULL when sent.';
COMMENT ON COLUMN watch_delivery.items IS 'How many items the summary counted.';
COMMENT ON COLUMN watch_delivery.sent_at IS 'When the last attempt ended (UTC).';
