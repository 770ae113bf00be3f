"""Wall and CPU time of every test phase, for measuring the suite on a shared machine (not loaded by default).

    pytest -p tests.timing --test-times=/tmp/times.jsonl [-n 2 --dist loadfile]
    python -m tests.timing /tmp/times.jsonl [/tmp/other.jsonl]   # seconds per file, slowest first

CPU is that of the pytest process, its children already waited for and the descendants still running, so
the Prefect servers, pipeline workers and browsers a test starts count; under pytest-xdist each worker
writes its own file (`PATH` + `gw0`, `gw1`, …) and the report reads them together.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--test-times", metavar="PATH", help="write each test phase's wall and CPU seconds here")


def cpu_seconds() -> float:
    """User and system CPU of this process, of its waited-for children and of its live descendants."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    for child in psutil.Process().children(recursive=True):
        try:
            times = child.cpu_times()
        except psutil.Error:  # ended meanwhile: it counts among the children once waited for
            continue
        total += times.user + times.system
    return total


def _path(config: pytest.Config) -> Path | None:
    path = config.getoption("--test-times")
    return Path(path + os.environ.get("PYTEST_XDIST_WORKER", "")) if path else None


def _write(config: pytest.Config, record: dict) -> None:
    path = _path(config)
    if path is not None:
        with path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(record) + "\n")


def pytest_sessionstart(session: pytest.Session) -> None:
    path = _path(session.config)
    if path is not None:
        path.write_text("", encoding="utf-8")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    wall, cpu = time.perf_counter(), cpu_seconds()
    result = yield
    record = {"test": item.nodeid, "wall": time.perf_counter() - wall, "cpu": cpu_seconds() - cpu}
    _write(item.config, {**record, "load": os.getloadavg()[0]})
    return result


def per_file(paths: list[Path]) -> dict[str, tuple[float, float, int]]:
    """file → (wall, CPU, tests) summed over the records of `paths` (and of their xdist workers' files)."""
    totals: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for path in paths:
        for found in sorted(path.parent.glob(path.name + "*")):
            for line in found.read_text(encoding="utf-8").splitlines():
                record = json.loads(line)
                row = totals[record["test"].split("::", 1)[0]]
                row[0], row[1], row[2] = row[0] + record["wall"], row[1] + record["cpu"], row[2] + 1
    return {name: (wall, cpu, int(count)) for name, (wall, cpu, count) in totals.items()}


if __name__ == "__main__":
    for path in sys.argv[1:]:
        files = per_file([Path(path)])
        wall, cpu = sum(f[0] for f in files.values()), sum(f[1] for f in files.values())
        print(f"{path}: {len(files)} files, wall {wall:.0f} s, CPU {cpu:.0f} s (sums over tests)")
        for name, (wall, cpu, count) in sorted(files.items(), key=lambda kv: -kv[1][0])[:20]:
            print(f"  {wall:7.1f} {cpu:7.1f} {count:5d}  {name}")
