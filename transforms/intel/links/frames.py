"""Relations and events as the rows of fact_relation, fact_event and fact_event_participant, and as
the readable frames of the public API (extract_relations, extract_events)."""

from __future__ import annotations

from datetime import date

import polars as pl

from transforms.intel.links.events import region_of
from transforms.intel.links.extract import links
from transforms.intel.links.records import Event, Relation
from transforms.intel.mentions import Mention, figure_key, region_key
from transforms.keys import stable_key

_KEY = {"entity": "entity_key", "site": "site_key", "region": "region_key"}


def relation_row(article_key: int, text: str, relation: Relation) -> dict:
    subject, obj = relation.subject, relation.obj
    figure = figure_key(article_key, *relation.figure) if relation.figure else None
    start, end = _sentence(text, relation.start, relation.end)
    return {
        "relation_key": stable_key("relation", str(article_key), str(relation.relation_id)),
        "relation_id": relation.relation_id, "article_key": article_key, "relation": relation.relation,
        "subject_entity_key": subject.key if subject.kind == "entity" else None,
        "subject_site_key": subject.key if subject.kind == "site" else None,
        "object_entity_key": obj.key if obj is not None and obj.kind == "entity" else None,
        "object_site_key": obj.key if obj is not None and obj.kind == "site" else None,
        "object_region_key": obj.key if obj is not None and obj.kind == "region" else None,
        "object_country": relation.country, "figure_key": figure, "sentence": text[start:end].strip(),
        "char_start": relation.start, "char_end": relation.end, "rule": relation.rule,
    }  # fmt: skip


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentences the evidence spans (usually one)."""
    from transforms.intel.mentions import sentence_of

    return sentence_of(text, start)[0], max(sentence_of(text, max(start, end - 1))[1], end)


def event_key(article_key: int, event: Event) -> int:
    return stable_key("event", str(article_key), event.event_type, str(event.start))


def event_row(article_key: int, text: str, event: Event) -> dict:
    iso = region_of(event)
    return {
        "event_key": event_key(article_key, event), "event_id": event.event_id, "article_key": article_key,
        "event_type": event.event_type, "event_date": event.date.value,
        "date_precision": event.date.precision, "date_text": event.date.text, "planned": event.planned,
        "region_key": region_key(iso) if iso else None,
        "figure_key": figure_key(article_key, *event.figure) if event.figure else None,
        "sentence": text[event.sentence[0] : event.sentence[1]].strip(), "char_start": event.start,
        "char_end": event.end, "rule": event.rule,
    }  # fmt: skip


def participant_rows(article_key: int, event: Event) -> list[dict]:
    rows = []
    for mention, role in event.participants:
        row = {"event_key": event_key(article_key, event), "article_key": article_key, "entity_key": None,
               "site_key": None, "region_key": None, "role": role, "char_start": mention.start,
               "char_end": mention.end}  # fmt: skip
        row[_KEY[mention.kind]] = mention.key
        rows.append(row)
    return rows


def link_rows(
    article_key: int,
    text: str,
    language: str,
    published: date | None,
    mentions: list[Mention],
    records: list[dict],
) -> dict[str, list[dict]]:
    """One article's fact_relation, fact_event and fact_event_participant rows."""
    relations, events = links(text, language, published, mentions, records)
    return {
        "fact_relation": [relation_row(article_key, text, r) for r in relations],
        "fact_event": [event_row(article_key, text, e) for e in events],
        "fact_event_participant": [row for e in events for row in participant_rows(article_key, e)],
    }


RELATION_COLUMNS = {
    "relation": pl.String, "subject": pl.String, "subject_type": pl.String, "object": pl.String,
    "object_type": pl.String, "object_iso": pl.String, "rule": pl.String, "start": pl.Int64, "end": pl.Int64,
    "evidence": pl.String,
}  # fmt: skip
PARTICIPANT = pl.Struct({"name": pl.String, "type": pl.String, "iso": pl.String, "role": pl.String})
EVENT_COLUMNS = {
    "event_type": pl.String, "event_date": pl.Date, "date_precision": pl.String, "date_text": pl.String,
    "planned": pl.Boolean, "participants": pl.List(PARTICIPANT), "rule": pl.String, "start": pl.Int64,
    "end": pl.Int64, "sentence": pl.String, "sentence_start": pl.Int64, "sentence_end": pl.Int64,
}  # fmt: skip


def describe(mention: Mention) -> dict:
    """Name, type (entity type, site type, region or country) and ISO code (regions and countries)."""
    if mention.kind == "site":
        return {"name": mention.canonical, "type": mention.attrs["site_type"], "iso": None}
    if mention.kind == "region":
        iso = mention.attrs["iso"]
        return {
            "name": mention.canonical,
            "type": "region" if iso.startswith("RU") else "country",
            "iso": iso,
        }
    return {"name": mention.canonical, "type": mention.entity_type, "iso": None}


def extract_relations(text: str, language: str = "en") -> pl.DataFrame:
    """One row per relation the text states: relation, subject and object (name, type, ISO code of a
    region or country), the rule and the evidence with its offsets."""
    relations, _ = links(text, language)
    rows = []
    for r in relations:
        subject = describe(r.subject)
        obj = describe(r.obj) if r.obj else {"name": r.country, "type": "country", "iso": r.country}
        rows.append({"relation": r.relation, "subject": subject["name"], "subject_type": subject["type"],
                     "object": obj["name"], "object_type": obj["type"], "object_iso": obj["iso"],
                     "rule": r.rule, "start": r.start, "end": r.end,
                     "evidence": text[r.start : r.end]})  # fmt: skip
    return pl.DataFrame(rows, schema=RELATION_COLUMNS)


def extract_events(text: str, language: str = "en", published: date | None = None) -> pl.DataFrame:
    """One row per event the text states: type, date (completed from `published` when the text gives no
    year or no date), whether it is planned, its participants (name, type, ISO code, role), the rule,
    the words that state it (start, end) and their sentence with its offsets."""
    _, events = links(text, language, published)
    rows = [
        {"event_type": e.event_type, "event_date": e.date.value, "date_precision": e.date.precision,
         "date_text": e.date.text, "planned": e.planned,
         "participants": [{**describe(m), "role": role} for m, role in e.participants], "rule": e.rule,
         "start": e.start, "end": e.end, "sentence": text[e.sentence[0] : e.sentence[1]].strip(),
         "sentence_start": e.sentence[0], "sentence_end": e.sentence[1]}
        for e in events
    ]  # fmt: skip
    return pl.DataFrame(rows, schema=EVENT_COLUMNS)
