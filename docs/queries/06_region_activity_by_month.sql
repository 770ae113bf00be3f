-- Which regions are most active in the news, month by month?
-- Original articles mentioning a region or one of its sites, per month, with mentions and figures.
SELECT
    month_start,
    iso_code,
    name_en,
    federal_district,
    articles,
    mentions,
    sites_mentioned,
    figures
FROM v_region_activity_monthly
ORDER BY month_start DESC, articles DESC, iso_code;
