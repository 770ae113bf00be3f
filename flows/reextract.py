"""The reextract flow: extract every stored raw page again and reload the warehouse, without fetching."""

from __future__ import annotations

from typing import Any

from prefect import flow


@flow(name="reextract", log_prints=True)
def reextract(home: str | None = None, batch_size: int = 500) -> dict[str, Any]:
    """Re-extract the raw pages stored under HOME, `batch_size` pages at a time, and reload them."""
    # TODO: wire to the raw page store. Read the pages from warehouse page_state (url, content_hash,
    # raw_path), their bodies with ingest.raw_store.get(HOME/raw, content_hash), in batches of
    # `batch_size`; then the same extract → normalise → validate → load tasks as news_etl.
    raise NotImplementedError("re-extraction is not wired to the raw page store (ingest/raw_store.py) yet")
