-- Who took part in which event, and in what role?
-- One row per event and participant (v_event_participants), with the event's date and the article
-- that first reports it; join v_events on event_id for the rest of the event.
SELECT
    event_type,
    event_date,
    participant,
    participant_type,
    role,
    reports,
    url
FROM v_event_participants
ORDER BY event_date DESC NULLS LAST, event_id, role, participant;
