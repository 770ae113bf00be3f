"""A batch of raw pages (a polars frame) to article records and held-back pages with reasons."""

from __future__ import annotations

import json
from typing import Any

import polars as pl

from transforms.extract import ExtractOptions, NotAnArticle, extract_article
from transforms.normalise import articles_frame

HELD_BACK_SCHEMA: dict[str, pl.DataType] = {
    "stage": pl.String(),
    "record_key": pl.String(),
    "reason": pl.String(),
    "record": pl.String(),
}


def held_back_frame(rows: list[dict[str, Any]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=HELD_BACK_SCHEMA)


def _held_back(stage: str, page: dict[str, Any], reason: str) -> dict[str, Any]:
    record = {"url": page["url"], "source_name": page["source_name"], "bytes": len(page["body"] or b"")}
    return {"stage": stage, "record_key": page["url"], "reason": reason, "record": json.dumps(record)}


def extract_pages(
    pages: pl.DataFrame, options: ExtractOptions | None = None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(articles, held back) from a frame of url, source_name, body, charset: every page ends in exactly
    one of the two frames."""
    articles, held = [], []
    for page in pages.iter_rows(named=True):
        try:
            article = extract_article(page["body"] or b"", page["url"], page["charset"], options)
        except NotAnArticle as exc:
            held.append(_held_back("extract", page, f"not an article: {exc}"))
            continue
        articles.append({**article, "url": page["url"], "source_name": page["source_name"]})
    return articles_frame(articles), held_back_frame(held)
