"""dq_result: written inside the caller's transaction, read back per run with the held-back reasons."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import duckdb
import polars as pl
import pytest

from warehouse.load import RunRecord, record_run
from warehouse.quality import existing_keys, record_results, run_quality
from warehouse.schema import apply_schema

STARTED = datetime(2024, 5, 1, 12, tzinfo=UTC)


def _dq(suite: str, successes: list[bool], seconds: float) -> pl.DataFrame:
    n = len(successes)
    return pl.DataFrame(
        {
            "suite": [suite] * n,
            "batch": [suite] * n,
            "expectation": [f"check {i}" for i in range(n)],
            "severity": ["critical"] * n,
            "success": successes,
            "unexpected_count": [0 if s else 2 for s in successes],
            "element_count": [10] * n,
            "level": ["row"] * n,
            "details": [None if s else '{"unexpected_sample": ["xx"]}' for s in successes],
            "batch_seconds": [seconds] * n,
            "checked_at": [datetime(2024, 5, 1, 12, 0, 5)] * n,
        }
    )


@pytest.fixture
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect(":memory:")
    apply_schema(connection)
    yield connection
    connection.close()


def test_results_are_written_in_the_callers_transaction(con: duckdb.DuckDBPyConnection) -> None:
    con.begin()
    record_results(con, "r1", _dq("articles", [True, False], 0.4))
    con.rollback()
    with pytest.raises(KeyError, match="no run has quality results"):
        run_quality(con)
    con.begin()
    assert record_results(con, "r1", _dq("articles", [True, False], 0.4)) == 2
    con.commit()
    assert run_quality(con, "r1").results.height == 2


def test_round_trip_with_run_and_held_back_reasons(con: duckdb.DuckDBPyConnection) -> None:
    record_run(con, RunRecord("r1", None, STARTED, datetime(2024, 5, 1, 12, 0, 10, tzinfo=UTC), "completed"))
    record_results(con, "r1", pl.concat([_dq("articles", [True, False], 0.4), _dq("raw_pages", [True], 0.1)]))
    record_results(con, "r0", _dq("articles", [True], 0.2))
    held = pl.DataFrame(
        {
            "stage": ["articles"] * 3,
            "record_key": ["1", "2", "3"],
            "reason": ["failed a", "failed a", "failed b"],
            "record": ["{}"] * 3,
        }
    )
    con.register("held", held.to_arrow())
    con.execute(
        "INSERT INTO quarantine (run_id, stage, record_key, reason, record) "
        "SELECT 'r1', stage, record_key, reason, record FROM held"
    )
    found = run_quality(con, "r1")
    assert found.results.height == 3 and set(found.results["suite"]) == {"articles", "raw_pages"}
    failed = found.results.filter(~pl.col("success")).row(0, named=True)
    assert (failed["expectation"], failed["unexpected_count"], failed["details"]) == (
        "check 1",
        2,
        '{"unexpected_sample": ["xx"]}',
    )
    assert found.held_back.rows() == [("articles", "failed a", 2), ("articles", "failed b", 1)]
    assert (found.run_seconds, found.status) == (10.0, "completed")
    assert run_quality(con).run_id in {"r0", "r1"}
    with pytest.raises(KeyError, match="no quality results for run nope"):
        run_quality(con, "nope")


def test_every_dq_result_column_is_commented(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(
        "SELECT column_name, comment FROM duckdb_columns() WHERE table_name = 'dq_result'"
    ).fetchall()
    assert {name for name, _ in rows} >= {
        "run_id",
        "suite",
        "batch",
        "expectation",
        "severity",
        "success",
        "unexpected_count",
        "checked_at",
    }
    assert all(comment for _, comment in rows)


def test_existing_keys_of_referenced_tables(con: duckdb.DuckDBPyConnection) -> None:
    keys = existing_keys(con)
    assert keys["fact_article"] == set()
    assert set(keys) <= {
        "fact_article",
        "dim_metric",
        "dim_region",
        "dim_site",
        "dim_legal_act",
        "dim_entity",
    }
