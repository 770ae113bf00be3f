"""What a fetch result becomes: its fetch_log row, its page for extraction, its new page_state row.

The content-hash check lives here: a body identical to the previous run's is `not_modified` and is
not passed on to extraction. Every body fetched is kept in the raw store."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import polars as pl

from ingest import raw_store
from ingest.discover import Discovered
from ingest.fetch import FetchResult, Validators

UNCHANGED = "content unchanged (same SHA-256 as the last run)"

FETCH_LOG_SCHEMA: dict[str, pl.DataType] = {
    "source_name": pl.String(),
    "url": pl.String(),
    "final_url": pl.String(),
    "status": pl.Int32(),
    "bytes": pl.Int64(),
    "duration_ms": pl.Float64(),
    "attempts": pl.Int32(),
    "outcome": pl.String(),
    "reason": pl.String(),
    "fetched_at": pl.Datetime("us", "UTC"),
    "via": pl.String(),
    "content_type": pl.String(),
    "etag": pl.String(),
    "last_modified": pl.String(),
    "content_hash": pl.String(),
    "raw_path": pl.String(),
    "attempt_log": pl.String(),
    "kind": pl.String(),  # page (a discovered URL) or seed (a feed, sitemap or start page read to find them)
}

PAGES_SCHEMA: dict[str, pl.DataType] = {
    "url": pl.String(),
    "source_name": pl.String(),
    "body": pl.Binary(),
    "charset": pl.String(),
    "final_url": pl.String(),
    "fetched_at": pl.Datetime("us", "UTC"),
    "content_hash": pl.String(),
    "lastmod": pl.String(),  # the sitemap's <lastmod>, when the page came from a sitemap that has one
    "last_modified": pl.String(),  # the HTTP Last-Modified header
}

# A fetched page as the crawl hands it on: its body stays in the raw store (content_hash) until an
# extraction batch reads it, so a run never holds every body in memory.
PAGE_REFS_SCHEMA: dict[str, pl.DataType] = {k: v for k, v in PAGES_SCHEMA.items() if k != "body"}

PAGE_STATE_SCHEMA: dict[str, pl.DataType] = {
    "url": pl.String(),
    "etag": pl.String(),
    "last_modified": pl.String(),
    "content_hash": pl.String(),
    "raw_path": pl.String(),
    "status": pl.Int32(),
    "fetched_at": pl.Datetime("us", "UTC"),
}


@dataclass(frozen=True)
class Settled:
    """One discovered URL after fetching: the final result plus where its body is kept."""

    page: Discovered
    result: FetchResult
    content_hash: str | None = None
    raw_path: str | None = None


def previous_states(previous: pl.DataFrame) -> dict[str, dict[str, Any]]:
    """The previous run's page_state rows by URL."""
    if previous.is_empty():
        return {}
    return {row["url"]: row for row in previous.iter_rows(named=True)}


def validators_for(state: dict[str, Any] | None, raw_dir: Path) -> Validators:
    """Conditional-GET validators, only while the earlier body is still in the raw store."""
    if not state or not state.get("content_hash") or not raw_store.has(raw_dir, state["content_hash"]):
        return Validators()
    return Validators(state.get("etag"), state.get("last_modified"))


def settle(page: Discovered, result: FetchResult, state: dict[str, Any] | None, raw_dir: Path) -> Settled:
    """Store a fetched body and apply the content-hash check; a 304 keeps the earlier hash."""
    if result.outcome == "not_modified":
        known = state or {}
        return Settled(page, result, known.get("content_hash"), known.get("raw_path"))
    if result.outcome != "fetched":
        return Settled(page, result)
    try:
        sha, relative = raw_store.put(raw_dir, result.body)
    except OSError as exc:
        failed = replace(result, outcome="failed", reason=f"raw store: {exc}", bytes_read=result.size)
        return Settled(page, replace(failed, body=b""))
    result = replace(result, body=b"", bytes_read=result.size)  # the body lives in the raw store now
    if state is not None and state.get("content_hash") == sha:
        result = replace(result, outcome="not_modified", reason=UNCHANGED)
    return Settled(page, result, sha, relative.as_posix())


def log_row(s: Settled, kind: str) -> dict[str, Any]:
    r = s.result
    return {
        "source_name": s.page.source,
        "url": s.page.url,
        "final_url": r.final_url,
        "status": r.status,
        "bytes": r.size,
        "duration_ms": r.duration_ms,
        "attempts": r.attempts,
        "outcome": r.outcome,
        "reason": r.reason,
        "fetched_at": r.fetched_at,
        "via": s.page.via,
        "content_type": r.content_type,
        "etag": r.etag,
        "last_modified": r.last_modified,
        "content_hash": s.content_hash,
        "raw_path": s.raw_path,
        "attempt_log": json.dumps(list(r.attempt_log)),
        "kind": kind,
    }


def fetch_log_frame(settled: list[Settled], kind: str = "page") -> pl.DataFrame:
    """One row per discovered URL (or per seed, kind="seed"), with its single final outcome."""
    return pl.DataFrame([log_row(s, kind) for s in settled], schema=FETCH_LOG_SCHEMA)


def pages_frame(settled: list[Settled]) -> pl.DataFrame:
    """The fetched (new or changed) pages, ready for extraction, their bodies referred to by content
    hash (ingest.stored.read_pages reads them); not_modified pages are not in it."""
    rows = [page_row(s) for s in settled if s.result.outcome == "fetched"]
    return pl.DataFrame(rows, schema=PAGE_REFS_SCHEMA)


def page_row(s: Settled) -> dict[str, Any]:
    """A fetched page's row of pages_frame."""
    return {
        "url": s.page.url,
        "source_name": s.page.source,
        "charset": s.result.charset,
        "final_url": s.result.final_url,
        "fetched_at": s.result.fetched_at,
        "content_hash": s.content_hash,
        "lastmod": s.page.lastmod,
        "last_modified": s.result.last_modified,
    }


def state_row(s: Settled, state: dict[str, Any] | None) -> dict[str, Any]:
    known = (state or {}) if s.result.status == 304 else {}  # a 304 may leave the validators out
    return {
        "url": s.page.url,
        "etag": s.result.etag or known.get("etag"),
        "last_modified": s.result.last_modified or known.get("last_modified"),
        "content_hash": s.content_hash,
        "raw_path": s.raw_path,
        "status": s.result.status,
        "fetched_at": s.result.fetched_at,
    }


def has_state(s: Settled) -> bool:
    """The page gets a page_state row: a body on record (fetched, or unchanged); failures keep the old row."""
    return s.result.outcome in ("fetched", "not_modified") and bool(s.content_hash)
