"""Every fact of one text as plain records: regions and countries, people with their role, organisations,
companies, government bodies, places, sites, legal acts and figures (`extract_facts`), and the named
entities in the PER / ORG / LOC scheme of Russian NER corpora (`ner_spans`)."""

from __future__ import annotations

from transforms.intel.entities import find_mentions
from transforms.intel.figures import figure_records
from transforms.intel.mentions import Mention
from transforms.intel.ner import russian_entities

NER_TYPES = {
    "person": "PER", "organization": "ORG", "company": "ORG", "government_body": "ORG",
    "location": "LOC", "region": "LOC",
}  # fmt: skip


def detect_language(text: str) -> str:
    """ru when more letters are Cyrillic than Latin, else en."""
    cyrillic = sum(1 for char in text if "\u0400" <= char <= "\u04ff")
    latin = sum(1 for char in text if char.isascii() and char.isalpha())
    return "ru" if cyrillic > latin else "en"


def _mention_fact(m: Mention) -> dict:
    a = m.attrs
    fact = {"type": m.entity_type, "text": m.surface, "start": m.start, "end": m.end,
            "canonical_name": m.canonical, "key": m.key}  # fmt: skip
    if m.kind == "region":
        iso = a["iso"]
        return fact | {"type": "region" if iso.startswith("RU-") else "country", "iso_code": iso}
    if m.kind == "site":
        return fact | {"site_type": a["site_type"], "name": a["name"], "region_iso": a.get("iso"),
                       "industry": a.get("industry"), "named": a.get("named", True),
                       "registry_id": a.get("registry_id")}  # fmt: skip
    if m.kind == "act":
        return fact | {"act_type": a["act_type"], "number": a["number"], "title": a.get("title"),
                       "jurisdiction": a.get("jurisdiction")}  # fmt: skip
    if m.entity_type == "person":
        fact |= {
            "role": a.get("role"),
            "role_code": a.get("role_code"),
            "organization": a.get("organization"),
        }
    return fact


def _figure_fact(record: dict, text: str) -> dict:
    return {
        "type": "figure", "text": text[record["start"] : record["end"]], "start": record["start"],
        "end": record["end"], "metric": record["metric_code"], "value": record["value"],
        "unit": record["unit"], "qualifier": record["qualifier"], "subject": record["subject"],
    }  # fmt: skip


def extract_facts(text: str, language: str = "auto") -> list[dict]:
    """Every fact of text, in text order: one dict per mention or figure with `type`, `text`, `start`, `end`
    and the fields of its type (see docs/facts.md). language: ru, en or auto."""
    if not isinstance(text, str) or not text.strip():
        return []
    language = detect_language(text) if language == "auto" else language
    facts = [_mention_fact(m) for m in find_mentions(text, language)]
    facts += [_figure_fact(record, text) for record in figure_records(text, language)]
    return sorted(facts, key=lambda f: (f["start"], f["end"]))


def ner_spans(text: str, language: str = "ru") -> list[tuple[str, int, int]]:
    """(PER | ORG | LOC, start, end) of the named entities in text: in Russian, natasha's spans as the entity
    layer corrects them (transforms.intel.ner); in English, the entity layer's mentions of those types."""
    if not isinstance(text, str) or not text.strip():
        return []
    if language == "ru":
        return [(s.kind, s.start, s.end) for s in russian_entities(text)]
    return [(NER_TYPES[m.entity_type], m.start, m.end) for m in find_mentions(text, language)
            if m.entity_type in NER_TYPES]  # fmt: skip
