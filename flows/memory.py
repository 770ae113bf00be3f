"""The allocators of the run's process, set as it starts: how freed memory goes back to the system.

A long run allocates and frees a batch's pages, frames and texts again and again. `prepare_process`
sets, from the `memory` settings (`CLUSTERWATCH_MEMORY__*`, docs/operations.md#memory-of-a-long-run):

- polars' jemalloc (`polars_allocator`, "lean" by default): one arena, no per-thread caches, freed
  pages returned at once (`_RJEM_MALLOC_CONF`). With polars' own options (8 arenas, thread caches, a
  background thread purging after 0.5-1 s) the flow's process, which runs polars from some 35
  threads, sits about 30 MB higher. jemalloc reads the variable once, when polars is loaded, so this
  runs before polars is imported; the workers inherit it. A `_RJEM_MALLOC_CONF` already set is kept.
- glibc's `M_MMAP_THRESHOLD` (`mmap_threshold_kb`, 0 by default: glibc's own, which rises as large
  blocks are freed): blocks this large get a mapping of their own, returned to the system when freed;
- glibc's `M_TRIM_THRESHOLD` (`trim_threshold_kb`, 0 by default: glibc's own).

It runs where the flow's process starts: the command line's entry (`cli.main.main`) and the `flows`
package, which a deployment's flow run and a worker process import first. Values that do not fit
their range are left to the settings check the run does next, which names the variable in one line;
until then the defaults apply.
"""

from __future__ import annotations

import ctypes
import os
from collections.abc import Mapping, MutableMapping

from pydantic import ValidationError

from config.settings import ENV_PREFIX, MemorySettings

PREFIX = f"{ENV_PREFIX}MEMORY__"
MALLOPT = {"M_TRIM_THRESHOLD": -1, "M_MMAP_THRESHOLD": -3}  # glibc's malloc.h
POLARS_MALLOC_CONF = "_RJEM_MALLOC_CONF"  # polars' wheels build jemalloc with the `_rjem_` prefix
POLARS_CONF = {"lean": "narenas:1,tcache:false,dirty_decay_ms:0,muzzy_decay_ms:0", "default": ""}


def memory_settings(environ: Mapping[str, str]) -> MemorySettings:
    """The `memory` settings from CLUSTERWATCH_MEMORY__* variables; the defaults where one does not fit."""
    values = {name[len(PREFIX) :].lower(): v for name, v in environ.items() if name.startswith(PREFIX)}
    try:
        return MemorySettings.model_validate(values)
    except ValidationError:  # told by the run's settings check, with the variable's name
        return MemorySettings()


def glibc_options(settings: MemorySettings) -> dict[str, int]:
    """mallopt's parameters (by name) and values in bytes; a setting at 0 is left to glibc."""
    wanted = {"M_MMAP_THRESHOLD": settings.mmap_threshold_kb, "M_TRIM_THRESHOLD": settings.trim_threshold_kb}
    return {name: kb * 1024 for name, kb in wanted.items() if kb}


def allocator_environment(settings: MemorySettings) -> dict[str, str]:
    """The variables the process (and the workers it starts) need before their allocators start."""
    conf = POLARS_CONF[settings.polars_allocator]
    return {POLARS_MALLOC_CONF: conf} if conf else {}


def _mallopt(options: Mapping[str, int]) -> dict[str, int]:
    """Apply glibc's options; those that took (none where the C library is not glibc)."""
    mallopt = getattr(ctypes.CDLL(None), "mallopt", None)
    if mallopt is None:
        return {}
    mallopt.argtypes, mallopt.restype = (ctypes.c_int, ctypes.c_int), ctypes.c_int
    return {name: value for name, value in options.items() if mallopt(MALLOPT[name], value) == 1}


def prepare_process(environ: MutableMapping[str, str] | None = None) -> dict[str, int]:
    """Set the process's allocators from the `memory` settings (CLUSTERWATCH_MEMORY__* of `environ`, by
    default the process's, where polars' option goes too); the glibc options that took, in bytes.
    Calling it again changes nothing."""
    env = os.environ if environ is None else environ
    settings = memory_settings(env)
    for name, value in allocator_environment(settings).items():
        env.setdefault(name, value)
    return _mallopt(glibc_options(settings))


__all__ = ["allocator_environment", "glibc_options", "memory_settings", "prepare_process"]
