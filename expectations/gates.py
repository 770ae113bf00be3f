"""The gates between stages: validate a batch, stop it on a critical batch-level failure.

Row-level failures never stop a batch: the rows go to quarantine with their reasons and the good rows
go on. A critical batch-level failure (a missing column, an expectation that cannot run, counts that do
not reconcile, a broken warehouse invariant) raises `GateFailed`, which carries every result so the
caller can still record them in dq_result.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from datetime import date

import polars as pl

from expectations.runner import HELD_BACK_SCHEMA, CheckResult, Validation, validate
from expectations.suites import Suite
from transforms.runs.reconcile import reconciliation_gaps

RECONCILIATION = "reconciliation"
WAREHOUSE_SUITE = "warehouse"
EQUATIONS = (
    ("pages discovered = fetched + not modified + skipped + failed", "pages discovered"),
    ("pages fetched = loaded + held back", "pages fetched"),
)


class GateFailed(Exception):
    """A critical batch-level failure: the batch must not be loaded."""

    def __init__(
        self,
        suite: str,
        failures: list[CheckResult],
        results: list[CheckResult],
        validation: Validation | None = None,
    ) -> None:
        self.suite = suite
        self.failures = failures
        self.results = results
        self.validation = validation  # the whole validation, for dq_result and the Data Docs
        lines = [f"{f.expectation}: {_explain(f)}" for f in failures]
        super().__init__(f"quality gate '{suite}' failed; the batch is not loaded: " + "; ".join(lines))


def _explain(result: CheckResult) -> str:
    if not result.details:
        return "failed"
    details = json.loads(result.details)
    return str(details.get("error") or details.get("gap") or details)


def raise_on_batch_failure(validation: Validation) -> None:
    if validation.batch_failures:
        raise GateFailed(validation.suite, validation.batch_failures, validation.results, validation)


def gate(frame: pl.DataFrame, suite: Suite, *, run_date: date | None = None, batch: str = "") -> Validation:
    """Validate one batch between two stages. Returns the rows that pass, the rows held back (with
    `stage` = the suite name) and one result per expectation; raises GateFailed on a critical
    batch-level failure."""
    validation = validate(frame, suite, run_date=run_date, batch=batch)
    raise_on_batch_failure(validation)
    return validation


def reconciliation_results(counts: Mapping[str, int], batch: str = "run") -> list[CheckResult]:
    """The two count equations of a run as results; a gap is a critical batch-level failure."""
    gaps = reconciliation_gaps(dict(counts))
    results = []
    for name, prefix in EQUATIONS:
        gap = next((g for g in gaps if g.startswith(prefix)), None)
        result = CheckResult(
            suite=RECONCILIATION,
            expectation=name,
            severity="critical",
            success=gap is None,
            unexpected_count=int(gap is not None),
            element_count=int(counts.get("pages_discovered", 0)),
            batch=batch,
            level="batch",
            details=json.dumps({"gap": gap} if gap else {"counts": dict(counts)}),
        )
        results.append(result)
    return results


def reconcile_gate(counts: Mapping[str, int], batch: str = "run") -> Validation:
    """Check that the run's counts reconcile; raises GateFailed (with both results) on a gap."""
    started = time.perf_counter()
    results = reconciliation_results(counts, batch)
    return results_gate(RECONCILIATION, results, time.perf_counter() - started, batch)


def results_gate(suite: str, results: list[CheckResult], seconds: float = 0.0, batch: str = "") -> Validation:
    """Wrap results computed elsewhere (reconciliation, the warehouse SQL checks) as a Validation, and
    gate on them."""
    empty = pl.DataFrame(schema=HELD_BACK_SCHEMA)
    validation = Validation(pl.DataFrame(), empty, results, suite, batch or suite, seconds)
    raise_on_batch_failure(validation)
    return validation


def warehouse_gate(rows: list[dict], seconds: float = 0.0) -> Validation:
    """Gate on the post-load SQL checks' rows (warehouse.quality_checks.run_checks, best run inside the
    load transaction, before the commit, so a critical failure rolls the load back); raises GateFailed
    on a critical failure."""
    return results_gate(WAREHOUSE_SUITE, [CheckResult(**row) for row in rows], seconds)
