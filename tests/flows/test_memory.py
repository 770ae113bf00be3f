"""The run's process start-up settings (flows/memory.py): their ranges, and that the entries apply them
before polars is loaded."""

from __future__ import annotations

import subprocess
import sys

import pytest
from pydantic import ValidationError

from config.settings import MemorySettings, SettingsError, load_settings
from flows.memory import (
    POLARS_MALLOC_CONF,
    allocator_environment,
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


def test_polars_lean_allocator_is_the_default_and_default_leaves_polars_its_own() -> None:
    assert allocator_environment(MemorySettings()) == {
        POLARS_MALLOC_CONF: "narenas:1,tcache:false,dirty_decay_ms:0,muzzy_decay_ms:0"
    }
    assert allocator_environment(MemorySettings(polars_allocator="default")) == {}
    with pytest.raises(ValidationError):
        MemorySettings.model_validate({"polars_allocator": "tiny"})


def test_prepare_sets_polars_variable_and_keeps_one_already_set() -> None:
    environ: dict[str, str] = {}
    prepare_process(environ)
    assert environ == allocator_environment(MemorySettings())
    kept = {POLARS_MALLOC_CONF: "narenas:2"}
    prepare_process(kept)
    assert kept == {POLARS_MALLOC_CONF: "narenas:2"}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="mallopt is glibc's")
def test_prepare_applies_the_glibc_threshold() -> None:
    assert prepare_process({"CLUSTERWATCH_MEMORY__MMAP_THRESHOLD_KB": "256"}) == {"M_MMAP_THRESHOLD": 262_144}
    assert prepare_process({"CLUSTERWATCH_MEMORY__MMAP_THRESHOLD_KB": "0"}) == {}


# In a fresh process, after an entry: (1) a block of 4 MiB, freed, then asked for again. glibc's default
# raises its mmap threshold past the freed block, so the second one goes into the heap; with the
# threshold fixed it gets a mapping of its own again (`hblkhd`, glibc's mmapped bytes, grows by it).
# (2) The arenas polars' own jemalloc started with, read back through its mallctl.
PROBE = """
import ctypes, sys
{entry}
import polars
from bench.flow_memory import _mallinfo, _polars_mallctl
libc = ctypes.CDLL(None)
libc.malloc.restype, libc.free.argtypes = ctypes.c_void_p, (ctypes.c_void_p,)
libc.free(libc.malloc(4 << 20))
before = _mallinfo()[2]
block = libc.malloc(4 << 20)
mmapped = round((_mallinfo()[2] - before) * 1024)
value, size = ctypes.c_uint(0), ctypes.c_size_t(ctypes.sizeof(ctypes.c_uint))
pointers = [ctypes.cast(ctypes.byref(v), ctypes.c_void_p) for v in (value, size)]
failed = _polars_mallctl()(b"opt.narenas", *pointers, None, ctypes.c_size_t(0))
print(mmapped, "failed" if failed else value.value)
"""
ENTRIES = {
    "the command line": "from cli.main import main\nsys.argv = ['clusterwatch', '--version']\n"
    "try:\n    main()\nexcept SystemExit:\n    pass",
    "a deployment's flow run": "import flows.news_etl",
    "none": "",
}


def _probe(entry: str, mmap_threshold_kb: str, polars_allocator: str) -> tuple[int, str]:
    """glibc's mmapped KiB for the second block and the arenas of polars' jemalloc."""
    env = clean_env(
        CLUSTERWATCH_MEMORY__MMAP_THRESHOLD_KB=mmap_threshold_kb,
        CLUSTERWATCH_MEMORY__POLARS_ALLOCATOR=polars_allocator,
        PYTHONPATH=str(REPO),
    )
    env.pop(POLARS_MALLOC_CONF, None)
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(entry=ENTRIES[entry])],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    mmapped, arenas = result.stdout.strip().splitlines()[-1].split()
    return int(mmapped), arenas


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt, polars' jemalloc")
def test_the_entries_set_the_allocators_as_the_process_starts() -> None:
    mmapped, arenas = _probe("none", "128", "lean")  # settings nobody applied: the libraries' defaults
    assert mmapped == 0 and arenas not in ("1", "failed")
    for entry in ("the command line", "a deployment's flow run"):
        mmapped, arenas = _probe(entry, "128", "lean")
        assert mmapped >= 4096, entry
        assert arenas == "1", entry
    mmapped, arenas = _probe("the command line", "0", "default")
    assert mmapped == 0 and arenas not in ("1", "failed")
