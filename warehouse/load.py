"""Bulk loads of polars frames into the star schema, one transaction per run."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import duckdb
import polars as pl

UPSERT_SOURCES = """
INSERT OR REPLACE INTO dim_source (source_key, source_name, domain, site_name, default_language)
SELECT source_key, source_name, domain, site_name, default_language FROM incoming_sources
"""

FILL_DATES = """
INSERT OR IGNORE INTO dim_date
SELECT CAST(strftime(d, '%Y%m%d') AS INTEGER), d, year(d), quarter(d), month(d), weekofyear(d), isodow(d)
FROM (
    SELECT CAST(unnest(generate_series(min(published), max(published), INTERVAL 1 DAY)) AS DATE) AS d
    FROM incoming_articles WHERE published IS NOT NULL
)
WHERE d IS NOT NULL
"""

UPSERT_ARTICLES = """
INSERT OR REPLACE INTO fact_article (article_key, source_key, published_date_key, language, url, title,
    author, word_count, content_hash, duplicate_of, run_id, loaded_at)
SELECT a.article_key, s.source_key, CAST(strftime(a.published, '%Y%m%d') AS INTEGER), a.language, a.url,
    a.title, a.author, a.word_count, a.content_hash, a.duplicate_of, $run_id, current_timestamp
FROM incoming_articles a JOIN dim_source s USING (source_name)
"""

UPSERT_TEXT = """
INSERT OR REPLACE INTO article_text (article_key, text) SELECT article_key, text FROM incoming_articles
"""

INSERT_FETCH_LOG = """
INSERT INTO fetch_log (run_id, source_name, url, final_url, status, bytes, duration_ms, attempts, outcome,
    reason, fetched_at)
SELECT $run_id, source_name, url, final_url, status, bytes, duration_ms, attempts, outcome, reason, fetched_at
FROM incoming_fetch_log
"""

INSERT_QUARANTINE = """
INSERT INTO quarantine (run_id, stage, record_key, reason, record)
SELECT $run_id, stage, record_key, reason, record FROM incoming_quarantine
"""

UPSERT_RUN = """
INSERT OR REPLACE INTO etl_run (run_id, flow_run_id, started_at, finished_at, status, pages_discovered,
    pages_fetched, pages_not_modified, pages_skipped, pages_failed, articles_extracted, articles_loaded,
    articles_held_back, duplicates)
VALUES ($run_id, $flow_run_id, $started_at, $finished_at, $status, $pages_discovered, $pages_fetched,
    $pages_not_modified, $pages_skipped, $pages_failed, $articles_extracted, $articles_loaded,
    $articles_held_back, $duplicates)
"""


@dataclass(frozen=True)
class RunRecord:
    run_id: str
    flow_run_id: str | None
    started_at: datetime
    finished_at: datetime | None
    status: str
    pages_discovered: int = 0
    pages_fetched: int = 0
    pages_not_modified: int = 0
    pages_skipped: int = 0
    pages_failed: int = 0
    articles_extracted: int = 0
    articles_loaded: int = 0
    articles_held_back: int = 0
    duplicates: int = 0


@dataclass(frozen=True)
class RunBatch:
    """Everything one run writes: the frames are registered as views and inserted set-wise."""

    run: RunRecord
    sources: pl.DataFrame
    fetch_log: pl.DataFrame
    articles: pl.DataFrame
    quarantine: pl.DataFrame


def record_run(con: duckdb.DuckDBPyConnection, run: RunRecord) -> None:
    con.execute(UPSERT_RUN, run.__dict__)


def load_batch(con: duckdb.DuckDBPyConnection, batch: RunBatch) -> None:
    """Write the whole run in one transaction: a failure leaves the warehouse as it was."""
    params = {"run_id": batch.run.run_id}
    con.begin()
    try:
        con.register("incoming_sources", batch.sources.to_arrow())
        con.register("incoming_articles", batch.articles.to_arrow())
        con.register("incoming_fetch_log", batch.fetch_log.to_arrow())
        con.register("incoming_quarantine", batch.quarantine.to_arrow())
        con.execute(UPSERT_SOURCES)
        con.execute(FILL_DATES)
        con.execute(UPSERT_ARTICLES, params)
        con.execute(UPSERT_TEXT)
        con.execute(INSERT_FETCH_LOG, params)
        con.execute(INSERT_QUARANTINE, params)
        record_run(con, batch.run)
        con.commit()
    except Exception:
        con.rollback()
        raise
    finally:
        for name in ("incoming_sources", "incoming_articles", "incoming_fetch_log", "incoming_quarantine"):
            con.unregister(name)
