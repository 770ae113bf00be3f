CREATE OR REPLACE VIEW v_events AS
WITH reported AS (
    SELECT e.*, a.url, d.date AS published_date,
        count(*) OVER (PARTITION BY e.event_id) AS reports,
        row_number() OVER (PARTITION BY e.event_id ORDER BY d.date NULLS LAST, e.event_key) AS nth
    FROM fact_event AS e
    JOIN fact_article AS a ON a.article_key = e.article_key
    LEFT JOIN dim_date AS d ON d.date_key = a.published_date_key
    WHERE a.duplicate_of IS NULL
),
taking_part AS (
    SELECT p.event_key,
        string_agg(coalesce(en.canonical_name, s.name, r.name_en) || ' (' || p.role || ')', '; '
            ORDER BY p.char_start, p.role) AS participants
    FROM fact_event_participant AS p
    LEFT JOIN dim_entity AS en ON en.entity_key = p.entity_key
    LEFT JOIN dim_site AS s ON s.site_key = p.site_key
    LEFT JOIN dim_region AS r ON r.region_key = p.region_key
    GROUP BY p.event_key
)
SELECT
    x.event_id,
    x.event_key,
    x.event_date,
    x.date_precision,
    x.date_text,
    x.event_type,
    x.planned,
    r.iso_code AS region_iso_code,
    r.name_en AS region,
    t.participants,
    fig.value AS figure_value,
    fig.unit AS figure_unit,
    x.sentence AS evidence,
    x.reports,
    x.published_date,
    x.url
FROM reported AS x
LEFT JOIN taking_part AS t ON t.event_key = x.event_key
LEFT JOIN dim_region AS r ON r.region_key = x.region_key
LEFT JOIN fact_figure AS fig ON fig.figure_key = x.figure_key
WHERE x.nth = 1;
COMMENT ON VIEW v_events IS 'What happened: meetings, agreements signed, register applications and entries, subsidies, plant launches, visits, forums and business missions, one row per event however many articles report it, with its participants as one readable column and the evidence.';
COMMENT ON COLUMN v_events.event_id IS 'The event (fact_event.event_id).';
COMMENT ON COLUMN v_events.event_key IS 'The first report of it (fact_event).';
COMMENT ON COLUMN v_events.event_date IS 'When it happened (first day of the month or year when only those are stated); NULL when unknown.';
COMMENT ON COLUMN v_events.date_precision IS 'day, month, year or inferred (from the publication date).';
COMMENT ON COLUMN v_events.date_text IS 'The date as the article writes it, e.g. "July 3".';
COMMENT ON COLUMN v_events.event_type IS 'meeting, agreement_signed, register_application, register_entry, subsidy_granted, plant_launch, visit, forum or business_mission.';
COMMENT ON COLUMN v_events.planned IS 'True when the article speaks of it as still to come.';
COMMENT ON COLUMN v_events.region_iso_code IS 'ISO code of the Russian region where it happened, e.g. RU-OMS.';
COMMENT ON COLUMN v_events.region IS 'English name of that region.';
COMMENT ON COLUMN v_events.participants IS 'Who and what takes part, as "name (role)" separated by "; ", in the order the article names them.';
COMMENT ON COLUMN v_events.figure_value IS 'The amount or count tied to it (fact_figure.value), e.g. 8 clusters applied for; NULL when none.';
COMMENT ON COLUMN v_events.figure_unit IS 'Unit of figure_value: RUB, items, … .';
COMMENT ON COLUMN v_events.evidence IS 'The sentence that reports it.';
COMMENT ON COLUMN v_events.reports IS 'Original articles reporting it.';
COMMENT ON COLUMN v_events.published_date IS 'Publication date of the first article reporting it.';
COMMENT ON COLUMN v_events.url IS 'URL of that article.';
