"""Articles to domain facts: the dimension and fact frames of the warehouse (see transforms.intel.schema)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import polars as pl

from transforms.extract.dates import parse_iso
from transforms.held import failure_reason, held_back_frame, held_back_row
from transforms.intel.entities import find_mentions
from transforms.intel.figures import figure_records
from transforms.intel.lexicon.gazetteer import regions
from transforms.intel.links.frames import link_rows
from transforms.intel.mentions import Mention, figure_key, metric_key, nearest, region_key
from transforms.intel.schema import ARTICLE_TABLES, ENTITY_SPANS, HELD_BACK, METRICS, SCHEMAS, empty


def reference_dims() -> dict[str, pl.DataFrame]:
    """The full dim_region (every federal subject and country in reference/) and dim_metric."""
    rows = [
        {"region_key": region_key(iso), "iso_code": iso, "name_en": row["name_en"], "name_ru": row["name_ru"],
         "federal_district": row["federal_district"] or None, "region_type": row["region_type"]}
        for iso, row in regions().items()
    ]  # fmt: skip
    metrics = [
        {"metric_key": metric_key(code, unit), "metric_code": code, "unit": unit} for code, unit in METRICS
    ]
    return {
        "dim_region": pl.DataFrame(rows, schema=SCHEMAS["dim_region"]),
        "dim_metric": pl.DataFrame(metrics, schema=SCHEMAS["dim_metric"]),
    }


def _region_key_of(iso: str | None) -> int | None:
    return region_key(iso) if iso and iso in regions() else None


def _dim_rows(mention: Mention) -> tuple[str, dict] | None:
    a = mention.attrs
    if mention.kind == "entity":
        return "dim_entity", {
            "entity_key": mention.key, "entity_type": mention.entity_type,
            "canonical_name": mention.canonical, "name_en": a.get("name_en"), "name_ru": a.get("name_ru"),
            "region_key": _region_key_of(a.get("iso")),
        }  # fmt: skip
    if mention.kind == "site":
        return "dim_site", _site_row(mention)
    if mention.kind == "act":
        return "dim_legal_act", {"act_key": mention.key, "act_type": a["act_type"], "number": a["number"],
                                 "title": a["title"], "jurisdiction": a["jurisdiction"]}  # fmt: skip
    return None


def _site_row(mention: Mention) -> dict:
    """A dim_site row; a registered site carries the registry's facts (reference/sites.csv)."""
    a = mention.attrs
    return {"site_key": mention.key, "site_type": a["site_type"], "name": a["name"],
            "industry": a["industry"], "region_key": _region_key_of(a["iso"]),
            "registry_id": a.get("registry_id"), "zone_type": a.get("zone_type"),
            "year_created": a.get("year"), "status": a.get("status"),
            "is_registered": a.get("registry_id") is not None}  # fmt: skip


_KEY_COLUMN = {"entity": "entity_key", "site": "site_key", "region": "region_key", "act": "act_key"}


def _mention_rows(article_key: int, mentions: list[Mention]) -> list[dict]:
    grouped: dict[tuple[str, int], dict] = {}
    for m in mentions:
        row = grouped.get((m.kind, m.key))
        if row is None:
            row = {"article_key": article_key, "entity_key": None, "site_key": None, "region_key": None,
                   "act_key": None, "mention_count": 0, "first_char_offset": m.start}  # fmt: skip
            row[_KEY_COLUMN[m.kind]] = m.key
            grouped[(m.kind, m.key)] = row
        row["mention_count"] += 1
        row["first_char_offset"] = min(row["first_char_offset"], m.start)
    return list(grouped.values())


def _role_rows(article_key: int, mentions: list[Mention]) -> list[dict]:
    """One row per person and role the article states (the body it is in, when it names one); a person
    with two titles ("председатель комитета …, генеральный директор агентства …") has a row for each."""
    rows = {}
    for m in mentions:
        if m.entity_type != "person" or not m.attrs.get("role"):
            continue
        for role in m.attrs.get("roles") or [m.attrs]:
            row = {"article_key": article_key, "entity_key": m.key, "role": role["role"],
                   "role_code": role.get("role_code"), "organisation_key": role.get("organization_key"),
                   "organisation": role.get("organization_surface"),
                   "role_normalised": role.get("role_normalised"),
                   "region_key": _region_key_of(role.get("role_iso"))}  # fmt: skip
            rows.setdefault((m.key, row["role"].lower(), row["organisation_key"]), row)
    return list(rows.values())


