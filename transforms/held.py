"""Records a stage holds back: the rows that go to quarantine, and the reason recorded when processing
one record raised, so that one bad record is quarantined and the rest of its batch goes on."""

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


def held_back_frame(rows: list[dict[str, Any]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=HELD_BACK_SCHEMA)


def held_back_row(stage: str, key: str | None, reason: str, record: Mapping[str, Any]) -> dict[str, Any]:
    """One quarantine row: the stage, the record's key, why, and what is known of the record as JSON."""
    return {"stage": stage, "record_key": key, "reason": reason, "record": json.dumps(record, default=str)}


def failure_reason(stage: str, exc: BaseException) -> str:
    """`intel failed (ValueError: no such name)`: the stage, the exception's type and its message on
    one line."""
    message = " ".join(str(exc).split())
    if len(message) > MAX_MESSAGE:
        message = message[:MAX_MESSAGE] + "…"
    return f"{stage} failed ({type(exc).__name__}: {message})"
