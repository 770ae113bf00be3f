"""Column names and dtypes of the frames transforms.intel.frames hands to the warehouse loader
(copy freely)."""

from __future__ import annotations

import polars as pl

from transforms.held import HELD_BACK_SCHEMA

DIM_REGION = {
    "region_key": pl.Int64, "iso_code": pl.String, "name_en": pl.String, "name_ru": pl.String,
    "federal_district": pl.String, "region_type": pl.String,
}  # fmt: skip
DIM_ENTITY = {
    "entity_key": pl.Int64, "entity_type": pl.String, "canonical_name": pl.String, "name_en": pl.String,
    "name_ru": pl.String, "region_key": pl.Int64,
}  # fmt: skip
DIM_SITE = {
    "site_key": pl.Int64, "site_type": pl.String, "name": pl.String, "industry": pl.String,
    "region_key": pl.Int64, "registry_id": pl.String, "zone_type": pl.String, "year_created": pl.Int32,
    "status": pl.String, "is_registered": pl.Boolean,
}  # fmt: skip
DIM_LEGAL_ACT = {
    "act_key": pl.Int64, "act_type": pl.String, "number": pl.String, "title": pl.String,
    "jurisdiction": pl.String,
}  # fmt: skip
DIM_METRIC = {"metric_key": pl.Int64, "metric_code": pl.String, "unit": pl.String}
FACT_MENTION = {
    "article_key": pl.Int64, "entity_key": pl.Int64, "site_key": pl.Int64, "region_key": pl.Int64,
    "act_key": pl.Int64, "mention_count": pl.Int32, "first_char_offset": pl.Int32,
}  # fmt: skip
FACT_FIGURE = {
    "figure_key": pl.Int64, "article_key": pl.Int64, "metric_key": pl.Int64, "value": pl.Float64,
    "unit": pl.String, "qualifier": pl.String, "region_key": pl.Int64, "site_key": pl.Int64,
    "act_key": pl.Int64, "subject": pl.String, "sentence": pl.String, "char_start": pl.Int32,
    "char_end": pl.Int32,
}  # fmt: skip
FACT_PERSON_ROLE = {
    "article_key": pl.Int64, "entity_key": pl.Int64, "role": pl.String, "role_code": pl.String,
    "organisation_key": pl.Int64, "organisation": pl.String, "role_normalised": pl.String,
    "region_key": pl.Int64,
}  # fmt: skip
FACT_RELATION = {
    "relation_key": pl.Int64, "relation_id": pl.Int64, "article_key": pl.Int64, "relation": pl.String,
    "subject_entity_key": pl.Int64, "subject_site_key": pl.Int64, "object_entity_key": pl.Int64,
    "object_site_key": pl.Int64, "object_region_key": pl.Int64, "object_country": pl.String,
    "figure_key": pl.Int64, "sentence": pl.String, "char_start": pl.Int32, "char_end": pl.Int32,
    "rule": pl.String,
}  # fmt: skip
FACT_EVENT = {
    "event_key": pl.Int64, "event_id": pl.Int64, "article_key": pl.Int64, "event_type": pl.String,
    "event_date": pl.Date, "date_precision": pl.String, "date_text": pl.String, "planned": pl.Boolean,
    "region_key": pl.Int64, "figure_key": pl.Int64, "sentence": pl.String, "char_start": pl.Int32,
    "char_end": pl.Int32, "rule": pl.String,
}  # fmt: skip
FACT_EVENT_PARTICIPANT = {
    "event_key": pl.Int64, "article_key": pl.Int64, "entity_key": pl.Int64, "site_key": pl.Int64,
    "region_key": pl.Int64, "role": pl.String, "char_start": pl.Int32, "char_end": pl.Int32,
}  # fmt: skip
# Not a warehouse table: every entity mention with its offsets, for the entities quality gate.
ENTITY_SPANS = "entity_spans"
ENTITY_SPAN = {
    "article_key": pl.Int64, "entity_type": pl.String, "start": pl.Int64, "end": pl.Int64,
    "surface": pl.String, "canonical_name": pl.String, "entity_id": pl.Int64, "text_length": pl.Int64,
}  # fmt: skip

# Not a warehouse table: articles whose facts could not be found (the error), for quarantine.
HELD_BACK = "held_back"

SCHEMAS: dict[str, dict[str, pl.DataType]] = {
    "dim_region": DIM_REGION,
    "dim_entity": DIM_ENTITY,
    "dim_site": DIM_SITE,
    "dim_legal_act": DIM_LEGAL_ACT,
    "dim_metric": DIM_METRIC,
    "fact_mention": FACT_MENTION,
    "fact_figure": FACT_FIGURE,
    "fact_person_role": FACT_PERSON_ROLE,
    "fact_relation": FACT_RELATION,
    "fact_event": FACT_EVENT,
    "fact_event_participant": FACT_EVENT_PARTICIPANT,
    ENTITY_SPANS: ENTITY_SPAN,
    HELD_BACK: HELD_BACK_SCHEMA,
}
ARTICLE_TABLES = (
    "dim_entity", "dim_site", "dim_legal_act", "dim_metric",
    "fact_mention", "fact_figure", "fact_person_role", ENTITY_SPANS,
    "fact_relation", "fact_event", "fact_event_participant",
)  # fmt: skip
METRICS = (("money", "RUB"), ("money", "USD"), ("money", "EUR"), ("area", "ha"), ("area", "sq_m"),
           ("area", "sq_km"), ("count", "items"), ("percent", "%"))  # fmt: skip


def empty(table: str) -> pl.DataFrame:
    return pl.DataFrame(schema=SCHEMAS[table])
