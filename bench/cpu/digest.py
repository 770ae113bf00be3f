"""A digest of what a run loaded, to show that a change made for speed loads the same rows.

    python -m bench.cpu.digest HOME_OR_DATABASE [--compare FILE] [--write FILE]

For each table of the star schema, the quarantine, fetch_log and page_state: the row count and a sha256
of its rows, sorted, without the columns that differ from run to run whatever the code (times, run ids,
durations, the fetcher's attempt log). The quality results (`dq_result`) are summed per check over the
run: which pages share a batch depends on the order the crawl fetched them in, so per batch they differ
from run to run. `--write` saves the digests as JSON; `--compare` names the tables whose digest differs
from a saved one (and exits 1).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import duckdb

from warehouse.queries import TABLES

# tables of a run's own bookkeeping: their rows hold its times and ids
SKIPPED = {"etl_run"}
EXTRA = ("page_state",)
VOLATILE_NAMES = {
    "run_id",
    "flow_run_id",
    "loaded_at",
    "checked_at",
    "batch_seconds",
    "duration_ms",
    "attempt_log",
}
CHECKS = """
SELECT suite, expectation, severity, level, count(*), sum(unexpected_count), sum(element_count)
FROM dq_result GROUP BY ALL
"""
VOLATILE_TYPES = ("TIMESTAMP", "TIME", "INTERVAL")
COLUMNS = "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $table"


def _stable_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows = con.execute(COLUMNS, {"table": table}).fetchall()
    return [
        name
        for name, kind in rows
        if name not in VOLATILE_NAMES and not kind.startswith(VOLATILE_TYPES) and "seconds" not in name
    ]


def _digest(rows: list[tuple], columns: int) -> dict[str, object]:
    lines = sorted(repr(row) for row in rows)
    return {
        "rows": len(lines),
        "sha256": hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16],
        "columns": columns,
    }


def table_digest(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, object]:
    """Rows and the sha256 of the table's rows (stable columns only), sorted."""
    columns = _stable_columns(con, table)
    quoted = ", ".join(f'"{c}"' for c in columns)
    return _digest(con.execute(f"SELECT {quoted} FROM {table}").fetchall(), len(columns))


def digests(database: Path) -> dict[str, dict[str, object]]:
    with duckdb.connect(str(database), read_only=True) as con:
        found = {t: table_digest(con, t) for t in (*TABLES, *EXTRA) if t not in SKIPPED}
        found["dq_result, summed per check"] = _digest(con.execute(CHECKS).fetchall(), 7)
    return found


def _database(path: Path) -> Path:
    return path / "clusterwatch.duckdb" if path.is_dir() else path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Row counts and digests of what a run loaded.")
    parser.add_argument("database", type=Path, help="the run's HOME or its clusterwatch.duckdb")
    parser.add_argument("--write", type=Path, help="save the digests as JSON")
    parser.add_argument("--compare", type=Path, help="a saved digest: name the tables that differ")
    args = parser.parse_args(argv)
    found = digests(_database(args.database))
    for table, figures in found.items():
        print(f"{table:<24} {figures['rows']:>8} {figures['sha256']}")
    if args.write:
        args.write.write_text(json.dumps(found, indent=2), encoding="utf-8")
    if args.compare:
        saved = json.loads(args.compare.read_text(encoding="utf-8"))
        differ = sorted(t for t in set(saved) | set(found) if saved.get(t) != found.get(t))
        print("the same rows in every table" if not differ else f"differ: {', '.join(differ)}")
        return 1 if differ else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
