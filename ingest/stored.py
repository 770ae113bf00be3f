"""Pages read back from the raw store, for extraction without fetching."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from ingest import raw_store
from ingest.records import PAGES_SCHEMA


def read_pages(root: Path, stored: pl.DataFrame) -> tuple[pl.DataFrame, list[tuple[str, str]]]:
    """(pages, [(url, reason)] for bodies missing or damaged) from a frame of url, source_name,
    content_hash, fetched_at. The charset is left to <meta charset> and detection."""
    rows, unreadable = [], []
    for page in stored.iter_rows(named=True):
        try:
            body = raw_store.get(root, page["content_hash"])
        except (OSError, ValueError) as exc:
            unreadable.append((page["url"], f"raw copy unreadable: {exc}"))
            continue
        rows.append({**page, "body": body, "charset": None, "final_url": page["url"]})
    return pl.DataFrame(rows, schema=PAGES_SCHEMA), unreadable
