"""A run's CPU by process and stage, from py-spy's collapsed stacks.

`py-spy record --subprocesses --gil --format raw --rate R` writes one line per distinct stack with its
count of samples: `process PID:"COMMAND";…;frame;…;frame COUNT` (every process from the root down to the
sampled one, then its frames, root first; a frame is `function (file:line)`). With `--gil` only the
thread holding the interpreter lock is sampled: the Python code running, not the threads waiting (on
this machine py-spy cannot tell a waiting thread from a running one otherwise). On a loaded machine a
sample is wall time, not CPU time, and code that releases the lock (DuckDB, polars' threads, zlib) is
not seen: `table` scales each kind of process to the CPU seconds it used (bench/run.py reads them from
/proc), so the stages share each process's CPU in the proportions sampled.

Each sample is put in the stage of the deepest frame a rule of STAGES names (an import inside a stage
is `stage: import PACKAGE`), or the worker's warm-up when it is under `flows.warm.warm`; outside every
stage, a Prefect frame makes it `Prefect`, an import `import PACKAGE`, anything else `other`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

# (command-line fragment, kind of process), the first that matches
PROCESS_KINDS = (
    ("py-spy", "profiler"),
    ("cli.prefect_api", "Prefect server"),
    ("multiprocessing.spawn", "worker"),
    ("multiprocessing.resource_tracker", "resource tracker"),
    ("cli run", "flow"),
)
# (label, function, file ending): the stage of a sample is that of its deepest matching frame
STAGES = (
    ("start: migrate, record the run", "begin_run", "flows/pipeline.py"),
    ("warehouse state", "warehouse_state_task", "flows/tasks.py"),
    ("crawl", "crawl_task", "flows/tasks.py"),
    ("gates", "validate", "expectations/runner.py"),
    ("gates: references", "check_references", "expectations/keys.py"),
    ("gates: fact frames", "_gate_facts", "flows/pipeline.py"),
    ("normalise", "normalise_batch", "transforms/normalise/articles.py"),
    ("normalise: duplicates", "duplicate_marks", "transforms/normalise/dedup.py"),
    ("normalise: SimHash", "simhash", "transforms/normalise/dedup.py"),
    ("normalise: sentences", "split_sentences", "transforms/normalise/sentences.py"),
    ("normalise: keys, hashes", "_keyed", "transforms/normalise/articles.py"),
    ("crawl: raw store", "put", "ingest/raw_store.py"),
    ("stream: known articles", "_known_too", "flows/stream.py"),
    ("load: stage a batch", "RunLoad.add", "warehouse/load.py"),
    ("load: move and commit", "RunLoad.finish", "warehouse/load.py"),
    ("load: warehouse checks", "run_checks", "warehouse/quality_checks.py"),
    ("quality summary, Data Docs", "_quality_report", "flows/pipeline.py"),
    ("search index", "build_search_index", "warehouse/search.py"),
    ("publish", "publish", "warehouse/publish.py"),
    ("report", "report_task", "flows/report.py"),
    ("watch", "watch_task", "flows/watch.py"),
    ("send a batch to a worker", "_feed", "multiprocessing/queues.py"),
    ("results from the workers", "wait_result_broken_or_wakeup", "concurrent/futures/process.py"),
    ("results from the workers", "_recv_bytes", "multiprocessing/connection.py"),
    ("worker: receive a batch", "get", "multiprocessing/queues.py"),
    ("worker: send a result", "_sendback_result", "concurrent/futures/process.py"),
    ("extract: read the raw store", "read_pages", "ingest/stored.py"),
    ("extract", "extract_pages", "transforms/extract/pages.py"),
    ("extract: decode", "_decode", "transforms/extract/article.py"),
    ("extract: parse", "_tree", "transforms/extract/article.py"),
    ("extract: clean the tree", "clean_tree", "transforms/extract/htmlclean.py"),
    ("extract: metadata", "_metadata", "transforms/extract/article.py"),
    ("extract: trafilatura passes", "bare_extraction", "trafilatura/core.py"),
    ("extract: checks", "_check_text", "transforms/extract/article.py"),
    ("extract: date", "resolve_published", "transforms/extract/dates.py"),
    ("extract: language", "detect_language", "transforms/extract/language.py"),
    ("intel", "article_facts", "transforms/intel/frames.py"),
)
WARM_UP = ("warm-up", "warm", "flows/warm.py")
FRAME = re.compile(r"^(?P<function>.*) \((?P<file>.*):\d+\)$")
PROCESS = re.compile(r'^process (?P<pid>\d+):"(?P<command>[^"]*)"(?:;(?P<rest>.*))?$')
IMPORT = "_find_and_load"


@dataclass
class Profile:
    """Samples per (process kind, stage), the processes seen of each kind, and own samples per leaf
    function per kind."""

    rate: float
    samples: Counter[tuple[str, str]] = field(default_factory=Counter)
    processes: dict[str, set[int]] = field(default_factory=dict)
    leaves: dict[str, Counter[str]] = field(default_factory=dict)

    def seconds(self) -> dict[tuple[str, str], float]:
        return {key: n / self.rate for key, n in self.samples.most_common()}

    def by_kind(self) -> dict[str, float]:
        totals: Counter[str] = Counter()
        for (kind, _), n in self.samples.items():
            totals[kind] += n
        return {kind: n / self.rate for kind, n in totals.most_common()}

    def top_leaves(self, kind: str, n: int = 15) -> list[tuple[str, float]]:
        return [(name, count / self.rate) for name, count in self.leaves.get(kind, Counter()).most_common(n)]


def process_kind(command: str) -> str:
    return next((kind for fragment, kind in PROCESS_KINDS if fragment in command), "other")


def _frame(text: str) -> tuple[str, str]:
    match = FRAME.match(text)
    return (match["function"], match["file"]) if match else (text, "")


def _package(file: str) -> str:
    """The top package of a `<module>` frame's file (py-spy gives files from their sys.path folder)."""
    parts = Path(file).parts
    return parts[0].removesuffix(".py") if parts else file


