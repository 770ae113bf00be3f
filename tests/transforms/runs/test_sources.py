"""sources_frame: dim_source rows with stable keys and a domain per source."""

from __future__ import annotations

import polars as pl

from config.sources import load_sources
from tests.processes import REPO
from transforms.keys import stable_key
from transforms.runs.sources import SOURCES_SCHEMA, sources_frame


def test_keys_stable_and_distinct() -> None:
    sources = [
        {"name": "a", "start_urls": ["https://a.example/"]},
        {"name": "b", "feeds": ["https://b.example/rss"]},
    ]
    first = sources_frame(sources)
    again = sources_frame(list(reversed(sources)))
    assert first.schema == pl.Schema(SOURCES_SCHEMA)
    assert first["source_key"].to_list() == [stable_key("a"), stable_key("b")]
    assert again["source_key"].to_list() == [stable_key("b"), stable_key("a")]
    assert first["source_key"][0] != first["source_key"][1]


def test_domain_from_allowed_domains_first() -> None:
    row = sources_frame(
        [
            {
                "name": "ak",
                "allowed_domains": ["akitrf.ru", "www.akitrf.ru"],
                "start_urls": ["https://news.other.example/"],
                "site_name": "AKIT RF",
                "language": "ru",
            }
        ]
    ).row(0, named=True)
    assert row["domain"] == "akitrf.ru"
    assert row["site_name"] == "AKIT RF"
    assert row["default_language"] == "ru"


def test_domain_from_urls_feeds_then_sitemaps_then_start_urls() -> None:
    frame = sources_frame(
        [
            {"name": "f", "feeds": ["https://feed.example/rss"], "start_urls": ["https://start.example/"]},
            {
                "name": "s",
                "sitemaps": ["https://Map.Example:8443/s.xml"],
                "start_urls": ["https://start.example/"],
            },
            {"name": "p", "start_urls": ["https://start.example/news/"]},
            {"name": "none"},
        ]
    )
    assert frame["domain"].to_list() == ["feed.example", "map.example", "start.example", ""]
    assert frame["site_name"].to_list() == ["f", "s", "p", "none"]
    assert frame["default_language"].to_list() == [None, None, None, None]


def test_from_the_bundled_sources_file() -> None:
    config = load_sources(REPO / "config" / "sources.yaml")
    frame = sources_frame(s.model_dump() for s in config.sources)
    assert frame["source_name"].to_list() == [s.name for s in config.sources]
    assert frame["domain"].to_list() == [s.allowed_domains[0] for s in config.sources]
