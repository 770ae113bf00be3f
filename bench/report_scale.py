"""The report and the analyst commands on a large snapshot, made from a real run's rows.

    python -m bench.report_scale make --base SNAPSHOT --home HOME [--times 50] [--as-duplicates]
    python -m bench.report_scale report --home HOME [--out DIR] [--memory-mb 1024]

`make` copies SNAPSHOT (a published snapshot of a finished run, e.g. the kept work folder's
`home/published/clusterwatch.duckdb` of `python -m bench.run --pages 1000 --corpus real
--first-run-only --keep`) to HOME/clusterwatch.duckdb, keeps its first run that loaded articles, and
writes that run's rows `--times` times in all under new keys, in SQL: the articles with their texts,
mentions, figures, people's roles, relations, events and their participants, the quarantine, the
fetch log, the page states, the quality results (one batch per copy of a batch) and the watchlists'
items. The dimensions (regions, sites, entities, acts) stay as they are: the same things named by 50
times the articles. The run's counts and its duration are multiplied too, so the snapshot reads as one
run of `times` × its pages (1,000 real pages × 50: 15,050 articles, 35,700 records held back, as in a
50,000-page run). The search index is built again and the database published as a run publishes it
(`warehouse.publish`).

A copy's keys are a hash of the original key and the copy's number, so every reference between the
copied rows stays whole; its URLs end in `#copyN`. With `--as-duplicates` every copy of an original
article is a duplicate of it (as in a crawl of a site serving the same pages under many URLs);
and, as the pipeline gives duplicates no facts, none of the article's facts is copied;
without, each copy is an article of its own (a year of distinct news), the harder case for the report.

`report` builds the report of HOME's snapshot (as `clusterwatch report` does) and prints the wall
time, the CPU time and the peak resident memory of the process; with `--memory-mb` the report's
connection gets that memory limit instead of the analysts' default.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import time
from pathlib import Path

import duckdb

from warehouse.publish import publish, published_path
from warehouse.schema import connect
from warehouse.search import build_search_index

KEY = """CREATE OR REPLACE TEMP MACRO copy_key(k, c) AS
    CASE WHEN k IS NULL OR c = 0 THEN k ELSE CAST(hash(k, c) >> 1 AS BIGINT) END"""
SUFFIX = """CREATE OR REPLACE TEMP MACRO copy_text(t, c) AS
    CASE WHEN t IS NULL THEN t ELSE t || '#copy' || c END"""
COPIES = "CREATE OR REPLACE TEMP TABLE copies AS SELECT range AS c FROM range(1, $times)"
FIRST_RUN = """SELECT run_id FROM etl_run WHERE articles_loaded > 0 ORDER BY started_at LIMIT 1"""
OTHER_RUNS = ("etl_run", "fetch_log", "dq_result", "quarantine", "watch_item", "watch_delivery", "watch_run")
# the copies of each table: the columns that change, everything else as it is
DUPLICATE_OF = "duplicate_of"  # replaced with --as-duplicates
COPY = {
    "fact_article": """copy_key(article_key, c) AS article_key, copy_text(url, c) AS url,
        content_hash || '-' || c AS content_hash, {duplicate_of} AS duplicate_of,
        copy_text(canonical_url, c) AS canonical_url""",
    "article_text": "copy_key(article_key, c) AS article_key",
    "fact_mention": "copy_key(article_key, c) AS article_key",
    "fact_figure": "copy_key(figure_key, c) AS figure_key, copy_key(article_key, c) AS article_key",
    "fact_person_role": "copy_key(article_key, c) AS article_key",
    "fact_relation": """copy_key(relation_key, c) AS relation_key, copy_key(relation_id, c) AS relation_id,
        copy_key(article_key, c) AS article_key, copy_key(figure_key, c) AS figure_key""",
    "fact_event": """copy_key(event_key, c) AS event_key, copy_key(event_id, c) AS event_id,
        copy_key(article_key, c) AS article_key, copy_key(figure_key, c) AS figure_key""",
    "fact_event_participant": "copy_key(event_key, c) AS event_key, copy_key(article_key, c) AS article_key",
    "quarantine": """copy_text(record_key, c) AS record_key, copy_text(url, c) AS url,
        copy_key(article_key, c) AS article_key,
        CASE WHEN json_extract_string(record, '$.url') IS NULL THEN record
            ELSE json_merge_patch(
                record, json_object('url', copy_text(json_extract_string(record, '$.url'), c)))
        END AS record""",
    "fetch_log": "copy_text(url, c) AS url, copy_text(final_url, c) AS final_url",
    "page_state": "copy_text(url, c) AS url",
    "dq_result": "copy_text(batch, c) AS batch",
    "watch_item": """copy_text(item_key, c) AS item_key, copy_key(article_key, c) AS article_key,
        copy_text(url, c) AS url""",
}
WITHOUT_FACTS = ("fact_article", "article_text", "quarantine", "fetch_log", "page_state", "dq_result")
INSERT = "INSERT INTO {table} SELECT t.* REPLACE ({replace}) FROM {table} AS t, copies"
COUNTS = ("pages_discovered", "pages_fetched", "pages_not_modified", "pages_skipped", "pages_failed",
          "articles_extracted", "articles_loaded", "articles_held_back", "duplicates")  # fmt: skip
RUN_TIME = "finished_at = started_at + (finished_at - started_at) * {times}"  # its batches' times add up
SCALE_RUN = "UPDATE etl_run SET {sets} WHERE run_id = $run_id"
AS_DUPLICATES = "CASE WHEN duplicate_of IS NULL THEN article_key ELSE duplicate_of END"
DUPLICATES_NOW = (
    "UPDATE etl_run SET duplicates = (SELECT count(*) FROM fact_article WHERE duplicate_of IS NOT NULL)"
)


def _keep_one_run(con: duckdb.DuckDBPyConnection) -> str:
    """The first run that loaded articles; every other run's operational rows are removed."""
    found = con.execute(FIRST_RUN).fetchone()
    if found is None:
        raise SystemExit("the base snapshot has no run that loaded articles")
    for table in OTHER_RUNS:
        con.execute(f"DELETE FROM {table} WHERE run_id <> $run_id", {"run_id": found[0]})
    return found[0]


