"""Great Expectations Data Docs under HOME/quality/: every run's validation results, built on every run.

Validation results are kept as JSON in HOME/quality/gx/ (so the index lists the history of runs) and
rendered to HTML in HOME/quality/data_docs/ by Great Expectations' own site builder. Results computed
outside Great Expectations (the reference checks, reconciliation, the warehouse SQL checks) are
rendered too, as validation results of their own suites.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import great_expectations as gx
from great_expectations.core import ExpectationSuiteValidationResult, ExpectationValidationResult
from great_expectations.core.run_identifier import RunIdentifier
from great_expectations.data_context.types.base import (
    DataContextConfig,
    FilesystemStoreBackendDefaults,
    ProgressBarsConfig,
)
from great_expectations.data_context.types.resource_identifiers import (
    ExpectationSuiteIdentifier,
    ValidationResultIdentifier,
)
from great_expectations.expectations.expectation import BatchExpectation
from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

from expectations.runner import CheckResult, Validation
from expectations.summary import docs_index, quality_dir

SITE = "clusterwatch"
SQL_CHECK_TYPE = "expect_check_to_pass"


class ExpectCheckToPass(BatchExpectation):
    """A check evaluated outside Great Expectations (polars or SQL), registered so Data Docs render it."""

    check: str
    success_keys = ("check",)

    def _validate(
        self, metrics: dict, runtime_configuration: dict | None = None, execution_engine: Any = None
    ) -> dict:
        raise NotImplementedError("evaluated by clusterwatch itself, not by Great Expectations")


def _site(home: Path) -> dict[str, Any]:
    return {
        "class_name": "SiteBuilder",
        "show_how_to_buttons": False,
        "store_backend": {
            "class_name": "TupleFilesystemStoreBackend",
            "base_directory": str(docs_index(home).parent),
        },
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
    }


@lru_cache(maxsize=8)
def _context(home: Path) -> Any:
    """A context storing in HOME/quality/gx, with one Data Docs site: HOME/quality/data_docs."""
    config = DataContextConfig(
        store_backend_defaults=FilesystemStoreBackendDefaults(root_directory=str(quality_dir(home) / "gx")),
        data_docs_sites={SITE: _site(home)},
        progress_bars=ProgressBarsConfig(globally=False),
        analytics_enabled=False,
    )
    return gx.get_context(project_config=config, mode="ephemeral")


def _synthetic(validation: Validation) -> ExpectationSuiteValidationResult:
    """A validation result for checks that did not run in Great Expectations."""
    results = [_synthetic_result(r) for r in validation.results]
    passed = sum(r.success for r in validation.results)
    statistics = {
        "evaluated_expectations": len(results),
        "successful_expectations": passed,
        "unsuccessful_expectations": len(results) - passed,
        "success_percent": 100.0 * passed / len(results) if results else 100.0,
    }
    success = not validation.critical_failures
    return ExpectationSuiteValidationResult(
        success=success, results=results, suite_name=validation.suite, statistics=statistics, meta={}
    )


def _synthetic_result(result: CheckResult) -> ExpectationValidationResult:
    kwargs = {"check": result.expectation, "batch_id": result.batch}
    config = ExpectationConfiguration(type=SQL_CHECK_TYPE, kwargs=kwargs, meta={"severity": result.severity})
    observed = {"unexpected_count": result.unexpected_count, "element_count": result.element_count}
    if result.details:
        observed["details"] = result.details
    return ExpectationValidationResult(
        success=result.success, expectation_config=config, result={"observed_value": observed}
    )


def _store(context: Any, validation: Validation, run: RunIdentifier) -> ValidationResultIdentifier:
    result = validation.gx_result or _synthetic(validation)
    result.meta["run_id"] = run
    result.meta.setdefault("active_batch_definition", {})
    identifier = ValidationResultIdentifier(
        expectation_suite_identifier=ExpectationSuiteIdentifier(name=validation.suite),
        run_id=run,
        batch_identifier=validation.batch or validation.suite,
    )
    context.validation_results_store.set(identifier, result)
    return identifier


def build_data_docs(home: Path, run_id: str, validations: Iterable[Validation]) -> Path:
    """Store this run's validation results and rebuild the Data Docs site; returns its index.html."""
    context = _context(home.resolve())
    run = RunIdentifier(run_name=run_id, run_time=datetime.now(UTC))
    identifiers = [_store(context, v, run) for v in validations]
    context.build_data_docs(site_names=[SITE], resource_identifiers=identifiers)
    return docs_index(home.resolve())
