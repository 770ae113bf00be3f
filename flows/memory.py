"""The allocators of the run's process, set as it starts: how freed memory goes back to the system.

A long run allocates and frees a batch's pages, frames and texts again and again. Left to their
defaults, the allocators keep much of what is freed: glibc's heap raises its mmap threshold as it
goes (so large per-batch buffers end up in the heap, where they fragment it), and polars' jemalloc
keeps freed pages until it next allocates. `prepare_process` sets, from the `memory` settings
(`CLUSTERWATCH_MEMORY__*`):

- glibc's `M_MMAP_THRESHOLD` (`mmap_threshold_kb`): blocks this large get a mapping of their own,
  returned to the system when freed; a fixed value also stops glibc from raising it;
- glibc's `M_TRIM_THRESHOLD` (`trim_threshold_kb`);
- polars' jemalloc through `_RJEM_MALLOC_CONF` (`polars_decay_ms`, with its background thread), which
  jemalloc reads once, when polars is loaded: so this runs before polars is imported (the command
  line's entry and the `flows` package, where a deployment's process starts), and the variable is
  inherited by the worker processes. A `_RJEM_MALLOC_CONF` already set is left as it is.

Values that do not fit their range are left to the settings check the run does next, which names the
variable in one line; until then the defaults apply.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, field

from pydantic import ValidationError

from config.settings import ENV_PREFIX, MemorySettings

PREFIX = f"{ENV_PREFIX}MEMORY__"
POLARS_MALLOC_CONF = "_RJEM_MALLOC_CONF"  # polars' wheels use jemalloc with the `_rjem_` prefix
MALLOPT = {"M_TRIM_THRESHOLD": -1, "M_MMAP_THRESHOLD": -3}  # glibc's malloc.h


@dataclass(frozen=True)
class Applied:
    """What `prepare_process` set: glibc's options that took, and the variables put in the environment."""

    mallopt: dict[str, int] = field(default_factory=dict)
    environment: dict[str, str] = field(default_factory=dict)
    polars_loaded: bool = False  # polars was imported already: its allocator keeps the settings it had


def memory_settings(environ: Mapping[str, str]) -> MemorySettings:
    """The `memory` settings from CLUSTERWATCH_MEMORY__* variables; the defaults where one does not fit."""
    values = {name[len(PREFIX) :].lower(): v for name, v in environ.items() if name.startswith(PREFIX)}
    try:
        return MemorySettings.model_validate(values)
    except ValidationError:  # told by the run's settings check, with the variable's name
        return MemorySettings()


def polars_malloc_conf(settings: MemorySettings) -> str:
    """jemalloc's options for polars: freed pages go back after `polars_decay_ms`, by a background
    thread (without one, jemalloc only purges when it next allocates)."""
    decay = settings.polars_decay_ms
    return f"background_thread:true,dirty_decay_ms:{decay},muzzy_decay_ms:{0 if decay >= 0 else -1}"


def allocator_environment(settings: MemorySettings) -> dict[str, str]:
    """The variables the process (and the workers it starts) need before their allocators start."""
    return {POLARS_MALLOC_CONF: polars_malloc_conf(settings)}


def glibc_options(settings: MemorySettings) -> dict[str, int]:
    """mallopt's parameters (by name) and values in bytes; a setting at 0 is left to glibc."""
    wanted = {"M_MMAP_THRESHOLD": settings.mmap_threshold_kb, "M_TRIM_THRESHOLD": settings.trim_threshold_kb}
    return {name: kb * 1024 for name, kb in wanted.items() if kb}


def _mallopt(options: Mapping[str, int]) -> dict[str, int]:
    """Apply glibc's options; those that took (none where the C library is not glibc)."""
    mallopt = getattr(ctypes.CDLL(None), "mallopt", None)
    if mallopt is None:
        return {}
    mallopt.argtypes, mallopt.restype = (ctypes.c_int, ctypes.c_int), ctypes.c_int
    return {name: value for name, value in options.items() if mallopt(MALLOPT[name], value) == 1}


def prepare_process(environ: MutableMapping[str, str] | None = None) -> Applied:
    """Set the process's allocators from the `memory` settings (idempotent: a second call changes nothing
    a first did not)."""
    env = os.environ if environ is None else environ
    settings = memory_settings(env)
    added = {k: v for k, v in allocator_environment(settings).items() if k not in env}
    env.update(added)
    return Applied(_mallopt(glibc_options(settings)), added, "polars" in sys.modules)


__all__ = [
    "Applied",
    "allocator_environment",
    "glibc_options",
    "memory_settings",
    "polars_malloc_conf",
    "prepare_process",
]
