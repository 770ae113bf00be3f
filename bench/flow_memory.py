"""The flow's process, batch by batch: `python -m bench.flow_memory [--pages N] [--env NAME=VALUE ...]`.

Serves the real site of N pages (bench/out/real-N, built by bench/realsite.py when missing) on
127.0.0.1, politeness off, and runs `clusterwatch run` on it in a child process (the command's own
entry, so the process's start-up settings apply as in a real run; `--env` adds variables to the child's
environment, e.g. `--env CLUSTERWATCH_MEMORY__MMAP_THRESHOLD_KB=0`). After each batch is loaded the
child writes, after `gc.collect()`: pages processed, its RSS and anonymous RSS, glibc's `mallinfo2()`
(heap in use `uordblks`, freed but kept `fordblks`, its own mmapped chunks `hblkhd`, all it holds
`glibc`), the arenas of Python's small-object allocator (`pymalloc`), pyarrow's default pool, the polars
frames alive in Python and their estimated size (series counted with them), the threads, `rest`
(anonymous RSS that glibc, pymalloc and DuckDB's allocator do not account for: polars' jemalloc,
pyarrow's mimalloc, thread stacks), DuckDB's `duckdb_memory()` on the run's connection and DuckDB's own
jemalloc (`stats.allocated`, `stats.resident`, `stats.retained`). `--purge-polars` also purges polars'
jemalloc after each sample and records what the RSS fell by. The trace goes to bench/out/flow-memory-
LABEL.tsv; the summary printed is each figure's slope per 1,000 pages from `--from` pages to the end (a
least-squares line through the batches), the peak RSS, and the wall and CPU seconds of the run's process
tree (the flow's process and its workers).
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import inspect
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

OUT = Path(__file__).parent / "out"
REPO = Path(__file__).resolve().parent.parent
COLUMNS = (
    "pages",
    "rss_mb",
    "rss_anon_mb",
    "uordblks_mb",
    "fordblks_mb",
    "hblkhd_mb",
    "glibc_mb",
    "pymalloc_mb",
    "arrow_mb",
    "frames",
    "frames_mb",
    "threads",
    "rest_mb",
    "duckdb_mb",
    "je_allocated_mb",
    "je_resident_mb",
    "je_retained_mb",
    "pl_purged_mb",
    "cpu_s",
)
MB = 1024 * 1024
PURGE_POLARS = "FLOW_MEMORY_PURGE_POLARS"  # set by --purge-polars for the child


class _Mallinfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena",
            "ordblks",
            "smblks",
            "hblks",
            "hblkhd",
            "usmblks",
            "fsmblks",
            "uordblks",
            "fordblks",
            "keepcost",
        )
    ]


def _status_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field):
            return int(line.split()[1]) / 1024
    return 0.0


def _mallinfo() -> tuple[float, float, float, float]:
    """glibc's heap: in use, freed but kept, its own mmapped chunks, and all it holds from the system (MB)."""
    libc = ctypes.CDLL(None)
    libc.mallinfo2.restype = _Mallinfo2
    info = libc.mallinfo2()
    return info.uordblks / MB, info.fordblks / MB, info.hblkhd / MB, (info.arena + info.hblkhd) / MB


def _pymalloc_mb() -> float:
    """The arenas Python's small-object allocator holds (`sys._debugmallocstats`, which writes to fd 2)."""
    with tempfile.TemporaryFile() as sink:
        saved = os.dup(2)
        try:
            os.dup2(sink.fileno(), 2)
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        sink.seek(0)
        text = sink.read().decode("utf-8", "replace")
    for line in text.splitlines():
        if "bytes/arena" in line:
            return int(line.split("=")[1].replace(",", "")) / MB
    return 0.0


def _frames() -> tuple[float, float]:
    """polars frames and series alive in Python (what the flow's code keeps) and their size in MB."""
    polars = sys.modules.get("polars")
    if polars is None:
        return 0.0, 0.0
    kinds = (polars.DataFrame, polars.Series)
    alive = [o for o in gc.get_objects() if isinstance(o, kinds)]
    frames = [o for o in alive if isinstance(o, polars.DataFrame)]
    return float(len(frames)), sum(o.estimated_size() for o in alive) / MB


