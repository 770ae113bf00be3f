"""What the pre-check learned, handed to the flow's crawl in the same process: when the check stops at a
new or changed page, its discovery, robots.txt rules and the pages it settled (at most
`run.precheck_keep_pages`; their bodies are in the raw store) wait here, and the flow's crawl task takes
them, so it neither discovers again nor requests those pages again.

Nothing here is written anywhere: a process that ends between the check and the flow loses only this, and
the next run does the check again (the check records nothing when it finds a change). A hand-off is taken
once; a retried crawl task finds none and crawls whole. It is for the working database and sources it was
made on: a flow of another database or other sources finds none."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from config.settings import Settings
from config.sources import SourcesConfig
from ingest.crawl import Learned


@dataclass(frozen=True)
class _Handoff:
    config: SourcesConfig
    learned: Learned


_LOCK = threading.Lock()
_HELD: dict[Path, _Handoff] = {}


def _key(settings: Settings) -> Path:
    return settings.database_path.resolve()


def hand_on(settings: Settings, config: SourcesConfig, learned: Learned) -> None:
    """Keep what the check learned for the flow's crawl of this database (replacing an earlier one)."""
    with _LOCK:
        _HELD[_key(settings)] = _Handoff(config, learned)


def take(settings: Settings, config: SourcesConfig) -> Learned | None:
    """What the check learned for this database and these sources, once; None when there is none."""
    with _LOCK:
        held = _HELD.pop(_key(settings), None)
    return held.learned if held is not None and held.config == config else None


def drop(settings: Settings) -> None:
    """Forget what the check learned for this database (the flow did not start, or has ended)."""
    with _LOCK:
        _HELD.pop(_key(settings), None)
