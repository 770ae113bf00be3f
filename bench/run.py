"""Benchmark: the whole pipeline against the bare tools (trafilatura CLI + natasha NER).

    python -m bench.run [--pages N] [--corpus real|synthetic|both] [--workers W] [--keep]
                        [--first-run-only] [--devsets DIR] [--scale-to M] [--dask-row]

For each corpus: builds its site if missing (real: bench/realsite.py, the development sets' pages;
synthetic: bench/corpus.py), serves it on 127.0.0.1, runs `python -m cli run` twice (the second run
over the unchanged site is the no-op one), then the trafilatura CLI (`--parallel 2`) and natasha NER
alone over the same pages. Prints a table per corpus, then both side by side, and writes
bench/out/results-CORPUS-N-RUNNER-wW.json, and beside each run's log its memory every 5 s
(`pipeline-…-runR.rss.tsv`: seconds, tree MB, largest process MB). `--scale-to M` adds a first run at
M pages (peak RSS at N and M, their ratio); `--dask-row` a first run at N pages with `--runner dask`
against a `dask scheduler` and two `dask worker` processes started apart (their memory measured apart).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import ExitStack, nullcontext
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from bench import corpus, realsite
from bench.cpu.stacks import process_kind, read_profile, table
from bench.devsets import DEFAULT_ROOT
from samples.server import serve_site

OUT = Path(__file__).parent / "out"
REPO = Path(__file__).resolve().parent.parent
TRAFILATURA = Path(sys.executable).parent / "trafilatura"
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
# Prefect's console log: "03:41:53.248 | INFO    | Task run 'crawl-2ed' - Finished in state Completed()"


@dataclass
class Measured:
    """One subprocess: wall seconds, peak RSS of its whole process tree and of its largest process, and
    the CPU seconds of the tree (itself and the children it waited for: workers, servers)."""

    seconds: float
    peak_tree_mb: float
    peak_process_mb: float
    returncode: int
    cpu_seconds: float = 0.0
    cpu_by_kind: dict[str, dict[str, float]] = field(default_factory=dict)  # TreeRss.cpu_by_kind

    @property
    def cores(self) -> float:
        return self.cpu_seconds / self.seconds if self.seconds else 0.0


class TreeRss:
    """Polls /proc for the summed resident memory of a process and all its descendants; keeps the peak,
    and with `trace` writes a line every `every` seconds as it goes (seconds, tree MB, largest process
    MB, tab-separated), so a run stopped before its end still leaves its figures. It also keeps the CPU
    time of every process of the tree as last seen (`cpu_by_kind`: the flow's process, the workers, the
    Prefect server; a process that ends between two polls loses at most one interval's CPU)."""

    def __init__(self, pid: int, interval: float = 0.1, trace: Path | None = None, every: float = 5.0):
        self.pid, self.interval, self.peak_kb = pid, interval, 0
        self.trace, self.every = trace, every
        self.cpu: dict[int, tuple[str, float]] = {}  # pid -> (kind of process, CPU seconds)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def __enter__(self) -> TreeRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _poll(self) -> None:
        started, due = time.monotonic(), 0.0
        with self.trace.open("w", encoding="utf-8") if self.trace else nullcontext() as out:
            while not self._stop.is_set():
                pids = _tree(self.pid)
                sizes = [_rss_kb(p) for p in pids]
                self._cpu(pids)
                self.peak_kb = max(self.peak_kb, sum(sizes))
                elapsed = time.monotonic() - started
                if out is not None and elapsed >= due:
                    out.write(f"{elapsed:.0f}\t{sum(sizes) / 1024:.0f}\t{max(sizes, default=0) / 1024:.0f}\n")
                    out.flush()
                    due = elapsed + self.every
                self._stop.wait(self.interval)

    def _cpu(self, pids: list[int]) -> None:
        """Each process's CPU and kind as of now (the kind read again each time: a process just forked
        has its parent's command line until it starts its own program)."""
        for pid in pids:
            seconds, command = _cpu_seconds(pid), _command(pid)
            if seconds is not None:
                kind = process_kind(command) if command else self.cpu.get(pid, ("other", 0.0))[0]
                self.cpu[pid] = (kind, seconds)

    def cpu_by_kind(self) -> dict[str, dict[str, float]]:
        """CPU seconds and the number of processes of each kind of the tree."""
        found: dict[str, dict[str, float]] = {}
        for kind, seconds in self.cpu.values():
            entry = found.setdefault(kind, {"cpu_seconds": 0.0, "processes": 0})
            entry["cpu_seconds"] += seconds
            entry["processes"] += 1
        return found


TICKS = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of the process (its own, not its children's)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / TICKS


def _command(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):  # the process ended meanwhile
            continue
        children.setdefault(parent, []).append(int(stat.parent.name))
    return children


def _tree(pid: int) -> list[int]:
    children, found, todo = _children_map(), [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure(
    cmd: list[str], env: dict[str, str] | None = None, log: Path | None = None, trace: Path | None = None
) -> Measured:
    """Run cmd to the end (output to `log`), timing it and watching its memory (as it goes to `trace`)."""
    sink = log.open("w") if log else subprocess.DEVNULL
    try:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=sink, stderr=subprocess.STDOUT, cwd=REPO)
        with TreeRss(proc.pid, trace=trace) as rss:
            _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
    finally:
        if log:
            sink.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    by_kind = rss.cpu_by_kind()
    return Measured(seconds, rss.peak_kb / 1024, usage.ru_maxrss / 1024, proc.returncode, cpu, by_kind)


CORPORA = ("real", "synthetic")
DASK = Path(sys.executable).parent / "dask"


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class DaskCluster:
    """A `dask scheduler` and `dask worker --nworkers N --nthreads 1` started apart, as on a cluster; the
    peak RSS of the workers' process tree is watched while it runs."""

    def __init__(self, workers: int = 2) -> None:
        self.workers = workers
        self.address = f"tcp://127.0.0.1:{_free_port()}"
        self.rss: TreeRss | None = None

    def __enter__(self) -> DaskCluster:
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        port = self.address.rsplit(":", 1)[1]
        quiet = {"env": env, "cwd": REPO, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        self.scheduler = subprocess.Popen(
            [str(DASK), "scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard"], **quiet
        )
        worker = [str(DASK), "worker", self.address, "--nworkers", str(self.workers), "--nthreads", "1"]
        self.worker = subprocess.Popen([*worker, "--no-dashboard"], **quiet)
        self._wait()
        self.rss = TreeRss(self.worker.pid).__enter__()
        return self

    def _wait(self) -> None:
        from distributed import Client

        with Client(self.address, timeout=120) as client:
            client.wait_for_workers(self.workers, timeout=300)

    def __exit__(self, *exc: object) -> None:
        if self.rss is not None:
            self.rss.__exit__()
        for process in (self.worker, self.scheduler):
            process.terminate()
            process.wait(timeout=60)

    @property
    def peak_mb(self) -> float:
        return self.rss.peak_kb / 1024 if self.rss else 0.0


def ensure_corpus(kind: str, pages: int, devsets: Path = DEFAULT_ROOT) -> Path:
    """bench/out/real-N or bench/out/site-N, (re)built when missing or written by another version of
    its builder."""
    builder = realsite if kind == "real" else corpus
    site = builder.default_out(pages)
    manifest = site / "manifest.json"
    found = json.loads(manifest.read_text(encoding="utf-8")) if manifest.is_file() else {}
    if (found.get("pages"), found.get("generator")) != (pages, builder.generator_id()):
        print(f"building the {kind} corpus: {pages} pages into {site}", flush=True)
        shutil.rmtree(site, ignore_errors=True)
        if kind == "real":
            realsite.write_real_site(pages, site, devsets)
        else:
            corpus.write_corpus(pages, site)
    return site


def sources_yaml(base_url: str, start_page: bool = False) -> str:
    """The benchmark site's sources file: its sitemap, and its start page when asked."""
    start = f"    start_urls: [{base_url}/]\n" if start_page else ""
    return (
        "allow_private_networks: true\n"
        "sources:\n"
        "  - name: bench-site\n"
        "    site_name: Benchmark corpus\n"
        f"    sitemaps: [{base_url}/sitemap.xml]\n"
        f"{start}"
        "    allowed_domains: [127.0.0.1]\n"
    )


def pipeline_env(pages: int) -> dict[str, str]:
    """Politeness off (whichever of the fetcher's fields exist) and a page cap above N."""
    from config.settings import FetchSettings

    fields = FetchSettings.model_fields
    wanted = {"politeness_limits": "false", "per_host_delay": "0", "max_pages_per_source": str(pages + 100)}
    overrides = {f"CLUSTERWATCH_FETCH__{k.upper()}": v for k, v in wanted.items() if k in fields}
    prefect = {"PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180"}
    return {**os.environ, **overrides, **prefect}


def recorded_stages(home: Path, seconds: float) -> dict[str, float]:
    """Wall time per stage as the run recorded it (etl_run.stage_seconds), plus what lies outside the
    flow's stages: imports, Prefect's server start, flow overhead and shutdown."""
    from warehouse.queries import latest_stage_seconds
    from warehouse.schema import connect

    with connect(home / "clusterwatch.duckdb", read_only=True) as con:
        stages = latest_stage_seconds(con)
    return {"startup, orchestration and shutdown": max(seconds - sum(stages.values()), 0.0), **stages}


PY_SPY = Path(sys.executable).parent / "py-spy"


def run_pipeline(
    sources: Path, home: Path, env: dict[str, str], log: Path, extra: list[str], profile_rate: int = 0
) -> dict[str, Any]:
    """One `cli run`, measured; with `profile_rate`, under py-spy sampling that many times a second (its
    stacks beside the log, `.pyspy.txt`, folded by process and stage into `profile`)."""
    cmd = [sys.executable, "-m", "cli", "run", "--sources", str(sources), "--home", str(home), *extra]
    stacks = log.with_suffix(".pyspy.txt")
    if profile_rate:
        spy = [str(PY_SPY), "record", "--subprocesses", "--gil", "--format", "raw"]
        spy += ["--rate", str(profile_rate)]
        cmd = [*spy, "--output", str(stacks), "--", *cmd]
    measured = measure(cmd, env, log, trace=log.with_suffix(".rss.tsv"))
    text = log.read_text(encoding="utf-8", errors="replace")
    stages = recorded_stages(home, measured.seconds)
    found = {"stages": stages, "summary": _cli_summary(text), "log": str(log)}
    if profile_rate and stacks.is_file():
        with stacks.open(encoding="utf-8", errors="replace") as lines:
            profile = read_profile(lines, profile_rate)
        cpu = {kind: v["cpu_seconds"] for kind, v in measured.cpu_by_kind.items()}
        found["profile"] = {"table": table(profile, cpu), "top": _top_leaves(profile)}
    return {**asdict(measured), **found}


def _top_leaves(profile: Any) -> dict[str, list[tuple[str, float]]]:
    return {kind: profile.top_leaves(kind, 25) for kind in profile.by_kind()}


def _cli_summary(text: str) -> dict[str, str]:
    """The CLI's summary table rows (`│ fetched │ 200 │`) as name → value."""
    rows = re.findall(r"^\s*│\s*([^│\s][^│]*?)\s*│\s*([^│\s][^│]*?)\s*│", text, flags=re.M)
    return dict(rows)


def materialise(site: Path, base_url: str, target: Path) -> list[tuple[str, str]]:
    """Every page of the manifest with the base URL filled in, flat in `target`; (file name, language)."""
    manifest = json.loads((site / "manifest.json").read_text(encoding="utf-8"))
    target.mkdir(parents=True, exist_ok=True)
    files = []
    for item in manifest["items"]:
        name = item["path"].strip("/").replace("/", "_")
        body = (site / item["path"].lstrip("/")).read_bytes().replace(b"__BASE_URL__", base_url.encode())
        (target / name).write_bytes(body)
        files.append((name, item["language"]))
    return files


def run_trafilatura(html_dir: Path, text_dir: Path, log: Path) -> Measured:
    cmd = [str(TRAFILATURA), "--input-dir", str(html_dir), "--output-dir", str(text_dir), "--parallel", "2"]
    return measure(cmd, log=log)


def run_natasha(text_dir: Path, log: Path) -> dict[str, Any]:
    """natasha NER in a subprocess over the extracted texts that contain Cyrillic (as the pipeline does)."""
    count_file = text_dir.parent / "natasha-count.json"
    cmd = [sys.executable, "-m", "bench.run", "--ner-only", str(text_dir), "--ner-count", str(count_file)]
    measured = measure(cmd, log=log)
    counts = json.loads(count_file.read_text()) if count_file.is_file() else {}
    return {**asdict(measured), **counts}


def _text_files(text_dir: Path) -> list[Path]:
    """trafilatura's output files (it spreads more than 1,000 over numbered subfolders)."""
    return sorted(p for p in text_dir.rglob("*") if p.is_file()) if text_dir.is_dir() else []


def ner_only(text_dir: Path, count_file: Path) -> None:
    """Segmenter + NewsNERTagger over each Cyrillic text in text_dir (the bare-tool baseline)."""
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    started = time.perf_counter()
    segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())
    loaded = time.perf_counter()
    texts = spans = 0
    for path in _text_files(text_dir):
        text = path.read_text(encoding="utf-8")
        if not CYRILLIC.search(text):
            continue
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(tagger)
        texts, spans = texts + 1, spans + len(doc.spans)
    done = time.perf_counter()
    figures = {"texts": texts, "spans": spans, "model_load_s": loaded - started, "tagging_s": done - loaded}
    count_file.write_text(json.dumps(figures))


def pipeline_figures(pages: int, first: dict[str, Any]) -> dict[str, Any]:
    total = first["seconds"]
    return {
        "pages": pages,
        "pipeline_s": total,
        "pipeline_pages_per_s": pages / total,
        "stage_share": {name: s / total for name, s in first["stages"].items()},
        "peak_tree_mb": first["peak_tree_mb"],
        "peak_process_mb": first["peak_process_mb"],
        "cores_used": first["cpu_seconds"] / total if total else 0.0,
        "cpu_seconds": first["cpu_seconds"],
        "cpu_by_kind": first.get("cpu_by_kind", {}),
    }


def comparison_figures(pages: int, runs: dict[str, dict[str, Any]], texts: int) -> dict[str, Any]:
    first, second = runs["pipeline run 1"], runs["pipeline run 2"]
    traf, ner = runs["trafilatura"], runs["natasha"]
    return {
        "second_run_s": second["seconds"],
        "second_run_ratio": second["seconds"] / first["seconds"],
        "trafilatura_s": traf["seconds"],
        "trafilatura_pages_per_s": pages / traf["seconds"],
        "trafilatura_texts": texts,
        "natasha_s": ner["seconds"],
        "natasha_texts": ner.get("texts"),
        "ratio_pipeline_to_bare": first["seconds"] / (traf["seconds"] + ner["seconds"]),
    }


def print_table(fig: dict[str, Any]) -> None:
    rows = [
        ("pages", f"{fig['pages']}"),
        ("pipeline, first run", f"{fig['pipeline_s']:.1f} s  ({fig['pipeline_pages_per_s']:.1f} pages/s)"),
        *((f"  {name}", f"{share:6.1%}") for name, share in fig["stage_share"].items()),
    ]
    if "second_run_s" in fig:
        rows += [
            (
                "pipeline, second run",
                f"{fig['second_run_s']:.1f} s  ({fig['second_run_ratio']:.1%} of the first)",
            ),
            (
                "trafilatura CLI --parallel 2",
                f"{fig['trafilatura_s']:.1f} s ({fig['trafilatura_pages_per_s']:.0f}/s)",
            ),
            (f"natasha NER alone ({fig['natasha_texts']} texts)", f"{fig['natasha_s']:.1f} s"),
            ("pipeline / (trafilatura + natasha)", f"{fig['ratio_pipeline_to_bare']:.2f}"),
        ]
    before, after = fig["environment"]["load_average_before_after"]
    rows += [
        ("cores used, first run (CPU time / wall)", f"{fig['cores_used']:.2f} of {os.cpu_count()}"),
        ("CPU of the first run's process tree", f"{fig['cpu_seconds']:.1f} s"),
        *(
            (f"  {kind} ({int(v['processes'])} processes)", f"{v['cpu_seconds']:.1f} s")
            for kind, v in sorted(fig["cpu_by_kind"].items(), key=lambda kv: -kv[1]["cpu_seconds"])
        ),
        ("peak RSS, pipeline process tree", f"{fig['peak_tree_mb']:.0f} MB"),
        ("peak RSS, largest pipeline process", f"{fig['peak_process_mb']:.0f} MB"),
        ("load average (1 min) before / after", f"{before[0]:.1f} / {after[0]:.1f}"),
        *(
            (f"FAILED: {name}", f"exit {code}, see the log in bench/out/")
            for name, code in fig["failures"].items()
        ),
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


def bare_tools(label: str, html_dir: Path, work: Path) -> tuple[dict[str, dict[str, Any]], int]:
    print("trafilatura CLI", flush=True)
    traf = run_trafilatura(html_dir, work / "text", OUT / f"trafilatura-{label}.log")
    print(f"  {traf.seconds:.1f} s; natasha NER", flush=True)
    ner = run_natasha(work / "text", OUT / f"natasha-{label}.log")
    return {"trafilatura": asdict(traf), "natasha": ner}, len(_text_files(work / "text"))


@dataclass(frozen=True)
class Plan:
    """What one benchmark run measures."""

    kind: str  # "real" or "synthetic"
    pages: int
    runner: str = "threads"
    workers: int | None = None  # processes of the CPU stages; None: the pipeline's default
    first_only: bool = False
    devsets: Path = DEFAULT_ROOT
    external_dask: bool = False  # a scheduler and two workers started apart, not the run's own cluster
    profile_rate: int = 0  # py-spy's samples per second over the first run; 0: not profiled
    port: int = 0  # the site's port; 0: any free one (a fixed one gives the same URLs, so the same keys)

    @property
    def label(self) -> str:
        workers = "default" if self.workers is None else str(self.workers)
        runner = "dask-external" if self.external_dask else self.runner
        return f"{self.kind}-{self.pages}-{runner}-w{workers}"


def benchmark(plan: Plan, work: Path) -> dict[str, Any]:
    OUT.mkdir(parents=True, exist_ok=True)
    site, env = ensure_corpus(plan.kind, plan.pages, plan.devsets), pipeline_env(plan.pages)
    load_before, runs = os.getloadavg(), {}
    extra = ["--runner", plan.runner] + ([] if plan.workers is None else ["--workers", str(plan.workers)])
    with ExitStack() as stack:
        cluster = stack.enter_context(DaskCluster()) if plan.external_dask else None
        extra += ["--dask-address", cluster.address] if cluster else []
        base_url = stack.enter_context(serve_site(site_dir=site, port=plan.port))
        sources = work / "sources.yaml"
        sources.write_text(sources_yaml(base_url), encoding="utf-8")
        for run in (1,) if plan.first_only else (1, 2):
            print(f"serving {site} at {base_url}; pipeline run {run}", flush=True)
            log = OUT / f"pipeline-{plan.label}-run{run}.log"
            rate = plan.profile_rate if run == 1 else 0
            runs[f"pipeline run {run}"] = run_pipeline(sources, work / "home", env, log, extra, rate)
            print(f"  {runs[f'pipeline run {run}']['seconds']:.1f} s", flush=True)
        dask_workers_mb = cluster.peak_mb if cluster else None
    fig = pipeline_figures(plan.pages, runs["pipeline run 1"])
    fig["dask_workers_peak_mb"] = dask_workers_mb
    if not plan.first_only:
        materialise(site, base_url, work / "html")  # the same pages, base URL filled in as served
        bare, texts = bare_tools(plan.label, work / "html", work)
        runs.update(bare)
        fig.update(comparison_figures(plan.pages, runs, texts))
    fig |= {"corpus": plan.kind, "runs": runs, "runner": plan.runner, "workers": plan.workers}
    fig["failures"] = {name: r["returncode"] for name, r in runs.items() if r["returncode"] != 0}
    fig["environment"] = {
        "overrides": {k: v for k, v in env.items() if k.startswith(("CLUSTERWATCH_", "PREFECT_"))},
        "cpus": os.cpu_count(),
        "load_average_before_after": [load_before, os.getloadavg()],
    }
    return fig


def print_side_by_side(figures: list[dict[str, Any]]) -> None:
    """The headline figures of each corpus in one table."""
    print()
    print(f"{'corpus':<10} {'pages/s':>8} {'ratio to bare':>14} {'no-op share':>12} {'load avg':>10}")
    for fig in figures:
        ratio = fig.get("ratio_pipeline_to_bare")
        noop = fig.get("second_run_ratio")
        load = fig["environment"]["load_average_before_after"][1][0]
        print(
            f"{fig['corpus']:<10} {fig['pipeline_pages_per_s']:>8.1f} "
            f"{'-' if ratio is None else f'{ratio:.2f}':>14} {'-' if noop is None else f'{noop:.1%}':>12} "
            f"{load:>10.1f}"
        )


def _corpora(choice: str, devsets: Path) -> list[str]:
    kinds = list(CORPORA) if choice == "both" else [choice]
    if "real" in kinds and not (devsets / "trafilatura-eval").is_dir():
        print(f"skipping the real corpus: no development sets at {devsets}", flush=True)
        kinds.remove("real")
    return kinds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Pipeline versus bare trafilatura + natasha.")
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--corpus", choices=("real", "synthetic", "both"), default="both")
    parser.add_argument("--devsets", type=Path, default=DEFAULT_ROOT, help="the development sets' folder")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (database, logs, texts)")
    parser.add_argument(
        "--first-run-only", action="store_true", help="only the pipeline's first run (memory scaling)"
    )
    parser.add_argument(
        "--runner", choices=("threads", "dask"), default="threads", help="the CPU stages' runner"
    )
    parser.add_argument("--workers", type=int, help="processes for the CPU stages [the pipeline's default]")
    parser.add_argument("--scale-to", type=int, help="also a first run at this many pages: memory scaling")
    parser.add_argument(
        "--dask-row", action="store_true", help="also a first run on an external Dask scheduler, two workers"
    )
    parser.add_argument(
        "--profile",
        type=int,
        default=0,
        metavar="RATE",
        help="run the first pipeline run under py-spy, RATE samples a second: CPU by process and stage",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=0,
        help="serve the site on this port (the same URLs and keys in every run: bench.cpu.digest compares)",
    )
    parser.add_argument("--ner-only", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--ner-count", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.ner_only:
        ner_only(args.ner_only, args.ner_count)
        return 0
    figures = []
    for kind in _corpora(args.corpus, args.devsets):
        plan = Plan(kind, args.pages, args.runner, args.workers, args.first_run_only, args.devsets)
        plan = replace(plan, profile_rate=args.profile, port=args.port)
        figures.append(_measure(plan, args.keep))
        extra = []
        if args.scale_to:
            extra.append(_measure(replace(plan, pages=args.scale_to, first_only=True), args.keep))
        if args.dask_row:
            dask = replace(plan, runner="dask", external_dask=True, first_only=True, workers=None)
            extra.append(_measure(dask, args.keep))
        print_scaling(figures[-1], extra)
        figures += extra
    print_side_by_side(figures)
    return 0 if figures and not any(fig["failures"] for fig in figures) else 1


def print_scaling(base: dict[str, Any], others: list[dict[str, Any]]) -> None:
    """Peak RSS of the process tree per run, against the first; the no-op share; the Dask row."""
    print()
    head = ("run", "pages", "pages/s", "peak RSS tree", "vs first", "workers RSS")
    print(f"{head[0]:<34} {head[1]:>6} {head[2]:>8} {head[3]:>14} {head[4]:>9} {head[5]:>12}")
    for fig in [base, *others]:
        name = f"{fig['corpus']} {fig['runner']}" + (" (external)" if fig.get("dask_workers_peak_mb") else "")
        workers = fig.get("dask_workers_peak_mb")
        print(
            f"{name:<34} {fig['pages']:>6} {fig['pipeline_pages_per_s']:>8.1f} "
            f"{fig['peak_tree_mb']:>11.0f} MB "
            f"{fig['peak_tree_mb'] / base['peak_tree_mb']:>8.2f}x "
            f"{'-' if workers is None else f'{workers:.0f} MB':>12}"
        )
    if "second_run_ratio" in base:
        print(f"no-op second run: {base['second_run_s']:.1f} s, {base['second_run_ratio']:.1%} of the first")


def _measure(plan: Plan, keep: bool) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix=f"cw-bench-{plan.label}-"))
    try:
        fig = benchmark(plan, work)
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"\n{plan.kind} corpus ({plan.label})")
    print_table(fig)
    profile = fig["runs"]["pipeline run 1"].get("profile")
    if profile:
        print(f"\npy-spy, first run ({plan.profile_rate} samples/s; Python code only):")
        print("\n".join(profile["table"]))
    results = OUT / f"results-{plan.label}.json"
    results.write_text(json.dumps(fig, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"figures: {results}" + (f"; work folder kept: {work}" if keep else ""))
    return fig


if __name__ == "__main__":
    sys.exit(main())
