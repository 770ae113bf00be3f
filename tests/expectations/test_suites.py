"""Each suite on small frames: every bad row is held back with the failing expectation as its reason,
and the good rows of the same batch pass."""

from __future__ import annotations

import json
from datetime import date

import polars as pl

from expectations.runner import Validation, validate
from expectations.suites import ARTICLES, ENTITIES, FIGURES, MENTIONS, RAW_PAGES

RUN_DATE = date(2024, 5, 1)
TEXT = "Калужская область открыла технопарк."


def _reasons(validation: Validation) -> dict[str, str]:
    return dict(zip(validation.held_back["record_key"], validation.held_back["reason"], strict=True))


def _result(validation: Validation, expectation: str):
    return next(r for r in validation.results if r.expectation == expectation)


def _articles(rows: list[tuple]) -> pl.DataFrame:
    columns = ["article_key", "url", "text", "language", "title", "published"]
    return pl.DataFrame(rows, schema=columns, orient="row")


def test_articles_bad_rows_held_back_with_reasons_good_rows_pass() -> None:
    frame = _articles(
        [
            (1, "https://example.ru/news/1", TEXT, "ru", "t", date(2021, 4, 27)),
            (2, "https://example.ru/news/2", "", "ru", "t", date(2021, 4, 27)),
            (3, "https://example.ru/news/3", TEXT, "xx", "t", date(2021, 4, 27)),
            (4, "https://example.ru/news/4", TEXT, "ru", "t", date(2030, 1, 1)),
            (1, "https://example.ru/news/1-copy", TEXT, "ru", "t", date(2021, 4, 27)),
            (6, "example.ru/news/6", TEXT, "en", "t", None),
            (7, "https://example.com/en/7", TEXT, "en", None, None),
            (8, "https://example.com/en/8", TEXT, "en", "t", date(1990, 12, 31)),
        ]
    )
    result = validate(frame, ARTICLES, run_date=RUN_DATE)
    assert result.passed["article_key"].to_list() == [1, 7]
    assert result.passed["url"].to_list()[0] == "https://example.ru/news/1"  # the first copy of key 1 stays
    reasons = _reasons(result)
    assert reasons["2"] == "failed ExpectColumnValueLengthsToBeBetween(text)"
    assert reasons["3"] == "failed ExpectColumnValuesToBeInSet(language)"
    assert reasons["4"] == "failed published between 1991-01-01 and the run date"
    assert reasons["1"] == "failed ExpectColumnValuesToBeUnique(article_key)"
    assert reasons["6"] == "failed ExpectColumnValuesToMatchRegex(url)"
    assert reasons["8"] == "failed published between 1991-01-01 and the run date"
    assert (
        json.loads(result.held_back.filter(pl.col("record_key") == "4")["record"][0])["published"]
        == "2030-01-01"
    )
    assert set(result.held_back["stage"]) == {"articles"}


def test_articles_title_missing_is_a_warning_only() -> None:
    frame = _articles([(1, "https://example.ru/a", TEXT, "ru", None, None)])
    result = validate(frame, ARTICLES, run_date=RUN_DATE)
    assert result.passed.height == 1
    title = _result(result, "ExpectColumnValuesToNotBeNull(title)")
    assert (title.success, title.severity, title.unexpected_count, title.level) == (
        False,
        "warning",
        1,
        "row",
    )


def test_date_range_follows_the_run_date() -> None:
    frame = _articles([(1, "https://example.ru/a", TEXT, "ru", "t", date(2024, 5, 2))])
    assert validate(frame, ARTICLES, run_date=date(2024, 5, 1)).passed.height == 0
    assert validate(frame, ARTICLES, run_date=date(2024, 5, 2)).passed.height == 1


def _fetch_log(rows: list[tuple], content_type: bool = True) -> pl.DataFrame:
    columns = ["url", "status", "bytes", "outcome", "reason", "content_type"]
    frame = pl.DataFrame(rows, schema=columns, orient="row")
    return frame if content_type else frame.drop("content_type")


