"""Pre-load reference checks on fact frames: every key must resolve to a dimension row of the batch or
one already in the warehouse. A fact row pointing to a missing row is held back with the reason."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Mapping

import polars as pl

from expectations.runner import HELD_BACK_SCHEMA, CheckResult, Validation

SUITE = "foreign_keys"
# fact table -> {column: referenced table}; the referenced key column has the same name
REFERENCES: dict[str, dict[str, str]] = {
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
RECORD_KEYS = {"fact_figure": "figure_key", "fact_mention": "article_key"}
SUBJECT_KEYS = ("entity_key", "site_key", "region_key", "act_key")
ONE_SUBJECT = "exactly one of entity_key, site_key, region_key, act_key"


def _valid_keys(
    column: str, ref: str, dims: Mapping[str, pl.DataFrame], known: Mapping[str, Iterable[int]]
) -> pl.Series:
    batch = dims[ref].get_column(column).drop_nulls() if ref in dims and column in dims[ref].columns else None
    parts = [pl.Series(column, list(known.get(ref, ())), dtype=pl.Int64)]
    if batch is not None:
        parts.append(batch.cast(pl.Int64))
    return pl.concat(parts).unique()


def _failing_masks(fact: pl.DataFrame, table: str, dims: Mapping, known: Mapping) -> dict[str, pl.Series]:
    masks = {}
    for column, ref in REFERENCES[table].items():
        if column in fact.columns:
            valid = _valid_keys(column, ref, dims, known)
            values = fact.get_column(column).cast(pl.Int64)
            masks[f"{table}.{column} -> {ref}"] = (values.is_not_null() & ~values.is_in(valid)).fill_null(
                False
            )
    if table == "fact_mention" and all(c in fact.columns for c in SUBJECT_KEYS):
        set_count = fact.select(pl.sum_horizontal(pl.col(SUBJECT_KEYS).is_not_null())).to_series()
        masks[ONE_SUBJECT] = set_count != 1
    return masks


def _held_back(fact: pl.DataFrame, masks: dict[str, pl.Series], key: str) -> tuple[pl.DataFrame, pl.Series]:
    reasons = [[f"failed {name}" for name, mask in masks.items() if mask[i]] for i in range(fact.height)]
    held = pl.Series([bool(r) for r in reasons], dtype=pl.Boolean)
    records = fact.filter(held).to_dicts()
    frame = pl.DataFrame(
        {
            "record_key": [str(r.get(key)) for r in records],
            "reason": ["; ".join(r) for r in reasons if r],
            "record": [json.dumps(r, ensure_ascii=False, default=str) for r in records],
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
    """Hold back the rows of `fact` (fact_figure or fact_mention) whose keys resolve neither to the batch's
    frames in `dims` (keyed by table name: dim_metric, dim_region, dim_site, dim_legal_act, dim_entity,
    and fact_article for article_key) nor to `known` (table name -> keys already in the warehouse,
    see warehouse.quality.existing_keys). NULL keys are allowed; fact_mention needs exactly one subject."""
    started, name = time.perf_counter(), batch or table
    masks = _failing_masks(fact, table, dims, known or {})
    held, held_mask = _held_back(fact, masks, RECORD_KEYS[table])
    results = [
        CheckResult(SUITE, check, "critical", not mask.any(), int(mask.sum()), fact.height, name, "row")
        for check, mask in masks.items()
    ]
    seconds = time.perf_counter() - started
    return Validation(fact.filter(~held_mask), held, results, SUITE, name, seconds)
