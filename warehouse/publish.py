"""The published snapshot: a read-only copy of the working database that analysts open.

After a successful run the working database is checkpointed (the write-ahead log folded into the
file), copied to a temporary file next to the snapshot, checked, and renamed over the snapshot with
os.replace, which is atomic. Analysts never hold a lock on the working file, so they never block a
run, and never see half a run: a connection open on the old snapshot keeps reading the old file
(POSIX keeps a replaced file alive while it is open); a connection opened after the swap sees the new
one, provided the opening process holds no older connection to the snapshot (DuckDB reuses an open
database within a process).

The temporary copy is named after the process writing it (`.clusterwatch.duckdb.<pid>.<random>.tmp`):
a copy left behind by a process that was killed is removed by the next publish (or run), never the
copy of a publish still in progress.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import duckdb
import psutil

SNAPSHOT_NAME = "clusterwatch.duckdb"
CHECK_SNAPSHOT = "SELECT count(*) FROM schema_version"


class PublishError(RuntimeError):
    """The snapshot could not be written; the previous snapshot is left in place."""


def published_path(home: Path) -> Path:
    """Where the snapshot of HOME's working database lives: HOME/published/clusterwatch.duckdb."""
    return home / "published" / SNAPSHOT_NAME


def checkpoint(working: Path) -> None:
    """Fold the write-ahead log into the database file, so the file alone holds everything."""
    con = duckdb.connect(str(working))
    try:
        con.execute("CHECKPOINT")
    finally:
        con.close()


def _temp_file(published: Path) -> Path:
    """A new empty temporary file next to the snapshot, named after this process."""
    prefix = f".{published.name}.{os.getpid()}."
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=published.parent)
    os.close(fd)
    return Path(name)


def _left_behind(path: Path, published: Path) -> bool:
    """True for a temporary copy of the snapshot whose writing process is gone (a copy named without a
    process id was written by an older release: it is left behind too)."""
    middle = path.name.removeprefix(f".{published.name}.").removesuffix(".tmp")
    pid, dot, _ = middle.partition(".")
    return not (dot and pid.isdigit() and psutil.pid_exists(int(pid)))


def remove_stale_copies(published: Path) -> list[Path]:
    """Delete the temporary copies of the snapshot that killed processes left behind; returns them."""
    stale = [p for p in published.parent.glob(f".{published.name}.*.tmp") if _left_behind(p, published)]
    for path in stale:
        path.unlink(missing_ok=True)
    return stale


def _finalise(copy: Path, before_swap: Callable[[duckdb.DuckDBPyConnection], None]) -> None:
    """Let the caller write into the copy (e.g. its run's final status), folded into the file."""
    con = duckdb.connect(str(copy))
    try:
        before_swap(con)
        con.execute("CHECKPOINT")
    finally:
        con.close()


def _check(copy: Path) -> None:
    con = duckdb.connect(str(copy), read_only=True)
    try:
        con.execute(CHECK_SNAPSHOT).fetchone()
    finally:
        con.close()


def _copy(working: Path, target: Path) -> None:
    with working.open("rb") as src, target.open("wb") as dst:
        shutil.copyfileobj(src, dst, length=1 << 20)
        dst.flush()
        os.fsync(dst.fileno())


def publish(
    working: Path,
    published: Path,
    before_swap: Callable[[duckdb.DuckDBPyConnection], None] | None = None,
) -> Path:
    """Copy the working database to `published`, atomically replacing any older snapshot. `before_swap`
    writes into the copy before it replaces the snapshot (the working database is not touched)."""
    if not working.is_file():
        raise PublishError(f"no working database at {working}")
    published.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_copies(published)
    temp = _temp_file(published)
    try:
        checkpoint(working)
        _copy(working, temp)
        if before_swap is not None:
            _finalise(temp, before_swap)
        _check(temp)
        temp.chmod(0o444)  # a snapshot is read, never written: writers get a clear permission error
        os.replace(temp, published)
    except Exception as exc:
        temp.unlink(missing_ok=True)
        raise PublishError(f"could not publish {working} to {published}: {exc}") from exc
    return published
