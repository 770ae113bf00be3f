"""What the report shows of data quality: the latest run's stages, every suite and check it ran, the
failed checks with how many URLs of records they hit and the first of them (all of them read only as
their CSV is written), quarantine and fetch outcomes grouped by reason, and the trend over the last runs,
all from etl_run, dq_result, quarantine and fetch_log. A held-back record's JSON is never read: the
counts come from the rows' stage and reason, its URL and article from the columns the load writes
(`quarantine.url`, `quarantine.article_key`).

A reason's numbers are folded into N ("text too short (N characters)"), so one kind of reason is one
line whatever the counts it carried.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import duckdb

from warehouse.report_content import rows

TREND_RUNS = 20
URLS_SHOWN = 5  # a reason's examples
URLS_PER_CHECK = 50  # a failed check's URLs shown on the page (CLUSTERWATCH_REPORT__URLS_PER_CHECK)
FETCH_ROWS = 10_000
STAGE_ORDER = ("raw_pages", "extract", "articles", "entities", "mentions", "figures", "foreign_keys")

# every distinct result detail of a check over the run's batches, in one order
DETAILS = "string_agg(DISTINCT CAST(details AS VARCHAR), ' | ' ORDER BY CAST(details AS VARCHAR))"
LATEST_RUN = "SELECT * FROM etl_run ORDER BY started_at DESC LIMIT 1"
# a record held back, named by its URL: its own, else its article's (a fact row names the article), else its
# key; `q` holds the columns of the record it needs (never its JSON)
RECORD_FIELDS = "record_key, url, article_key"
RECORD_URL = "coalesce(q.url, a.url, q.record_key)"
ARTICLE_OF = "LEFT JOIN fact_article AS a ON a.article_key = q.article_key"
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
SELECT suite, expectation, severity, level, sum(unexpected_count) AS unexpected,
    sum(element_count) AS elements, {DETAILS} AS details
FROM dq_result WHERE run_id = $run_id AND NOT success
GROUP BY ALL ORDER BY severity, suite, expectation
"""
# the URLs of the records one failed check hit: those it held back (quarantine rows of its suite whose
# reason names it) and those its results sampled (dq_result details), each URL once; the report shows
# this query to analysts with the values in place of $run_id, $suite and $expectation
CHECK_URLS = f"""
SELECT DISTINCT url FROM (
    SELECT {RECORD_URL} AS url
    FROM (
        SELECT {RECORD_FIELDS} FROM quarantine
        WHERE run_id = $run_id AND stage = $suite
            AND list_contains(string_split(reason, '; '), 'failed ' || $expectation)
    ) AS q
    {ARTICLE_OF}
    UNION ALL
    SELECT coalesce(a.url, s.record) AS url
    FROM dq_result AS d,
        unnest(coalesce(CAST(json_extract_string(d.details, '$.records[*]') AS VARCHAR[]), [])) AS s(record)
    LEFT JOIN fact_article AS a ON CAST(a.article_key AS VARCHAR) = s.record
    WHERE d.run_id = $run_id AND d.suite = $suite AND d.expectation = $expectation AND NOT d.success
) WHERE url IS NOT NULL
"""
# every URL, in order (the CSV)
CHECK_URLS_ALL = f"{CHECK_URLS}ORDER BY url\n"
# how many, and the first ones: counted and kept in SQL (a top-N aggregate), never listed whole
CHECK_URLS_SHOWN = f"""
SELECT count(*) AS url_count, coalesce(min(url, $shown), []) AS urls FROM ({CHECK_URLS})
"""
# a group's first records, in the order of their keys: the rows are grouped by key (a hash aggregate, which
# spills past the memory limit), and only the few records shown are looked up, for their URL
QUARANTINE = f"""
WITH by_key AS (
    SELECT stage, regexp_replace(reason, '[0-9][0-9,.]*', 'N', 'g') AS folded, record_key,
        count(*) AS records, min(reason) AS example
    FROM (
        SELECT stage, unnest(string_split(reason, '; ')) AS reason, record_key
        FROM quarantine WHERE run_id = $run_id
    ) GROUP BY ALL
),
grouped AS (
    SELECT stage, folded, sum(records) AS records, min(example) AS example,
        min(record_key, {URLS_SHOWN}) AS keys
    FROM by_key GROUP BY stage, folded
),
shown AS (
    SELECT q.stage, q.folded, {RECORD_URL} AS url
    FROM (
        SELECT g.stage, g.folded, k.record_key, r.url, r.article_key
        FROM grouped AS g, unnest(g.keys) AS k(record_key)
        JOIN quarantine AS r ON r.run_id = $run_id AND r.stage = g.stage AND r.record_key = k.record_key
    ) AS q
    {ARTICLE_OF}
),
urls AS (SELECT stage, folded, list(DISTINCT url ORDER BY url) AS urls FROM shown GROUP BY ALL)
SELECT g.stage, g.folded AS reason, g.records, g.example, coalesce(u.urls, []) AS urls
FROM grouped AS g LEFT JOIN urls AS u USING (stage, folded)
ORDER BY g.stage, g.records DESC, g.folded
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


def quality(con: duckdb.DuckDBPyConnection, run_id: str, urls_shown: int = URLS_PER_CHECK) -> dict[str, Any]:
    """Everything the quality page shows of run `run_id`, and the trend over the last runs. A failed check
    carries how many URLs it hit (`url_count`), the first `urls_shown` of them (`urls`), all of them as
    rows read when iterated (`all_urls`, for its CSV) and the query that lists them (`analyst_sql`)."""
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
    found["urls_per_check"] = urls_shown
    for failed in found["failed"]:
        failed.update(_check_urls(con, run_id, failed["suite"], failed["expectation"], urls_shown))
    return found


def _check_urls(
    con: duckdb.DuckDBPyConnection, run_id: str, suite: str, expectation: str, shown: int
) -> dict[str, Any]:
    params = {"run_id": run_id, "suite": suite, "expectation": expectation}
    counted = rows(con, CHECK_URLS_SHOWN, {**params, "shown": shown})[0]
    return {
        **counted,
        "all_urls": Rows(con, CHECK_URLS_ALL, params),
        "analyst_sql": analyst_sql(CHECK_URLS_ALL, params),
    }


class Rows:
    """A query's rows as dicts, read a chunk at a time each time they are iterated (a CSV of every URL
    a check hit is written without holding them all)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, Any]) -> None:
        self.con, self.sql, self.params = con, sql, params

    def __iter__(self) -> Iterator[dict[str, Any]]:
        cursor = self.con.cursor()  # a cursor of its own: the connection may be read meanwhile
        try:
            result = cursor.execute(self.sql, self.params)
            names = [d[0] for d in result.description]
            while chunk := result.fetchmany(FETCH_ROWS):
                yield from (dict(zip(names, row, strict=True)) for row in chunk)
        finally:
            cursor.close()


def analyst_sql(sql: str, params: dict[str, str]) -> str:
    """`sql` with its $parameters replaced by SQL string literals, to run as it is (`clusterwatch sql`)."""
    for name in sorted(params, key=len, reverse=True):
        sql = sql.replace(f"${name}", "'" + params[name].replace("'", "''") + "'")
    return "\n".join(
        line.rstrip() for line in sql.strip("\n").splitlines() if not line.lstrip().startswith("--")
    )
