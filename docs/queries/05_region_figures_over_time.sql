-- How many industrial parks, residents, projects, hectares does a region report, and how do the
-- figures move between articles?
-- Counts and areas per region and subject in publication order, with the previous figure and the
-- change, so a region reporting 8 parks and later 12 shows +4.
SELECT
    region_iso_code,
    region_name_en,
    metric_code,
    subject,
    unit,
    published_date,
    qualifier,
    value,
    lag(value) OVER w AS previous_value,
    value - lag(value) OVER w AS change,
    url
FROM v_figures
WHERE metric_code IN ('count', 'area') AND region_iso_code IS NOT NULL AND NOT is_duplicate
WINDOW w AS (PARTITION BY region_iso_code, metric_code, subject, unit ORDER BY published_date, figure_key)
ORDER BY region_iso_code, metric_code, subject, published_date;
