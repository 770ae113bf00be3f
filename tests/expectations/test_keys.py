"""Pre-load references: a fact whose key is neither in the batch's dims nor in the warehouse is held back."""

from __future__ import annotations

import json

import polars as pl

from expectations.keys import check_references

FIGURES = pl.DataFrame(
    {
        "figure_key": [1, 2, 3, 4],
        "article_key": [10, 10, 11, 10],
        "metric_key": [51, 99, 51, 52],
        "value": [9e8, 5.0, 3.0, 1.0],
        "region_key": [40, None, 40, 77],
        "site_key": [None, None, None, None],
        "act_key": [None, None, None, None],
    },
    schema_overrides={"site_key": pl.Int64, "act_key": pl.Int64},
)
DIMS = {
    "dim_metric": pl.DataFrame({"metric_key": [51], "metric_code": ["money"]}),
    "dim_region": pl.DataFrame({"region_key": [40]}),
    "fact_article": pl.DataFrame({"article_key": [10]}),
}


def _reasons(validation) -> dict[str, str]:
    return dict(zip(validation.held_back["record_key"], validation.held_back["reason"], strict=True))


def test_fact_pointing_to_a_missing_dim_is_held_back_with_the_reason() -> None:
    known = {"dim_metric": {52}, "fact_article": {11}}
    result = check_references(FIGURES, "fact_figure", DIMS, known)
    assert result.passed["figure_key"].to_list() == [1, 3]
    reasons = _reasons(result)
    assert reasons == {
        "2": "failed fact_figure.metric_key -> dim_metric",
        "4": "failed fact_figure.region_key -> dim_region",
    }
    assert json.loads(result.held_back["record"][0])["metric_key"] == 99
    assert set(result.held_back["stage"]) == {"foreign_keys"}
    metric = next(r for r in result.results if r.expectation == "fact_figure.metric_key -> dim_metric")
    assert (metric.success, metric.unexpected_count, metric.element_count) == (False, 1, 4)


def test_without_the_warehouse_keys_more_rows_are_held() -> None:
    result = check_references(FIGURES, "fact_figure", DIMS)
    assert result.passed["figure_key"].to_list() == [1]
    assert _reasons(result)["3"] == "failed fact_figure.article_key -> fact_article"


def test_mentions_need_exactly_one_subject() -> None:
    mentions = pl.DataFrame(
        {
            "article_key": [10, 10, 10],
            "entity_key": [21, None, 21],
            "site_key": [None, None, 31],
            "region_key": [None, None, None],
            "act_key": [None, None, None],
            "mention_count": [1, 1, 1],
        },
        schema_overrides={"region_key": pl.Int64, "act_key": pl.Int64, "site_key": pl.Int64},
    )
    dims = {"dim_entity": pl.DataFrame({"entity_key": [21]}), "dim_site": pl.DataFrame({"site_key": [31]})}
    result = check_references(mentions, "fact_mention", dims, {"fact_article": [10]})
    assert result.passed.height == 1
    assert (
        result.held_back["reason"].to_list()
        == ["failed exactly one of entity_key, site_key, region_key, act_key"] * 2
    )


def test_relations_need_one_subject_one_object_no_self_and_known_keys() -> None:
    relations = pl.DataFrame(
        {
            "relation_key": [1, 2, 3, 4, 5, 6],
            "article_key": [10, 10, 10, 10, 10, 10],
            "subject_entity_key": [21, 21, 21, 21, None, 21],
            "subject_site_key": [None, None, None, 31, None, None],
            "object_entity_key": [None, 21, 22, None, None, None],
            "object_site_key": [31, None, 31, 31, 31, None],
            "object_region_key": [None, None, None, None, None, None],
            "object_country": [None, None, None, None, None, "ZZ"],
            "figure_key": [100, None, None, None, None, None],
        },
        schema_overrides={"object_region_key": pl.Int64, "object_country": pl.String},
    )
    dims = {
        "dim_entity": pl.DataFrame({"entity_key": [21, 22]}),
        "dim_site": pl.DataFrame({"site_key": [31]}),
        "dim_region": pl.DataFrame({"region_key": [40], "iso_code": ["DE"]}),
        "fact_article": pl.DataFrame({"article_key": [10]}),
        "fact_figure": pl.DataFrame({"figure_key": [100]}),
    }
    result = check_references(relations, "fact_relation", dims)
    assert result.passed["relation_key"].to_list() == [1]
    assert _reasons(result) == {
        "2": "failed no relation from a thing to itself",
        "3": "failed exactly one object",
        "4": "failed exactly one subject; failed no relation from a thing to itself",
        "5": "failed exactly one subject",
        "6": "failed fact_relation.object_country -> dim_region.iso_code",
    }


def test_a_participant_of_an_event_held_back_is_held_back_too() -> None:
    participants = pl.DataFrame(
        {"event_key": [1, 2, 1], "article_key": [10, 10, 10], "entity_key": [21, 21, 21],
         "site_key": [None, None, 31], "region_key": [None, None, None]},
        schema_overrides={"site_key": pl.Int64, "region_key": pl.Int64},
    )  # fmt: skip
    dims = {
        "fact_event": pl.DataFrame({"event_key": [1]}),
        "dim_entity": pl.DataFrame({"entity_key": [21]}),
        "dim_site": pl.DataFrame({"site_key": [31]}),
        "fact_article": pl.DataFrame({"article_key": [10]}),
    }
    result = check_references(participants, "fact_event_participant", dims)
    assert result.passed.height == 1
    assert sorted(result.held_back["reason"].to_list()) == [
        "failed exactly one participant key",
        "failed fact_event_participant.event_key -> fact_event",
    ]
