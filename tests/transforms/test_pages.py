"""extract_pages: every page ends up either as an article or held back with a reason."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl

from transforms.normalise import ARTICLE_SCHEMA
from transforms.pages import HELD_BACK_SCHEMA, extract_pages

SITE = Path(__file__).parents[2] / "samples" / "site"
BASE = "http://example.test"


def site_bytes(path: str) -> bytes:
    return (SITE / path.lstrip("/")).read_bytes().replace(b"__BASE_URL__", BASE.encode())


def test_article_listing_and_empty_page() -> None:
    article_path = "/en/news/act-rf-omsk-industrial-clusters.html"
    pages = pl.DataFrame(
        {
            "url": [BASE + article_path, BASE + "/", BASE + "/empty"],
            "source_name": ["sample", "sample", "sample"],
            "body": [site_bytes(article_path), site_bytes("/index.html"), b""],
            "charset": ["utf-8", "utf-8", None],
        },
        schema={"url": pl.String, "source_name": pl.String, "body": pl.Binary, "charset": pl.String},
    )
    articles, held = extract_pages(pages)

    assert articles.schema == pl.Schema(ARTICLE_SCHEMA)
    assert articles["url"].to_list() == [BASE + article_path]
    assert articles["source_name"].to_list() == ["sample"]
    assert articles.item(0, "title").startswith("AC&T RF continues cooperation")

    assert held.schema == pl.Schema(HELD_BACK_SCHEMA)
    assert held["record_key"].to_list() == [BASE + "/", BASE + "/empty"]
    assert held["stage"].to_list() == ["extract", "extract"]
    assert all(reason.startswith("not an article") for reason in held["reason"])
    assert held["reason"][1] == "not an article: empty page"
    assert json.loads(held["record"][1]) == {"url": BASE + "/empty", "source_name": "sample", "bytes": 0}
    assert json.loads(held["record"][0])["bytes"] == len(site_bytes("/index.html"))


def test_null_body_is_held_back() -> None:
    pages = pl.DataFrame(
        {"url": ["u"], "source_name": ["s"], "body": [None], "charset": [None]},
        schema={"url": pl.String, "source_name": pl.String, "body": pl.Binary, "charset": pl.String},
    )
    articles, held = extract_pages(pages)
    assert articles.height == 0
    assert held["reason"].to_list() == ["not an article: empty page"]


def test_empty_batch() -> None:
    pages = pl.DataFrame(
        schema={"url": pl.String, "source_name": pl.String, "body": pl.Binary, "charset": pl.String}
    )
    articles, held = extract_pages(pages)
    assert (articles.height, held.height) == (0, 0)
    assert articles.columns == list(ARTICLE_SCHEMA)
