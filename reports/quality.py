"""The data-quality page: the latest run's stages, every suite and check, failures with the first URLs of
the records they hit (how many there are, a CSV of them all and the query that lists them), held-back
and fetch reasons grouped, and the trend over the last runs (pure)."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from reports import words
from reports.charts import Bar, hbars, lines
from reports.downloads import Table
from reports.pages import anchor

SEEDS = "feed, sitemap or start page"
COLUMNS = {
    "stages": ("stage", "rows_in", "passed", "held_back"),
    "failed": ("severity", "suite", "expectation", "unexpected", "elements", "details_text", "url_count",
               "urls"),
    "suites": ("suite", "checks", "passed", "failed_critical", "failed_warning", "not_applicable", "batches",
               "seconds"),
    "checks": ("suite", "expectation", "severity", "level", "success", "unexpected", "elements",
               "details_text"),
    "quarantine": ("stage", "reason", "records", "example", "urls"),
    "fetch": ("what", "outcome", "reason", "pages", "urls"),
    "trend": ("started_at", "run_id", "status", "pages_discovered", "pages_fetched", "pages_failed",
              "articles_loaded", "articles_held_back", "checks", "failed_critical", "failed_warning"),
}  # fmt: skip


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
    url_tables = {}
    for failed in found["failed"]:
        failed["details_text"] = _details(failed["details"])
        failed["more"] = max(failed["url_count"] - len(failed["urls"]), 0)
        failed["csv"] = anchor("urls", f"{failed['suite']}-{failed['expectation']}")
        url_tables[failed["csv"]] = Table(failed["csv"], ("url",), failed["all_urls"])
    for r in found["fetch_outcomes"]:
        r["what"] = "page" if r["kind"] == "page" else SEEDS
        r["outcome_words"] = words.outcome(r["outcome"])
        r["outcome"] = r["outcome_words"]

    def outcomes(pages: bool) -> list[Bar]:
        return [Bar(f"{r['outcome_words']} {r['reason']}".strip(), r["pages"], "quality.html#fetch")
                for r in found["fetch_outcomes"] if (r["kind"] == "page") == pages]  # fmt: skip

    stages = [Bar(r["stage"], r["held_back"], "quality.html#held") for r in found["stages"]]
    charts = [
        _trend_chart(found["trend"]),
        hbars("Pages fetched in the latest run, by outcome", outcomes(True)),
        hbars("Feeds, sitemaps and start pages read, by outcome", outcomes(False)),
        hbars("Records held back, by stage", stages),
    ]
    named = {"fetch": "fetch_outcomes"}
    tables = {name: Table(name, columns, found[named.get(name, name)]) for name, columns in COLUMNS.items()}
    tables |= url_tables  # one CSV per failed check: every URL it hit
    return {**found, "charts": charts, "checks_by_suite": dict(checks_by_suite), "tables": tables}
