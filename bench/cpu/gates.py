"""The gates' CPU, replayed on what a run loaded: Great Expectations at COMPLETE for every check against
BASIC first and COMPLETE for the checks that did not pass (expectations/runner.py).

    python -m bench.cpu.gates HOME [--batches 5] [--repeat 3]

From the run's working database: its page outcomes (raw_pages), its articles with the pages held back
by the articles gate put back from their quarantine records (articles), and its figures, mentions,
relations, events and participants with the text length of their article. Each frame is cut into
`--batches` batches, as a run validates them, and every batch is validated in both ways, alternating,
`--repeat` times; the CPU seconds of this process (`time.process_time`) are summed per suite, the
smallest of the repeats kept. The results of both ways are compared too.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

import duckdb
import polars as pl

from expectations.runner import validate
from expectations.suites import ARTICLES, EVENTS_SUITE, FIGURES, MENTIONS, RAW_PAGES, RELATIONS_SUITE, Suite

LENGTH = "(SELECT article_key, length(text) AS text_length FROM article_text)"
QUERIES = (
    (
        RAW_PAGES,
        "SELECT url, status, bytes, outcome, reason, content_type FROM fetch_log WHERE kind = 'page'",
    ),
    (FIGURES, f"SELECT * EXCLUDE (loaded_at) FROM fact_figure JOIN {LENGTH} USING (article_key)"),
    (MENTIONS, "SELECT * EXCLUDE (loaded_at) FROM fact_mention"),
    (RELATIONS_SUITE, f"SELECT * EXCLUDE (loaded_at) FROM fact_relation JOIN {LENGTH} USING (article_key)"),
    (EVENTS_SUITE, f"SELECT * EXCLUDE (loaded_at) FROM fact_event JOIN {LENGTH} USING (article_key)"),
)
ARTICLES_LOADED = """
SELECT a.article_key, a.url, t.text, a.language, a.title,
    make_date(a.published_date_key // 10000, a.published_date_key // 100 % 100, a.published_date_key % 100)
        AS published
FROM fact_article a JOIN article_text t USING (article_key)
"""
ARTICLES_HELD = "SELECT record FROM quarantine WHERE stage = 'articles'"
COLUMNS = ("article_key", "url", "text", "language", "title", "published")


def _frame(con: duckdb.DuckDBPyConnection, query: str) -> pl.DataFrame:
    return pl.from_arrow(con.sql(query).to_arrow_table())


def _articles(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    loaded = _frame(con, ARTICLES_LOADED)
    records = [json.loads(r) for (r,) in con.execute(ARTICLES_HELD).fetchall()]
    held = pl.DataFrame(
        [{c: r.get(c) for c in COLUMNS} for r in records], schema={**loaded.schema, "published": pl.String}
    )
    held = held.with_columns(pl.col("published").str.to_date(strict=False))
    return pl.concat([loaded, held]).sample(fraction=1.0, shuffle=True, seed=1)


def frames(database: Path) -> list[tuple[Suite, pl.DataFrame]]:
    with duckdb.connect(str(database), read_only=True) as con:
        return [(ARTICLES, _articles(con)), *((suite, _frame(con, q)) for suite, q in QUERIES)]


def _cpu(frame: pl.DataFrame, suite: Suite, batches: int, quick: bool) -> tuple[float, list]:
    size = max(1, -(-frame.height // batches))
    started, results = time.process_time(), []
    for offset in range(0, max(frame.height, 1), size):
        checked = validate(
            frame.slice(offset, size), suite, run_date=date.today(), batch=str(offset), quick=quick
        )
        results.append((checked.results, checked.held_back.get_column("record_key").to_list()))
    return time.process_time() - started, results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The gates' CPU at COMPLETE and BASIC-first, replayed.")
    parser.add_argument("home", type=Path, help="a run's HOME (or its clusterwatch.duckdb)")
    parser.add_argument("--batches", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    database = args.home / "clusterwatch.duckdb" if args.home.is_dir() else args.home
    found = frames(database)
    validate(found[0][1].head(5), ARTICLES)  # Great Expectations imported and its context made
    print(f"{'suite':<12} {'rows':>6} {'COMPLETE s':>11} {'BASIC first s':>14} {'same results':>13}")
    totals = [0.0, 0.0]
    for suite, frame in found:
        best = [float("inf"), float("inf")]
        for _ in range(args.repeat):
            (complete, full), (quick, fast) = (_cpu(frame, suite, args.batches, q) for q in (False, True))
            best = [min(best[0], complete), min(best[1], quick)]
        totals = [totals[0] + best[0], totals[1] + best[1]]
        print(f"{suite.name:<12} {frame.height:>6} {best[0]:>11.2f} {best[1]:>14.2f} {full == fast!s:>13}")
    print(f"{'all':<12} {'':>6} {totals[0]:>11.2f} {totals[1]:>14.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
