-- Which foreign companies work in which park or zone, and from which country?
-- One row per company and site, as the articles state it ("X is a resident of S", "S houses a plant of
-- X", "X, … based in S"); the country is the one an article states (German, французская …), else the
-- company's home country from the reference list, and country_source says which. Russian companies
-- are left out when no foreign country is known for them.
SELECT
    coalesce(r.country_iso_code, r.reference_country_iso_code) AS country_iso_code,
    coalesce(r.country, c.name_en) AS country,
    CASE WHEN r.country_iso_code IS NOT NULL THEN 'stated' ELSE 'reference' END AS country_source,
    r.company,
    r.site_type,
    r.site,
    r.region,
    r.articles,
    r.last_seen,
    r.evidence
FROM v_site_residents AS r
LEFT JOIN dim_region AS c ON c.iso_code = r.reference_country_iso_code
WHERE coalesce(r.country_iso_code, r.reference_country_iso_code) IS NOT NULL
    AND coalesce(r.country_iso_code, r.reference_country_iso_code) <> 'RU'
ORDER BY country, r.site, r.company;
