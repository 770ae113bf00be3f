"""watch_item and watch_run: what is known, the items first seen in a run stored as they were then,
and the items of a run, of a period or of the last runs read back in a fixed order."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

import duckdb

COLUMNS = (
    "item_key",
    "subject_key",
    "kind",
    "change",
    "run_id",
    "title",
    "detail",
    "sentence",
    "article_key",
    "article_title",
    "url",
    "published_date",
    "regions",
    "sites",
    "site_keys",
    "companies",
    "people",
    "countries",
)
KNOWN = "SELECT item_key, subject_key FROM watch_item"
INSERT_ITEM = f"INSERT INTO watch_item ({', '.join(COLUMNS)}) VALUES ({', '.join('?' for _ in COLUMNS)})"
INSERT_RUN = "INSERT OR IGNORE INTO watch_run (run_id, recorded_as) VALUES (?, ?)"
LATEST_RUN = """
SELECT run_id, started_at, finished_at FROM etl_run
WHERE status = 'completed' ORDER BY finished_at DESC, run_id DESC LIMIT 1
"""
RUN = "SELECT run_id, started_at, finished_at FROM etl_run WHERE run_id = $run_id"
SELECT_ITEMS = f"""
SELECT {", ".join("i." + c for c in COLUMNS)}, r.finished_at AS seen_at
FROM watch_item AS i
JOIN etl_run AS r ON r.run_id = i.run_id
"""
ORDER = " ORDER BY r.finished_at, i.item_key"
OF_RUN = SELECT_ITEMS + " WHERE i.run_id = $run_id" + ORDER
SINCE = SELECT_ITEMS + " WHERE r.finished_at >= $since" + ORDER
LAST_RUNS = (
    SELECT_ITEMS
    + """ WHERE i.run_id IN (
    SELECT DISTINCT recorded_as FROM watch_run AS w JOIN etl_run AS e ON e.run_id = w.recorded_as
    WHERE e.finished_at <= $until ORDER BY e.finished_at DESC LIMIT $runs)
    AND r.finished_at <= $until"""
    + ORDER
)


def _rows(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def known(con: duckdb.DuckDBPyConnection) -> tuple[set[str], set[str]]:
    """The item keys and subject keys seen so far."""
    rows = con.execute(KNOWN).fetchall()
    return {row[0] for row in rows}, {row[1] for row in rows}


def store(
    con: duckdb.DuckDBPyConnection, run_id: str, items: Sequence[Mapping[str, Any]], compared: Iterable[str]
) -> int:
    """Record the new items as first seen in `run_id` and the compared runs as done, in one transaction;
    returns how many items were stored."""
    con.execute("BEGIN TRANSACTION")
    try:
        if items:
            con.executemany(
                INSERT_ITEM, [[{**item, "run_id": run_id}.get(c) for c in COLUMNS] for item in items]
            )
        con.executemany(INSERT_RUN, [[run, run_id] for run in sorted({*compared, run_id})])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return len(items)


def latest_run(con: duckdb.DuckDBPyConnection) -> dict[str, Any] | None:
    """The last completed run (run_id, started_at, finished_at), or None before the first."""
    rows = _rows(con.execute(LATEST_RUN))
    return rows[0] if rows else None


def run(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, Any] | None:
    rows = _rows(con.execute(RUN, {"run_id": run_id}))
    return rows[0] if rows else None


def items_of_run(con: duckdb.DuckDBPyConnection, run_id: str) -> list[dict[str, Any]]:
    """The items first seen in the run."""
    return _rows(con.execute(OF_RUN, {"run_id": run_id}))


def items_since(con: duckdb.DuckDBPyConnection, since: date | datetime) -> list[dict[str, Any]]:
    """The items first seen in runs that finished at or after `since`."""
    return _rows(con.execute(SINCE, {"since": since}))


def items_of_last_runs(con: duckdb.DuckDBPyConnection, runs: int, until: datetime) -> list[dict[str, Any]]:
    """The items of the last `runs` compared runs that finished by `until` (what a feed holds)."""
    return _rows(con.execute(LAST_RUNS, {"runs": runs, "until": until}))
