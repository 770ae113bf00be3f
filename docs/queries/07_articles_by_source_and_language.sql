-- What does the warehouse hold: articles per publishing site, language and year?
SELECT
    site_name,
    language,
    published_year,
    count(*) FILTER (WHERE NOT is_duplicate) AS articles,
    count(*) FILTER (WHERE is_duplicate) AS duplicates,
    min(published_date) AS first_published,
    max(published_date) AS last_published
FROM v_articles
GROUP BY ALL
ORDER BY site_name, language, published_year;
