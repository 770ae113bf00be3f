"""page_state: what the last fetch of each page saw (validators, content hash, raw copy), for incremental
runs."""

from __future__ import annotations

import duckdb
import polars as pl

PAGE_STATE_SCHEMA: dict[str, pl.DataType] = {
    "url": pl.String(),
    "etag": pl.String(),
    "last_modified": pl.String(),
    "content_hash": pl.String(),
    "raw_path": pl.String(),
    "status": pl.Int32(),
    "fetched_at": pl.Datetime("us", "UTC"),
}

READ_PAGE_STATE = """
SELECT url, etag, last_modified, content_hash, raw_path, status, fetched_at FROM page_state ORDER BY url
"""

UPSERT_PAGE_STATE = """
INSERT OR REPLACE INTO page_state (url, etag, last_modified, content_hash, raw_path, status, fetched_at)
SELECT url, etag, last_modified, content_hash, raw_path, status, timezone('UTC', fetched_at)
FROM incoming_page_state
"""


def read_page_state(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Every page's last state, typed as PAGE_STATE_SCHEMA (fetched_at in UTC)."""
    frame = pl.from_arrow(con.sql(READ_PAGE_STATE).to_arrow_table())
    return frame.with_columns(pl.col("fetched_at").dt.replace_time_zone("UTC")).cast(PAGE_STATE_SCHEMA)


def upsert_page_state(con: duckdb.DuckDBPyConnection, frame: pl.DataFrame) -> None:
    """Insert or replace one row per URL; runs in the caller's transaction (none is opened here)."""
    if frame.is_empty():
        return
    incoming = frame.select(PAGE_STATE_SCHEMA.keys()).cast(PAGE_STATE_SCHEMA)
    if incoming.get_column("url").is_duplicated().any():
        raise ValueError("page_state frame has the same URL more than once")
    con.register("incoming_page_state", incoming.to_arrow())
    try:
        con.execute(UPSERT_PAGE_STATE)
    finally:
        con.unregister("incoming_page_state")


STORED_PAGES = """
SELECT p.url, f.source_name, p.content_hash, p.fetched_at
FROM page_state p
JOIN (
    SELECT url, arg_max(source_name, fetched_at) AS source_name FROM fetch_log GROUP BY url
) f USING (url)
WHERE p.content_hash IS NOT NULL
ORDER BY p.url
"""


def stored_pages(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Every page whose body is in the raw store: url, source_name, content_hash, fetched_at (UTC)."""
    frame = pl.from_arrow(con.sql(STORED_PAGES).to_arrow_table())
    schema = {"url": pl.String, "source_name": pl.String, "content_hash": pl.String}
    return frame.cast(schema).with_columns(pl.col("fetched_at").dt.replace_time_zone("UTC"))


LAST_TRIED = """
SELECT url, max(fetched_at) AS fetched_at FROM fetch_log
WHERE kind = 'page' AND attempts > 0
GROUP BY url ORDER BY url
"""


def last_tried(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """When each page was last tried (url, fetched_at in UTC), whatever the outcome: every fetch_log
    page row but those never requested (over the per-source cap: attempts 0)."""
    frame = pl.from_arrow(con.sql(LAST_TRIED).to_arrow_table())
    schema = {"url": pl.String(), "fetched_at": pl.Datetime("us")}
    return frame.cast(schema).with_columns(pl.col("fetched_at").dt.replace_time_zone("UTC"))
