"""Pages read back from the raw store: the bodies of an extraction batch, or of a re-extraction."""

from __future__ import annotations

import polars as pl

from ingest import raw_store
from ingest.records import PAGES_SCHEMA


def read_pages(root: raw_store.Root, refs: pl.DataFrame) -> tuple[pl.DataFrame, list[tuple[str, str]]]:
    """(pages with their bodies, [(url, reason)] for bodies missing or damaged) from a frame of url,
    source_name, content_hash, fetched_at and, when known, charset and final_url."""
    rows, unreadable = [], []
    for page in refs.iter_rows(named=True):
        try:
            body = raw_store.get(root, page["content_hash"])
        except (OSError, ValueError, TypeError) as exc:
            unreadable.append((page["url"], f"raw copy unreadable: {exc}"))
            continue
        rows.append({"charset": None, "final_url": page["url"], **page, "body": body})
    return pl.DataFrame(rows, schema=PAGES_SCHEMA), unreadable
