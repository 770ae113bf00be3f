"""Records a stage holds back: the rows that go to quarantine, and the reason recorded when processing
one record raised, so that one bad record is quarantined and the rest of its batch goes on.

A quarantine row keeps what the quality report and an analyst need of the record, not the record
whole: its short fields as they are (URL, title, language, keys, dates), a long text as a bounded
excerpt and its length, a list as its length. The page itself stays in the raw page store under its
content hash (docs/operations.md says how to get it back)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import polars as pl

HELD_BACK_SCHEMA: dict[str, pl.DataType] = {
    "stage": pl.String(),
    "record_key": pl.String(),
    "reason": pl.String(),
    "record": pl.String(),
}
MAX_MESSAGE = 300  # characters of an exception's message kept in the reason
MAX_FIELD = 300  # characters of a text field kept in a quarantine record; longer ones become an excerpt
MAX_ITEMS = 20  # items of a list kept in a quarantine record; a longer list is kept as its length


def held_back_frame(rows: list[dict[str, Any]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=HELD_BACK_SCHEMA)


def held_back_row(stage: str, key: str | None, reason: str, record: Mapping[str, Any]) -> dict[str, Any]:
    """One quarantine row: the stage, the record's key, why, and what is known of the record as JSON
    (bounded: `lean_record`)."""
    return {"stage": stage, "record_key": key, "reason": reason, "record": record_json(record)}


def record_json(record: Mapping[str, Any]) -> str:
    """`lean_record` of the record as JSON (dates and other values as their text)."""
    return json.dumps(lean_record(record), ensure_ascii=False, default=str)


def lean_record(record: Mapping[str, Any]) -> dict[str, Any]:
    """What a quarantine row keeps of a record: every short field as it is; a text longer than
    MAX_FIELD characters as its first MAX_FIELD characters (ending in `…`) and its length in
    `<field>_chars`; a list or mapping of more than MAX_ITEMS items (paragraph and sentence offsets)
    as its length in `<field>_items`. Bounded whatever the record's size, so a held-back article costs
    a few hundred bytes, not its whole text."""
    lean: dict[str, Any] = {}
    for name, value in record.items():
        if isinstance(value, str) and len(value) > MAX_FIELD:
            lean[name] = _excerpt(value)
            lean[f"{name}_chars"] = len(value)
        elif isinstance(value, list | tuple | dict) and (len(value) > MAX_ITEMS or _long(value)):
            lean[f"{name}_items"] = len(value)
        else:
            lean[name] = value
    return lean


def _excerpt(text: str) -> str:
    """The first MAX_FIELD characters, cut at the last space when there is one in the second half."""
    cut = text[:MAX_FIELD]
    space = cut.rfind(" ")
    return (cut[:space] if space > MAX_FIELD // 2 else cut).rstrip() + "…"


def _long(value: list | tuple | dict) -> bool:
    """A short list whose items are long (a few whole paragraphs)."""
    return len(json.dumps(value, ensure_ascii=False, default=str)) > MAX_FIELD


def failure_reason(stage: str, exc: BaseException) -> str:
    """`intel failed (ValueError: no such name)`: the stage, the exception's type and its message on
    one line."""
    message = " ".join(str(exc).split())
    if len(message) > MAX_MESSAGE:
        message = message[:MAX_MESSAGE] + "…"
    return f"{stage} failed ({type(exc).__name__}: {message})"
