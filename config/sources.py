"""The sources registry: which sites to crawl, read from a YAML file such as config/sources.yaml.

Every key is checked: an unknown or misspelt one, a source with nothing to crawl or an address that
is not one stops the run before anything is fetched, with the file, the source and the key named."""

from __future__ import annotations

import ipaddress
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from config.files import ConfigError, close_match, plain_message, read_yaml

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
NOT_A_HOST = re.compile(r"[/:?#@\s]|^$")  # a scheme, a path, a port, credentials or nothing


class SourcesError(ConfigError):
    """The sources file is missing or malformed; the message says where."""


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid")

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
        """Absolute http(s) URLs with a host; the scheme in any case (HTTP://… is http://…)."""
        checked = []
        for url in urls:
            parts = urlsplit(url.strip())
            if parts.scheme.lower() not in ("http", "https"):
                raise ValueError(f"not an absolute http(s) URL: {url!r}")
            if not parts.hostname:
                raise ValueError(f"no host in {url!r}: give http(s)://host/…")
            checked.append(parts.scheme.lower() + url.strip()[len(parts.scheme) :])
        return checked

    @field_validator("allowed_domains")
    @classmethod
    def _host_names(cls, domains: list[str]) -> list[str]:
        for domain in domains:
            if NOT_A_HOST.search(domain) and not _is_network(domain):
                raise ValueError(f"{domain!r} is not a host name (write example.ru, not a URL)")
        return domains

    @model_validator(mode="after")
    def _something_to_crawl(self) -> Source:
        if not self.entry_urls():
            raise ValueError("no feeds, sitemaps or start_urls: nothing to crawl")
        return self

    def entry_urls(self) -> list[str]:
        return [*self.feeds, *self.sitemaps, *self.start_urls]


class SourcesConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    allow_private_networks: bool = False
    allow_addresses: list[Network] = Field(default_factory=list)
    sources: list[Source]

    @field_validator("allow_addresses", mode="before")
    @classmethod
    def _networks(cls, values: Any) -> Any:
        """An address or a network (CIDR); a single address is its /32 (or /128)."""
        if not isinstance(values, list):
            return values
        return [ipaddress.ip_network(str(v), strict=False) if _is_network(v) else v for v in values]

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


def _is_network(value: Any) -> bool:
    try:
        ipaddress.ip_network(str(value), strict=False)
    except ValueError:
        return False
    return True


def _where(data: Any, loc: tuple[Any, ...]) -> tuple[str, tuple[Any, ...]]:
    """('source 'name': ', the rest of loc) for a location inside a source, else ('', loc)."""
    if len(loc) >= 2 and loc[0] == "sources" and isinstance(loc[1], int):
        entries = data.get("sources") if isinstance(data, dict) else None
        entry = entries[loc[1]] if isinstance(entries, list) and loc[1] < len(entries) else None
        name = entry.get("name") if isinstance(entry, dict) else None
        label = f"source '{name}'" if name else f"sources[{loc[1]}]"
        return f"{label}: ", loc[2:]
    return "", loc


def _dotted(loc: tuple[Any, ...]) -> str:
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc).lstrip(".")


def _describe(data: Any, loc: tuple[Any, ...], error: Any) -> str:
    prefix, rest = _where(data, loc)
    if error["type"] == "extra_forbidden":
        model = Source if prefix else SourcesConfig
        return f"{prefix}unknown key '{rest[-1]}'{close_match(str(rest[-1]), model.model_fields)}"
    if error["type"] == "missing":
        return f"{prefix}missing key '{rest[-1]}'"
    field = _dotted(rest)
    return f"{prefix}{field + ': ' if field else ''}{plain_message(error)}"


def load_sources(path: Path) -> SourcesConfig:
    if not path.is_file():
        raise SourcesError(f"sources file not found: {path}")
    try:
        data = read_yaml(path)
    except ConfigError as exc:
        raise SourcesError(str(exc)) from exc
    try:
        return SourcesConfig.model_validate(data or {})
    except ValidationError as exc:
        lines = [_describe(data, tuple(e["loc"]), e) for e in exc.errors()]
        raise SourcesError(f"{path}: " + f"\n{path}: ".join(lines)) from exc
