"""A batch of raw pages (a polars frame) to article records and held-back pages with reasons."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import polars as pl

from transforms.extract.article import ExtractOptions, NotAnArticle, extract_article
from transforms.extract.dates import DateHints
from transforms.keys import stable_key
from transforms.normalise.articles import articles_frame, key_url

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


def _reference(page: dict[str, Any], options: ExtractOptions) -> date | None:
    fetched = page.get("fetched_at")
    if isinstance(fetched, datetime):
        return fetched.date()
    return fetched if isinstance(fetched, date) else options.today


def _extract(page: dict[str, Any], options: ExtractOptions) -> dict[str, Any]:
    """The page's article; NotAnArticle for anything that is not one, whatever went wrong."""
    try:
        hints = DateHints(page.get("lastmod"), page.get("last_modified"))
        return extract_article(
            page["body"] or b"", page["url"], page["charset"], options, _reference(page, options), hints
        )
    except NotAnArticle:
        raise
    except Exception as exc:  # a page must never stop the batch: it is held back with what happened
        raise NotAnArticle(f"extraction failed ({type(exc).__name__}: {exc})") from exc


def extract_pages(
    pages: pl.DataFrame, options: ExtractOptions | None = None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(articles, held back) from a frame of url, source_name, body, charset and optionally fetched_at
    (the reference date for dates in the future; options.today without it), lastmod (the sitemap's) and
    last_modified (the HTTP header's), which date a page that states no year: every page ends in exactly
    one of the two frames. A second page with the same canonical URL is held back."""
    options = options or ExtractOptions()
    articles, held, keys = [], [], {}
    for page in pages.iter_rows(named=True):
        try:
            article = _extract(page, options)
        except NotAnArticle as exc:
            held.append(_held_back("extract", page, f"{exc.kind}: {exc}"))
            continue
        key = stable_key(key_url(page["url"], article.get("canonical_url")))
        if key in keys:
            held.append(_held_back("extract", page, f"same article as {keys[key]} (same canonical URL)"))
            continue
        keys[key] = page["url"]
        articles.append({**article, "url": page["url"], "source_name": page["source_name"]})
    return articles_frame(articles), held_back_frame(held)
