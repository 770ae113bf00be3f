"""All of a run's expectation results as one dq_result frame (one row per expectation per batch)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

import polars as pl

from expectations.runner import CheckResult, Validation

DQ_SCHEMA: dict[str, pl.DataType] = {
    "suite": pl.String(),
    "batch": pl.String(),
    "expectation": pl.String(),
    "severity": pl.String(),
    "success": pl.Boolean(),
    "unexpected_count": pl.Int64(),
    "element_count": pl.Int64(),
    "level": pl.String(),
    "details": pl.String(),
    "batch_seconds": pl.Float64(),
    "checked_at": pl.Datetime("us"),
}


def _rows(item: Validation | CheckResult, checked_at: datetime) -> list[dict]:
    results, seconds = (item.results, item.seconds) if isinstance(item, Validation) else ([item], None)
    return [{**r.__dict__, "batch_seconds": seconds, "checked_at": checked_at} for r in results]


def dq_frame(
    collected: Iterable[Validation | CheckResult], checked_at: datetime | None = None
) -> pl.DataFrame:
    """Validations (their results, with the batch's validation time) and loose results (reconciliation,
    the results of a failed gate) as a frame ready for warehouse.quality.record_results."""
    when = (checked_at or datetime.now(UTC)).replace(tzinfo=None)
    rows = [row for item in collected for row in _rows(item, when)]
    return pl.DataFrame(rows, schema=DQ_SCHEMA)