def _imported(frames: list[tuple[str, str]], after: int) -> str | None:
    """The package imported by the first import at or past `after`: the `<module>` frame following it."""
    for i in range(after, len(frames)):
        if frames[i][0] == IMPORT:
            module = next((f for fn, f in frames[i + 1 :] if fn == "<module>"), None)
            return _package(module) if module else "?"
    return None


def stage_of(frames: list[tuple[str, str]]) -> str:
    """The stage a stack (root first, as (function, file)) is counted in."""
    found, at = None, 0
    for i, (function, file) in enumerate(frames):
        for label, name, ending in STAGES:
            if (function == name or function.endswith(f".{name}")) and file.endswith(ending):
                found, at = label, i + 1
    label, name, ending = WARM_UP
    if any(f == name and file.endswith(ending) for f, file in frames):
        found = label if found is None else f"{label}: {found}"
    imported = _imported(frames, at)
    if found is not None:
        return f"{found}: import {imported}" if imported else found
    if imported:
        return f"import {imported}"
    if any(file.startswith("prefect/") for _, file in frames):
        return "Prefect"
    return "other"


def read_profile(lines: Iterable[str], rate: float) -> Profile:
    """The profile of py-spy's raw output (`lines`) sampled at `rate` per second."""
    profile = Profile(rate)
    for line in lines:
        stack, _, count = line.rstrip("\n").rpartition(" ")
        if not stack or not count.isdigit():
            continue
        kind, stack = _process(stack, profile)
        frames = [_frame(f) for f in stack.split(";") if f]
        frames = [f for f in frames if not f[0].startswith("thread (")]
        profile.samples[(kind, stage_of(frames))] += int(count)
        if frames:
            function, file = frames[-1]
            profile.leaves.setdefault(kind, Counter())[f"{function} ({file})"] += int(count)
    return profile


def _process(stack: str, profile: Profile) -> tuple[str, str]:
    """The kind of the process a stack is of (py-spy names every process from the root down, the
    sampled one last; a command may hold ';', a spawned worker's does), and the stack without them."""
    kind = "other"
    while process := PROCESS.match(stack):
        kind = process_kind(process["command"])
        profile.processes.setdefault(kind, set()).add(int(process["pid"]))
        stack = process["rest"] or ""
    return kind, stack


def scaled(profile: Profile, cpu_by_kind: dict[str, float] | None = None) -> dict[tuple[str, str], float]:
    """Seconds per (kind, stage), each kind's samples scaled to its measured CPU seconds when given.

    py-spy counts a thread as active while it runs or waits for a core: on a loaded machine a sample
    is wall time of a runnable thread, not CPU time. Within one process the stages' shares hold; the
    process's CPU read from /proc gives the seconds."""
    seconds = profile.seconds()
    sampled = profile.by_kind()
    factor = {k: (cpu_by_kind or {}).get(k, s) / s if s else 1.0 for k, s in sampled.items()}
    return {key: s * factor[key[0]] for key, s in seconds.items()}


def table(profile: Profile, cpu_by_kind: dict[str, float] | None = None, least: float = 0.2) -> list[str]:
    """Lines of a table: CPU seconds per process kind, then per stage within it (stages under `least`
    seconds summed as `smaller`); each kind scaled to `cpu_by_kind` when given (see `scaled`)."""
    lines = [f"{'process / stage':<58} {'CPU s':>8} {'share':>7}"]
    seconds = scaled(profile, cpu_by_kind)
    by_kind: Counter[str] = Counter()
    for (kind, _), s in seconds.items():
        by_kind[kind] += s
    total = sum(by_kind.values()) or 1.0
    for kind, kind_seconds in by_kind.most_common():
        name = f"{kind} ({len(profile.processes.get(kind, ()))} processes)"
        lines.append(f"{name:<58} {kind_seconds:>8.1f} {kind_seconds / total:>7.1%}")
        small = 0.0
        for (k, stage), s in sorted(seconds.items(), key=lambda kv: -kv[1]):
            if k != kind:
                continue
            if s < least:
                small += s
                continue
            lines.append(f"  {stage:<56} {s:>8.1f} {s / total:>7.1%}")
        if small:
            lines.append(f"  {'smaller':<56} {small:>8.1f} {small / total:>7.1%}")
    return lines
