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


class ExtractSettings(BaseModel):
    favor_precision: bool = True
    include_comments: bool = False
    include_tables: bool = True
    min_text_chars: int = 200


class Settings(BaseModel):
    home: Path = Path("data")
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
