-- Which support measures do the articles announce, per region: with an amount or without one?
-- Subsidies, compensations and tax benefits with their amounts, and tax benefits, customs preferences
-- and land on preferential terms stated without one (v_support_measures.has_amount).
SELECT
    coalesce(region_iso_code, 'unknown') AS region_iso_code,
    measure,
    count(*) FILTER (WHERE has_amount) AS with_amount,
    count(*) FILTER (WHERE NOT has_amount) AS without_amount,
    count(DISTINCT article_key) AS articles,
    min(sentence) AS example
FROM v_support_measures
WHERE NOT is_duplicate
GROUP BY ALL
ORDER BY region_iso_code, measure;
