"""The no-op run by hand: `clusterwatch run` over an unchanged site, on the HOME a first run left.

    python -m bench.run --pages 1000 --corpus real --first-run-only --keep   # prints the work folder
    python -m bench.cpu.noop_run WORK [--code DIR …] [--times N] [--precheck-off]

Serves the site again on the port the first run used (from WORK/sources.yaml), then runs
`python -m cli run` over it `--times` times for each `--code` folder in turn (a checkout or an export
of another commit: the code measured; this checkout by default), each on its own copy of WORK/home
made before the first run, so that every version starts from the same database. Prints per run the
wall time, the CPU time of the process tree (the run's process and the children it waited for: the
temporary Prefect server) and the load average before and after; a kept server's CPU is not in it.
With `--precheck-off` each code folder also runs with `CLUSTERWATCH_RUN__PRECHECK=false` (on a copy of
its own): the flow's no-op run beside the pre-check's.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.run import pipeline_env, realsite
from samples.server import serve_site

REPO = Path(__file__).resolve().parent.parent
SITEMAP = re.compile(r"sitemaps: \[http://127\.0\.0\.1:(\d+)/sitemap\.xml\]")


PRECHECK_OFF = {"CLUSTERWATCH_RUN__PRECHECK": "false"}


def _run(code: Path, work: Path, home: Path, pages: int, extra: dict[str, str]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of the tree, exit code) of one `python -m cli run`."""
    env = {**pipeline_env(pages), "PYTHONPATH": str(code), **extra}
    sources = str(work / "sources.yaml")
    command = [sys.executable, "-m", "cli", "run", "--sources", sources, "--home", str(home)]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=code, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    return wall, usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="No-op runs on the HOME of a kept first run.")
    parser.add_argument("work", type=Path, help="the work folder bench.run --keep printed")
    parser.add_argument("--code", type=Path, action="append", help="the code to run [this checkout]")
    parser.add_argument("--times", type=int, default=2, help="runs per code folder, alternating [2]")
    parser.add_argument("--pages", type=int, default=1000, help="the first run's page count [1000]")
    parser.add_argument("--precheck-off", action="store_true", help="each code also with the pre-check off")
    args = parser.parse_args(argv)
    codes = [c.resolve() for c in args.code or [REPO]]
    extras: list[dict[str, str]] = [{}, PRECHECK_OFF] if args.precheck_off else [{}]
    variants = [(code, extra) for code in codes for extra in extras]
    port = int(SITEMAP.search((args.work / "sources.yaml").read_text(encoding="utf-8")).group(1))
    homes = {}
    for number in range(len(variants)):
        homes[number] = args.work / f"home-{number}"
        if not homes[number].exists():
            shutil.copytree(args.work / "home", homes[number])
    with serve_site(realsite.default_out(args.pages), port=port) as base_url:
        if not base_url.endswith(f":{port}"):
            parser.error(f"port {port} of the first run is taken: the no-op run needs the same URLs")
        for turn in range(args.times):
            for number, (code, extra) in enumerate(variants):
                before = os.getloadavg()[0]
                wall, cpu, code_exit = _run(code, args.work, homes[number], args.pages, extra)
                label = f"{code}{' (pre-check off)' if extra else ''}"
                print(
                    f"{turn + 1} {label}: {wall:.1f} s wall, {cpu:.2f} s CPU, exit {code_exit}, "
                    f"load {before:.1f} / {os.getloadavg()[0]:.1f}",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