def test_raw_pages_checks_fetched_pages_only() -> None:
    frame = _fetch_log(
        [
            ("https://example.ru/a", 200, 1200, "fetched", None, "text/html; charset=utf-8"),
            ("https://example.ru/b", 200, 0, "fetched", None, "text/html"),
            ("https://example.ru/c", 200, 900, "fetched", None, "image/png"),
            ("https://example.ru/d", None, 0, "failed", "connection refused", None),
            ("https://example.ru/e", 404, 0, "failed", None, None),
            ("ftp://example.ru/f", 200, 10, "fetched", None, "text/html"),
            ("not a url", 999, 0, "skipped", "robots.txt", None),
        ]
    )
    result = validate(frame, RAW_PAGES, run_date=RUN_DATE)
    reasons = _reasons(result)
    passed = ["https://example.ru/a", "https://example.ru/d", "https://example.ru/e", "not a url"]
    assert result.passed["url"].to_list() == passed  # only fetched pages can be held back
    assert reasons["https://example.ru/b"] == "failed fetched: body not empty"
    assert reasons["https://example.ru/c"] == "failed fetched: HTML"
    assert reasons["ftp://example.ru/f"] == "failed fetched: URL form"
    assert _result(result, "failed: reason given").unexpected_count == 1
    assert _result(result, "ExpectColumnValuesToBeBetween(status)").unexpected_count == 1
    assert _result(result, "ExpectColumnValuesToMatchRegex(url)").severity == "warning"


def test_raw_pages_unknown_outcome_is_a_batch_failure() -> None:
    frame = _fetch_log([("https://example.ru/a", 200, 10, "exploded", None, "text/html")])
    result = validate(frame, RAW_PAGES, run_date=RUN_DATE)
    assert [r.expectation for r in result.batch_failures] == [
        "outcome is one of fetched, not_modified, skipped, failed"
    ]


def test_raw_pages_without_content_type_column_skips_that_check() -> None:
    frame = _fetch_log([("https://example.ru/a", 200, 1200, "fetched", None, None)], content_type=False)
    result = validate(frame, RAW_PAGES, run_date=RUN_DATE)
    assert result.passed.height == 1
    skipped = _result(result, "fetched: HTML")
    assert skipped.success and "not_applicable" in (skipped.details or "")


def _figures(rows: list[tuple]) -> pl.DataFrame:
    columns = [
        "figure_key",
        "article_key",
        "metric_key",
        "value",
        "unit",
        "qualifier",
        "char_start",
        "char_end",
        "sentence",
        "text_length",
    ]
    return pl.DataFrame(rows, schema=columns, orient="row")


def test_figures_bad_values_units_and_offsets_held_back() -> None:
    frame = _figures(
        [
            (1, 10, 51, 900_000_000.0, "RUB", "up_to", 0, 40, "s", 100),
            (2, 10, 51, -5_000_000.0, "RUB", "exact", 0, 40, "s", 100),
            (3, 10, 51, 12.0, "ha", "exact", 90, 140, "s", 100),
            (4, 10, 51, 12.0, "ha", "exact", 30, 20, "s", 100),
            (5, 10, 51, 12.0, "acres", "roughly", 0, 10, "s", 100),
            (6, 10, 51, 3.0, "items", "over", -1, 10, "s", 100),
        ]
    )
    result = validate(frame, FIGURES, run_date=RUN_DATE)
    reasons = _reasons(result)
    assert result.passed["figure_key"].to_list() == [1]
    assert reasons["2"] == "failed ExpectColumnValuesToBeBetween(value)"
    assert reasons["3"] == "failed char_end <= text_length"
    assert reasons["4"] == "failed char_end > char_start"
    assert (
        reasons["5"]
        == "failed ExpectColumnValuesToBeInSet(unit); failed ExpectColumnValuesToBeInSet(qualifier)"
    )
    assert reasons["6"] == "failed ExpectColumnValuesToBeBetween(char_start)"


def test_entities_types_and_offsets() -> None:
    columns = ["entity_id", "entity_type", "start", "end", "surface", "canonical_name", "text_length"]
    frame = pl.DataFrame(
        [
            (1, "person", 0, 16, "Владислав Шапша", "Vladislav Shapsha", 50),
            (2, "planet", 0, 4, "Марс", "Mars", 50),
            (3, "company", 45, 60, "Континенталь", "Continental", 50),
            (4, "location", 3, 3, "", "Kaluga", 50),
        ],
        schema=columns,
        orient="row",
    )
    result = validate(frame, ENTITIES, run_date=RUN_DATE)
    reasons = _reasons(result)
    assert result.passed["entity_id"].to_list() == [1]
    assert reasons["2"] == "failed ExpectColumnValuesToBeInSet(entity_type)"
    assert reasons["3"] == "failed end <= text_length"
    assert (
        "failed end > start" in reasons["4"]
        and "ExpectColumnValueLengthsToBeBetween(surface)" in reasons["4"]
    )


