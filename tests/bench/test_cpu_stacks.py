"""A run's CPU by process and stage from py-spy's collapsed stacks, and the CPU of each process of a
tree as bench.run reads it from /proc."""

from __future__ import annotations

import subprocess
import sys
import time

from bench.cpu.stacks import process_kind, read_profile, scaled, stage_of, table

FLOW = 'process 10:"/venv/bin/python -m cli run --sources s.yaml --home h"'
SPAWN = "from multiprocessing.spawn import spawn_main; spawn_main(tracker_fd=5)"  # a ';' in the command
WORKER = f'process 11:"/venv/bin/python -B -c {SPAWN}"'
SERVER = 'process 12:"/venv/bin/python -m cli.prefect_api 10 4200"'
RUN = "_run_module_as_main (<frozen runpy>:198)"
IMPORT = "_find_and_load (<frozen importlib._bootstrap>:1176)"
LINES = [
    f"{FLOW};{WORKER};{RUN};_process_worker (concurrent/futures/process.py:261);"
    "extract_batch (flows/workers.py:242);extract_pages (transforms/extract/pages.py:82);"
    "bare_extraction (trafilatura/core.py:300) 30",
    f"{FLOW};{WORKER};{RUN};extract_pages (transforms/extract/pages.py:82);"
    "detect_language (transforms/extract/language.py:40) 10",
    f"{FLOW};{WORKER};{RUN};_start_worker (flows/workers.py:60);warm (flows/warm.py:30);"
    "article_facts (transforms/intel/frames.py:178);find_mentions (transforms/intel/mentions.py:90) 20",
    f"{FLOW};{RUN};BatchStream._one (flows/stream.py:280);gate (expectations/gates.py:80);"
    f"validate (expectations/runner.py:260);{IMPORT};<module> (great_expectations/__init__.py:11) 8",
    f"{FLOW};{RUN};BatchStream._one (flows/stream.py:280);validate (expectations/runner.py:260);"
    "Batch.validate (great_expectations/datasource/fluent/interfaces.py:1176) 12",
    f"{FLOW};{RUN};{IMPORT};<module> (prefect/__init__.py:1) 5",
    f"{FLOW};{RUN};Flow.__call__ (prefect/flows.py:1887) 5",
    f"{FLOW};{SERVER};{RUN};serve (cli/prefect_api.py:303) 10",
    "not a stack line",
]


def test_samples_go_to_their_process_and_the_deepest_named_stage() -> None:
    profile = read_profile(LINES, rate=10)
    seconds = profile.seconds()
    assert seconds[("worker", "extract: trafilatura passes")] == 3.0
    assert seconds[("worker", "extract: language")] == 1.0
    assert seconds[("worker", "warm-up: intel")] == 2.0
    assert seconds[("flow", "gates: import great_expectations")] == 0.8
    assert seconds[("flow", "gates")] == 1.2
    assert seconds[("flow", "import prefect")] == 0.5
    assert seconds[("flow", "Prefect")] == 0.5
    assert seconds[("Prefect server", "other")] == 1.0
    assert profile.by_kind() == {"worker": 6.0, "flow": 3.0, "Prefect server": 1.0}
    assert profile.processes["worker"] == {11} and profile.top_leaves("worker", 1)[0][1] == 3.0


def test_each_kind_of_process_is_scaled_to_its_measured_cpu() -> None:
    profile = read_profile(LINES, rate=10)
    seconds = scaled(profile, {"worker": 12.0, "flow": 3.0})
    assert seconds[("worker", "extract: trafilatura passes")] == 6.0  # its share of the workers' 12 s
    assert seconds[("flow", "gates")] == 1.2 and seconds[("Prefect server", "other")] == 1.0  # as sampled
    lines = table(profile, {"worker": 12.0, "flow": 3.0})
    assert lines[1].startswith("worker (1 processes)") and "12.0" in lines[1]


def test_kinds_of_process_and_stacks_without_frames() -> None:
    assert process_kind("/venv/bin/python -m cli run --sources s") == "flow"
    assert process_kind("/venv/bin/python -m cli.prefect_api 1 2") == "Prefect server"
    assert process_kind("/venv/bin/py-spy record -- python -m cli run") == "profiler"
    assert process_kind("/bin/sh -c true") == "other"
    assert stage_of([]) == "other"


BUSY = """
import time
end = time.process_time() + 0.5
while time.process_time() < end:
    pass
print("done", flush=True)
input()
"""


def test_the_cpu_of_each_process_of_a_tree_is_kept_by_kind() -> None:
    from bench.run import TreeRss

    child = subprocess.Popen(
        [sys.executable, "-c", BUSY], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        with TreeRss(child.pid, interval=0.05) as rss:
            assert child.stdout is not None and child.stdout.readline() == "done\n"
            time.sleep(0.2)
    finally:
        child.communicate("\n")
    found = rss.cpu_by_kind()
    assert list(found) == ["other"] and found["other"]["processes"] == 1
    assert found["other"]["cpu_seconds"] >= 0.5
