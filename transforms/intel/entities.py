"""Entities in Russian and English text: regions and countries, people, organisations, companies,
places, industrial sites and legal acts, each with its stable key (one identity across languages)."""

from __future__ import annotations

import re
from collections import Counter

import polars as pl

from transforms.intel.acts import find_acts
from transforms.intel.entities_en import companies_by_context, companies_en, companies_ru, organizations_en
from transforms.intel.lexicon.gazetteer import (
    Token,
    cities,
    companies,
    matcher,
    organizations,
    regions,
    tokenize,
)
from transforms.intel.lexicon.nlp_ru import NerSpan, lemma
from transforms.intel.lexicon.translit import has_cyrillic, to_latin
from transforms.intel.mentions import Mention, entity_key, merge, region_key
from transforms.intel.ner import russian_entities
from transforms.intel.persons import persons_en, persons_ru
from transforms.intel.roles import assign_roles
from transforms.intel.sites import find_sites
from transforms.intel.titles.region import regions_by_adjective

ENTITY_COLUMNS = {
    "entity_type": pl.String, "start": pl.Int64, "end": pl.Int64, "surface": pl.String,
    "canonical_name": pl.String, "entity_id": pl.Int64,
}  # fmt: skip
_RUSSIA = {"россия", "рф", "российский федерация"}


def _span(tokens: list[Token], i: int, j: int) -> tuple[int, int]:
    return tokens[i].start, tokens[j - 1].end


def _region(iso: str, start: int, end: int, surface: str) -> Mention:
    row = regions()[iso]
    attrs = {"iso": iso, "name_en": row["name_en"], "name_ru": row["name_ru"]}
    return Mention("region", "region", start, end, surface, row["name_en"], region_key(iso), attrs)


def _gazetteer_entity(entry, start: int, end: int, surface: str) -> Mention | None:
    if entry.kind == "organization":
        row = organizations()[entry.ident]
        kind, attrs = row["entity_type"], {"name_en": row["name_en"], "name_ru": row["name_ru"]}
    elif entry.kind == "company":
        row = companies()[entry.ident]
        kind = "company"
        attrs = {"name_en": row["name_en"], "name_ru": row["name_ru"], "iso": row.get("country") or None}
    elif entry.kind == "city":
        row = cities()[entry.ident]
        kind = "location"
        attrs = {"name_en": row["name_en"], "name_ru": row["name_ru"], "iso": row["region_iso"]}
    else:
        return None
    name = attrs["name_en"]
    return Mention("entity", kind, start, end, surface, name, entity_key(kind, name), attrs)


def _gazetteer_mentions(text: str, tokens: list[Token], hits: list) -> tuple[list[Mention], list[Mention]]:
    """(regions and countries, organisations and cities) from the gazetteer hits."""
    places, bodies = [], []
    region_starts = {tokens[i].start for i, _, e in hits if e.kind == "region"}
    for i, j, entry in hits:
        start, end = _span(tokens, i, j)
        if entry.kind in {"region", "country"}:
            places.append(_region(entry.ident, start, end, text[start:end]))
        elif entry.kind == "organization" and _followed_by_region(text, end, region_starts):
            continue  # a regional body (Industrial Development Fund of the Omsk Region): left to the rules
        elif (mention := _gazetteer_entity(entry, start, end, text[start:end])) is not None:
            bodies.append(mention)
    return places, bodies


_REGION_HEADS = {"область", "край"}


def _coordinated_regions(text: str, tokens: list[Token], hits: list) -> list:
    """«в Ростовской и Тверской областях», «Свердловскую и Пензенскую области», «с Московской, Воронежской,
    Рязанской областями»: the region adjectives listed before a region's head word share it, each naming its
    region (gazetteer hits: first token, end token, entry)."""
    taken = {k for i, j, _ in hits for k in range(i, j)}
    found = []
    for i, j, entry in hits:
        if entry.kind != "region" or j - i != 2 or tokens[j - 1].norm not in _REGION_HEADS:
            continue
        head, k = tokens[j - 1].text, i
        while (item := _item_before(text, tokens, k)) is not None and item not in taken:
            phrase = tokenize(f"{tokens[item].text} {head}")
            whole = [e for a, b, e in matcher().find(phrase, {"region"}) if a == 0 and b == len(phrase)]
            if not whole:
                break
            found.append((item, item + 1, whole[0]))
            k = item
    return found


