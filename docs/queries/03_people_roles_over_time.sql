-- Who are the officials and executives quoted, in which role, and how does that change over time?
-- One row per person, role and organisation, in the order the roles first appear, with the role
-- the same person held before (NULL for the first one).
SELECT
    person,
    name_ru,
    role,
    organisation,
    first_seen,
    last_seen,
    articles,
    lag(role) OVER (PARTITION BY person_key ORDER BY first_seen NULLS LAST) AS previous_role,
    latest_url
FROM v_people_roles
WHERE role IS NOT NULL
ORDER BY person, first_seen NULLS LAST;
