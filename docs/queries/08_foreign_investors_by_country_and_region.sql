-- Which foreign companies invest in which Russian region, from which country, where and how much?
-- One row per country of origin, company and region: where an article states the company invests,
-- is a resident of a site of the region, or launched a plant there. country_source is 'stated' when
-- an article names the country ("German investment projects … include"), 'reference' when only
-- reference/companies.csv does.
SELECT
    country,
    country_source,
    company,
    region,
    sites,
    amount_rub,
    amounts,
    articles,
    last_seen,
    evidence
FROM v_foreign_investors
ORDER BY country, region, company;
