"""The dim_source rows of the configured sources."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

import polars as pl

from transforms.keys import stable_key

SOURCES_SCHEMA: dict[str, pl.DataType] = {
    "source_key": pl.Int64(),
    "source_name": pl.String(),
    "domain": pl.String(),
    "site_name": pl.String(),
    "default_language": pl.String(),
}


def _domain(source: Mapping[str, Any]) -> str:
    if source.get("allowed_domains"):
        return source["allowed_domains"][0]
    entries = [*source.get("feeds", []), *source.get("sitemaps", []), *source.get("start_urls", [])]
    return next((urlsplit(u).hostname or "" for u in entries), "")


def sources_frame(sources: Iterable[Mapping[str, Any]]) -> pl.DataFrame:
    rows = [
        {
            "source_key": stable_key(s["name"]),
            "source_name": s["name"],
            "domain": _domain(s),
            "site_name": s.get("site_name") or s["name"],
            "default_language": s.get("language"),
        }
        for s in sources
    ]
    return pl.DataFrame(rows, schema=SOURCES_SCHEMA)
