"""One typed settings object: defaults in the repo, overrides from a YAML file and the environment."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

import annotated_types
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic.fields import FieldInfo

from config.files import ConfigError, close_match, plain_message, read_yaml

ENV_PREFIX = "CLUSTERWATCH_"
OTHER_VARIABLES = frozenset({"CLUSTERWATCH_REPO"})  # read by the deployments, not settings
LOG = logging.getLogger("clusterwatch.config")
SettingPath = tuple[str, ...]


class SettingsError(ConfigError):
    """A setting has a value it cannot take; the message names the variable (or file and key)."""


MIB = 1024 * 1024


class FetchSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    user_agent: str = Field(
        default="clusterwatch/0.1 (news ETL crawler; set CLUSTERWATCH_FETCH__USER_AGENT for a contact)",
        min_length=1,
        max_length=500,
    )
    connect_timeout: float = Field(default=5.0, gt=0, le=300)
    read_timeout: float = Field(default=15.0, gt=0, le=600)
    max_body_bytes: int = Field(default=5_000_000, ge=1, le=500 * MIB)
    max_redirects: int = Field(default=5, ge=0, le=20)
    retries: int = Field(default=2, ge=0, le=10)  # further attempts after a failed one
    backoff_seconds: float = Field(default=0.5, ge=0, le=60)  # first wait; doubles per attempt
    max_backoff_seconds: float = Field(default=30.0, ge=0, le=600)  # one wait between attempts, at most
    max_retry_wait: float = Field(default=120.0, ge=0, le=3600)  # all waits on one URL in one run, at most
    max_pages_per_source: int = Field(default=500, ge=1, le=1_000_000)  # more are `skipped`, for later runs
    max_fetch_seconds: float = Field(default=60.0, gt=0, le=3600)  # wall time for one body (a slow drip)
    max_retry_after: float = Field(default=30.0, ge=0, le=3600)  # a longer Retry-After is capped at this
    global_concurrency: int = Field(default=8, ge=1, le=256)  # requests in flight across all hosts
    per_host_concurrency: int = Field(default=2, ge=1, le=64)  # requests in flight to one host
    per_host_delay: float = Field(default=1.0, ge=0, le=3600)  # seconds between starts to one host
    max_crawl_delay: float = Field(default=30.0, ge=0, le=3600)  # a longer robots.txt Crawl-delay is capped
    politeness_limits: bool = True  # False switches off per-host delays and limits (benchmarks only)
    incremental: bool = True  # conditional GET and the content-hash check against the previous run


class ExtractSettings(BaseModel):
    """Mirrored by transforms.extract.article.ExtractOptions (the flow builds one from the other)."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    favor_precision: bool = False  # precision mode for the first pass (lower F1 on real pages)
    include_comments: bool = False
    include_tables: bool = True
    min_text_chars: int = Field(default=200, ge=1, le=100_000)  # less main text: not an article
    recall_fallback: bool = True  # the recall-oriented pass when the first finds less than min_text_chars
    max_link_share: float = Field(default=0.6, gt=0, le=1)  # more text in link lines: a list of links
    max_linked_headlines: int = Field(default=3, ge=1, le=1000)  # this many "headline + teaser": a listing
    max_markup_chars: int = Field(default=2_000_000, ge=10_000, le=200_000_000)  # markup left, cleaned
    max_page_bytes: int = Field(default=10_000_000, ge=10_000, le=500 * MIB)  # larger bodies: not parsed


class AnalystSettings(BaseModel):
    """The bounds of `clusterwatch sql` and `export` on the analyst connection (see docs/warehouse.md)."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    memory_limit_mb: int = Field(default=1024, ge=64, le=1_048_576)  # DuckDB memory_limit of a query
    max_temp_mb: int = Field(default=1024, ge=0, le=1_048_576)  # spill to disk at most (0: never spill)
    temp_directory: Path | None = None  # where a query spills [HOME/published/.analyst-tmp]
    timeout_seconds: float = Field(default=300.0, gt=0, le=86_400)  # a query running longer is stopped
    max_query_bytes: int = Field(default=1_000_000, ge=1_000, le=100 * MIB)  # query text read at most
    threads: int = Field(default=2, ge=1, le=256)


class ReportSettings(BaseModel):
    """What the HTML report shows (see docs/reports.md)."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    # a failed check's URLs listed on the quality page; the rest are counted, and all are in its CSV
    urls_per_check: int = Field(default=50, ge=1, le=10_000)