def test_mentions_counts() -> None:
    columns = [
        "article_key",
        "entity_key",
        "site_key",
        "region_key",
        "act_key",
        "mention_count",
        "first_char_offset",
    ]
    frame = pl.DataFrame(
        [(1, 21, None, None, None, 2, 0), (2, None, 31, None, None, 0, 5)], schema=columns, orient="row"
    )
    result = validate(frame, MENTIONS, run_date=RUN_DATE)
    assert result.passed["article_key"].to_list() == [1]
    assert _reasons(result)["2"] == "failed ExpectColumnValuesToBeBetween(mention_count)"


def _relations() -> pl.DataFrame:
    rows = [  # relation_key, relation, object_country, sentence, char_start, char_end
        (1, "resident_of", None, "Knauf is a resident of the Kaluga SEZ.", 0, 30),
        (2, "friend_of", None, "Knauf likes Danone.", 0, 10),
        (3, "from_country", "Germany", "German Knauf.", 0, 12),
        (4, "head_of", None, "", 0, 10),
        (5, "invests_in", None, "Knauf invests.", 20, 400),
        (1, "member_of", None, "A copy of key 1.", 0, 5),
    ]
    frame = pl.DataFrame(
        rows,
        schema=["relation_key", "relation", "object_country", "sentence", "char_start", "char_end"],
        orient="row",
    )
    return frame.with_columns(
        relation_id=pl.lit(9), article_key=pl.lit(1), rule=pl.lit("r"), text_length=pl.lit(100)
    )


def test_relations_bad_rows_held_back_with_reasons() -> None:
    from expectations.suites import RELATIONS_SUITE

    result = validate(_relations(), RELATIONS_SUITE, run_date=RUN_DATE)
    assert result.passed["relation_key"].to_list() == [1]
    reasons = _reasons(result)
    assert reasons["2"] == "failed ExpectColumnValuesToBeInSet(relation)"
    assert reasons["3"] == "failed ExpectColumnValuesToMatchRegex(object_country)"
    assert reasons["4"] == "failed ExpectColumnValueLengthsToBeBetween(sentence)"
    assert reasons["5"] == "failed char_end <= text_length"
    assert set(reasons) == {"1", "2", "3", "4", "5"}  # the second row with key 1 is held back too


def test_events_and_participants_bad_rows_held_back_with_reasons() -> None:
    from expectations.suites import EVENT_PARTICIPANTS_SUITE, EVENTS_SUITE

    events = pl.DataFrame(
        [(1, "meeting", "day"), (2, "party", "day"), (3, "visit", "roughly")],
        schema=["event_key", "event_type", "date_precision"],
        orient="row",
    ).with_columns(
        event_id=pl.lit(5), article_key=pl.lit(1), event_date=pl.lit(date(2024, 4, 1)), planned=pl.lit(False),
        sentence=pl.lit("They met."), rule=pl.lit("r"), char_start=pl.lit(0), char_end=pl.lit(4),
        text_length=pl.lit(9),
    )  # fmt: skip
    result = validate(events, EVENTS_SUITE, run_date=RUN_DATE)
    assert result.passed["event_key"].to_list() == [1]
    assert _reasons(result) == {
        "2": "failed ExpectColumnValuesToBeInSet(event_type)",
        "3": "failed ExpectColumnValuesToBeInSet(date_precision)",
    }
    participants = pl.DataFrame(
        [(1, "participant", 0, 4), (1, "friend", 0, 4), (1, "host", 5, 40)],
        schema=["event_key", "role", "char_start", "char_end"],
        orient="row",
    ).with_columns(
        article_key=pl.lit(1), entity_key=pl.lit(3), site_key=pl.lit(None, pl.Int64),
        region_key=pl.lit(None, pl.Int64), text_length=pl.lit(9),
    )  # fmt: skip
    checked = validate(participants, EVENT_PARTICIPANTS_SUITE, run_date=RUN_DATE)
    assert checked.passed.height == 1
    assert sorted(checked.held_back["reason"].to_list()) == [
        "failed ExpectColumnValuesToBeInSet(role)",
        "failed char_end <= text_length",
    ]
