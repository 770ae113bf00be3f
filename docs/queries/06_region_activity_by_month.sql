-- Which regions are most active in the news, month by month?
-- Original articles mentioning a region or one of its sites, per month, with mentions and figures;
-- articles without a publication date are counted in a bucket of their own (period 'undated').
SELECT
    period,
    iso_code,
    name_en,
    federal_district,
    articles,
    mentions,
    sites_mentioned,
    figures
FROM v_region_activity_monthly
ORDER BY month_start DESC NULLS FIRST, articles DESC, iso_code;
