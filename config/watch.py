"""The watchlists file (e.g. config/watch.yaml): named lists of the regions, sites, companies, people,
investor countries, fact kinds and keywords someone follows, each with its recipients and webhook.

Every key is checked like the sources file's: an unknown key, a kind that does not exist or a region
or country code that is not one stops with one line naming the file, the list and the key. Region and
country names are resolved to ISO codes with the lookups the caller passes (the reference tables);
config itself reads no reference data."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from config.files import ConfigError, close_match, plain_message, read_yaml

# The kinds of item a digest tells, in the order it shows them (transforms.watch.kinds labels them).
KINDS = (
    "new_site",
    "new_resident",
    "foreign_investor",
    "support_measure",
    "legal_act",
    "event",
    "person_role",
)
EXAMPLE = Path(__file__).with_name("watch.yaml")  # the bundled example the demo builds digests for
LIST_NAME = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"  # also the name of the list's output folder


class WatchError(ConfigError):
    """The watchlists file is missing or malformed; the message says where."""


class WatchList(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=LIST_NAME)
    title: str | None = None
    recipients: list[str] = Field(default_factory=list)
    webhook: str | None = None
    regions: list[str] = Field(default_factory=list)  # ISO 3166-2:RU codes or names; resolved to codes
    sites: list[str] = Field(default_factory=list)  # dim_site keys or names
    companies: list[str] = Field(default_factory=list)
    people: list[str] = Field(default_factory=list)
    investor_countries: list[str] = Field(default_factory=list)  # ISO 3166-1 alpha-2 codes or names
    kinds: list[str] = Field(default_factory=list)  # empty: every kind
    keywords: list[str] = Field(default_factory=list)

    @field_validator("webhook")
    @classmethod
    def _absolute_http(cls, url: str | None) -> str | None:
        if url is not None and not url.startswith(("http://", "https://")):
            raise ValueError(f"not an absolute http(s) URL: {url!r}")
        return url

    @field_validator("kinds")
    @classmethod
    def _known_kinds(cls, kinds: list[str]) -> list[str]:
        for kind in kinds:
            if kind not in KINDS:
                raise ValueError(
                    f"unknown kind '{kind}'{close_match(kind, KINDS)}; kinds: {', '.join(KINDS)}"
                )
        return kinds

    @field_validator("sites", mode="before")
    @classmethod
    def _site_keys_as_text(cls, values: Any) -> Any:
        """A site key written as a number (sites: [8496245503121407461]) is the same as written as text."""
        if isinstance(values, list):
            return [str(v) if isinstance(v, int) and not isinstance(v, bool) else v for v in values]
        return values

    @field_validator(
        "regions", "sites", "companies", "people", "investor_countries", "keywords", "recipients"
    )
    @classmethod
    def _no_blanks(cls, values: list[str]) -> list[str]:
        cleaned = [str(v).strip() for v in values]
        if any(not v for v in cleaned):
            raise ValueError("an empty entry")
        return cleaned

    @property
    def heading(self) -> str:
        return self.title or self.name


class WatchConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    allow_private_networks: bool = False  # webhooks on private or loopback addresses (tests, intranets)
    feed_runs: int = Field(default=10, ge=1, le=200)  # the Atom feed holds the items of this many runs
    webhook_timeout: float = Field(default=10.0, gt=0, le=120)  # seconds per attempt
    webhook_retries: int = Field(default=2, ge=0, le=10)  # attempts after the first
    lists: list[WatchList]

    @field_validator("lists")
    @classmethod
    def _unique_names(cls, lists: list[WatchList]) -> list[WatchList]:
        if not lists:
            raise ValueError("at least one list is needed")
        names = [item.name.lower() for item in lists]
        repeated = sorted({n for n in names if names.count(n) > 1})
        if repeated:
            raise ValueError(f"list names must be unique, repeated: {', '.join(repeated)}")
        return lists

    def named(self, name: str) -> WatchList:
        for item in self.lists:
            if item.name == name:
                return item
        names = [item.name for item in self.lists]
        raise WatchError(f"no list named '{name}'{close_match(name, names)}; lists: {', '.join(names)}")


def _where(data: Any, loc: tuple[Any, ...]) -> tuple[str, tuple[Any, ...]]:
    if len(loc) >= 2 and loc[0] == "lists" and isinstance(loc[1], int):
        entries = data.get("lists") if isinstance(data, dict) else None
        entry = entries[loc[1]] if isinstance(entries, list) and loc[1] < len(entries) else None
        name = entry.get("name") if isinstance(entry, dict) else None
        return (f"list '{name}': " if name else f"lists[{loc[1]}]: "), loc[2:]
    return "", loc


def _describe(data: Any, loc: tuple[Any, ...], error: Any) -> str:
    prefix, rest = _where(data, loc)
    if error["type"] == "extra_forbidden":
        model = WatchList if prefix else WatchConfig
        return f"{prefix}unknown key '{rest[-1]}'{close_match(str(rest[-1]), model.model_fields)}"
    if error["type"] == "missing":
        return f"{prefix}missing key '{rest[-1]}'"
    field = ".".join(str(part) for part in rest if not isinstance(part, int))
    return f"{prefix}{field + ': ' if field else ''}{plain_message(error)}"


def _resolve(values: list[str], lookup: Mapping[str, str], what: str, where: str) -> list[str]:
    """Each code or name as its ISO code; WatchError naming the first one that is neither."""
    codes = []
    for value in values:
        code = lookup.get(value.casefold())
        if code is None:
            hint = close_match(value.upper(), {v for v in lookup.values()})
            raise WatchError(f"{where}: unknown {what} '{value}'{hint}")
        codes.append(code)
    return sorted(set(codes))


def load_watch(
    path: Path, regions: Mapping[str, str] | None = None, countries: Mapping[str, str] | None = None
) -> WatchConfig:
    """The validated watchlists of a YAML file. `regions` and `countries` map a casefolded code or name
    to its ISO code; when given, each list's regions and investor_countries are resolved to codes."""
    if not path.is_file():
        raise WatchError(f"watchlists file not found: {path}")
    try:
        data = read_yaml(path)
    except ConfigError as exc:
        raise WatchError(str(exc)) from exc
    try:
        config = WatchConfig.model_validate(data or {})
    except ValidationError as exc:
        lines = [_describe(data, tuple(e["loc"]), e) for e in exc.errors()]
        raise WatchError(f"{path}: " + f"\n{path}: ".join(lines)) from exc
    for item in config.lists:
        where = f"{path}: list '{item.name}'"
        if regions is not None:
            item.regions = _resolve(item.regions, regions, "region", f"{where}: regions")
        if countries is not None:
            item.investor_countries = _resolve(
                item.investor_countries, countries, "country", f"{where}: investor_countries"
            )
    return config