def _figure_rows(article_key: int, text: str, records: list[dict], mentions: list[Mention]) -> list[dict]:
    by_kind = {kind: [m for m in mentions if m.kind == kind] for kind in ("region", "site", "act")}
    starts = {kind: [m.start for m in found] for kind, found in by_kind.items()}
    rows = []
    for record in records:
        at = record["start"]  # a site is the one the figure is about: named before it in the sentence
        linked = {
            kind: nearest(found, text, at, starts[kind], before=kind == "site")
            for kind, found in by_kind.items()
        }
        rows.append({
            "figure_key": figure_key(article_key, record["start"], record["end"]), "article_key": article_key,
            "metric_key": metric_key(record["metric_code"], record["unit"]), "value": record["value"],
            "unit": record["unit"], "qualifier": record["qualifier"],
            "region_key": linked["region"].key if linked["region"] else None,
            "site_key": linked["site"].key if linked["site"] else None,
            "act_key": linked["act"].key if linked["act"] else None, "subject": record["subject"],
            "sentence": record["sentence"], "char_start": record["start"], "char_end": record["end"],
        })  # fmt: skip
    return rows


def _span_rows(article_key: int, text_length: int, mentions: list[Mention]) -> list[dict]:
    return [
        {"article_key": article_key, "entity_type": m.entity_type, "start": m.start, "end": m.end,
         "surface": m.surface, "canonical_name": m.canonical, "entity_id": m.key, "text_length": text_length}
        for m in mentions
    ]  # fmt: skip


def _articles(articles: pl.DataFrame) -> Iterable[dict]:
    if "duplicate_of" in articles.columns:
        articles = articles.filter(pl.col("duplicate_of").is_null())
    columns = [c for c in ("article_key", "text", "language", "published", "url") if c in articles.columns]
    for row in articles.select(columns).iter_rows(named=True):
        if isinstance(row["text"], str) and row["text"].strip() and row["article_key"] is not None:
            yield row


def _published(value: object) -> date | None:
    """The publication date the events of an article take their year from (a date or an ISO string)."""
    return value if isinstance(value, date) else parse_iso(str(value) if value else None)


def _facts_of(article: dict) -> dict[str, list[dict]]:
    """The rows of one article: its dims, mentions, roles, entity spans, figures, relations and events."""
    key, text, language = article["article_key"], article["text"], article["language"] or "en"
    rows: dict[str, list[dict]] = {table: [] for table in ARTICLE_TABLES}
    mentions = find_mentions(text, language)
    for mention in mentions:
        if (dim := _dim_rows(mention)) is not None:
            rows[dim[0]].append(dim[1])
    rows["fact_mention"] = _mention_rows(key, mentions)
    rows["fact_person_role"] = _role_rows(key, mentions)
    rows[ENTITY_SPANS] = _span_rows(key, len(text), mentions)
    records = figure_records(text, language)
    rows["fact_figure"] = _figure_rows(key, text, records, mentions)
    published = _published(article.get("published"))
    for table, found in link_rows(key, text, language, published, mentions, records).items():
        rows[table] += found
    return rows


def _held_article(article: dict, exc: Exception) -> dict:
    record = {"article_key": article["article_key"], "url": article.get("url"),
              "language": article["language"], "text_length": len(article["text"])}  # fmt: skip
    key = article.get("url") or str(article["article_key"])
    return held_back_row("intel", key, failure_reason("intel", exc), record)


def article_facts(articles: pl.DataFrame) -> dict[str, pl.DataFrame]:
    """The dimension rows these articles need, their fact_mention, fact_figure, fact_person_role,
    fact_relation, fact_event and fact_event_participant rows, (under ENTITY_SPANS, not a table) every
    entity mention with its offsets, for the quality gate, and (under HELD_BACK) the articles whose facts
    could not be found, with the error: such an article gets no facts at all, and the other articles go
    on."""
    rows: dict[str, list[dict]] = {table: [] for table in ARTICLE_TABLES}
    held = []
    for article in _articles(articles):
        try:
            found = _facts_of(article)
        except Exception as exc:  # one article never stops the batch
            held.append(_held_article(article, exc))
            continue
        for table, table_rows in found.items():
            rows[table] += table_rows
    metric_keys = {row["metric_key"] for row in rows["fact_figure"]}
    rows["dim_metric"] = [
        r for r in reference_dims()["dim_metric"].to_dicts() if r["metric_key"] in metric_keys
    ]
    frames = {table: _frame(table, table_rows) for table, table_rows in rows.items()}
    return {**frames, HELD_BACK: held_back_frame(held)}


_PRIMARY = {
    "dim_entity": "entity_key", "dim_site": "site_key", "dim_legal_act": "act_key",
    "dim_metric": "metric_key", "fact_figure": "figure_key",
}  # fmt: skip


def _frame(table: str, rows: list[dict]) -> pl.DataFrame:
    if not rows:
        return empty(table)
    frame = pl.DataFrame(rows, schema=SCHEMAS[table])
    key = _PRIMARY.get(table)
    if key is None:
        return frame
    # one row per key: each column's first known value (a person's region comes from any mention's role)
    merged = frame.group_by(key, maintain_order=True).agg(pl.all().drop_nulls().first())
    return merged.select(list(SCHEMAS[table])).cast(SCHEMAS[table])
