"""The pages of the report and their charts, from the rows the warehouse hands over (pure: no I/O).

Every chart mark links to the table on the page that lists the articles and sentences behind it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from markupsafe import Markup

from reports.charts import Bar, columns, hbars, lines

TOP = 12
TREND_REGIONS = 5
PAGES = (
    ("index.html", "Overview"),
    ("articles.html", "Articles"),
    ("regions.html", "Regions"),
    ("sites.html", "Sites"),
    ("support.html", "Support measures"),
    ("people.html", "People"),
    ("figures.html", "Latest figures"),
    ("foreign.html", "Investors and residents"),
    ("quality.html", "Data quality"),
    ("dictionary.html", "Data dictionary"),
)


def anchor(prefix: str, value: Any) -> str:
    """A fragment id safe in HTML and URLs: 'r', 'RU-KLU' → 'r-RU-KLU'."""
    return f"{prefix}-" + re.sub(r"[^A-Za-z0-9_-]+", "_", str(value if value is not None else "none"))


def _count(rows: Iterable[dict], key: str) -> Counter:
    return Counter(str(r[key] if r[key] is not None else "unknown") for r in rows)


def _bars(counts: Counter, href: Any = None, top: int = TOP) -> list[Bar]:
    return [Bar(k, v, href(k) if href else None) for k, v in counts.most_common(top)]


def articles_page(data: dict) -> dict[str, Any]:
    monthly = data["articles_monthly"]
    months = sorted({r["month"] for r in monthly})
    by_language: dict[str, list[float]] = defaultdict(lambda: [0.0] * len(months))
    for r in monthly:
        by_language[r["language"]][months.index(r["month"])] += r["articles"]
    totals = data["article_totals"]
    hrefs = [f"#{anchor('m', m)}" for m in months]
    by_source = [Bar(r["site_name"], r["articles"]) for r in totals[:TOP]]
    charts = [
        columns("Articles per month, by language", months, dict(by_language), hrefs),
        hbars("Articles by source", by_source),
    ]
    _mark_months(data["articles"])
    return {
        "charts": charts,
        "articles": data["articles"],
        "total": sum(r["articles"] for r in totals),
        "undated": sum(r["undated"] for r in totals),
    }


def _mark_months(articles: list[dict]) -> None:
    """Each article's month, and the first article of each month (the target of that month's column)."""
    seen = set()
    for a in articles:
        a["month"] = f"{a['published_date']:%Y-%m}" if a["published_date"] else None
        a["first_of_month"] = a["month"] is not None and a["month"] not in seen
        seen.add(a["month"])


def _region_label(row: dict) -> str:
    return f"{row['name_en'] or row['iso_code']} ({row['iso_code']})"


def _region_trend(monthly: list[dict], regions: list[str]) -> Markup:
    months = sorted({r["month"] for r in monthly})
    series = {iso: [0.0] * len(months) for iso in regions}
    for r in monthly:
        if r["iso_code"] in series:
            series[r["iso_code"]][months.index(r["month"])] = r["articles"]
    return lines("Articles per month, top regions", months, series)


def regions_page(data: dict) -> dict[str, Any]:
    totals = data["region_totals"]
    ru = [r for r in totals if not r["is_country"]]
    abroad = [r for r in totals if r["is_country"]]

    def bars(found: list[dict]) -> list[Bar]:
        return [Bar(_region_label(r), r["articles"], f"#{anchor('r', r['iso_code'])}") for r in found[:TOP]]

    evidence = defaultdict(list)
    for r in data["region_articles"]:
        evidence[r["iso_code"]].append(r)
    charts = [
        hbars("Articles mentioning each Russian region (or its sites)", bars(ru)),
        hbars("Articles mentioning each foreign country (or its sites)", bars(abroad)),
        _region_trend(data["region_monthly"], [r["iso_code"] for r in ru[:TREND_REGIONS]]),
    ]
    return {"charts": charts, "regions": totals, "evidence": evidence}


def sites_page(data: dict) -> dict[str, Any]:
    sites = data["sites"]
    region_of = {s["site_key"]: s["region_name_en"] or "unknown region" for s in sites}
    evidence = defaultdict(list)
    for r in data["site_evidence"]:
        evidence[r["site_key"]].append(r)
    charts = [
        hbars("Industrial sites by type", _bars(_count(sites, "site_type"))),
        hbars("Industrial sites by region or country", _bars(Counter(region_of.values()))),
    ]
    return {"charts": charts, "sites": sites, "evidence": evidence}


def _sum_by(rows: list[dict], key: str, unit: str) -> Counter:
    totals: Counter = Counter()
    for r in rows:
        if r["unit"] == unit:
            totals[str(r[key] or "not stated")] += r["value"]
    return totals


def support_page(data: dict) -> dict[str, Any]:
    measures = data["support"]
    for m in measures:
        m["act"] = " ".join(p for p in (m["act_type"] or "", m["act_number"] or "") if p) or None
    by_act = _sum_by(measures, "act", "RUB")
    by_region = _sum_by(measures, "region_name_en", "RUB")
    charts = [
        hbars("Support measures by legal act (RUB)", _bars(by_act, lambda k: f"#{anchor('act', k)}"), " ₽"),
        hbars("Support measures by region (RUB)", _bars(by_region), " ₽"),
    ]
    return {"charts": charts, "measures": measures}


def people_page(data: dict) -> dict[str, Any]:
    people = data["people"]
    per_region: dict[str, set] = defaultdict(set)
    for p in people:
        per_region[p["region_name_en"] or "unknown region"].add(p["person"])
    counts = Counter({region: len(names) for region, names in per_region.items()})
    charts = [hbars("People quoted, by region of their role", _bars(counts))]
    return {"charts": charts, "people": people}


def figures_page(data: dict) -> dict[str, Any]:
    figures = data["latest_figures"]
    return {"charts": [hbars("Latest figures per region", _bars(_count(figures, "region_name_en")))],
            "figures": figures}  # fmt: skip


FOREIGN_SECTIONS = (
    ("foreign_investors", "Foreign investors", "v_foreign_investors"),
    ("residents", "Site residents", "v_site_residents"),
    ("events", "Events", "v_events"),
)
# the column a section is counted by in its chart: the first of these the view has
GROUP_COLUMNS = ("country_name_en", "country", "investor_country", "region_name_en", "site_name", "iso_code")


def _section_chart(title: str, found: list[dict]) -> Markup | None:
    column = next((c for c in GROUP_COLUMNS if found and c in found[0]), None)
    return hbars(f"{title} by {column.replace('_', ' ')}", _bars(_count(found, column))) if column else None


def foreign_page(data: dict) -> dict[str, Any]:
    """Sections for relations a later schema adds: rows and a chart when the view exists, a note if not."""
    shown, charts = [], []
    for key, title, view in FOREIGN_SECTIONS:
        found = data.get(key)
        shown.append(
            {"title": title, "view": view, "rows": found, "columns": list(found[0]) if found else []}
        )
        chart = _section_chart(title, found) if found else None
        charts += [chart] if chart is not None else []
    return {"charts": charts, "sections": shown}
