"""Validate a polars frame against a suite with Great Expectations; hold back failing rows with reasons."""

from __future__ import annotations

import json
import logging
import threading
import time
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from functools import cache, lru_cache
from typing import Any, Literal

import polars as pl

from expectations.suites import RUN_DATE, Check, Suite
from transforms.held import record_json

ROW_LEVEL_UNIQUE = "ExpectColumnValuesToBeUnique"
HELD_BACK_SCHEMA = {"record_key": pl.String, "reason": pl.String, "record": pl.String, "stage": pl.String}
SAMPLE_SIZE = 5
# Every check runs first at BASIC (counts and a sample of unexpected values: all a passing check
# records); the checks that did not pass run again at COMPLETE, which lists every failing row's index
# (the rows to hold back). COMPLETE costs about half as much again per check, and most checks pass.
QUICK = {"result_format": "BASIC"}
FULL = {"result_format": "COMPLETE"}


@dataclass(frozen=True)
class CheckResult:
    """One expectation's outcome on one batch: the unit of dq_result."""

    suite: str
    expectation: str
    severity: str
    success: bool
    unexpected_count: int
    element_count: int = 0
    batch: str = ""
    level: Literal["row", "batch"] = "row"
    details: str | None = None  # JSON: a sample of unexpected values, the observed value or the error


@dataclass(frozen=True)
class Validation:
    passed: pl.DataFrame
    held_back: pl.DataFrame  # columns: record_key, reason, record (JSON), stage
    results: list[CheckResult]
    suite: str = ""
    batch: str = ""
    seconds: float = 0.0
    gx_result: Any = None  # the Great Expectations validation result, for Data Docs

    @property
    def critical_failures(self) -> list[CheckResult]:
        return [r for r in self.results if not r.success and r.severity == "critical"]

    @property
    def batch_failures(self) -> list[CheckResult]:
        """Critical failures that concern the batch as a whole, not single rows."""
        return [r for r in self.critical_failures if r.level == "batch"]

    @property
    def rows_in(self) -> int:
        return self.passed.height + self.held_back.height

    def lean(self, keep_gx: bool = False) -> Validation:
        """What a run keeps of a batch's validation once its rows have gone on: the results (counts and
        a sample of the failures each), the time, and, when asked, Great Expectations' result for the
        Data Docs; no rows."""
        return replace(
            self,
            passed=self.passed.clear(),
            held_back=self.held_back.clear(),
            gx_result=self.gx_result if keep_gx else None,
        )


_CONTEXT_LOCK = threading.Lock()


def _context() -> Any:
    """Great Expectations' context: one per process, made by the first validation (Great Expectations is
    imported then, not before: a run that fetched nothing new never loads it); other threads wait."""
    with _CONTEXT_LOCK:
        return _new_context()


def _logger_levels() -> dict[str, int]:
    loggers = logging.root.manager.loggerDict.items()
    return {name: lg.level for name, lg in loggers if isinstance(lg, logging.Logger)}


def _import_library() -> Any:
    """Great Expectations, imported with the levels of its loggers left as they were: it sets one of
    them to INFO as it loads, which would print its chatter past the level the caller chose."""
    before = _logger_levels()
    import great_expectations as gx

    for name, level in _logger_levels().items():
        if name.startswith("great_expectations") and level != before.get(name, logging.NOTSET):
            logging.getLogger(name).setLevel(before.get(name, logging.NOTSET))
    return gx


@lru_cache(maxsize=1)
def _new_context() -> Any:
    gx = _import_library()
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    return context


@cache
def _batch_definition(suite_name: str) -> Any:
    source = _context().data_sources.add_or_update_pandas(f"frames_{suite_name}")
    asset = source.add_dataframe_asset(name=suite_name)
    return asset.add_batch_definition_whole_dataframe(f"{suite_name}_batch")


def _resolve(kwargs: dict[str, Any], run_date: date) -> dict[str, Any]:
    day = datetime(run_date.year, run_date.month, run_date.day, 23, 59, 59)
    return {k: day if v == RUN_DATE else v for k, v in kwargs.items()}