def _item_before(text: str, tokens: list[Token], k: int) -> int | None:
    """The token of the list item before token k: "A, B", "A и B", "A, и B"."""
    if k > 1 and tokens[k - 1].norm == "и" and not text[tokens[k - 1].end : tokens[k].start].strip():
        k -= 1
        return k - 1 if text[tokens[k - 1].end : tokens[k].start].strip() in ("", ",") else None
    return k - 1 if k > 0 and text[tokens[k - 1].end : tokens[k].start].strip() == "," else None


def _followed_by_region(text: str, end: int, region_starts: set[int]) -> bool:
    gap = text[end : end + 12]
    for prefix in ("", " ", " of ", " of the "):
        if text.startswith(prefix, end) and end + len(prefix) in region_starts:
            return True
    return gap[:1] == " " and end + 1 in region_starts


def _natasha_mentions(text: str) -> tuple[list[Mention], list[Mention]]:
    """(persons, other organisations and places) from natasha's NER."""
    spans = russian_entities(text)
    others = []
    for span in spans:
        lemmas = " ".join(lemma(word) for word in span.text.split())
        if span.kind == "PER" or lemmas in _RUSSIA or _is_vocabulary(span.text):
            continue
        if span.kind == "ORG" and (company := _quoted_company(text, span)) is not None:
            others.append(company)
            continue
        kind = "organization" if span.kind == "ORG" else "location"
        name = _closed(span.normal[:1].upper() + span.normal[1:])
        attrs = {"name_en": to_latin(name), "name_ru": name}
        canonical = name if kind == "organization" else to_latin(name)
        others.append(Mention("entity", kind, span.start, span.end, span.text, canonical,
                              entity_key(kind, canonical), attrs))  # fmt: skip
    return persons_ru(spans, text), others


# "компании «Технотрейд»", "холдинга «Сибур»": a company's common noun before its quoted name
_COMPANY_NOUNS = {"компания", "корпорация", "холдинг", "фирма", "концерн", "группа"}
_QUOTED = re.compile(r"([^«\"“„]+?)\s+[«\"“„](.+)")
_PAIRS = {"«": "»", '"': '"', "“": "”", "„": "“"}


def _quoted_company(text: str, span: NerSpan) -> Mention | None:
    """A company named in quotes after its common noun: the company is the quoted name («Технотрейд»), not
    "Компания «Технотрейд" with its closing quote lost."""
    match = _QUOTED.fullmatch(span.text)
    if match is None or lemma(match.group(1).split()[-1]) not in _COMPANY_NOUNS:
        return None
    name = match.group(2).strip().rstrip('»"”“')
    if not name or any(q in name for q in _PAIRS):
        return None  # a name with quotes of its own is left to natasha's span
    end = span.end + 1 if text[span.end : span.end + 1] in ("»", '"', "”", "“") else span.end
    latin = to_latin(name) if has_cyrillic(name) else name
    attrs = {"name_en": latin, "name_ru": name if has_cyrillic(name) else None, "iso": None}
    return Mention("entity", "company", span.start, end, text[span.start : end], latin,
                   entity_key("company", latin), attrs)  # fmt: skip


def _closed(name: str) -> str:
    """A name whose quote opens inside it gets its closing quote back: Холдинг «Сибур» (not «Сибур)."""
    for opening, closing in _PAIRS.items():
        if name.count(opening) > name.count(closing) or (opening == closing and name.count(opening) % 2):
            return name + closing
    return name


def _is_vocabulary(phrase: str) -> bool:
    """ОЭЗ, Технопарк: a site word, not an organisation's name."""
    tokens = tokenize(phrase)
    return any(i == 0 and j == len(tokens) for i, j, _ in matcher().find(tokens, {"site_type", "industry"}))


def _main_region(places: list[Mention]) -> str | None:
    counts = Counter(m.attrs["iso"] for m in places if m.attrs["iso"].startswith("RU-"))
    return counts.most_common(1)[0][0] if counts else None


