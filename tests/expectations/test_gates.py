"""Gates: row-level failures hold rows back and the batch goes on; a critical batch-level failure
(a missing column, an expectation that cannot run, counts that do not reconcile) stops the batch."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from expectations.gates import GateFailed, gate, reconcile_gate, reconciliation_results
from expectations.suites import ARTICLES, Check, Suite

ARTICLE = {
    "article_key": [1, 2],
    "url": ["https://example.ru/a", "https://example.ru/b"],
    "text": ["текст", ""],
    "language": ["ru", "ru"],
    "title": ["t", "t"],
    "published": [date(2021, 4, 27), None],
}
COUNTS = {
    "pages_discovered": 7,
    "pages_fetched": 6,
    "pages_not_modified": 0,
    "pages_skipped": 1,
    "pages_failed": 0,
    "articles_extracted": 5,
    "articles_loaded": 5,
    "articles_held_back": 1,
    "duplicates": 0,
}


def test_row_failures_do_not_stop_the_batch() -> None:
    result = gate(pl.DataFrame(ARTICLE), ARTICLES, run_date=date(2024, 5, 1), batch="source-a")
    assert result.passed["article_key"].to_list() == [1]
    assert result.held_back["reason"].to_list() == ["failed ExpectColumnValueLengthsToBeBetween(text)"]
    assert {r.batch for r in result.results} == {"source-a"} and result.seconds > 0


def test_missing_column_fails_the_gate_with_a_clear_message() -> None:
    frame = pl.DataFrame(ARTICLE).drop("language")
    with pytest.raises(GateFailed) as failed:
        gate(frame, ARTICLES, run_date=date(2024, 5, 1))
    message = str(failed.value)
    assert "quality gate 'articles' failed" in message and "not loaded" in message
    assert "ExpectTableColumnsToMatchSet" in message and "language" in message
    assert failed.value.suite == "articles"
    assert len(failed.value.results) == len(ARTICLES.checks)  # everything is still there to record
    assert failed.value.validation is not None and failed.value.validation.gx_result is not None


def test_an_expectation_that_cannot_run_fails_the_gate() -> None:
    frame = pl.DataFrame(ARTICLE).with_columns(published=pl.lit("27 April 2021"))
    with pytest.raises(GateFailed) as failed:
        gate(frame, ARTICLES, run_date=date(2024, 5, 1))
    assert [f.expectation for f in failed.value.failures] == ["published between 1991-01-01 and the run date"]


def test_a_batch_level_warning_does_not_stop_the_batch() -> None:
    suite = Suite(
        "rows", "k", (Check("ExpectTableRowCountToBeBetween", {"min_value": 5}, severity="warning"),)
    )
    result = gate(pl.DataFrame({"k": [1]}), suite)
    assert result.passed.height == 1
    assert [(r.success, r.level) for r in result.results] == [(False, "batch")]


def test_reconciled_counts_pass() -> None:
    results = reconcile_gate(COUNTS).results
    assert [r.success for r in results] == [True, True]
    assert {r.suite for r in results} == {"reconciliation"} and {r.severity for r in results} == {"critical"}


def test_a_gap_is_a_recorded_critical_failure_and_a_failed_gate() -> None:
    counts = {**COUNTS, "articles_held_back": 0}
    results = reconciliation_results(counts)
    assert [r.success for r in results] == [True, False]
    assert "pages fetched 6 != loaded + held back 5" in (results[1].details or "")
    with pytest.raises(GateFailed, match="pages fetched 6 != loaded \\+ held back 5") as failed:
        reconcile_gate(counts)
    assert len(failed.value.results) == 2