class RunSettings(BaseModel):
    """One run per HOME: how long a run waits for the one before it to finish; the memory its load
    keeps; how long the temporary Prefect server is kept for the next run; whether the CLI checks for
    changes before starting a flow."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    lease_wait_seconds: float = Field(default=0.0, ge=0, le=86_400)  # 0: stop at once when HOME is busy
    lock_wait_seconds: float = Field(default=60.0, ge=0, le=3600)  # a connection waits this long on a lock
    # DuckDB memory_limit of the run's working database: staged batches past it spill to HOME's .tmp folder
    memory_limit_mb: int = Field(default=256, ge=128, le=1_048_576)
    # how long the CLI's temporary Prefect server stays up for the next run on this HOME once no run uses
    # it; 0: it stops with its run (cli/prefect_api.py)
    server_keep_seconds: float = Field(default=0.0, ge=0, le=86_400)
    # `clusterwatch run` first crawls without Prefect and, when no page is new or changed, records the run
    # without starting a flow (flows/precheck/); false: every run starts the flow
    precheck: bool = True
    # when the check finds a change, the flow's crawl takes its discovery and at most this many of the
    # pages it settled (about 1 KB each: the bodies are in the raw store) instead of requesting them
    # again; the pages past it are requested again (flows/precheck/handoff.py); 0: only the discovery
    precheck_keep_pages: int = Field(default=20_000, ge=0, le=1_000_000)


class MemorySettings(BaseModel):
    """How the run's process gives freed memory back, set as it starts (flows/memory.py; see
    docs/operations.md#memory-of-a-long-run). 0 keeps the allocator's own default."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    # glibc: a block of at least this many KiB gets a mapping of its own, returned to the system on free
    mmap_threshold_kb: int = Field(default=0, ge=0, le=32_768)
    # glibc: free memory past this many KiB at the top of a heap is returned to the system
    trim_threshold_kb: int = Field(default=0, ge=0, le=1_048_576)
    # polars' jemalloc: "lean" (one arena, no thread caches, freed pages returned at once) or "default"
    polars_allocator: Literal["lean", "default"] = "lean"

    @field_validator("mmap_threshold_kb", "trim_threshold_kb")
    @classmethod
    def _zero_or_page_sized(cls, value: int) -> int:
        """Below 64 KiB every small block would be a system call (and a 4 KiB page) of its own."""
        if 0 < value < 64:
            raise ValueError("must be 0 (the allocator's default) or at least 64")
        return value


# a task's retries: how many further tries, the wait before each (seconds; the last repeats when there are
# more retries than waits), and how far each wait may stretch at random (0.5: up to 1.5 times it)
Retries = Annotated[int, Field(ge=0, le=10)]
RetryDelay = Annotated[float, Field(ge=0, le=3600)]
RetryDelays = Annotated[tuple[RetryDelay, ...], Field(min_length=1, max_length=10)]
RetryJitter = Annotated[float, Field(ge=0, le=1)]


class TaskRetries(BaseModel):
    """How a Prefect task of the run is tried again after it fails (flows/tasks.py builds each task with
    these, `Task.with_options`)."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    retries: Retries = 0
    retry_delays: RetryDelays = (0.0,)
    retry_jitter: RetryJitter = 0.0

    @field_validator("retry_delays", mode="before")
    @classmethod
    def _comma_separated(cls, value: Any) -> Any:
        """CLUSTERWATCH_TASKS__PUBLISH__RETRY_DELAYS=2,10"""
        return tuple(v.strip() for v in value.split(",")) if isinstance(value, str) else value


class CrawlRetries(TaskRetries):
    """The crawl: a whole stage failing (the network down); single requests retry inside the fetcher."""

    retries: Retries = 2
    retry_delays: RetryDelays = (60.0, 120.0)
    retry_jitter: RetryJitter = 0.5


class WarehouseStateRetries(TaskRetries):
    """Reading what earlier runs loaded (the database locked by another process)."""

    retries: Retries = 3
    retry_delays: RetryDelays = (1.0, 5.0, 20.0)


class PublishRetries(TaskRetries):
    """Writing the snapshot."""

    retries: Retries = 2
    retry_delays: RetryDelays = (2.0, 10.0)


class TaskSettings(BaseModel):
    """The retries of the run's network and database tasks (see docs/scheduling.md)."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    crawl: CrawlRetries = Field(default_factory=CrawlRetries)
    warehouse_state: WarehouseStateRetries = Field(default_factory=WarehouseStateRetries)
    publish: PublishRetries = Field(default_factory=PublishRetries)


