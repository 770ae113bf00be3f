"""The articles suite on small frames: failing rows are held back with reasons, good rows pass."""

from __future__ import annotations

import json
from datetime import date

import polars as pl

from expectations.runner import validate
from expectations.suites import ARTICLES


def _frame(**columns: list) -> pl.DataFrame:
    base = {
        "article_key": [1, 2, 3],
        "text": ["a", "b", "c"],
        "language": ["ru", "en", "ru"],
        "title": ["t"] * 3,
        "url": ["https://example.ru/news/1", "https://example.ru/news/2", "https://example.com/en/3"],
        "published": [date(2021, 4, 27), None, date(2014, 4, 8)],
    }
    return pl.DataFrame({**base, **columns})


def test_clean_batch_passes_whole() -> None:
    result = validate(_frame(), ARTICLES)
    assert result.passed.height == 3 and result.held_back.height == 0
    assert all(r.success for r in result.results)
    assert {r.expectation for r in result.results} >= {"ExpectColumnValuesToBeUnique(article_key)"}


def test_bad_rows_held_back_with_reasons_good_rows_pass() -> None:
    frame = _frame(text=["a", "", None], language=["ru", "en", "fr"])
    result = validate(frame, ARTICLES)
    assert result.passed["article_key"].to_list() == [1]
    reasons = dict(zip(result.held_back["record_key"], result.held_back["reason"], strict=True))
    assert "ExpectColumnValueLengthsToBeBetween(text)" in reasons["2"]
    assert "ExpectColumnValuesToNotBeNull(text)" in reasons["3"]
    assert "ExpectColumnValuesToBeInSet(language)" in reasons["3"]
    assert json.loads(result.held_back["record"][0])["article_key"] == 2


def test_duplicate_key_keeps_first_occurrence() -> None:
    result = validate(_frame(article_key=[7, 7, 8], text=["first", "second", "c"]), ARTICLES)
    assert result.passed["text"].to_list() == ["first", "c"]
    assert result.held_back["reason"].to_list() == ["failed ExpectColumnValuesToBeUnique(article_key)"]
    assert [r.expectation for r in result.critical_failures] == ["ExpectColumnValuesToBeUnique(article_key)"]


def test_warning_is_recorded_but_row_passes() -> None:
    result = validate(_frame(title=["t", None, "t"]), ARTICLES)
    assert result.passed.height == 3
    warning = next(r for r in result.results if r.expectation == "ExpectColumnValuesToNotBeNull(title)")
    assert (warning.success, warning.unexpected_count, warning.severity) == (False, 1, "warning")


def test_empty_batch() -> None:
    empty = _frame().clear()
    result = validate(empty, ARTICLES)
    assert result.passed.height == 0 and result.held_back.height == 0


def test_results_follow_the_suite_order_one_per_check() -> None:
    result = validate(_frame(), ARTICLES)
    assert [r.expectation for r in result.results] == [c.name for c in ARTICLES.checks]
    assert result.suite == "articles" and result.gx_result is not None


def test_missing_column_is_a_failed_batch_level_result_not_a_crash() -> None:
    result = validate(_frame().drop("url"), ARTICLES)
    failed = {r.expectation: r for r in result.batch_failures}
    assert "ExpectTableColumnsToMatchSet" in failed and "url" in (
        failed["ExpectTableColumnsToMatchSet"].details or ""
    )
    assert failed["ExpectColumnValuesToMatchRegex(url)"].level == "batch"
    assert result.held_back.height == 0
