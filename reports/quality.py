"""The data-quality page: the latest run's stages, every suite and check, failures with the URLs of the
records they hit, held-back and fetch reasons grouped, and the trend over the last runs (pure)."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from reports.charts import Bar, hbars, lines


def _details(text: str | None) -> str:
    """dq_result details for a reader: the JSON's keys and values, the URLs left out (listed apart)."""
    if not text:
        return ""
    parts = []
    for chunk in text.split(" | "):
        try:
            found = json.loads(chunk)
        except ValueError:
            parts.append(chunk)
            continue
        if isinstance(found, dict):
            parts += [f"{k}: {v}" for k, v in found.items() if k != "records"]
        else:
            parts.append(str(found))
    return "; ".join(parts)


def _trend_chart(trend: list[dict]) -> Any:
    xs = [f"{r['started_at']:%m-%d %H:%M}" for r in trend]
    series = {
        "articles loaded": [r["articles_loaded"] or 0 for r in trend],
        "held back": [r["articles_held_back"] or 0 for r in trend],
        "failed checks": [r["failed_critical"] + r["failed_warning"] for r in trend],
    }
    return lines("The last runs: articles loaded, held back, failed checks", xs, series)


def quality_page(found: dict[str, Any]) -> dict[str, Any]:
    checks_by_suite: dict[str, list[dict]] = defaultdict(list)
    for check in found["checks"]:
        check["details_text"] = _details(check["details"])
        checks_by_suite[check["suite"]].append(check)
    for failed in found["failed"]:
        failed["details_text"] = _details(failed["details"])
    outcomes = [
        Bar(f"{r['outcome']} {r['reason']}".strip(), r["pages"], "#fetch") for r in found["fetch_outcomes"]
    ]
    stages = [Bar(r["stage"], r["held_back"], "#held") for r in found["stages"]]
    charts = [
        _trend_chart(found["trend"]),
        hbars("Fetch outcomes of the latest run", outcomes),
        hbars("Records held back, by stage", stages),
    ]
    return {**found, "charts": charts, "checks_by_suite": dict(checks_by_suite)}
