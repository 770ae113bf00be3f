"""watch_delivery: one row per webhook POST of a digest's summary, sent or failed."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import duckdb

INSERT = """
INSERT INTO watch_delivery (run_id, list_name, url, status, http_status, attempts, error, items, sent_at)
VALUES ($run_id, $list_name, $url, $status, $http_status, $attempts, $error, $items, $sent_at)
"""


def record_delivery(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    list_name: str,
    url: str,
    outcome: dict[str, Any],
    items: int,
    sent_at: datetime,
) -> None:
    """Record one POST; `outcome` has status, http_status, attempts and error."""
    keys = ("status", "http_status", "attempts", "error")
    params = {"run_id": run_id, "list_name": list_name, "url": url, "items": items, "sent_at": sent_at}
    con.execute(INSERT, {**params, **{key: outcome.get(key) for key in keys}})
