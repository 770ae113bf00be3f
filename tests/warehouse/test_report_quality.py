"""The report's reads of a run's quality: stages, suites, failures named by URL, reasons grouped."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime

import duckdb
import polars as pl

from expectations.results import dq_frame
from expectations.runner import validate
from expectations.suites import ARTICLES
from tests.warehouse.conftest import star_batch
from transforms.extract.pages import held_back_frame
from warehouse.load import RunRecord, load_batch, record_run
from warehouse.quality import record_results
from warehouse.report_quality import URLS_PER_CHECK, latest_run, quality


def _held(stage: str, url: str, reason: str) -> dict:
    return {"stage": stage, "record_key": url, "reason": reason, "record": json.dumps({"url": url})}


def _run(con: duckdb.DuckDBPyConnection) -> None:
    import dataclasses

    held = held_back_frame(
        [
            _held("extract", "http://a.test/1", "text too short (123 characters)"),
            _held("extract", "http://a.test/2", "text too short (45 characters)"),
            _held("articles", "http://a.test/xx", "failed ExpectColumnValuesToBeInSet(language); failed X"),
        ]
    )
    load_batch(con, dataclasses.replace(star_batch(), quarantine=held))
    frame = pl.DataFrame(
        {"article_key": [7, 8], "url": ["http://a.test/xx", "http://a.test/untitled"], "text": ["t", "t"],
         "language": ["xx", "en"], "title": ["t", None], "published": [date(2021, 1, 1)] * 2}
    )  # fmt: skip
    record_results(con, "r1", dq_frame([validate(frame, ARTICLES, run_date=date(2024, 5, 1))]))


def test_failures_name_their_records_by_url(memory_db: duckdb.DuckDBPyConnection) -> None:
    _run(memory_db)
    failed = {f["expectation"]: f for f in quality(memory_db, "r1")["failed"]}
    assert failed["ExpectColumnValuesToBeInSet(language)"]["urls"] == ["http://a.test/xx"]
    assert failed["ExpectColumnValuesToNotBeNull(title)"]["urls"] == ["http://a.test/untitled"]  # a warning
    assert failed["ExpectColumnValuesToNotBeNull(title)"]["severity"] == "warning"


def test_reasons_are_one_line_each_whatever_their_numbers(memory_db: duckdb.DuckDBPyConnection) -> None:
    _run(memory_db)
    grouped = [(q["stage"], q["reason"], q["records"]) for q in quality(memory_db, "r1")["quarantine"]]
    assert grouped == [
        ("articles", "failed ExpectColumnValuesToBeInSet(language)", 1),
        ("articles", "failed X", 1),
        ("extract", "text too short (N characters)", 2),
    ]


def test_stages_suites_and_trend(memory_db: duckdb.DuckDBPyConnection) -> None:
    _run(memory_db)
    later = datetime(2024, 5, 2, tzinfo=UTC)
    record_run(memory_db, RunRecord("r2", None, later, later, "failed"))
    assert latest_run(memory_db)["run_id"] == "r2"
    found = quality(memory_db, "r1")
    stages = {s["stage"]: (s["rows_in"], s["passed"], s["held_back"]) for s in found["stages"]}
    assert stages["articles"] == (2, 1, 1) and stages["extract"] == (2, 0, 2)
    assert [s["suite"] for s in found["suites"]] == ["articles"]
    assert [(r["run_id"], r["status"]) for r in found["trend"]] == [("r1", "completed"), ("r2", "failed")]
    assert found["trend"][0]["failed_critical"] == 1 and found["trend"][0]["failed_warning"] == 1


def test_a_reason_shows_its_first_five_urls_and_a_fact_its_articles(
    memory_db: duckdb.DuckDBPyConnection,
) -> None:
    pages = [
        _held("extract", f"http://a.test/{n}", f"text too short ({n} characters)") for n in (9, 3, 7, 1, 5, 3)
    ]
    figure = {"stage": "figures", "record_key": "f1", "reason": "failed Y",
              "record": json.dumps({"article_key": "2", "value": -1})}  # fmt: skip
    load_batch(memory_db, dataclasses.replace(star_batch(), quarantine=held_back_frame([*pages, figure])))
    grouped = {q["stage"]: q for q in quality(memory_db, "r1")["quarantine"]}
    assert grouped["extract"]["records"] == 6  # http://a.test/3 held twice: counted twice, shown once
    assert grouped["extract"]["urls"] == [f"http://a.test/{n}" for n in (1, 3, 5, 7, 9)]
    assert grouped["figures"]["urls"] == ["http://news.test/2"]  # the URL of the article it was read from


def test_a_failed_check_with_long_details_and_many_records_reads_in_little_memory(
    memory_db: duckdb.DuckDBPyConnection,
) -> None:
    # a 50,000-page run: 26,516 records held back by one check whose details ran to 56 KB; grouped with the
    # details, every record's row carried them and the report's read passed its 1 GB limit
    check = "ExpectColumnValuesToBeInSet(language)"
    pages = [_held("articles", f"http://a.test/{n}", f"failed {check}") for n in range(2_000)]
    load_batch(memory_db, dataclasses.replace(star_batch(), quarantine=held_back_frame(pages)))
    frame = pl.DataFrame(
        {"article_key": [7], "url": ["http://a.test/0"], "text": ["t"], "language": ["xx"], "title": ["t"],
         "published": [date(2021, 1, 1)]}
    )  # fmt: skip
    results = dq_frame([validate(frame, ARTICLES, run_date=date(2024, 5, 1))])
    long_details = json.dumps({"unexpected_sample": ["x" * 200_000]})
    is_check = pl.col("expectation") == check
    results = results.with_columns(details=pl.when(is_check).then(pl.lit(long_details)).otherwise("details"))
    record_results(memory_db, "r1", results)
    memory_db.execute("SET memory_limit = '64MB'")
    failed = {f["expectation"]: f for f in quality(memory_db, "r1")["failed"]}
    assert failed[check]["url_count"] == 2_000 and len(failed[check]["details"]) > 200_000
    assert len(failed[check]["urls"]) == URLS_PER_CHECK  # the first ones; every one read only for the CSV
    assert len(list(failed[check]["all_urls"])) == 2_000


def test_a_failed_checks_records_are_counted_from_columns_not_their_json(
    memory_db: duckdb.DuckDBPyConnection,
) -> None:
    """Records kept whole by an older release (12 KB of JSON each on a 35,750-record snapshot): the count,
    the first URLs and the records by reason read the URL and article columns, not the JSON."""
    check = "ExpectColumnValuesToBeInSet(language)"
    pages = [{**_held("articles", f"http://a.test/{n}", f"failed {check}"),
              "record": json.dumps({"url": f"http://a.test/{n}", "text": f"{n} " + "x" * 20_000})}
             for n in range(2_000)]  # fmt: skip
    figure = {"stage": "articles", "record_key": "f1", "reason": f"failed {check}",
              "record": json.dumps({"article_key": "2", "text": "x" * 40_000})}  # fmt: skip
    load_batch(memory_db, dataclasses.replace(star_batch(), quarantine=held_back_frame([*pages, figure])))
    _results(memory_db)
    stored = "SELECT count(url), count(article_key), sum(length(CAST(record AS VARCHAR))) FROM quarantine"
    assert memory_db.execute(stored).fetchone()[:2] == (2_000, 1)
    assert memory_db.execute(stored).fetchone()[2] > 40_000_000  # more JSON than the limit below
    memory_db.execute("SET memory_limit = '32MB'")
    found = quality(memory_db, "r1")
    failed = {f["expectation"]: f for f in found["failed"]}[check]
    assert failed["url_count"] == 2_002 and len(failed["urls"]) == URLS_PER_CHECK  # and the one sampled
    assert "http://news.test/2" in {r["url"] for r in failed["all_urls"]}  # the figure's article
    assert [r["records"] for r in found["quarantine"]] == [2_001]


def test_a_failed_check_shows_its_first_urls_counts_them_all_and_its_query_lists_them(
    memory_db: duckdb.DuckDBPyConnection,
) -> None:
    check = "ExpectColumnValuesToBeInSet(language)"
    pages = [_held("articles", f"http://a.test/{n:03}", f"failed {check}; failed X") for n in range(120)]
    figures = [{"stage": "articles", "record_key": f"f{n}", "reason": f"failed {check}",
                "record": json.dumps({"article_key": "2"})} for n in range(3)]  # fmt: skip
    load_batch(memory_db, dataclasses.replace(star_batch(), quarantine=held_back_frame([*pages, *figures])))
    _results(memory_db)
    failed = {f["expectation"]: f for f in quality(memory_db, "r1", urls_shown=7)["failed"]}[check]
    every = [f"http://a.test/{n:03}" for n in range(120)] + ["http://news.test/2"]  # a fact: its article's
    assert failed["url_count"] == 121 and failed["urls"] == every[:7]
    assert [r["url"] for r in failed["all_urls"]] == sorted(every)
    listed = memory_db.execute(failed["analyst_sql"]).fetchall()
    assert [url for (url,) in listed] == sorted(every)
    assert not any(f"${name}" in failed["analyst_sql"] for name in ("run_id", "suite", "expectation"))


def _results(con: duckdb.DuckDBPyConnection) -> None:
    frame = pl.DataFrame(
        {"article_key": [7], "url": ["http://a.test/000"], "text": ["t"], "language": ["xx"], "title": ["t"],
         "published": [date(2021, 1, 1)]}
    )  # fmt: skip
    record_results(con, "r1", dq_frame([validate(frame, ARTICLES, run_date=date(2024, 5, 1))]))
