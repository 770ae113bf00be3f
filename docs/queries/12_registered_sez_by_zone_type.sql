-- Which special economic zones of the site registry do the articles speak of most, by type of zone?
-- Registered SEZs with their zone type, region, year created and status, the number of original
-- articles mentioning each and the dates of the first and last; unregistered names are left out
-- (they are in v_site_mentions with is_registered false in dim_site).
SELECT
    coalesce(zone_type, 'not given') AS zone_type,
    site_name,
    region_iso_code,
    region_name_en,
    year_created,
    status,
    article_count,
    mention_count,
    first_published_date,
    last_published_date
FROM v_registered_sites
WHERE site_type = 'sez'
ORDER BY zone_type, article_count DESC, site_name;
