-- How much federal support (subsidies, compensation) was announced, under which decree, per region?
-- Money figures of original articles per legal act, region and currency. "up_to" amounts are
-- ceilings, so they are summed apart from exact ones; every amount keeps its article count.
SELECT
    coalesce(act_type || ' No. ' || act_number, 'no act named') AS legal_act,
    act_title,
    coalesce(region_iso_code, 'unknown') AS region_iso_code,
    region_name_en,
    unit AS currency,
    sum(value) FILTER (WHERE qualifier IN ('exact', 'about', 'over', 'from')) AS announced,
    sum(value) FILTER (WHERE qualifier = 'up_to') AS announced_ceiling,
    count(*) AS figures,
    count(DISTINCT article_key) AS articles,
    string_agg(DISTINCT subject, ', ') AS subjects,
    max(published_date) AS latest_article
FROM v_support_measures
WHERE NOT is_duplicate AND has_amount  -- measures stated without an amount: 11_support_measures_by_kind.sql
GROUP BY ALL
ORDER BY legal_act, region_iso_code, currency;
