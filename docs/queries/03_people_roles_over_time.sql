-- Who are the officials and executives quoted, in which role, and how does that change over time?
-- One row per person, role and organisation, in the order the roles first appear, with the role
-- the same person held before (NULL for the first one). Roles are compared by their code (governor,
-- deputy_minister, general_director …), so one title written two ways, or in two languages, is one role;
-- the role as written and as normalised are shown beside it, with the region of the role. Every row has
-- a source URL, undated articles included.
SELECT
    person,
    name_ru,
    role_code,
    role,
    role_normalised,
    organisation,
    region_iso_code,
    first_seen,
    last_seen,
    articles,
    undated_articles,
    lag(role_code) OVER (PARTITION BY person_key ORDER BY first_seen NULLS LAST) AS previous_role_code,
    latest_url
FROM v_people_roles
WHERE role IS NOT NULL
ORDER BY person, first_seen NULLS LAST;
