"""The articles suite on small frames: failing rows are held back with reasons, good rows pass."""

from __future__ import annotations

import json
from datetime import date

import polars as pl
import pytest

from expectations.runner import validate
from expectations.suites import ARTICLES, FIGURES, RAW_PAGES


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


def _fetch_log() -> pl.DataFrame:
    rows = [
        ("https://example.ru/a", 200, 1200, "fetched", None, "text/html; charset=utf-8"),
        ("https://example.ru/b", 200, 0, "fetched", None, "text/html"),
        ("https://example.ru/c", 200, 900, "fetched", None, "image/png"),
        ("https://example.ru/d", None, 0, "failed", "connection refused", None),
        ("https://example.ru/e", 404, 0, "failed", None, None),
        ("https://example.ru/e", 200, 10, "not_modified", None, None),
        ("ftp://example.ru/f", 200, 10, "fetched", None, "text/html"),
    ]
    columns = ["url", "status", "bytes", "outcome", "reason", "content_type"]
    return pl.DataFrame(rows, schema=columns, orient="row")


def _figures() -> pl.DataFrame:
    rows = [  # figure_key, value, unit, qualifier, char_start, char_end
        (1, 900_000_000.0, "RUB", "up_to", 0, 40),
        (2, -5_000_000.0, "RUB", "exact", 0, 40),
        (3, 12.0, "ha", "exact", 90, 140),
        (4, 12.0, "ha", "exact", 30, 20),
        (5, 12.0, "acres", "roughly", 0, 10),
        (5, 3.0, "items", "over", -1, 10),
    ]
    columns = ["figure_key", "value", "unit", "qualifier", "char_start", "char_end"]
    frame = pl.DataFrame(rows, schema=columns, orient="row")
    return frame.with_columns(
        article_key=pl.lit(10), metric_key=pl.lit(51), sentence=pl.lit("s"), text_length=100
    )


CASES = {
    "articles, clean": (_frame(), ARTICLES),
    "articles, bad rows and a warning": (
        _frame(
            article_key=[7, 7, 8], text=["a", "", None], language=["ru", "de", "fr"], title=["t", None, "t"]
        ),
        ARTICLES,
    ),
    "articles, empty": (_frame().clear(), ARTICLES),
    "articles, a column missing": (_frame().drop("url"), ARTICLES),
    "raw pages, conditional checks failing": (_fetch_log(), RAW_PAGES),
    "raw pages, clean": (_fetch_log().head(1), RAW_PAGES),
    "raw pages, an unknown outcome": (_fetch_log().with_columns(outcome=pl.lit("exploded")), RAW_PAGES),
    "figures, pairs and sets failing": (_figures(), FIGURES),
    "figures, clean": (_figures().head(1), FIGURES),
}


@pytest.mark.parametrize("case", list(CASES))
def test_quick_validation_gives_the_same_results_as_the_complete_one(case: str) -> None:
    """Checks that pass run at Great Expectations' BASIC result format only: what is recorded (every
    check's result with its counts and details, the rows passed and held back) is what running every
    check at COMPLETE gives."""
    frame, suite = CASES[case]
    quick = validate(frame, suite, run_date=date(2024, 5, 1), batch="b")
    complete = validate(frame, suite, run_date=date(2024, 5, 1), batch="b", quick=False)
    assert quick.results == complete.results
    assert quick.passed.equals(complete.passed) and quick.held_back.equals(complete.held_back)
    failing = [r.success for r in quick.gx_result.results].count(False)
    assert failing == [r.success for r in complete.gx_result.results].count(False)
