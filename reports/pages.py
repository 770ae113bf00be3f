"""The pages of the report and their charts, from the rows the warehouse hands over (pure: no I/O).

Every chart mark links to the table on the page that lists the articles and sentences behind it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from markupsafe import Markup

from reports import words
from reports.charts import UNDATED, Bar, columns, hbars, lines
from reports.downloads import Table

TOP = 12
TREND = 5  # regions in the trend chart
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


def month_range(months: Iterable[str]) -> list[str]:
    """Every month from the first to the last given ('2014-04' … '2021-04'), the empty ones included,
    so a month without articles is a gap on the axis and not a neighbour of the next one."""
    found = sorted(set(months))
    if not found:
        return []
    (y, m), (last_y, last_m) = (map(int, found[0].split("-")), map(int, found[-1].split("-")))
    out = []
    while (y, m) <= (last_y, last_m):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


ARTICLE_COLUMNS = ("article_key", "published_date", "date_inferred", "title", "language", "site_name",
                   "source_name", "word_count", "is_duplicate", "url")  # fmt: skip


def articles_page(data: dict) -> dict[str, Any]:
    monthly = data["articles_monthly"]
    totals = data["article_totals"]
    undated = sum(r["undated"] for r in totals)
    months = month_range(r["month"] for r in monthly if r["month"])
    slots = months + ([UNDATED] if undated else [])
    by_language: dict[str, list[float]] = defaultdict(lambda: [0.0] * len(slots))
    for r in monthly:
        by_language[r["language"]][slots.index(r["month"] or UNDATED)] += r["articles"]
    listed = _mark_months(data["articles"])
    hrefs = [f"articles.html#{anchor('m', m)}" if m in listed else None for m in slots]
    by_source = [Bar(r["site_name"], r["articles"]) for r in totals[:TOP]]
    charts = [
        columns("Articles per month, by language", slots, dict(by_language), hrefs),
        hbars("Articles by source", by_source),
    ]
    return {
        "charts": charts,
        "articles": data["articles"],
        "total": sum(r["articles"] for r in totals),
        "undated": undated,
        "tables": {"articles": Table("articles", ARTICLE_COLUMNS, data["articles"])},
    }


def _mark_months(articles: list[dict]) -> set[str]:
    """Each article's month, and the first article of each month (the target of that month's column);
    undated articles are in the month UNDATED. Returns the months that have a target."""
    seen: set[str] = set()
    for a in articles:
        a["month"] = f"{a['published_date']:%Y-%m}" if a["published_date"] else UNDATED
        a["first_of_month"] = a["month"] not in seen
        seen.add(a["month"])
    return seen


def _region_label(row: dict) -> str:
    return f"{row['name_en'] or row['iso_code']} ({row['iso_code']})"


def _region_trend(monthly: list[dict], undated: list[dict], regions: list[str]) -> Markup:
    """Articles per month of the top regions: a month without an article of a region is a gap in its
    line; its undated articles are a point apart, after the months."""
    months = month_range(r["month"] for r in monthly if r["iso_code"] in regions)
    undated_of = {r["iso_code"]: r["articles"] for r in undated if r["iso_code"] in regions}
    slots = months + ([UNDATED] if undated_of else [])
    series: dict[str, list[float | None]] = {iso: [None] * len(slots) for iso in regions}
    for r in monthly:
        if r["iso_code"] in series:
            series[r["iso_code"]][months.index(r["month"])] = r["articles"]
    for iso, count in undated_of.items():
        series[iso][-1] = count
    return lines("Articles per month, top regions", slots, series)


def regions_page(data: dict) -> dict[str, Any]:
    totals = data["region_totals"]
    ru = [r for r in totals if not r["is_country"]]
    abroad = [r for r in totals if r["is_country"]]

    def bars(found: list[dict]) -> list[Bar]:
        return [
            Bar(_region_label(r), r["articles"], f"regions.html#{anchor('r', r['iso_code'])}")
            for r in found[:TOP]
        ]

    evidence = defaultdict(list)
    for r in data["region_articles"]:
        r["at"] = [anchor("region", r["iso_code"]), *(anchor("site", k) for k in r["site_keys"] or [])]
        evidence[r["iso_code"]].append(r)
    charts = [
        hbars("Articles mentioning each Russian region (or its sites)", bars(ru)),
        hbars("Articles mentioning each foreign country (or its sites)", bars(abroad)),
        _region_trend(data["region_monthly"], data["region_undated"], [r["iso_code"] for r in ru[:TREND]]),
    ]
    columns = (
        "iso_code",
        "name_en",
        "name_ru",
        "is_country",
        "articles",
        "mentions",
        "articles_date_inferred",
    )
    return {"charts": charts, "regions": totals, "evidence": evidence,
            "tables": {"regions": Table("regions", columns, totals)}}  # fmt: skip


def sites_page(data: dict) -> dict[str, Any]:
    sites = data["sites"]
    for s in sites:
        s["type_words"] = words.site_type(s["site_type"])
    region_of = {s["site_key"]: s["region_name_en"] or "unknown region" for s in sites}
    evidence = defaultdict(list)
    for r in data["site_evidence"]:
        r["at"] = [anchor("site", r["site_key"]), anchor("at", r["first_char_offset"])]
        evidence[r["site_key"]].append(r)
    charts = [
        hbars("Industrial sites by type", _bars(_count(sites, "type_words"))),
        hbars("Industrial sites by region or country", _bars(Counter(region_of.values()))),
    ]
    columns = ("site_key", "name", "type_words", "industry", "iso_code", "region_name_en", "articles")
    return {"charts": charts, "sites": sites, "evidence": evidence,
            "tables": {"sites": Table("sites", columns, sites)}}  # fmt: skip


def _sum_by(rows: list[dict], key: str, unit: str, href: Any = None) -> list[Bar]:
    """Amounts in `unit` summed by `key`, largest first; "up to" when a ceiling is part of the sum."""
    totals: Counter = Counter()
    ceilings: set[str] = set()
    for r in rows:
        if r["unit"] == unit and r["value"] is not None:
            k = str(r[key] or "not stated")
            totals[k] += r["value"]
            if r["qualifier"] == "up_to":
                ceilings.add(k)
    return [Bar(k, v, href(k) if href else None, words.amount(v, unit, "up_to" if k in ceilings else "exact"))
            for k, v in totals.most_common(TOP)]  # fmt: skip


SUPPORT_COLUMNS = ("measure", "amount", "value", "unit", "qualifier", "act", "act_title", "iso_code",
                   "region_name_en", "site_name", "sentence", "published_date", "title", "url")  # fmt: skip


def support_page(data: dict) -> dict[str, Any]:
    measures = data["support"]
    for m in measures:
        m["act"] = words.act(m["act_type"], m["act_number"], m["act_title"]) if m["act_type"] else None
        m["amount"] = words.amount(m["value"], m["unit"], m["qualifier"])
    by_act = _sum_by(measures, "act", "RUB", lambda k: f"support.html#{anchor('act', k)}")
    by_region = _sum_by(measures, "region_name_en", "RUB")
    charts = [
        hbars("Support measures by legal act (RUB)", by_act),
        hbars("Support measures by region (RUB)", by_region),
    ]
    first_of_act: set[str] = set()
    for m in measures:
        m["act_anchor"] = anchor("act", m["act"] or "not stated") if m["act"] not in first_of_act else None
        first_of_act.add(m["act"])
    return {"charts": charts, "measures": measures,
            "tables": {"measures": Table("support", SUPPORT_COLUMNS, measures)}}  # fmt: skip


def people_page(data: dict) -> dict[str, Any]:
    people = data["people"]
    per_region: dict[str, set] = defaultdict(set)
    for p in people:
        per_region[p["region_name_en"] or "unknown region"].add(p["person"])
    counts = Counter({region: len(names) for region, names in per_region.items()})
    charts = [hbars("People quoted, by region of their role", _bars(counts))]
    columns = ("person", "role", "organisation", "iso_code", "region_name_en", "first_seen", "last_seen",
               "date_inferred", "articles", "latest_url")  # fmt: skip
    return {"charts": charts, "people": people, "tables": {"people": Table("people", columns, people)}}


def figures_page(data: dict) -> dict[str, Any]:
    figures = data["latest_figures"]
    for f in figures:
        f["amount"] = words.amount(f["value"], f["unit"], f["qualifier"])
    columns = ("iso_code", "region_name_en", "metric_code", "subject", "amount", "value", "unit", "qualifier",
               "published_date", "date_inferred", "sentence", "title", "url")  # fmt: skip
    return {"charts": [hbars("Latest figures per region", _bars(_count(figures, "region_name_en")))],
            "figures": figures, "tables": {"figures": Table("figures", columns, figures)}}  # fmt: skip


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


# a row's key column → the anchor of its fact on the article page
SECTION_ANCHORS = (("event_key", "ev"), ("company_key", "entity"), ("site_key", "site"))


def _section_anchors(row: dict) -> list[str]:
    """Where a row of an optional view stands on its article's page: the event, the company, the site."""
    return [anchor(prefix, row[column]) for column, prefix in SECTION_ANCHORS if row.get(column) is not None]


