"""The load's memory at scale: `python -m bench.load_memory --home HOME [--times 50] [--batch-pages 200]`.

Takes what a finished run loaded into HOME/clusterwatch.duckdb (its articles with their texts and its
quarantine rows, as they were stored) and writes them again `--times` times under new keys, batch by
batch as a streaming run does, through `warehouse.load.RunLoad` into a new database in a temporary
folder, then commits. Prints the process's resident memory before the first batch, after every tenth
of the batches and at its peak during the final commit. Run from an older checkout (its PYTHONPATH)
with the same HOME, it measures that checkout's load the same way. Nothing is kept.
"""

from __future__ import annotations

import argparse
import inspect
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import polars as pl

from warehouse.load import RunLoad, RunRecord
from warehouse.schema import connect

ARTICLES = """
SELECT a.article_key, s.source_name, make_date(a.published_date_key // 10000,
    a.published_date_key // 100 % 100, a.published_date_key % 100) AS published, a.language, a.url,
    a.title, a.author, a.word_count, a.content_hash, a.duplicate_of, t.text
FROM fact_article AS a JOIN article_text AS t USING (article_key) JOIN dim_source AS s USING (source_key)
ORDER BY a.article_key
"""
QUARANTINE = (
    "SELECT stage, record_key, reason, CAST(record AS VARCHAR) AS record FROM quarantine ORDER BY rowid"
)
SOURCES = "SELECT source_key, source_name, domain, site_name, default_language FROM dim_source"
FETCH_LOG = "SELECT * EXCLUDE (run_id) FROM fetch_log"


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Peak:
    """The process's peak resident memory while the block runs (polled every 50 ms)."""

    def __init__(self) -> None:
        self.mb, self._stop = 0.0, threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def __enter__(self) -> Peak:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _poll(self) -> None:
        while not self._stop.is_set():
            self.mb = max(self.mb, _rss_mb())
            self._stop.wait(0.05)


def read_run(home: Path) -> list[pl.DataFrame]:
    """[articles with texts, quarantine rows, sources, fetch_log] of the run kept in HOME."""
    with duckdb.connect(str(home / "clusterwatch.duckdb"), read_only=True) as con:
        return [
            pl.from_arrow(con.sql(q).to_arrow_table()) for q in (ARTICLES, QUARANTINE, SOURCES, FETCH_LOG)
        ]


def batches(
    articles: pl.DataFrame, quarantine: pl.DataFrame, times: int, count: int
) -> Iterator[tuple[pl.DataFrame, pl.DataFrame]]:
    """`times` copies of the run's rows under new keys, cut into `count` batches per copy."""
    for copy in range(times):
        moved = articles.with_columns(
            pl.col("article_key") + copy * 7919,
            pl.col("duplicate_of") + copy * 7919,
            pl.col("url") + f"#copy{copy}",
            pl.col("content_hash") + f"-{copy}",
        )
        held = quarantine.with_columns(pl.col("record_key") + f"#copy{copy}")
        a_rows, q_rows = -(-moved.height // count), -(-held.height // count)
        for part in range(count):
            yield moved.slice(part * a_rows, a_rows), held.slice(part * q_rows, q_rows)


def measure(home: Path, times: int, batch_pages: int, memory_limit_mb: int) -> dict[str, float]:
    articles, quarantine, sources, fetch_log = read_run(home)
    pages = articles.height + quarantine.height
    per_copy = max(1, round(pages / batch_pages))
    work = Path(tempfile.mkdtemp(prefix="cw-load-memory-"))
    figures = {}
    try:
        con = connect(work / "clusterwatch.duckdb")
        limited = "memory_limit_mb" in inspect.signature(RunLoad).parameters
        load = RunLoad(con, "bench", memory_limit_mb) if limited else RunLoad(con, "bench")
        load.begin(sources)
        figures["before the first batch"] = _rss_mb()
        total, started = times * per_copy, time.perf_counter()
        for index, (batch_articles, held) in enumerate(batches(articles, quarantine, times, per_copy), 1):
            load.add(batch_articles, held)
            if index % max(1, total // 10) == 0:
                figures[f"after {index} of {total} batches"] = _rss_mb()
        run = RunRecord("bench", None, datetime.now(UTC), datetime.now(UTC), "completed")
        with Peak() as peak:
            load.finish(fetch_log, pl.DataFrame(), run)
        figures["peak during the commit"] = peak.mb
        figures["seconds"] = time.perf_counter() - started
        con.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The load's memory at N times a kept run.")
    parser.add_argument("--home", type=Path, required=True, help="HOME of a finished run (bench.run --keep)")
    parser.add_argument("--times", type=int, default=50, help="copies of the run's rows to load [50]")
    parser.add_argument("--batch-pages", type=int, default=200, help="pages per batch, as in the run [200]")
    parser.add_argument("--memory-limit-mb", type=int, default=256, help="the run's memory limit [256]")
    args = parser.parse_args(argv)
    if not 1 <= args.times <= 1000 or not 1 <= args.batch_pages <= 100_000:
        parser.error("--times must be 1–1,000 and --batch-pages 1–100,000")
    for name, value in measure(args.home, args.times, args.batch_pages, args.memory_limit_mb).items():
        print(f"{name:<32} {value:8.1f}" + (" s" if name == "seconds" else " MB"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
