"""Data Docs: real Great Expectations HTML under HOME/quality/data_docs, one page per suite per run,
and an index that keeps the earlier runs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl

from expectations.docs import build_data_docs
from expectations.gates import reconcile_gate
from expectations.runner import validate
from expectations.suites import ARTICLES

FRAME = pl.DataFrame(
    {
        "article_key": [1, 2],
        "url": ["https://example.ru/a", "https://example.ru/b"],
        "text": ["текст", ""],
        "language": ["ru", "ru"],
        "title": ["t", None],
        "published": [date(2021, 4, 27), None],
    }
)
COUNTS = dict.fromkeys(
    [
        "pages_discovered",
        "pages_fetched",
        "pages_not_modified",
        "pages_skipped",
        "pages_failed",
        "articles_loaded",
        "articles_held_back",
    ],
    0,
)


def test_data_docs_hold_every_suite_of_every_run(tmp_path: Path) -> None:
    articles = validate(FRAME, ARTICLES, run_date=date(2024, 5, 1))
    reconciliation = reconcile_gate(COUNTS)
    index = build_data_docs(tmp_path, "run-one", [articles, reconciliation])
    assert index == tmp_path.resolve() / "quality" / "data_docs" / "index.html"
    pages = sorted(p.relative_to(index.parent).parts[:3] for p in index.parent.glob("validations/**/*.html"))
    assert pages == [("validations", "articles", "run-one"), ("validations", "reconciliation", "run-one")]
    article_page = next(index.parent.glob("validations/articles/run-one/*/*.html")).read_text(
        encoding="utf-8"
    )
    assert "values must belong to this set" in article_page and "run-one" in article_page
    recon_page = next(index.parent.glob("validations/reconciliation/run-one/*/*.html")).read_text(
        encoding="utf-8"
    )
    assert "pages fetched = loaded + held back" in recon_page

    build_data_docs(tmp_path, "run-two", [articles])
    text = index.read_text(encoding="utf-8")
    assert "run-one" in text and "run-two" in text
