"""Held-back rows and the reason recorded when processing one record raised."""

from __future__ import annotations

import json

import polars as pl

from transforms.held import HELD_BACK_SCHEMA, MAX_MESSAGE, failure_reason, held_back_frame, held_back_row


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
