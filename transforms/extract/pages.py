"""A batch of raw pages (a polars frame) to article records and held-back pages with reasons.

One page never stops its batch: a page that is not an article is held back with the reason, and a page
whose processing raises is held back with the stage it failed in (`decode` when decoding its bytes
raised, `extract` otherwise) and the error."""

from __future__ import annotations

import traceback
from datetime import date, datetime
from pathlib import Path
from typing import Any

import polars as pl

from transforms.extract.article import ExtractOptions, NotAnArticle, extract_article
from transforms.extract.dates import DateHints
from transforms.held import failure_reason, held_back_frame, held_back_row
from transforms.keys import stable_key
from transforms.normalise.articles import articles_frame, key_url

DECODING_MODULES = ("encoding.py", "sniff.py")  # where a page's bytes become text, in this folder


class _SameArticle(Exception):
    """The page has the canonical URL of an earlier page of the batch."""


def _held_back(stage: str, page: dict[str, Any], reason: str) -> dict[str, Any]:
    record = {"url": page["url"], "source_name": page["source_name"], "bytes": len(page["body"] or b"")}
    return held_back_row(stage, page["url"], reason, record)


def _reference(page: dict[str, Any], options: ExtractOptions) -> date | None:
    fetched = page.get("fetched_at")
    if isinstance(fetched, datetime):
        return fetched.date()
    return fetched if isinstance(fetched, date) else options.today


def failed_stage(exc: BaseException) -> str:
    """`decode` when the exception came from turning the page's bytes into text, else `extract`."""
    here = Path(__file__).parent
    for frame in traceback.extract_tb(exc.__traceback__):
        path = Path(frame.filename)
        if path.parent == here and path.name in DECODING_MODULES:
            return "decode"
    return "extract"


def _article(page: dict[str, Any], options: ExtractOptions, keys: dict[int, str]) -> dict[str, Any]:
    """The page's article; NotAnArticle when it is none, _SameArticle when an earlier page had it."""
    body = page["body"] or b""
    hints = DateHints(page.get("lastmod"), page.get("last_modified"))
    article = extract_article(body, page["url"], page["charset"], options, _reference(page, options), hints)
    key = stable_key(key_url(page["url"], article.get("canonical_url")))
    if key in keys:
        raise _SameArticle(f"same article as {keys[key]} (same canonical URL)")
    keys[key] = page["url"]
    return {**article, "url": page["url"], "source_name": page["source_name"]}


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
            articles.append(_article(page, options, keys))
        except NotAnArticle as exc:
            held.append(_held_back("extract", page, f"{exc.kind}: {exc}"))
        except _SameArticle as exc:
            held.append(_held_back("extract", page, str(exc)))
        except Exception as exc:  # one page never stops the batch: held back with the stage and error
            stage = failed_stage(exc)
            held.append(_held_back(stage, page, failure_reason(stage, exc)))
    return articles_frame(articles), held_back_frame(held)
