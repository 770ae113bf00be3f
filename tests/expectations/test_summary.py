"""The run summary: per stage rows in, passed, held back and top reasons; failed checks; time share."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import polars as pl

from expectations.results import DQ_SCHEMA, dq_frame
from expectations.runner import CheckResult, Validation
from expectations.summary import summarise, summary_markdown, summary_rows

EMPTY = pl.DataFrame(
    schema={"record_key": pl.String, "reason": pl.String, "record": pl.String, "stage": pl.String}
)


def _validation(suite: str, rows: int, held: list[str], seconds: float) -> Validation:
    results = [
        CheckResult(
            suite, "ExpectColumnValuesToNotBeNull(text)", "critical", not held, len(held), rows, suite
        ),
        CheckResult(suite, "ExpectColumnValuesToNotBeNull(title)", "warning", False, 2, rows, suite),
    ]
    held_back = pl.DataFrame(
        {
            "record_key": [str(i) for i in range(len(held))],
            "reason": held,
            "record": ["{}"] * len(held),
            "stage": [suite] * len(held),
        }
    )
    return Validation(pl.DataFrame({"k": range(rows - len(held))}), held_back, results, suite, suite, seconds)


def test_dq_frame_has_one_row_per_result_with_the_batch_time() -> None:
    articles = _validation("articles", 5, ["failed a", "failed a; failed b"], 0.25)
    loose = CheckResult(
        "reconciliation", "pages fetched = loaded + held back", "critical", True, 0, 7, "run", "batch"
    )
    frame = dq_frame([articles, loose], datetime(2024, 5, 1, tzinfo=UTC))
    assert frame.schema == pl.Schema(DQ_SCHEMA)
    assert frame.height == 3
    assert frame["batch_seconds"].to_list() == [0.25, 0.25, None]
    assert frame["checked_at"].to_list()[0] == datetime(2024, 5, 1)


def test_summary_counts_reasons_and_share() -> None:
    articles = _validation("articles", 5, ["failed a", "failed a; failed b"], 0.5)
    raw = _validation("raw_pages", 7, [], 0.5)
    extract_held = pl.DataFrame({"stage": ["extract"], "reason": ["not an article: too short"]})
    held = pl.concat([articles.held_back.select("stage", "reason"), extract_held])
    summary = summarise(
        "r1",
        dq_frame([articles, raw]),
        held,
        stage_inputs={"extract": 6},
        run_seconds=10.0,
        docs=Path("/x/index.html"),
    )
    rows = {r["stage"]: r for r in summary_rows(summary)}
    assert [s.stage for s in summary.stages] == ["raw_pages", "extract", "articles"]
    assert (rows["articles"]["rows in"], rows["articles"]["passed"], rows["articles"]["held back"]) == (
        5,
        3,
        2,
    )
    assert rows["articles"]["top reasons"] == "a (2); b (1)"
    assert (rows["extract"]["rows in"], rows["extract"]["passed"]) == (6, 5)
    assert summary.validation_share == 0.1
    markdown = summary_markdown(summary)
    assert "| articles | 5 | 3 | 2 | a (2); b (1) |" in markdown
    assert "| warning | articles | ExpectColumnValuesToNotBeNull(title) | 2 |" in markdown
    assert "10% of the run" in markdown and "/x/index.html" in markdown


def test_data_docs_time_counts_in_the_share() -> None:
    dq = dq_frame([_validation("articles", 3, [], 1.0)])
    summary = summarise("r3", dq, EMPTY, run_seconds=20.0, docs_seconds=1.0)
    assert summary.validation_share == 0.1
    assert "1.00 s + 1.00 s Data Docs of 20.0 s (10% of the run)" in summary_markdown(summary)


def test_summary_of_a_clean_run() -> None:
    summary = summarise("r2", dq_frame([_validation("articles", 3, [], 0.1)]), EMPTY)
    assert [(s.rows_in, s.passed, s.held_back, s.top_reasons) for s in summary.stages] == [(3, 3, 0, [])]
    assert summary.validation_share is None
