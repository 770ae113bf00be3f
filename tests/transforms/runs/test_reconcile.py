"""run_counts and reconciliation_gaps: every discovered page and every fetched page is accounted for."""

from __future__ import annotations

import polars as pl

from transforms.runs.reconcile import reconciliation_gaps, run_counts, source_report


def fetch_log(*outcomes: str) -> pl.DataFrame:
    return pl.DataFrame({"url": [f"u{i}" for i in range(len(outcomes))], "outcome": list(outcomes)})


def loaded(*duplicate_of: int | None) -> pl.DataFrame:
    return pl.DataFrame({"duplicate_of": list(duplicate_of)}, schema={"duplicate_of": pl.Int64})


def test_run_counts() -> None:
    log = fetch_log("fetched", "fetched", "fetched", "skipped", "failed", "failed")
    counts = run_counts(log, extracted=2, loaded=loaded(None, 11), held_back=1)
    assert counts == {
        "pages_discovered": 6,
        "pages_fetched": 3,
        "pages_not_modified": 0,
        "pages_skipped": 1,
        "pages_failed": 2,
        "articles_extracted": 2,
        "articles_loaded": 2,
        "articles_held_back": 1,
        "duplicates": 1,
    }
    assert reconciliation_gaps(counts) == []


def test_empty_run_balances() -> None:
    counts = run_counts(fetch_log(), extracted=0, loaded=loaded(), held_back=0)
    assert counts["pages_discovered"] == 0
    assert counts["duplicates"] == 0
    assert reconciliation_gaps(counts) == []


def test_lost_article_is_a_gap() -> None:
    counts = run_counts(fetch_log("fetched", "fetched"), extracted=1, loaded=loaded(None), held_back=0)
    assert reconciliation_gaps(counts) == ["pages fetched 2 != loaded + held back 1"]


def test_unknown_outcome_is_a_gap() -> None:
    counts = run_counts(fetch_log("fetched", "exploded"), extracted=1, loaded=loaded(None), held_back=0)
    assert reconciliation_gaps(counts) == ["pages discovered 2 != sum of fetch outcomes 1"]


def test_both_gaps_reported() -> None:
    counts = {
        "pages_discovered": 10,
        "pages_fetched": 5,
        "pages_not_modified": 1,
        "pages_skipped": 1,
        "pages_failed": 1,
        "articles_loaded": 3,
        "articles_held_back": 1,
    }
    assert reconciliation_gaps(counts) == [
        "pages discovered 10 != sum of fetch outcomes 8",
        "pages fetched 5 != loaded + held back 4",
    ]


def with_seeds() -> pl.DataFrame:
    rows = [
        ("a", "https://a.test/1.html", "sitemap", "fetched", None, "page"),
        ("a", "https://a.test/sitemap.xml", "sitemap", "fetched", "listed 1 link, 1 candidate page", "seed"),
        ("b", "https://b.test/sitemap.xml", "sitemap", "failed", "HTTP 404", "seed"),
        ("b", "https://b.test/news/", "start_page", "failed", "ReadTimeout", "seed"),
    ]
    columns = ["source_name", "url", "via", "outcome", "reason", "kind"]
    return pl.DataFrame(rows, schema=columns, orient="row")


def test_seed_rows_are_not_pages_in_the_counts() -> None:
    counts = run_counts(with_seeds(), extracted=1, loaded=loaded(None), held_back=0)
    assert (counts["pages_discovered"], counts["pages_fetched"], counts["pages_failed"]) == (1, 1, 0)
    assert reconciliation_gaps(counts) == []


def test_sources_without_pages_are_named_with_what_their_seeds_answered() -> None:
    report = source_report(with_seeds(), ["a", "b", "c"])
    assert report["sources_without_pages"] == {
        "b": "sitemap https://b.test/sitemap.xml: failed (HTTP 404); "
        "start_page https://b.test/news/: failed (ReadTimeout)",
        "c": "no seed was read",
    }
    assert report["seeds_not_read"] == 2