def _roles_region(text: str, places: list[Mention]) -> str | None:
    """The region an article is about, for the roles: the most mentioned, a mention in the headline (the
    first line) counting twice («В правительстве Вологодской области назначен первый заместитель» over two
    mentions of where he worked before, «в Подмосковье»)."""
    headline_end = text.find("\n") if "\n" in text else 0
    counted = [*places, *(m for m in places if m.end <= headline_end)]
    counts = Counter(m.attrs["iso"] for m in counted if m.attrs["iso"].startswith("RU-")).most_common()
    if len(counts) > 1 and counts[0][1] == counts[1][1]:  # a tie: the one its adjectives name, if among them
        by_adjective = regions_by_adjective(text)  # «В Москве … Смоленской области … Смоленского района»
        if by_adjective in {iso for iso, n in counts if n == counts[0][1]}:
            return by_adjective
    return _main_region(counted)


def _outside(found: list[Mention], people: list[Mention]) -> list[Mention]:
    """The mentions no person's name overlaps."""
    return [m for m in found if not any(p.start < m.end and m.start < p.end for p in people)]


def find_mentions(text: str, language: str = "en") -> list[Mention]:
    """Every region, entity, site and legal act mentioned in text, overlaps resolved by priority."""
    tokens = tokenize(text)
    hits = list(matcher().find(tokens))
    hits = sorted(hits + _coordinated_regions(text, tokens, hits), key=lambda hit: hit[0])
    places, bodies = _gazetteer_mentions(text, tokens, hits)
    persons, natasha_others = _natasha_mentions(text) if has_cyrillic(text) else ([], [])
    persons += persons_en(text)
    towns = [m for m in bodies if m.entity_type == "location"]
    located = sorted(places + towns, key=lambda m: m.start)
    sites = find_sites(text, tokens, hits, located, _main_region(places))
    rules = companies_ru(text) + companies_en(text) + organizations_en(text) + companies_by_context(text)
    named = [m for m in bodies if m.entity_type != "location"]
    mentions = merge(find_acts(text), persons, named, sites, rules, places, towns, natasha_others)
    # the article's region for regional titles that name none: a town's when no region is named; no place
    # inside a person's name («Иванова» of «Иванова Сергея Владимировича»)
    people = [m for m in mentions if m.entity_type == "person"]
    own_places, own_towns = (_outside(found, people) for found in (places, towns))
    assign_roles(text, mentions, _roles_region(text, own_places) or _roles_region(text, own_towns))
    return mentions


def mentions_frame(mentions: list[Mention]) -> pl.DataFrame:
    rows = [
        {"entity_type": m.entity_type, "start": m.start, "end": m.end, "surface": m.surface,
         "canonical_name": m.canonical, "entity_id": m.key}
        for m in mentions
    ]  # fmt: skip
    return pl.DataFrame(rows, schema=ENTITY_COLUMNS)


def extract_entities(text: str, language: str) -> pl.DataFrame:
    """One row per mention: entity_type, start, end, surface, canonical_name, entity_id (stable key)."""
    if not isinstance(text, str) or not text.strip():
        return pl.DataFrame(schema=ENTITY_COLUMNS)
    return mentions_frame(find_mentions(text, language))


PEOPLE_COLUMNS = {
    "canonical_name": pl.String, "entity_id": pl.Int64, "role": pl.String, "role_code": pl.String,
    "organization": pl.String,
    "start": pl.Int64, "end": pl.Int64, "surface": pl.String,
}  # fmt: skip


def extract_people(text: str, language: str) -> pl.DataFrame:
    """One row per person mention with the role (as written and as a role code) and the body the text gives
    (null when it gives none)."""
    if not isinstance(text, str) or not text.strip():
        return pl.DataFrame(schema=PEOPLE_COLUMNS)
    rows = [
        {"canonical_name": m.canonical, "entity_id": m.key, "role": m.attrs.get("role"),
         "role_code": m.attrs.get("role_code"), "organization": m.attrs.get("organization"),
         "start": m.start, "end": m.end, "surface": m.surface}
        for m in find_mentions(text, language) if m.entity_type == "person"
    ]  # fmt: skip
    return pl.DataFrame(rows, schema=PEOPLE_COLUMNS)