def multiply(con: duckdb.DuckDBPyConnection, times: int, as_duplicates: bool) -> str:
    """Write the kept run's rows `times` times in all (see the module's docstring); returns its id."""
    run_id = _keep_one_run(con)
    for statement in (KEY, SUFFIX):
        con.execute(statement)
    con.execute(COPIES, {"times": times})
    duplicate_of = AS_DUPLICATES if as_duplicates else "copy_key(duplicate_of, c)"
    for table, replace in COPY.items():
        if as_duplicates and table not in WITHOUT_FACTS:
            continue
        print(f"copying {table}", flush=True)
        con.execute(INSERT.format(table=table, replace=replace.format(duplicate_of=duplicate_of)))
    sets = ", ".join([f"{name} = {name} * {times}" for name in COUNTS] + [RUN_TIME.format(times=times)])
    con.execute(SCALE_RUN.format(sets=sets), {"run_id": run_id})
    if as_duplicates:
        con.execute(DUPLICATES_NOW)
    return run_id


def make(base: Path, home: Path, times: int, as_duplicates: bool) -> None:
    home.mkdir(parents=True, exist_ok=True)
    working = home / "clusterwatch.duckdb"
    shutil.copyfile(base, working)
    working.chmod(0o644)
    started = time.perf_counter()
    con = connect(working)
    try:
        con.execute("BEGIN")
        run_id = multiply(con, times, as_duplicates)
        con.execute("COMMIT")
        print("building the search index", flush=True)
        indexed = build_search_index(con)
        counts = con.execute(
            "SELECT (SELECT count(*) FROM fact_article), (SELECT count(*) FROM quarantine), "
            "(SELECT count(*) FROM fetch_log), (SELECT count(*) FROM fact_mention)"
        ).fetchone()
    finally:
        con.close()
    snapshot = publish(working, published_path(home))
    print(f"run {run_id}: {counts[0]:,} articles, {counts[1]:,} held back, {counts[2]:,} fetch_log rows, "
          f"{counts[3]:,} mentions; indexed {indexed}")  # fmt: skip
    size, seconds = snapshot.stat().st_size / 2**20, time.perf_counter() - started
    print(f"published {snapshot} ({size:.0f} MB) in {seconds:.0f} s")


def report(home: Path, out: Path | None, memory_mb: int | None) -> None:
    from reports.build import build_report
    from warehouse.analyst import AnalystLimits, analyst_database

    database = analyst_database(home / "clusterwatch.duckdb", published_path(home))
    limits = AnalystLimits(memory_mb=memory_mb) if memory_mb else None
    wall = time.perf_counter()
    built = build_report(database, out or home / "report" / "index.html", limits=limits)
    wall = time.perf_counter() - wall
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"report: {built.index} ({len(built.pages)} pages, {built.bytes / 2**20:.1f} MB, "
          f"{built.articles_rendered} article pages rendered)")  # fmt: skip
    print(f"wall {wall:.1f} s, CPU {usage.ru_utime + usage.ru_stime:.1f} s (process), "
          f"peak RSS {usage.ru_maxrss / 1024:.0f} MB")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    made = commands.add_parser("make", help="make the large snapshot")
    made.add_argument("--base", type=Path, required=True, help="a published snapshot of a finished run")
    made.add_argument("--home", type=Path, required=True, help="the HOME to make (its database is replaced)")
    made.add_argument("--times", type=int, default=50, help="copies of the run's rows in all, 2–1,000 [50]")
    made.add_argument("--as-duplicates", action="store_true", help="copies are duplicates")
    built = commands.add_parser("report", help="build the report of HOME's snapshot and measure it")
    built.add_argument("--home", type=Path, required=True)
    built.add_argument("--out", type=Path, default=None, help="the overview page [HOME/report/index.html]")
    built.add_argument("--memory-mb", type=int, default=None, help="the connection's memory limit, 64–65,536")
    args = parser.parse_args(argv)
    if args.command == "make":
        if not 2 <= args.times <= 1000:
            parser.error("--times must be 2–1,000")
        if not args.base.is_file():
            parser.error(f"no snapshot at {args.base}")
        make(args.base, args.home, args.times, args.as_duplicates)
    else:
        if args.memory_mb is not None and not 64 <= args.memory_mb <= 65_536:
            parser.error("--memory-mb must be 64–65,536")
        report(args.home, args.out, args.memory_mb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
