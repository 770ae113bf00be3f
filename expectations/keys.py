"""Pre-load reference checks on fact frames: every key must resolve to a dimension row of the batch or
one already in the warehouse. A fact row pointing to a missing row is held back with the reason."""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping

import polars as pl

from expectations.runner import HELD_BACK_SCHEMA, CheckResult, Validation
from transforms.held import record_json

SUITE = "foreign_keys"
# fact table -> {column: referenced table, or (referenced table, its column) when the names differ}
REFERENCES: dict[str, dict[str, str | tuple[str, str]]] = {
    "fact_figure": {
        "article_key": "fact_article",
        "metric_key": "dim_metric",
        "region_key": "dim_region",
        "site_key": "dim_site",
        "act_key": "dim_legal_act",
    },
    "fact_mention": {
        "article_key": "fact_article",
        "entity_key": "dim_entity",
        "site_key": "dim_site",
        "region_key": "dim_region",
        "act_key": "dim_legal_act",
    },
}
REFERENCES |= {
    "fact_relation": {
        "article_key": "fact_article",
        "subject_entity_key": ("dim_entity", "entity_key"),
        "subject_site_key": ("dim_site", "site_key"),
        "object_entity_key": ("dim_entity", "entity_key"),
        "object_site_key": ("dim_site", "site_key"),
        "object_region_key": ("dim_region", "region_key"),
        "object_country": ("dim_region", "iso_code"),
        "figure_key": "fact_figure",
    },
    "fact_event": {"article_key": "fact_article", "region_key": "dim_region", "figure_key": "fact_figure"},
    "fact_event_participant": {
        "event_key": "fact_event",
        "article_key": "fact_article",
        "entity_key": "dim_entity",
        "site_key": "dim_site",
        "region_key": "dim_region",
    },
}
RECORD_KEYS = {
    "fact_figure": "figure_key",
    "fact_mention": "article_key",
    "fact_relation": "relation_key",
    "fact_event": "event_key",
    "fact_event_participant": "event_key",
}
SUBJECT_KEYS = ("entity_key", "site_key", "region_key", "act_key")
ONE_SUBJECT = "exactly one of entity_key, site_key, region_key, act_key"
# (table, check name, columns of which exactly one is set)
EXACTLY_ONE = (
    ("fact_mention", ONE_SUBJECT, SUBJECT_KEYS),
    ("fact_relation", "exactly one subject", ("subject_entity_key", "subject_site_key")),
    (
        "fact_relation",
        "exactly one object",
        ("object_entity_key", "object_site_key", "object_region_key", "object_country"),
    ),
    ("fact_event_participant", "exactly one participant key", ("entity_key", "site_key", "region_key")),
)
SELF_PAIRS = (("subject_entity_key", "object_entity_key"), ("subject_site_key", "object_site_key"))
# the key column of each table the warehouse reports existing keys for (warehouse.quality.existing_keys)
KNOWN_KEY = {"fact_article": "article_key", "dim_metric": "metric_key", "dim_region": "region_key",
             "dim_site": "site_key", "dim_legal_act": "act_key", "dim_entity": "entity_key"}  # fmt: skip


def _valid_keys(
    column: str, ref: str | tuple[str, str], dims: Mapping[str, pl.DataFrame], known: Mapping[str, Iterable]
) -> pl.Series:
    table, ref_column = (ref, column) if isinstance(ref, str) else ref
    frame = dims.get(table)
    batch = (
        frame.get_column(ref_column).drop_nulls()
        if frame is not None and ref_column in frame.columns
        else None
    )
    stored = list(known.get(table, ())) if KNOWN_KEY.get(table) == ref_column else []
    dtype = batch.dtype if batch is not None else (pl.String if not ref_column.endswith("_key") else pl.Int64)
    parts = [pl.Series(ref_column, stored, dtype=dtype)]
    if batch is not None:
        parts.append(batch.cast(dtype))
    return pl.concat(parts).unique()


def _failing_masks(fact: pl.DataFrame, table: str, dims: Mapping, known: Mapping) -> dict[str, pl.Series]:
    masks = {}
    for column, ref in REFERENCES[table].items():
        if column in fact.columns:
            valid = _valid_keys(column, ref, dims, known)
            values = fact.get_column(column).cast(valid.dtype)
            target = ref if isinstance(ref, str) else ".".join(ref)
            masks[f"{table}.{column} -> {target}"] = (values.is_not_null() & ~values.is_in(valid)).fill_null(
                False
            )
    masks |= _shape_masks(fact, table)
    return masks


def _shape_masks(fact: pl.DataFrame, table: str) -> dict[str, pl.Series]:
    """Exactly one subject, object or participant key set; no relation from a thing to itself."""
    masks = {}
    for name, columns in ((n, c) for t, n, c in EXACTLY_ONE if t == table):
        if all(c in fact.columns for c in columns):
            masks[name] = fact.select(pl.sum_horizontal(pl.col(columns).is_not_null())).to_series() != 1
    if table == "fact_relation" and all(c in fact.columns for pair in SELF_PAIRS for c in pair):
        same = [(pl.col(a) == pl.col(b)).fill_null(False) for a, b in SELF_PAIRS]
        masks["no relation from a thing to itself"] = fact.select(pl.any_horizontal(same)).to_series()
    return masks


def _held_back(fact: pl.DataFrame, masks: dict[str, pl.Series], key: str) -> tuple[pl.DataFrame, pl.Series]:
    reasons = [[f"failed {name}" for name, mask in masks.items() if mask[i]] for i in range(fact.height)]
    held = pl.Series([bool(r) for r in reasons], dtype=pl.Boolean)
    records = fact.filter(held).to_dicts()
    frame = pl.DataFrame(
        {
            "record_key": [str(r.get(key)) for r in records],
            "reason": ["; ".join(r) for r in reasons if r],
            "record": [record_json(r) for r in records],
            "stage": [SUITE] * len(records),
        },
        schema=HELD_BACK_SCHEMA,
    )
    return frame, held


def check_references(
    fact: pl.DataFrame,
    table: str,
    dims: Mapping[str, pl.DataFrame],
    known: Mapping[str, Iterable[int]] | None = None,
    *,
    batch: str = "",
) -> Validation:
    """Hold back the rows of `fact` (a table of REFERENCES) whose keys resolve neither to the batch's
    frames in `dims` (keyed by table name: dim_metric, dim_region, dim_site, dim_legal_act, dim_entity,
    fact_article for article_key, fact_figure and fact_event for the rows that passed their gates) nor
    to `known` (table name -> keys already in the warehouse, see warehouse.quality.existing_keys). NULL
    keys are allowed; fact_mention needs exactly one subject, fact_relation one subject and one object
    and no relation from a thing to itself, fact_event_participant one participant key."""
    started, name = time.perf_counter(), batch or table
    masks = _failing_masks(fact, table, dims, known or {})
    held, held_mask = _held_back(fact, masks, RECORD_KEYS[table])
    results = [
        CheckResult(SUITE, check, "critical", not mask.any(), int(mask.sum()), fact.height, name, "row")
        for check, mask in masks.items()
    ]
    seconds = time.perf_counter() - started
    return Validation(fact.filter(~held_mask), held, results, SUITE, name, seconds)