def foreign_page(data: dict) -> dict[str, Any]:
    """Sections for relations a later schema adds: rows and a chart when the view exists, a note if not."""
    shown, charts = [], []
    for key, title, view in FOREIGN_SECTIONS:
        found = data.get(key)
        at = [_section_anchors(row) for row in found or []]
        shown.append(
            {
                "title": title,
                "view": view,
                "rows": found,
                "columns": list(found[0]) if found else [],
                "at": at,
            }
        )
        chart = _section_chart(title, found) if found else None
        charts += [chart] if chart is not None else []
    tables = {s["view"]: Table(s["view"], s["columns"], s["rows"]) for s in shown if s["rows"]}
    return {"charts": charts, "sections": shown, "tables": tables, "url_keys": data.get("url_keys", {})}


URL_COLUMNS = ("url", "latest_url")
EVIDENCE_ROWS = ("articles", "region_articles", "site_evidence", "support", "latest_figures", "people")


def section_urls(data: dict) -> list[str]:
    """The article URLs the optional views give (they name an article by its URL, not its key)."""
    found = [row.get(c) for key, _, _ in FOREIGN_SECTIONS for row in data.get(key) or [] for c in URL_COLUMNS]
    return [u for u in found if isinstance(u, str)]


def referenced_articles(data: dict, url_keys: dict[str, int]) -> set[int]:
    """Every article a page of the report links to: each gets its evidence page."""
    keys = {
        row["article_key"]
        for name in EVIDENCE_ROWS
        for row in data[name]
        if row.get("article_key") is not None
    }
    return keys | set(url_keys.values())
