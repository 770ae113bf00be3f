"""Validate a polars frame against a suite with Great Expectations; hold back failing rows with reasons."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import great_expectations as gx
import polars as pl
from great_expectations.data_context.types.base import ProgressBarsConfig

from expectations.suites import Check, Suite

ROW_LEVEL_UNIQUE = "ExpectColumnValuesToBeUnique"


@dataclass(frozen=True)
class CheckResult:
    suite: str
    expectation: str
    severity: str
    success: bool
    unexpected_count: int


@dataclass(frozen=True)
class Validation:
    passed: pl.DataFrame
    held_back: pl.DataFrame  # columns: record_key, reason, record (JSON)
    results: list[CheckResult]

    @property
    def critical_failures(self) -> list[CheckResult]:
        return [r for r in self.results if not r.success and r.severity == "critical"]


@lru_cache(maxsize=1)
def _context() -> Any:
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    return context


@cache
def _batch_definition(suite_name: str) -> Any:
    source = _context().data_sources.add_or_update_pandas(f"frames_{suite_name}")
    asset = source.add_dataframe_asset(name=suite_name)
    return asset.add_batch_definition_whole_dataframe(f"{suite_name}_batch")


def _gx_suite(suite: Suite) -> gx.ExpectationSuite:
    expectations = [getattr(gx.expectations, c.expectation)(**c.kwargs) for c in suite.checks]
    return gx.ExpectationSuite(name=suite.name, expectations=expectations)


def _row_failures(check: Check, result: dict[str, Any], frame: pl.DataFrame) -> list[int]:
    rows = list(result.get("unexpected_index_list") or [])
    if check.expectation == ROW_LEVEL_UNIQUE:  # the first occurrence of a repeated key is kept
        column = frame.get_column(check.kwargs["column"])
        first: dict[Any, int] = {}
        for row in sorted(rows):
            first.setdefault(column[row], row)
        rows = [r for r in rows if first[column[r]] != r]
    return rows


def _held_back_frame(frame: pl.DataFrame, reasons: dict[int, list[str]], key: str) -> pl.DataFrame:
    rows = sorted(reasons)
    records = frame[rows].to_dicts() if rows else []
    return pl.DataFrame(
        {
            "record_key": [str(r.get(key)) for r in records],
            "reason": ["; ".join(reasons[i]) for i in rows],
            "record": [json.dumps(r, ensure_ascii=False, default=str) for r in records],
        },
        schema={"record_key": pl.String, "reason": pl.String, "record": pl.String},
    )


def validate(frame: pl.DataFrame, suite: Suite) -> Validation:
    """Run the suite. Rows failing a critical check are held back, with every failing check as the reason."""
    batch = _batch_definition(suite.name).get_batch(batch_parameters={"dataframe": frame.to_pandas()})
    outcome = batch.validate(_gx_suite(suite), result_format={"result_format": "COMPLETE"})
    results, reasons = [], {}
    for check, result in zip(suite.checks, outcome.results, strict=True):
        failing = _row_failures(check, result.result, frame) if not result.success else []
        results.append(CheckResult(suite.name, check.name, check.severity, not failing, len(failing)))
        if check.severity == "critical":
            for row in failing:
                reasons.setdefault(row, []).append(f"failed {check.name}")
    keep = pl.Series([i not in reasons for i in range(frame.height)], dtype=pl.Boolean)
    return Validation(frame.filter(keep), _held_back_frame(frame, reasons, suite.key_column), results)