def _arrow_mb() -> float:
    """What pyarrow's default pool has allocated, when pyarrow is loaded at all."""
    arrow = sys.modules.get("pyarrow")
    return arrow.total_allocated_bytes() / MB if arrow is not None else 0.0


Mallctl = Callable[..., int]


def _duckdb_mallctl() -> Mallctl | None:
    """DuckDB's built-in jemalloc exports its mallctl."""
    try:
        import _duckdb

        return ctypes.CDLL(_duckdb.__file__).duckdb_je_mallctl
    except (ImportError, OSError, AttributeError):
        return None


def _polars_mallctl() -> Mallctl | None:
    """polars' jemalloc does not export its mallctl; its address is the library's load address plus
    the symbol's value in the library's own symbol table (`nm`)."""
    maps = [line.split() for line in Path("/proc/self/maps").read_text().splitlines()]
    library = next((m[5] for m in maps if len(m) > 5 and "_polars_runtime" in m[5]), None)
    if library is None:
        return None
    found = subprocess.run(["nm", library], capture_output=True, text=True, check=False).stdout
    symbol = next((line.split()[0] for line in found.splitlines() if line.endswith(" _rjem_mallctl")), None)
    if symbol is None:
        return None
    base = min(int(m[0].split("-")[0], 16) for m in maps if len(m) > 5 and m[5] == library)
    signature = ctypes.CFUNCTYPE(
        ctypes.c_int, ctypes.c_char_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t
    )
    return signature(base + int(symbol, 16))


def _jemalloc(mallctl: Mallctl | None) -> tuple[float, float, float]:
    """stats.allocated, stats.resident and stats.retained in MB (0s without the allocator)."""
    if mallctl is None:
        return 0.0, 0.0, 0.0
    epoch = ctypes.c_uint64(1)
    mallctl(b"epoch", None, None, ctypes.cast(ctypes.byref(epoch), ctypes.c_void_p), ctypes.c_size_t(8))
    values = []
    for name in (b"stats.allocated", b"stats.resident", b"stats.retained"):
        value, size = ctypes.c_size_t(0), ctypes.c_size_t(ctypes.sizeof(ctypes.c_size_t))
        pointers = (
            ctypes.cast(ctypes.byref(value), ctypes.c_void_p),
            ctypes.cast(ctypes.byref(size), ctypes.c_void_p),
        )
        failed = mallctl(name, *pointers, None, ctypes.c_size_t(0))
        values.append(0.0 if failed else value.value / MB)
    return values[0], values[1], values[2]


def _purged(mallctl: Mallctl | None) -> float:
    """What the process's RSS falls by when polars' jemalloc gives back every page it keeps free (its
    build has no statistics to ask instead): `arena.4096.purge`, all arenas."""
    if mallctl is None:
        return 0.0
    before = _status_mb("VmRSS:")
    mallctl(b"arena.4096.purge", None, None, None, ctypes.c_size_t(0))
    return before - _status_mb("VmRSS:")


POLARS_MALLCTL: list[Mallctl | None] = []  # looked up once, at the first sample


