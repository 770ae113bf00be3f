"""Task options that save work: extraction is cached by the pages' content hashes."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import polars as pl
from prefect import flow

from flows.tasks import extract_task
from ingest.records import PAGES_SCHEMA
from transforms.extract import ExtractOptions

ROOT_PAGE = "samples/site/en/news/labudin-kaluga-visit.html"


def _pages(body: bytes, content_hash: str | None) -> pl.DataFrame:
    row = {"url": "http://x.test/a.html", "source_name": "s", "body": body, "charset": "utf-8",
           "final_url": "http://x.test/a.html", "fetched_at": datetime(2026, 1, 5, tzinfo=UTC),
           "content_hash": content_hash}  # fmt: skip
    return pl.DataFrame([row], schema=PAGES_SCHEMA)


@flow
def _extract_twice(pages: pl.DataFrame, options: ExtractOptions) -> list[str]:
    first = extract_task(pages, options, return_state=True)
    second = extract_task(pages, options, return_state=True)
    return [first.name, second.name, str(second.result()[0]["title"].to_list())]


def test_the_same_pages_are_extracted_once(prefect_harness: None) -> None:
    from pathlib import Path

    body = (Path(__file__).resolve().parents[2] / ROOT_PAGE).read_bytes()
    names = _extract_twice(_pages(body, uuid.uuid4().hex * 2), ExtractOptions())  # a key no run has used
    assert names[:2] == ["Completed", "Cached"]
    assert "Mikhail Labudin" in names[2]


def test_pages_without_content_hash_are_not_cached(prefect_harness: None) -> None:
    names = _extract_twice(_pages(b"<html><body><p>too short</p></body></html>", None), ExtractOptions())
    assert names[:2] == ["Completed", "Completed"]
