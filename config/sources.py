"""The sources registry: which sites to crawl, read from a YAML file such as config/sources.yaml."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, Field, ValidationError, field_validator


class SourcesError(ValueError):
    """The sources file is missing or malformed; the message says where."""


class Source(BaseModel):
    name: str
    sitemaps: list[str] = Field(default_factory=list)
    feeds: list[str] = Field(default_factory=list)
    start_urls: list[str] = Field(default_factory=list)
    allowed_domains: list[str] = Field(default_factory=list)
    language: str | None = None
    site_name: str | None = None

    @field_validator("sitemaps", "feeds", "start_urls")
    @classmethod
    def _absolute_http(cls, urls: list[str]) -> list[str]:
        for url in urls:
            if not url.startswith(("http://", "https://")):
                raise ValueError(f"not an absolute http(s) URL: {url!r}")
        return urls

    def entry_urls(self) -> list[str]:
        return [*self.feeds, *self.sitemaps, *self.start_urls]


class SourcesConfig(BaseModel):
    allow_private_networks: bool = False
    sources: list[Source]

    @field_validator("sources")
    @classmethod
    def _unique_names(cls, sources: list[Source]) -> list[Source]:
        names = [s.name for s in sources]
        duplicated = sorted({n for n in names if names.count(n) > 1})
        if duplicated:
            raise ValueError(f"source names must be unique, repeated: {', '.join(duplicated)}")
        if not sources:
            raise ValueError("at least one source is needed")
        return sources


def load_sources(path: Path) -> SourcesConfig:
    if not path.is_file():
        raise SourcesError(f"sources file not found: {path}")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise SourcesError(f"{path}: not valid YAML: {exc}") from exc
    try:
        return SourcesConfig.model_validate(data or {})
    except ValidationError as exc:
        raise SourcesError(f"{path}: {exc}") from exc
