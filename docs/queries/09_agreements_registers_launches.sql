-- Which agreements were signed, which clusters applied to (or entered) the register, which plants
-- were launched — when, where and by whom?
-- One row per event however many articles report it; date_precision tells a stated day or month from
-- one completed from the publication date (inferred); participants are "name (role)".
SELECT
    event_date,
    date_precision,
    date_text,
    event_type,
    region,
    participants,
    figure_value,
    figure_unit,
    planned,
    reports,
    evidence,
    url
FROM v_events
WHERE event_type IN ('agreement_signed', 'register_application', 'register_entry', 'plant_launch')
ORDER BY event_date DESC NULLS LAST, event_type, event_id;
