-- Who are the officials and executives quoted, in which role, and how does that change over time?
-- One row per person, role (normalised: "Director" and "director" are one role) and organisation, in
-- the order the roles first appear, with the role the same person held before (NULL for the first one)
-- and the region of the role; every row has a source URL, undated articles included.
SELECT
    person,
    name_ru,
    role,
    role_normalised,
    organisation,
    region_iso_code,
    first_seen,
    last_seen,
    articles,
    lag(role_normalised) OVER (PARTITION BY person_key ORDER BY first_seen NULLS LAST) AS previous_role,
    undated_articles,
    latest_url
FROM v_people_roles
WHERE role IS NOT NULL
ORDER BY person, first_seen NULLS LAST;
