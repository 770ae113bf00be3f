CREATE OR REPLACE VIEW v_event_participants AS
WITH taking_part AS (
    SELECT
        e.event_id,
        p.entity_key,
        p.site_key,
        p.region_key,
        p.role,
        p.article_key,
        a.url,
        d.date AS published_date,
        e.sentence
    FROM fact_event_participant AS p
    JOIN fact_event AS e ON e.event_key = p.event_key
    JOIN fact_article AS a ON a.article_key = p.article_key
    LEFT JOIN dim_date AS d ON d.date_key = a.published_date_key
    WHERE a.duplicate_of IS NULL
)
SELECT
    v.event_id,
    v.event_type,
    v.event_date,
    v.planned,
    coalesce(en.canonical_name, s.name, r.name_en) AS participant,
    CASE
        WHEN t.entity_key IS NOT NULL THEN en.entity_type
        WHEN t.site_key IS NOT NULL THEN s.site_type
        WHEN r.region_type = 'country' THEN 'country'
        ELSE 'region'
    END AS participant_type,
    t.role,
    t.entity_key,
    t.site_key,
    t.region_key,
    count(DISTINCT t.article_key) AS reports,
    arg_min(t.sentence, coalesce(t.published_date, DATE '9999-12-31')) AS evidence,
    arg_min(t.url, coalesce(t.published_date, DATE '9999-12-31')) AS url
FROM taking_part AS t
JOIN v_events AS v ON v.event_id = t.event_id
LEFT JOIN dim_entity AS en ON en.entity_key = t.entity_key
LEFT JOIN dim_site AS s ON s.site_key = t.site_key
LEFT JOIN dim_region AS r ON r.region_key = t.region_key
GROUP BY ALL;
COMMENT ON VIEW v_event_participants IS 'Who and what takes part in each event of v_events: one row per event, participant and role, however many articles report it (join v_events on event_id for the rest of the event).';
COMMENT ON COLUMN v_event_participants.event_id IS 'The event (v_events.event_id).';
COMMENT ON COLUMN v_event_participants.event_type IS 'meeting, agreement_signed, register_application, register_entry, subsidy_granted, plant_launch, visit, forum or business_mission.';
COMMENT ON COLUMN v_event_participants.event_date IS 'When it happened, as in v_events; NULL when unknown.';
COMMENT ON COLUMN v_event_participants.planned IS 'True when the article speaks of it as still to come.';
COMMENT ON COLUMN v_event_participants.participant IS 'Name of the person, organisation, company, town, site, region or country.';
COMMENT ON COLUMN v_event_participants.participant_type IS 'person, organization, company, government_body, location; cluster, technopark, industrial_park, sez; region or country.';
COMMENT ON COLUMN v_event_participants.role IS 'Its part in the event: participant, party, visitor, visited, company, site, place, region, host, destination, organiser, supporter, registrar or affiliation.';
COMMENT ON COLUMN v_event_participants.entity_key IS 'The person or organisation (dim_entity), or NULL.';
COMMENT ON COLUMN v_event_participants.site_key IS 'The site (dim_site), or NULL.';
COMMENT ON COLUMN v_event_participants.region_key IS 'The region or country (dim_region), or NULL.';
COMMENT ON COLUMN v_event_participants.reports IS 'Original articles naming it in this event.';
COMMENT ON COLUMN v_event_participants.evidence IS 'The sentence of the first of those articles that reports the event.';
COMMENT ON COLUMN v_event_participants.url IS 'URL of that article.';
