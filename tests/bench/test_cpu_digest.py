"""The digest of what a run loaded: runs and times do not count, rows do."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from bench.cpu.digest import digests, main
from warehouse.schema import connect

HOLD = (
    "INSERT INTO quarantine (run_id, stage, record_key, reason, record) VALUES ($run, 'x', $key, 'r', '{}')"
)


def _database(empty: Path, path: Path, run: str, keys: list[str]) -> Path:
    shutil.copy(empty, path)
    with duckdb.connect(str(path)) as con:
        for key in keys:
            con.execute(HOLD, {"run": run, "key": key})
    return path


def test_the_same_rows_of_other_runs_give_the_same_digest(tmp_path: Path) -> None:
    empty = tmp_path / "empty.duckdb"
    connect(empty).close()  # the schema, migrated once
    first = _database(empty, tmp_path / "a.duckdb", "run-1", ["u1", "u2"])
    again = _database(empty, tmp_path / "b.duckdb", "run-2", ["u2", "u1"])  # another run, order, time
    other = _database(empty, tmp_path / "c.duckdb", "run-1", ["u1", "u3"])
    saved = tmp_path / "digest.json"
    assert main([str(first), "--write", str(saved)]) == 0
    assert main([str(again), "--compare", str(saved)]) == 0  # prints "the same rows in every table"
    found, changed = digests(first), digests(other)
    assert found["quarantine"]["rows"] == 2
    assert {t for t in found if found[t] != changed[t]} == {"quarantine"}
    assert main([str(other), "--compare", str(saved)]) == 1
