"""One typed settings object: defaults in the repo, overrides from a YAML file and the environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, Field

ENV_PREFIX = "CLUSTERWATCH_"


class FetchSettings(BaseModel):
    user_agent: str = "clusterwatch/0.1 (news ETL crawler; set CLUSTERWATCH_FETCH__USER_AGENT for a contact)"
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    max_body_bytes: int = 5_000_000
    max_redirects: int = 5
    retries: int = 2
    backoff_seconds: float = 0.5
    max_pages_per_source: int = 500
    max_fetch_seconds: float = 60.0  # wall time for one response's body (a slow drip is cut off)
    max_retry_after: float = 30.0  # a longer Retry-After is capped at this
    global_concurrency: int = 8  # requests in flight across all hosts
    per_host_concurrency: int = 2  # requests in flight to one host
    per_host_delay: float = 1.0  # seconds between request starts to one host (robots.txt Crawl-delay wins)
    max_crawl_delay: float = 30.0  # a longer robots.txt Crawl-delay is capped at this
    politeness_limits: bool = True  # False switches off per-host delays and limits (benchmarks only)
    incremental: bool = True  # conditional GET and the content-hash check against the previous run


class ExtractSettings(BaseModel):
    """Mirrored by transforms.extract.article.ExtractOptions (the flow builds one from the other)."""

    favor_precision: bool = False  # precision mode for the first pass (lower F1 on real pages)
    include_comments: bool = False
    include_tables: bool = True
    min_text_chars: int = 200  # less main text than this: not an article
    recall_fallback: bool = True  # try the recall-oriented pass when the first finds less than min_text_chars
    max_link_share: float = 0.6  # more of the text in link lines than this: a list of links, not an article
    max_linked_headlines: int = 3  # this many "linked headline + teaser" lines: a listing, not an article
    max_markup_chars: int = 2_000_000  # markup left after scripts, styles and data: URIs are dropped
    max_page_bytes: int = 10_000_000  # bodies above this are not parsed at all


class Settings(BaseModel):
    home: Path = Path("data")
    batch_size: int = Field(default=200, ge=1)  # pages per extraction task
    fetch: FetchSettings = Field(default_factory=FetchSettings)
    extract: ExtractSettings = Field(default_factory=ExtractSettings)
    languages: tuple[str, ...] = ("ru", "en")

    @property
    def database_path(self) -> Path:
        return self.home / "clusterwatch.duckdb"


def _env_overrides(environ: Mapping[str, str]) -> dict[str, Any]:
    """CLUSTERWATCH_HOME=… and CLUSTERWATCH_FETCH__READ_TIMEOUT=… style overrides."""
    overrides: dict[str, Any] = {}
    for name, value in environ.items():
        if not name.startswith(ENV_PREFIX):
            continue
        path = name[len(ENV_PREFIX) :].lower().split("__")
        target = overrides
        for part in path[:-1]:
            target = target.setdefault(part, {})
        target[path[-1]] = value
    return overrides


def _merge(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def load_settings(
    file: Path | None = None,
    environ: Mapping[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Defaults, then the YAML file, then CLUSTERWATCH_* variables, then explicit keyword overrides."""
    data: dict[str, Any] = {}
    if file is not None:
        data = _merge(data, yaml.safe_load(file.read_text(encoding="utf-8")) or {})
    data = _merge(data, _env_overrides(os.environ if environ is None else environ))
    data = _merge(data, {k: v for k, v in overrides.items() if v is not None})
    return Settings.model_validate(data)
