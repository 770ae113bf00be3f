"""The published snapshot: a read-only copy of the working database that analysts open.

After a successful run the working database is checkpointed (the write-ahead log folded into the
file), copied to a temporary file next to the snapshot, checked, and renamed over the snapshot with
os.replace, which is atomic. Analysts never hold a lock on the working file, so they never block a
run, and never see half a run: a connection open on the old snapshot keeps reading the old file
(POSIX keeps a replaced file alive while it is open); a new connection sees the new one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import duckdb

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


def publish(working: Path, published: Path) -> Path:
    """Copy the working database to `published`, atomically replacing any older snapshot."""
    if not working.is_file():
        raise PublishError(f"no working database at {working}")
    published.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{published.name}.", suffix=".tmp", dir=published.parent)
    os.close(fd)
    temp = Path(name)
    try:
        checkpoint(working)
        _copy(working, temp)
        _check(temp)
        temp.chmod(0o444)  # a snapshot is read, never written: writers get a clear permission error
        os.replace(temp, published)
    except Exception as exc:
        temp.unlink(missing_ok=True)
        raise PublishError(f"could not publish {working} to {published}: {exc}") from exc
    return published
