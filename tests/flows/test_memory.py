"""The run's process start-up settings (flows/memory.py): their ranges, and that the entries apply them
before polars is loaded."""

from __future__ import annotations

import subprocess
import sys

import pytest
from pydantic import ValidationError

from config.settings import MemorySettings, SettingsError, load_settings
from flows.memory import (
    glibc_options,
    memory_settings,
    prepare_process,
)
from tests.processes import REPO, clean_env


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("mmap_threshold_kb", 32),
        ("mmap_threshold_kb", -1),
        ("mmap_threshold_kb", 65_536),
        ("trim_threshold_kb", 1),
        ("polars_decay_ms", -2),
        ("polars_decay_ms", 600_001),
    ],
)
def test_a_value_out_of_range_is_refused(field: str, value: int) -> None:
    with pytest.raises(ValidationError):
        MemorySettings.model_validate({field: value})


def test_zero_leaves_glibc_its_own_default_and_kilobytes_become_bytes() -> None:
    assert glibc_options(MemorySettings(mmap_threshold_kb=0, trim_threshold_kb=0)) == {}
    assert glibc_options(MemorySettings(mmap_threshold_kb=64, trim_threshold_kb=512)) == {
        "M_MMAP_THRESHOLD": 65_536,
        "M_TRIM_THRESHOLD": 524_288,
    }


def test_a_bad_variable_is_named_by_the_settings_check_and_the_start_keeps_the_defaults() -> None:
    environ = {"CLUSTERWATCH_MEMORY__MMAP_THRESHOLD_KB": "8"}
    with pytest.raises(SettingsError, match="CLUSTERWATCH_MEMORY__MMAP_THRESHOLD_KB"):
        load_settings(environ=environ)
    assert memory_settings(environ) == MemorySettings()
    assert memory_settings({"CLUSTERWATCH_MEMORY__TRIM_THRESHOLD_KB": "256"}).trim_threshold_kb == 256


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="mallopt is glibc's")
def test_prepare_applies_the_glibc_threshold() -> None:
    assert prepare_process({"CLUSTERWATCH_MEMORY__MMAP_THRESHOLD_KB": "256"}) == {"M_MMAP_THRESHOLD": 262_144}
    assert prepare_process({"CLUSTERWATCH_MEMORY__MMAP_THRESHOLD_KB": "0"}) == {}


# In a fresh process, after the entry: a block of 4 MiB, freed, then asked for again. glibc's default
# raises its mmap threshold past the freed block, so the second one goes into the heap; with the
# threshold fixed it gets a mapping of its own again (`hblkhd`, glibc's mmapped bytes, grows by it).
PROBE = """
import ctypes, sys
{entry}
from bench.flow_memory import _mallinfo
libc = ctypes.CDLL(None)
libc.malloc.restype, libc.free.argtypes = ctypes.c_void_p, (ctypes.c_void_p,)
libc.free(libc.malloc(4 << 20))
before = _mallinfo()[2]
block = libc.malloc(4 << 20)
print(round((_mallinfo()[2] - before) * 1024))
"""
ENTRIES = {
    "the command line": "from cli.main import main\nsys.argv = ['clusterwatch', '--version']\n"
    "try:\n    main()\nexcept SystemExit:\n    pass",
    "a deployment's flow run": "import flows.news_etl",
    "none": "",
}


def _mmapped_kib(entry: str, threshold_kb: str) -> int:
    env = clean_env(CLUSTERWATCH_MEMORY__MMAP_THRESHOLD_KB=threshold_kb, PYTHONPATH=str(REPO))
    probe = PROBE.format(entry=ENTRIES[entry])
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    return int(result.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="mallopt and mallinfo2 are glibc's")
@pytest.mark.parametrize("entry", ["the command line", "a deployment's flow run"])
def test_the_entry_applies_the_threshold_as_the_process_starts(entry: str) -> None:
    assert _mmapped_kib("none", "128") == 0  # glibc's own threshold rose: the block went into the heap
    assert _mmapped_kib(entry, "128") >= 4096
    assert _mmapped_kib(entry, "0") == 0
