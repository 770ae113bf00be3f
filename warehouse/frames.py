"""The frames the intelligence stage hands to the warehouse: names, columns and dtypes.

A frame that misses a column, carries an unknown one, or holds a value that does not fit the dtype
is refused with FrameContractError naming the frame and the column, before anything is written.
"""

from __future__ import annotations

import polars as pl

DIMENSIONS: dict[str, dict[str, pl.DataType]] = {
    "dim_region": {
        "region_key": pl.Int64(),
        "iso_code": pl.String(),
        "name_en": pl.String(),
        "name_ru": pl.String(),
        "federal_district": pl.String(),
        "region_type": pl.String(),
    },
    "dim_entity": {
        "entity_key": pl.Int64(),
        "entity_type": pl.String(),
        "canonical_name": pl.String(),
        "name_en": pl.String(),
        "name_ru": pl.String(),
        "region_key": pl.Int64(),
    },
    "dim_site": {
        "site_key": pl.Int64(),
        "site_type": pl.String(),
        "name": pl.String(),
        "industry": pl.String(),
        "region_key": pl.Int64(),
        "registry_id": pl.String(),
        "zone_type": pl.String(),
        "year_created": pl.Int32(),
        "status": pl.String(),
        "is_registered": pl.Boolean(),
    },
    "dim_legal_act": {
        "act_key": pl.Int64(),
        "act_type": pl.String(),
        "number": pl.String(),
        "title": pl.String(),
        "jurisdiction": pl.String(),
    },
    "dim_metric": {"metric_key": pl.Int64(), "metric_code": pl.String(), "unit": pl.String()},
}

FACTS: dict[str, dict[str, pl.DataType]] = {
    "fact_mention": {
        "article_key": pl.Int64(),
        "entity_key": pl.Int64(),
        "site_key": pl.Int64(),
        "region_key": pl.Int64(),
        "act_key": pl.Int64(),
        "mention_count": pl.Int32(),
        "first_char_offset": pl.Int32(),
    },
    "fact_figure": {
        "figure_key": pl.Int64(),
        "article_key": pl.Int64(),
        "metric_key": pl.Int64(),
        "value": pl.Float64(),
        "unit": pl.String(),
        "qualifier": pl.String(),
        "region_key": pl.Int64(),
        "site_key": pl.Int64(),
        "act_key": pl.Int64(),
        "subject": pl.String(),
        "sentence": pl.String(),
        "char_start": pl.Int32(),
        "char_end": pl.Int32(),
    },
    "fact_person_role": {
        "article_key": pl.Int64(),
        "entity_key": pl.Int64(),
        "role": pl.String(),
        "role_code": pl.String(),
        "organisation_key": pl.Int64(),
        "organisation": pl.String(),
        "role_normalised": pl.String(),
        "region_key": pl.Int64(),
    },
    "fact_relation": {
        "relation_key": pl.Int64(),
        "relation_id": pl.Int64(),
        "article_key": pl.Int64(),
        "relation": pl.String(),
        "subject_entity_key": pl.Int64(),
        "subject_site_key": pl.Int64(),
        "object_entity_key": pl.Int64(),
        "object_site_key": pl.Int64(),
        "object_region_key": pl.Int64(),
        "object_country": pl.String(),
        "figure_key": pl.Int64(),
        "sentence": pl.String(),
        "char_start": pl.Int32(),
        "char_end": pl.Int32(),
        "rule": pl.String(),
    },
    "fact_event": {
        "event_key": pl.Int64(),
        "event_id": pl.Int64(),
        "article_key": pl.Int64(),
        "event_type": pl.String(),
        "event_date": pl.Date(),
        "date_precision": pl.String(),
        "date_text": pl.String(),
        "planned": pl.Boolean(),
        "region_key": pl.Int64(),
        "figure_key": pl.Int64(),
        "sentence": pl.String(),
        "char_start": pl.Int32(),
        "char_end": pl.Int32(),
        "rule": pl.String(),
    },
    "fact_event_participant": {
        "event_key": pl.Int64(),
        "article_key": pl.Int64(),
        "entity_key": pl.Int64(),
        "site_key": pl.Int64(),
        "region_key": pl.Int64(),
        "role": pl.String(),
        "char_start": pl.Int32(),
        "char_end": pl.Int32(),
    },
}

FRAMES: dict[str, dict[str, pl.DataType]] = {**DIMENSIONS, **FACTS}


class FrameContractError(ValueError):
    """A frame handed to the warehouse does not match its contract."""


def empty_frame(name: str) -> pl.DataFrame:
    return pl.DataFrame(schema=FRAMES[name])


def conform(name: str, frame: pl.DataFrame) -> pl.DataFrame:
    """The frame with exactly the contracted columns, in order, cast to the contracted dtypes."""
    if name not in FRAMES:
        raise FrameContractError(f"unknown frame {name!r}; expected one of {sorted(FRAMES)}")
    schema = FRAMES[name]
    missing = [c for c in schema if c not in frame.columns]
    extra = [c for c in frame.columns if c not in schema]
    if missing or extra:
        raise FrameContractError(f"{name}: missing columns {missing}, unknown columns {extra}")
    try:
        return frame.select(pl.col(c).cast(dtype, strict=True) for c, dtype in schema.items())
    except pl.exceptions.PolarsError as exc:
        raise FrameContractError(f"{name}: a value does not fit its column type: {exc}") from exc


def latest_per_key(name: str, frame: pl.DataFrame) -> pl.DataFrame:
    """One row per key of a dimension frame: for each column its last non-null value."""
    key = next(iter(DIMENSIONS[name]))
    rest = [c for c in frame.columns if c != key]
    return frame.group_by(key, maintain_order=True).agg(pl.col(c).drop_nulls().last() for c in rest)