def _gx_suite(suite: Suite, checks: dict[int, Check], run_date: date) -> Any:
    """The checks as a Great Expectations suite, each expectation carrying its number in `meta`."""
    gx = _import_library()
    expectations = [
        getattr(gx.expectations, c.expectation)(**_resolve(c.kwargs, run_date), meta={"check": i})
        for i, c in checks.items()
    ]
    return gx.ExpectationSuite(name=suite.name, expectations=expectations)


def _pandas(frame: pl.DataFrame, suite: Suite) -> Any:
    """Only the columns the suite reads (dates become pandas timestamps, compared with datetime bounds)."""
    wanted = {suite.key_column}
    for check in suite.checks:
        wanted.update(check.columns, check.kwargs.get("column_set", []))
    columns = [c for c in frame.columns if c in wanted]
    return frame.select(columns).to_pandas()


def _exception(result: Any) -> str | None:
    info = result.exception_info or {}
    if info.get("raised_exception"):
        return str(info.get("exception_message"))
    for value in info.values():
        if isinstance(value, dict) and value.get("raised_exception"):
            return str(value.get("exception_message"))
    return None


def _row_failures(check: Check, result: dict[str, Any], frame: pl.DataFrame) -> list[int]:
    rows = list(result.get("unexpected_index_list") or [])
    if check.expectation == ROW_LEVEL_UNIQUE:  # the first occurrence of a repeated key is kept
        column = frame.get_column(check.kwargs["column"])
        first: dict[Any, int] = {}
        for row in sorted(rows):
            first.setdefault(column[row], row)
        rows = [r for r in rows if first[column[r]] != r]
    return rows


def _record_names(frame: pl.DataFrame, failing: list[int]) -> list[str]:
    """The failing rows by URL (else article_key), not by row number: what a reader can look up."""
    column = next((c for c in ("url", "article_key") if c in frame.columns), None)
    if column is None or not failing:
        return []
    return [str(frame[column][row]) for row in failing[:SAMPLE_SIZE]]


def _details(result: dict[str, Any], error: str | None, records: list[str]) -> str | None:
    if error:
        return json.dumps({"error": error}, ensure_ascii=False)
    sample = result.get("partial_unexpected_list")
    if sample:
        found = {"unexpected_sample": sample[:SAMPLE_SIZE], **({"records": records} if records else {})}
        return json.dumps(found, ensure_ascii=False, default=str)
    keys = ("observed_value", "details")
    found = {k: result[k] for k in keys if result.get(k) is not None}
    return json.dumps(found, ensure_ascii=False, default=str) if found else None


@cache
def _per_row(expectation: str) -> bool:
    """A map expectation: one outcome per row (at COMPLETE its result lists the failing rows' indexes)."""
    from great_expectations.expectations.expectation import (
        ColumnMapExpectation,
        ColumnPairMapExpectation,
        MulticolumnMapExpectation,
    )

    kind = getattr(_import_library().expectations, expectation)
    return issubclass(kind, ColumnMapExpectation | ColumnPairMapExpectation | MulticolumnMapExpectation)


def _row_level(check: Check, result: dict[str, Any], error: str | None) -> bool:
    """The result of a map expectation that ran: at COMPLETE it lists the failing rows' indexes; at
    BASIC (a check that passed) it does not, and the kind of expectation tells."""
    return not error and ("unexpected_index_list" in result or _per_row(check.expectation))


def _check_result(
    check: Check, outcome: Any, frame: pl.DataFrame, ctx: tuple[str, str]
) -> tuple[CheckResult, list[int]]:
    error = _exception(outcome)
    result = outcome.result or {}
    row_level = _row_level(check, result, error)
    failing = _row_failures(check, result, frame) if row_level and not outcome.success else []
    success = (not failing) if row_level else bool(outcome.success) and not error
    count = len(failing) if row_level else int(not success)
    elements = int(result.get("element_count", frame.height))
    level = "row" if row_level else "batch"
    details = None if success else _details(result, error, _record_names(frame, failing))
    suite, batch = ctx
    return CheckResult(
        suite, check.name, check.severity, success, count, elements, batch, level, details
    ), failing


