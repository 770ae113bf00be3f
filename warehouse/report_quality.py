"""What the report shows of data quality: the latest run's stages, every suite and check it ran, the
failed checks with the URLs of the records they hit, quarantine and fetch outcomes grouped by reason,
and the trend over the last runs, all from etl_run, dq_result, quarantine and fetch_log.

A reason's numbers are folded into N ("text too short (N characters)"), so one kind of reason is one
line whatever the counts it carried.
"""

from __future__ import annotations

from typing import Any

import duckdb

from warehouse.report_content import rows

TREND_RUNS = 20
URLS_SHOWN = 5
STAGE_ORDER = ("raw_pages", "extract", "articles", "entities", "mentions", "figures", "foreign_keys")

# every distinct result detail of a check over the run's batches, in one order
DETAILS = "string_agg(DISTINCT CAST(details AS VARCHAR), ' | ' ORDER BY CAST(details AS VARCHAR))"
LATEST_RUN = "SELECT * FROM etl_run ORDER BY started_at DESC LIMIT 1"
# the records held back in a run, one row per reason, each named by its URL: its own, else its article's (a
# fact row names the article), else its key; the article is joined, not looked up row by row
HELD = """
SELECT q.stage, unnest(string_split(q.reason, '; ')) AS reason, coalesce(q.url, a.url, q.record_key) AS url
FROM (
    SELECT stage, reason, record_key, json_extract_string(record, '$.url') AS url,
        json_extract_string(record, '$.article_key') AS article_key
    FROM quarantine WHERE run_id = $run_id
) AS q  -- the record's two fields, not the record, go into the join
LEFT JOIN fact_article AS a ON CAST(a.article_key AS VARCHAR) = q.article_key
"""
STAGES = f"""
WITH rows_in AS (
    SELECT suite AS stage, sum(n) AS rows_in FROM (
        SELECT suite, batch, max(element_count) AS n FROM dq_result
        WHERE run_id = $run_id AND level = 'row' GROUP BY ALL
    ) GROUP BY suite
    UNION ALL
    SELECT 'extract', articles_extracted + (
        SELECT count(*) FROM quarantine WHERE run_id = $run_id AND stage = 'extract')
    FROM etl_run WHERE run_id = $run_id
),
held AS (SELECT stage, count(*) AS held_back FROM quarantine WHERE run_id = $run_id GROUP BY stage)
SELECT stage, greatest(coalesce(rows_in, 0), coalesce(held_back, 0)) AS rows_in,
    greatest(coalesce(rows_in, 0), coalesce(held_back, 0)) - coalesce(held_back, 0) AS passed,
    coalesce(held_back, 0) AS held_back
FROM rows_in FULL JOIN held USING (stage)
ORDER BY coalesce(list_position({list(STAGE_ORDER)}, stage), 99), stage
"""
SUITES = """
SELECT suite, count(*) AS checks, count(*) FILTER (WHERE success) AS passed,
    count(*) FILTER (WHERE NOT success AND severity = 'critical') AS failed_critical,
    count(*) FILTER (WHERE NOT success AND severity <> 'critical') AS failed_warning,
    count(*) FILTER (WHERE json_exists(details, '$.not_applicable')) AS not_applicable,
    count(DISTINCT batch) AS batches, sum(batch_seconds) / count(*) * count(DISTINCT batch) AS seconds
FROM dq_result WHERE run_id = $run_id GROUP BY suite ORDER BY min(checked_at), suite
"""
CHECKS = f"""
SELECT suite, expectation, severity, level, bool_and(success) AS success,
    sum(unexpected_count) AS unexpected, sum(element_count) AS elements,
    {DETAILS} AS details
FROM dq_result WHERE run_id = $run_id
GROUP BY ALL ORDER BY suite, success, expectation
"""
FAILED = f"""
WITH failed AS (
    SELECT suite, expectation, severity, level, sum(unexpected_count) AS unexpected,
        sum(element_count) AS elements, {DETAILS} AS details,
        flatten(list(coalesce(CAST(json_extract_string(details, '$.records[*]') AS VARCHAR[]), [])))
            AS sampled
    FROM dq_result WHERE run_id = $run_id AND NOT success GROUP BY ALL
),
held AS ({HELD}),
sampled AS (
    SELECT f.suite, f.expectation, coalesce(a.url, s.record) AS url
    FROM failed AS f, unnest(f.sampled) AS s(record)
    LEFT JOIN fact_article AS a ON CAST(a.article_key AS VARCHAR) = s.record
),
urls AS (
    SELECT f.suite, f.expectation, h.url FROM failed AS f
    JOIN held AS h ON h.stage = f.suite AND h.reason = 'failed ' || f.expectation
    UNION SELECT suite, expectation, url FROM sampled
),
-- the URLs are listed per check first and the check's details joined after: grouped with the details, every
-- URL's row carried them (26,516 URLs × 56 KB of details needed more than 1 GB in a 50,000-page run)
url_lists AS (
    SELECT suite, expectation, list(DISTINCT url ORDER BY url) AS urls
    FROM urls WHERE url IS NOT NULL GROUP BY suite, expectation
)
SELECT f.suite, f.expectation, f.severity, f.level, f.unexpected, f.elements, f.details,
    coalesce(l.urls, []) AS urls
FROM failed AS f LEFT JOIN url_lists AS l USING (suite, expectation)
ORDER BY f.severity, f.suite, f.expectation
"""
# a group's first URLs, in order: the URLs are grouped first (a hash aggregate, which spills past the memory
# limit) and only the first few of each group kept (min(url, N)), never every URL of a group sorted in a list
QUARANTINE = f"""
WITH by_url AS (
    SELECT stage, regexp_replace(reason, '[0-9][0-9,.]*', 'N', 'g') AS folded, url, count(*) AS records,
        min(reason) AS example
    FROM ({HELD}) GROUP BY ALL
)
SELECT stage, folded AS reason, sum(records) AS records, min(example) AS example,
    min(url, {URLS_SHOWN}) AS urls
FROM by_url GROUP BY stage, folded ORDER BY stage, records DESC, reason
"""
# pages (kind 'page') apart from the feeds, sitemaps and start pages read to find them (kind 'seed')
FETCH_OUTCOMES = f"""
WITH by_url AS (
    SELECT coalesce(kind, 'page') AS kind, outcome,
        coalesce(regexp_replace(reason, '[0-9][0-9,.]*', 'N', 'g'), '') AS reason, url, count(*) AS pages
    FROM fetch_log WHERE run_id = $run_id GROUP BY ALL
)
SELECT kind, outcome, reason, sum(pages) AS pages, min(url, {URLS_SHOWN}) AS urls,
    list_position(['fetched', 'not_modified', 'skipped', 'failed'], outcome) AS rank
FROM by_url GROUP BY 1, 2, 3 ORDER BY kind, rank, pages DESC, reason
"""
TREND = f"""
WITH checks AS (
    SELECT run_id,
        count(*) FILTER (WHERE NOT success AND severity = 'critical') AS failed_critical,
        count(*) FILTER (WHERE NOT success AND severity <> 'critical') AS failed_warning,
        count(*) AS checks
    FROM dq_result GROUP BY run_id
)
SELECT r.run_id, r.started_at, r.status, r.pages_discovered, r.pages_fetched, r.pages_failed,
    r.articles_loaded, r.articles_held_back, coalesce(c.checks, 0) AS checks,
    coalesce(c.failed_critical, 0) AS failed_critical, coalesce(c.failed_warning, 0) AS failed_warning
FROM (SELECT * FROM etl_run ORDER BY started_at DESC LIMIT {TREND_RUNS}) AS r
LEFT JOIN checks AS c USING (run_id)
ORDER BY r.started_at
"""


def latest_run(con: duckdb.DuckDBPyConnection) -> dict[str, Any] | None:
    found = rows(con, LATEST_RUN)
    return found[0] if found else None


def quality(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, Any]:
    """Everything the quality page shows of run `run_id`, and the trend over the last runs."""
    params = {"run_id": run_id}
    by_run = {
        "stages": STAGES,
        "suites": SUITES,
        "checks": CHECKS,
        "failed": FAILED,
        "quarantine": QUARANTINE,
        "fetch_outcomes": FETCH_OUTCOMES,
    }
    found: dict[str, Any] = {name: rows(con, sql, params) for name, sql in by_run.items()}
    found["trend"] = rows(con, TREND)
    return found