def _default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 256))


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    home: Path = Path("data")
    batch_size: int = Field(default=200, ge=1, le=100_000)  # pages per extraction task, at most
    workers: int = Field(default_factory=_default_workers, ge=1, le=256)  # processes of the CPU stages
    fetch: FetchSettings = Field(default_factory=FetchSettings)
    extract: ExtractSettings = Field(default_factory=ExtractSettings)
    analyst: AnalystSettings = Field(default_factory=AnalystSettings)
    report: ReportSettings = Field(default_factory=ReportSettings)
    run: RunSettings = Field(default_factory=RunSettings)
    memory: MemorySettings = Field(default_factory=MemorySettings)
    tasks: TaskSettings = Field(default_factory=TaskSettings)
    languages: tuple[str, ...] = ("ru", "en")
    watch_file: Path = Path("config/watch.yaml")  # the watchlists whose digests are built after every run
    # the raw page store as an fsspec URL (s3://bucket/raw, file:///srv/raw); unset: the folder HOME/raw
    raw_store: str | None = Field(default=None, min_length=1, max_length=2000)
    # where extraction results are cached, an fsspec URL or folder; unset: Prefect's local result storage
    result_cache: str | None = Field(default=None, min_length=1, max_length=2000)
    # the Dask scheduler of `--runner dask` (tcp://host:8786); unset: a local cluster for the run
    dask_address: str | None = Field(default=None, min_length=7, max_length=500, pattern=r"^[a-z+]+://\S+$")

    @field_validator("languages", mode="before")
    @classmethod
    def _comma_separated(cls, value: Any) -> Any:
        """CLUSTERWATCH_LANGUAGES=ru,en"""
        return tuple(v.strip() for v in value.split(",") if v.strip()) if isinstance(value, str) else value

    @property
    def database_path(self) -> Path:
        return self.home / "clusterwatch.duckdb"

    @property
    def raw_store_url(self) -> str:
        """Where fetched bodies are kept: the raw_store setting, else the folder HOME/raw."""
        return self.raw_store or str(self.home / "raw")


def setting_variables(model: type[BaseModel] = Settings, path: SettingPath = ()) -> dict[str, SettingPath]:
    """Every CLUSTERWATCH_* name a setting answers to, and the setting's path: CLUSTERWATCH_HOME,
    CLUSTERWATCH_FETCH__READ_TIMEOUT, …"""
    names: dict[str, SettingPath] = {}
    for name, field in model.model_fields.items():
        inner = field.annotation
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            names.update(setting_variables(inner, (*path, name)))
        else:
            names[ENV_PREFIX + "__".join((*path, name)).upper()] = (*path, name)
    return names


_warned: set[str] = set()


def _warn_unknown(name: str, known: Mapping[str, SettingPath]) -> None:
    """Once per process: a CLUSTERWATCH_* variable that is no setting is ignored, and said so."""
    if name in _warned:
        return
    _warned.add(name)
    hint = close_match(name, known).replace("'", "")
    LOG.warning("%s is not a clusterwatch setting and is ignored%s", name, hint)


def _env_overrides(environ: Mapping[str, str]) -> dict[SettingPath, Any]:
    """CLUSTERWATCH_HOME=… and CLUSTERWATCH_FETCH__READ_TIMEOUT=… style overrides, by setting path."""
    known = setting_variables()
    found: dict[SettingPath, Any] = {}
    for name, value in sorted(environ.items()):
        if not name.startswith(ENV_PREFIX) or name in OTHER_VARIABLES:
            continue
        if name.upper() in known:
            found[known[name.upper()]] = value
        else:
            _warn_unknown(name, known)
    return found


