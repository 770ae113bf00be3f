"""Reference data (CSV files, each naming its source in a header): regions, countries, vocabularies."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent


def path(name: str) -> Path:
    """The path of one reference file, e.g. path("regions.csv"); FileNotFoundError when it is not shipped."""
    target = ROOT / name
    if not target.is_file():
        raise FileNotFoundError(f"reference file not found: {target}")
    return target
