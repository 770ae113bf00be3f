"""The published snapshot: a full copy swapped in atomically; open readers keep reading the old one."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from warehouse.load import load_batch
from warehouse.publish import PublishError, publish, published_path
from warehouse.schema import connect

COUNT_ARTICLES = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print(con.execute("SELECT count(*) FROM fact_article").fetchone()[0])
"""


def _articles_in_new_process(path: Path) -> int:
    """What a fresh analyst process sees (this process caches open databases by path)."""
    out = subprocess.run(
        [sys.executable, "-c", COUNT_ARTICLES, str(path)], capture_output=True, text=True, check=True
    )
    return int(out.stdout)


def test_snapshot_is_a_complete_read_only_copy(star_file: Path) -> None:
    snapshot = publish(star_file, published_path(star_file.parent))
    assert snapshot == star_file.parent / "published" / "clusterwatch.duckdb"
    with duckdb.connect(str(snapshot), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM fact_figure").fetchone() == (6,)
        assert con.execute("SELECT count(*) FROM v_support_measures").fetchone() == (2,)
        comment = con.execute("SELECT comment FROM duckdb_views() WHERE view_name = 'v_articles'").fetchone()
        assert comment[0].startswith("Articles")
    assert not stat.S_IMODE(snapshot.stat().st_mode) & 0o222  # nobody may write it
    assert [p.name for p in snapshot.parent.iterdir()] == ["clusterwatch.duckdb"]  # no temp files left


def test_reader_on_the_snapshot_survives_a_run_and_a_publish(star_file: Path, make_batch) -> None:
    snapshot = publish(star_file, published_path(star_file.parent))
    reader = duckdb.connect(str(snapshot), read_only=True)
    assert reader.execute("SELECT count(*) FROM fact_article").fetchone() == (3,)
    with connect(star_file) as con:  # the next run writes the working database meanwhile
        more = make_batch("r2").articles.with_columns(article_key=make_batch().articles["article_key"] + 100)
        load_batch(con, make_batch("r2", {}, articles=more))
    publish(star_file, snapshot)
    assert reader.execute("SELECT count(*) FROM fact_article").fetchone() == (3,)  # the old snapshot, whole
    assert reader.execute("SELECT count(*) FROM v_region_activity_monthly").fetchone()[0] > 0
    assert _articles_in_new_process(snapshot) == 6  # a new connection sees the new run
    reader.close()


def test_failed_publish_keeps_the_previous_snapshot(star_file: Path, tmp_path: Path) -> None:
    snapshot = publish(star_file, published_path(star_file.parent))
    before = snapshot.read_bytes()
    broken = tmp_path / "broken.duckdb"
    broken.write_bytes(b"not a database")
    with pytest.raises(PublishError, match="could not publish"):
        publish(broken, snapshot)
    with pytest.raises(PublishError, match="no working database"):
        publish(tmp_path / "missing.duckdb", snapshot)
    assert snapshot.read_bytes() == before
    assert [p.name for p in snapshot.parent.iterdir()] == ["clusterwatch.duckdb"]


HOLD_A_COPY = """
import sys, time
from pathlib import Path
from warehouse.publish import _temp_file
print(_temp_file(Path(sys.argv[1])), flush=True)
time.sleep(600)
"""


def _copy_held_by_a_process(published: Path) -> tuple[subprocess.Popen, Path]:
    """A process that made its temporary copy of the snapshot, as a publish does, and keeps going."""
    published.parent.mkdir(parents=True, exist_ok=True)
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD_A_COPY, str(published)], stdout=subprocess.PIPE, text=True
    )
    return process, Path(process.stdout.readline().strip())


def test_copies_left_by_killed_publishes_are_removed_and_live_ones_kept(star_file: Path) -> None:
    published = published_path(star_file.parent)
    killed, left_behind = _copy_held_by_a_process(published)
    live, in_progress = _copy_held_by_a_process(published)
    try:
        killed.kill()  # SIGKILL: nothing of it runs again
        killed.wait()
        older_release = published.parent / f".{published.name}.a1b2c3d4.tmp"  # no process id in its name
        older_release.touch()
        assert left_behind.is_file() and in_progress.is_file()
        publish(star_file, published)
        assert not left_behind.exists() and not older_release.exists()
        assert in_progress.is_file()  # its process still runs: its publish may still finish
    finally:
        live.kill()
        live.wait()


def test_before_swap_writes_into_the_snapshot_only(star_file: Path) -> None:
    def stamp(con: duckdb.DuckDBPyConnection) -> None:
        con.execute("UPDATE fact_article SET title = 'published'")

    snapshot = publish(star_file, published_path(star_file.parent), before_swap=stamp)
    with duckdb.connect(str(snapshot), read_only=True) as con:
        assert con.execute("SELECT DISTINCT title FROM fact_article").fetchall() == [("published",)]
    with duckdb.connect(str(star_file), read_only=True) as con:
        assert ("published",) not in con.execute("SELECT DISTINCT title FROM fact_article").fetchall()
    assert [p.name for p in snapshot.parent.iterdir()] == ["clusterwatch.duckdb"]  # no .wal, no temp