def _not_applicable(check: Check, frame: pl.DataFrame, ctx: tuple[str, str]) -> CheckResult:
    missing = [c for c in check.columns if c not in frame.columns]
    details = json.dumps({"not_applicable": f"no column {', '.join(missing)}"})
    return CheckResult(ctx[0], check.name, check.severity, True, 0, frame.height, ctx[1], "batch", details)


def _held_back_frame(
    frame: pl.DataFrame, reasons: dict[int, list[str]], key: str, stage: str
) -> pl.DataFrame:
    rows = sorted(reasons)
    records = frame[rows].to_dicts() if rows else []
    return pl.DataFrame(
        {
            "record_key": [str(r.get(key)) for r in records],
            "reason": ["; ".join(reasons[i]) for i in rows],
            "record": [record_json(r) for r in records],
            "stage": [stage] * len(rows),
        },
        schema=HELD_BACK_SCHEMA,
    )


def _applicable(suite: Suite, frame: pl.DataFrame) -> list[Check]:
    return [c for c in suite.checks if not c.optional or all(col in frame.columns for col in c.columns)]


def _by_check(outcome: Any) -> dict[int, Any]:
    """The expectation results by check number (Great Expectations returns them in its own order)."""
    return {r.expectation_config.meta["check"]: r for r in outcome.results}


def _passed(result: Any) -> bool:
    return bool(result.success) and _exception(result) is None


def _run_gx(
    frame: pl.DataFrame, suite: Suite, checks: list[Check], run_date: date | None, quick: bool = True
) -> Any:
    """Great Expectations' validation of the checks: at BASIC, then the checks that did not pass again at
    COMPLETE, their results put in place of the first ones (`quick`); or every check at COMPLETE."""
    gx_batch = _batch_definition(suite.name).get_batch(batch_parameters={"dataframe": _pandas(frame, suite)})
    day = run_date or datetime.now(UTC).date()
    numbered = dict(enumerate(checks))
    outcome = gx_batch.validate(_gx_suite(suite, numbered, day), result_format=QUICK if quick else FULL)
    first = _by_check(outcome)
    again = {i: c for i, c in numbered.items() if quick and not _passed(first[i])}
    if again:
        full = _by_check(gx_batch.validate(_gx_suite(suite, again, day), result_format=FULL))
        outcome.results = [full.get(r.expectation_config.meta["check"], r) for r in outcome.results]
    return outcome


def _collect(
    suite: Suite, checks: list[Check], outcome: Any, frame: pl.DataFrame, ctx: tuple[str, str]
) -> tuple[list[CheckResult], dict[int, list[str]]]:
    """One result per check of the suite, in suite order; the failing checks of each held-back row."""
    by_check = _by_check(outcome)
    results, reasons = [], {}
    for check in suite.checks:
        if check not in checks:
            results.append(_not_applicable(check, frame, ctx))
            continue
        result, failing = _check_result(check, by_check[checks.index(check)], frame, ctx)
        results.append(result)
        for row in failing if check.severity == "critical" else []:
            reasons.setdefault(row, []).append(f"failed {check.name}")
    return results, reasons


def validate(
    frame: pl.DataFrame, suite: Suite, *, run_date: date | None = None, batch: str = "", quick: bool = True
) -> Validation:
    """Run the suite. Rows failing a critical check are held back, with every failing check as the reason.

    Batch-level outcomes (table expectations, errors such as a missing column) are only reported here;
    `expectations.gates.gate` turns critical ones into a failed gate. With `quick` (the default) the
    checks that pass are run at Great Expectations' BASIC result format only (see QUICK); the results
    and the rows held back are the same either way.
    """
    started, ctx = time.perf_counter(), (suite.name, batch or suite.name)
    checks = _applicable(suite, frame)
    outcome = _run_gx(frame, suite, checks, run_date, quick)
    results, reasons = _collect(suite, checks, outcome, frame, ctx)
    keep = pl.Series([i not in reasons for i in range(frame.height)], dtype=pl.Boolean)
    held = _held_back_frame(frame, reasons, suite.key_column, suite.name)
    seconds = time.perf_counter() - started
    return Validation(frame.filter(keep), held, results, suite.name, ctx[1], seconds, outcome)
