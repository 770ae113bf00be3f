"""One batch with every kind of bad input goes through the gates: each bad record ends in quarantine
with the right reason, the good records of the same batch go on, and the run's quality is recorded
in dq_result for every suite."""

from __future__ import annotations

from datetime import UTC, date, datetime

import duckdb
import polars as pl

from expectations.gates import gate, reconcile_gate
from expectations.keys import check_references
from expectations.results import dq_frame
from expectations.suites import ARTICLES, FIGURES
from expectations.summary import summarise
from warehouse.quality import record_results, run_quality
from warehouse.schema import apply_schema

RUN_DATE = date(2024, 5, 1)
TEXT = "В Калужской области создан промышленный кластер. Субсидия составит до 900 млн рублей."


def _articles() -> pl.DataFrame:
    rows = [
        (1, "https://example.ru/news/1", TEXT, "ru", "Кластер", date(2024, 4, 27)),
        (2, "https://example.ru/news/2", "", "ru", "Пусто", date(2024, 4, 27)),
        (3, "https://example.ru/news/3", TEXT, "xx", "Unknown", date(2024, 4, 27)),
        (4, "https://example.ru/news/4", TEXT, "ru", "Future", date(2031, 1, 1)),
        (1, "https://example.ru/news/1?copy", TEXT, "ru", "Copy", date(2024, 4, 27)),
        (6, "https://example.com/en/6", "Kaluga cluster news.", "en", "Good", None),
    ]
    return pl.DataFrame(
        rows, schema=["article_key", "url", "text", "language", "title", "published"], orient="row"
    )


def _figures(text_length: int) -> pl.DataFrame:
    rows = [
        (100, 1, 51, 900_000_000.0, "RUB", "up_to", 40, 84),
        (101, 1, 51, -900_000_000.0, "RUB", "exact", 40, 84),
        (102, 1, 51, 12.0, "ha", "exact", 80, 120),
        (103, 1, 99, 5.0, "items", "exact", 0, 10),
        (104, 6, 51, 3.0, "items", "about", 0, 7),
    ]
    columns = [
        "figure_key",
        "article_key",
        "metric_key",
        "value",
        "unit",
        "qualifier",
        "char_start",
        "char_end",
    ]
    frame = pl.DataFrame(rows, schema=columns, orient="row")
    return frame.with_columns(sentence=pl.lit("s"), text_length=pl.lit(text_length))


def test_bad_records_are_held_back_with_reasons_and_good_ones_go_on() -> None:
    articles = gate(_articles(), ARTICLES, run_date=RUN_DATE)
    figures = gate(_figures(len(TEXT)), FIGURES, run_date=RUN_DATE)
    dims = {"dim_metric": pl.DataFrame({"metric_key": [51]}), "fact_article": articles.passed}
    references = check_references(figures.passed, "fact_figure", dims, {"fact_article": set()})

    assert articles.passed["article_key"].to_list() == [1, 6]
    assert articles.passed["title"].to_list() == ["Кластер", "Good"]
    assert references.passed["figure_key"].to_list() == [100, 104]
    held = pl.concat([articles.held_back, figures.held_back, references.held_back])
    reasons = dict(zip(held["stage"] + ":" + held["record_key"], held["reason"], strict=True))
    assert reasons == {
        "articles:2": "failed ExpectColumnValueLengthsToBeBetween(text)",
        "articles:3": "failed ExpectColumnValuesToBeInSet(language)",
        "articles:4": "failed published between 1991-01-01 and the run date",
        "articles:1": "failed ExpectColumnValuesToBeUnique(article_key)",
        "figures:101": "failed ExpectColumnValuesToBeBetween(value)",
        "figures:102": "failed char_end <= text_length",
        "foreign_keys:103": "failed fact_figure.metric_key -> dim_metric",
    }
    assert held["record"].str.contains('"').all()  # every held record keeps its JSON

    counts = {
        "pages_discovered": 6,
        "pages_fetched": 6,
        "pages_not_modified": 0,
        "pages_skipped": 0,
        "pages_failed": 0,
        "articles_loaded": articles.passed.height,
        "articles_held_back": articles.held_back.height,
    }
    collected = [articles, figures, references, reconcile_gate(counts)]
    dq = dq_frame(collected, datetime(2024, 5, 1, 12, tzinfo=UTC))
    con = duckdb.connect(":memory:")
    apply_schema(con)
    record_results(con, "bad-batch", dq)
    stored = run_quality(con, "bad-batch").results
    assert set(stored["suite"]) == {"articles", "figures", "foreign_keys", "reconciliation"}
    assert stored.height == len(ARTICLES.checks) + len(FIGURES.checks) + len(references.results) + 2

    summary = summarise("bad-batch", dq, held.select("stage", "reason"))
    rows = {s.stage: (s.rows_in, s.passed, s.held_back) for s in summary.stages}
    assert rows == {"articles": (6, 2, 4), "figures": (5, 3, 2), "foreign_keys": (3, 2, 1)}