def _leaves(data: Mapping[str, Any], path: SettingPath = ()) -> Iterator[tuple[SettingPath, Any]]:
    for key, value in data.items():
        if isinstance(value, Mapping):
            yield from _leaves(value, (*path, str(key)))
        else:
            yield (*path, str(key)), value


def _nested(flat: Mapping[SettingPath, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for path, value in flat.items():
        target = data
        for part in path[:-1]:
            target = target.setdefault(part, {})
            if not isinstance(target, dict):
                break
        else:
            target[path[-1]] = value
    return data


def _describe(error: Any, origins: Mapping[SettingPath, str], flat: Mapping[SettingPath, Any]) -> str:
    """One error in the words of where its value came from: the variable, the file's key, the option."""
    loc = tuple(str(part) for part in error["loc"])
    path = next((loc[:n] for n in range(len(loc), 0, -1) if loc[:n] in origins), loc)
    where, dotted = origins.get(path, ""), ".".join(loc)
    if error["type"] == "extra_forbidden":
        fields = {p[-1] for p in setting_variables().values() if p[:-1] == loc[:-1]}
        return f"{where}{dotted}: unknown setting{close_match(loc[-1], fields)}"
    label = where if where.startswith(ENV_PREFIX) else f"{where}{dotted}"
    return f"{label}={flat.get(path)!r}: {plain_message(error)}{setting_range(loc)}"


BOUNDS = ((annotated_types.Gt, "gt", ">"), (annotated_types.Ge, "ge", ">="))
UPPER = ((annotated_types.Lt, "lt", "<"), (annotated_types.Le, "le", "<="))


def _field(path: SettingPath) -> FieldInfo | None:
    model: Any = Settings
    field = None
    for part in path:
        if part.isdigit() and field is not None and get_args(field.annotation):  # an item of a tuple
            field = FieldInfo.from_annotation(get_args(field.annotation)[0])
            continue
        fields = getattr(model, "model_fields", {})
        if part not in fields:
            return None
        field = fields[part]
        model = field.annotation
    return field


def setting_range(path: SettingPath) -> str:
    """' (range: 0 < value <= 600)' for a bounded setting, '' for one without bounds."""
    field = _field(path)
    if field is None:
        return ""
    low = high = ""
    for item in field.metadata:
        for kind, name, sign in BOUNDS:
            if isinstance(item, kind):
                low = f"{getattr(item, name)} {sign.replace('>', '<')} "
        for kind, name, sign in UPPER:
            if isinstance(item, kind):
                high = f" {sign} {getattr(item, name)}"
    return f" (range: {low}value{high})" if low or high else ""


def load_settings(
    file: Path | None = None,
    environ: Mapping[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Defaults, then the YAML file, then CLUSTERWATCH_* variables, then explicit keyword overrides.
    SettingsError names the variable, file key or keyword of a value that does not fit, in one line;
    an unknown CLUSTERWATCH_* variable is logged as a warning (logger clusterwatch.config) and ignored."""
    flat: dict[SettingPath, Any] = {}
    origins: dict[SettingPath, str] = {}
    layers = [
        (f"{file}: ", _file_values(file)),
        ("", _env_overrides(os.environ if environ is None else environ)),
        ("argument ", dict(_leaves({k: v for k, v in overrides.items() if v is not None}))),
    ]
    for label, values in layers:
        for path, value in values.items():
            flat[path] = value
            origins[path] = label if label else ENV_PREFIX + "__".join(path).upper()
    try:
        return Settings.model_validate(_nested(flat))
    except ValidationError as exc:
        raise SettingsError("; ".join(_describe(e, origins, flat) for e in _own(exc.errors()))) from exc


def _own(errors: list[Any]) -> list[Any]:
    """The errors without a list's "too short" that only follows from an item of it refused."""
    items = {tuple(e["loc"][:-1]) for e in errors if isinstance(e["loc"][-1], int)}
    return [e for e in errors if not (e["type"] == "too_short" and tuple(e["loc"]) in items)]


def _file_values(file: Path | None) -> dict[SettingPath, Any]:
    if file is None:
        return {}
    try:
        data = read_yaml(file) or {}
    except ConfigError as exc:
        raise SettingsError(str(exc)) from exc
    if not isinstance(data, Mapping):
        raise SettingsError(f"{file}: a mapping of settings is expected, not {type(data).__name__}")
    return dict(_leaves(data))
