"""Writing the report's files: each to a temporary file renamed into place (a reader never sees half a
page), and the files of an earlier build that this one did not write removed."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, text: str) -> None:
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
    os.chmod(name, 0o644)
    os.replace(name, path)


def remove_stale(folder: Path, keep: set[str], suffixes: tuple[str, ...] = (".html", ".csv")) -> None:
    """Files with one of `suffixes` an earlier build wrote and this one did not (an article no longer
    listed, the table of a view the snapshot no longer has)."""
    for path in folder.glob("*"):
        if path.suffix in suffixes and path.name not in keep:
            path.unlink(missing_ok=True)