def _sample(stream: Any) -> list[float]:
    purge = bool(os.environ.get(PURGE_POLARS))
    if purge and not POLARS_MALLCTL:
        POLARS_MALLCTL.append(_polars_mallctl())
    gc.collect()
    heap = _mallinfo()
    pymalloc, arrow, frames = _pymalloc_mb(), _arrow_mb(), _frames()
    try:
        rows = stream.load.con.execute("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchone()
        duck = (rows[0] or 0) / MB
    except Exception:  # a figure missing is not a reason to stop the run
        duck = 0.0
    usage = resource.getrusage(resource.RUSAGE_SELF)
    anon = _status_mb("RssAnon:")
    duck_je = _jemalloc(_duckdb_mallctl())
    rest = anon - heap[3] - pymalloc - duck_je[1]  # anonymous memory no allocator above accounts for
    purged = _purged(POLARS_MALLCTL[0]) if purge else 0.0
    return [
        stream.totals.pages_in,
        _status_mb("VmRSS:"),
        anon,
        *heap,
        pymalloc,
        arrow,
        *frames,
        len(os.listdir("/proc/self/task")),
        rest,
        duck,
        *duck_je,
        purged,
        usage.ru_utime + usage.ru_stime,
    ]


def _owner(container: object, skip: set[int]) -> str:
    """A dict or list by what holds it: an object's attribute, a dict's key, or its type."""
    holders = gc.get_referrers(container)
    skip = skip | {id(holders)}
    for holder in holders:
        if id(holder) in skip or inspect.isframe(holder):
            continue
        if getattr(holder, "__dict__", None) is container:
            return type(holder).__name__
        names = [k for k, v in getattr(holder, "__dict__", {}).items() if v is container]
        if names and not isinstance(holder, type):
            return f"{type(holder).__name__}.{names[0]}"
        if isinstance(holder, dict):
            keys = [k for k, v in holder.items() if v is container]
            if keys:
                return f"{_owner(holder, skip | {id(container)})}.{keys[0]}"
    return type(container).__name__


def _holders(obj: object, skip: set[int]) -> str:
    """What keeps `obj` alive, one level up (its container named by what holds that)."""
    found, holders = [], gc.get_referrers(obj)
    skip = skip | {id(holders), id(found)}
    for holder in holders:
        if id(holder) in skip or inspect.isframe(holder):
            continue
        if isinstance(holder, dict):
            keys = [k for k, v in holder.items() if v is obj]
            found.append(f"{_owner(holder, skip | {id(obj)})}.{keys[0] if keys else '?'}")
        else:
            found.append(f"{type(holder).__name__} in {_owner(holder, skip | {id(obj)})}")
    return "; ".join(found[:4]) or "nothing found"


def _chain(obj: object, skip: set[int], depth: int = 8) -> str:
    """The first path of referrers up from `obj` (cells and dicts skipped over), by type and attribute."""
    names, current, seen = [], obj, set(skip)
    for _ in range(depth):
        holders = gc.get_referrers(current)
        seen |= {id(holders), id(current)}
        wanted = [h for h in holders if id(h) not in seen and not inspect.isframe(h)]
        seen.add(id(wanted))
        named = [h for h in wanted if type(h).__name__ != "cell"]
        seen.add(id(named))
        if not (named or wanted):
            break
        holder = (named or wanted)[0]
        del holders, wanted, named
        if isinstance(holder, dict):
            keys = [k for k, v in holder.items() if v is current]
            names.append(f"[{keys[0]!r}]" if keys else "{}")
        else:
            attrs = [k for k, v in getattr(holder, "__dict__", {}).items() if v is current]
            names.append(f"{type(holder).__name__}" + (f".{attrs[0]}" if attrs else ""))
        current = holder
    return " <- ".join(names)


def dump_frames(path: Path) -> None:
    """The polars frames alive, grouped by their columns: how many, their size, what holds the largest."""
    import polars

    groups: dict[tuple[str, ...], list[Any]] = {}
    for o in gc.get_objects():
        if isinstance(o, polars.DataFrame):
            groups.setdefault(tuple(o.columns), []).append(o)
    ranked = sorted(groups.items(), key=lambda kv: -sum(f.estimated_size() for f in kv[1]))
    with path.open("w", encoding="utf-8") as out:
        for columns, frames in ranked[:15]:
            size = sum(f.estimated_size() for f in frames) / MB
            rows = sum(f.height for f in frames)
            biggest = max(frames, key=lambda f: f.estimated_size())
            out.write(f"{len(frames)} frames, {rows} rows, {size:.1f} MB: {list(columns)[:8]}\n")
            skip = {id(groups), id(frames), id(ranked)} | {id(pair) for pair in ranked}
            out.write(f"    held by: {_holders(biggest, skip)}\n")
            out.write(f"    path: {_chain(biggest, skip)}\n")


def child(trace: Path, cli_args: list[str], dump_at: int | None = None) -> None:
    """Run `clusterwatch run` in this process, a trace line after each batch."""
    from flows.stream import BatchStream

    progress = BatchStream._progress
    out = trace.open("w", encoding="utf-8")
    out.write("\t".join(COLUMNS) + "\n")

    def traced(self: BatchStream) -> None:
        progress(self)
        out.write("\t".join(f"{v:.1f}" for v in _sample(self)) + "\n")
        out.flush()
        if dump_at is not None and self.totals.pages_in >= dump_at:
            dump_frames(trace.with_suffix(f".frames-{self.totals.pages_in}.txt"))

    BatchStream._progress = traced  # type: ignore[method-assign]
    from cli.main import main

    sys.argv = ["clusterwatch", *cli_args]
    try:
        main()
    finally:
        out.close()


def slope(rows: list[dict[str, float]], column: str, start: int) -> float:
    """Least-squares slope of `column` per 1,000 pages over the rows from `start` pages on."""
    points = [(r["pages"], r[column]) for r in rows if r["pages"] >= start]
    if len(points) < 2:
        return float("nan")
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    var = sum((x - mx) ** 2 for x, _ in points)
    return 1000 * sum((x - mx) * (y - my) for x, y in points) / var if var else float("nan")


def read_trace(trace: Path) -> list[dict[str, float]]:
    lines = trace.read_text(encoding="utf-8").splitlines()
    head = lines[0].split("\t")
    return [dict(zip(head, map(float, line.split("\t")), strict=True)) for line in lines[1:] if line]


def parent(args: argparse.Namespace) -> dict[str, Any]:
    from bench.run import ensure_corpus, pipeline_env, sources_yaml
    from samples.server import serve_site

    OUT.mkdir(parents=True, exist_ok=True)
    site = ensure_corpus("real", args.pages)
    trace = OUT / f"flow-memory-{args.label}.tsv"
    extra = dict(item.split("=", 1) for item in args.env)
    if args.purge_polars:
        extra[PURGE_POLARS] = "1"
    env = {**pipeline_env(args.pages), **extra, "PYTHONPATH": str(REPO)}
    with tempfile.TemporaryDirectory(prefix="cw-flowmem-") as work, serve_site(site_dir=site) as base_url:
        sources = Path(work) / "sources.yaml"
        sources.write_text(sources_yaml(base_url), encoding="utf-8")
        cli_args = ["run", "--sources", str(sources), "--home", str(Path(work) / "home")]
        dump = ["--dump-frames-at", str(args.dump_frames_at)] if args.dump_frames_at else []
        cmd = [sys.executable, "-m", "bench.flow_memory", "--child", str(trace), *dump, "--", *cli_args]
        log = OUT / f"flow-memory-{args.label}.log"
        started = time.perf_counter()
        with log.open("w") as sink:
            proc = subprocess.Popen(cmd, env=env, cwd=REPO, stdout=sink, stderr=subprocess.STDOUT)
            _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
    rows = read_trace(trace)
    figures = {
        "label": args.label,
        "env": extra,
        "exit": os.waitstatus_to_exitcode(status),
        "wall_s": round(seconds, 1),
        "cpu_s_tree": round(usage.ru_utime + usage.ru_stime, 1),
        "peak_rss_mb": round(usage.ru_maxrss / 1024),
        "batches": len(rows),
        "pages": rows[-1]["pages"] if rows else 0,
        "rss_at_from_mb": next((r["rss_mb"] for r in rows if r["pages"] >= args.from_pages), None),
        "rss_last_mb": rows[-1]["rss_mb"] if rows else None,
        "per_1000_pages": {c: round(slope(rows, c, args.from_pages), 1) for c in COLUMNS[1:-1]},
    }
    (OUT / f"flow-memory-{args.label}.json").write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The flow's process memory, batch by batch.")
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--from", dest="from_pages", type=int, default=1000, help="slope from this page on")
    parser.add_argument("--env", action="append", default=[], help="NAME=VALUE for the run's process")
    parser.add_argument(
        "--purge-polars", action="store_true", help="purge polars' jemalloc after each sample (pl_purged_mb)"
    )
    parser.add_argument(
        "--dump-frames-at",
        type=int,
        help="from this many pages on, list the polars frames alive after each batch",
    )
    parser.add_argument("--label", default="baseline", help="names the trace and figures in bench/out")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("cli_args", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.cli_args, args.dump_frames_at)
        return 0
    figures = parent(args)
    print(json.dumps(figures, indent=2))
    return 0 if figures["exit"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
