"""Held-back rows and the reason recorded when processing one record raised."""

from __future__ import annotations

import json
from datetime import date

import polars as pl

from transforms.held import (
    HELD_BACK_SCHEMA,
    MAX_FIELD,
    MAX_MESSAGE,
    failure_reason,
    held_back_frame,
    held_back_row,
    lean_record,
    record_json,
)


def test_the_reason_names_the_stage_the_error_and_its_message_on_one_line() -> None:
    try:
        "𗀀".encode("ascii")
    except UnicodeEncodeError as exc:
        reason = failure_reason("decode", exc)
    assert reason.startswith("decode failed (UnicodeEncodeError: 'ascii' codec can't encode character")
    assert failure_reason("intel", ValueError("no such\nname")) == "intel failed (ValueError: no such name)"


def test_a_long_message_is_cut() -> None:
    reason = failure_reason("normalise", RuntimeError("x" * 5000))
    assert len(reason) < MAX_MESSAGE + 50 and reason.endswith("…)")


def test_a_row_carries_the_record_as_json() -> None:
    row = held_back_row("intel", "https://e.com/a", "intel failed (X: y)", {"article_key": 7, "url": None})
    frame = held_back_frame([row])
    assert frame.schema == pl.Schema(HELD_BACK_SCHEMA)
    assert frame.row(0) == ("intel", "https://e.com/a", "intel failed (X: y)", frame.item(0, "record"))
    assert json.loads(frame.item(0, "record")) == {"article_key": 7, "url": None}


def test_a_held_back_article_keeps_its_short_fields_an_excerpt_and_sizes() -> None:
    text = "Технопарк «Калуга» открыл новый корпус. " * 2000
    article = {
        "url": "https://e.com/a",
        "title": "Технопарк открыл корпус",
        "article_key": 42,
        "language": "ru",
        "published": date(2024, 5, 1),
        "tags": ["технопарк", "Калуга"],
        "text": text,
        "paragraphs": [[i, i + 10] for i in range(0, 5000, 10)],
    }
    record = json.loads(record_json(article))
    assert {k: record[k] for k in ("url", "title", "article_key", "language", "tags")} == {
        k: article[k] for k in ("url", "title", "article_key", "language", "tags")
    }
    assert record["published"] == "2024-05-01"
    assert text.startswith(record["text"].removesuffix("…")) and record["text"].endswith("…")
    assert len(record["text"]) <= MAX_FIELD + 1 and record["text_chars"] == len(text)
    assert record["paragraphs_items"] == 500 and "paragraphs" not in record
    assert len(record_json(article)) < 1000  # the article was 80,000 characters


def test_a_short_record_is_kept_as_it_is() -> None:
    record = {"url": "https://e.com/a", "source_name": "s", "bytes": 1234, "tags": ["a", "b"], "x": None}
    assert lean_record(record) == record


def test_a_short_list_of_long_items_is_kept_as_its_length() -> None:
    record = {"url": "u", "quotes": ["слово " * 100, "слово " * 100]}
    assert lean_record(record) == {"url": "u", "quotes_items": 2}
