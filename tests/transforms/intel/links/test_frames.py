"""The warehouse rows of relations and events: keys shared with the other fact tables, one row per
relation per article, stable across runs."""

from __future__ import annotations

from datetime import date

import polars as pl

from transforms import article_facts, find_mentions
from transforms.intel.figures import figure_records
from transforms.intel.links.frames import link_rows
from transforms.intel.mentions import figure_key

TEXT = (
    "On July 3, 2023 the Kaluga Region and Sanofi signed an agreement on 3 billion rubles. Sanofi will "
    "invest 3 billion rubles in the Kaluga Region. Sanofi will invest 3 billion rubles in the Kaluga Region."
)


def _rows(article_key: int = 7) -> dict[str, list[dict]]:
    mentions = find_mentions(TEXT, "en")
    return link_rows(article_key, TEXT, "en", date(2023, 7, 5), mentions, figure_records(TEXT, "en"))


def test_keys_point_at_the_article_its_mentions_and_its_figures() -> None:
    rows = _rows()
    figures = {figure_key(7, r["start"], r["end"]) for r in figure_records(TEXT, "en")}
    mention_keys = {m.key for m in find_mentions(TEXT, "en")}
    (invests,) = [r for r in rows["fact_relation"] if r["relation"] == "invests_in"]
    assert invests["figure_key"] in figures and invests["subject_entity_key"] in mention_keys
    assert invests["object_region_key"] in mention_keys and invests["article_key"] == 7
    (event,) = rows["fact_event"]
    assert (event["event_type"], event["event_date"], event["date_precision"]) == (
        "agreement_signed", date(2023, 7, 3), "day"
    )  # fmt: skip
    assert event["figure_key"] in figures
    assert {r["event_key"] for r in rows["fact_event_participant"]} == {event["event_key"]}


def test_the_same_relation_twice_in_an_article_is_one_row_and_keys_are_stable() -> None:
    first, second = _rows(), _rows()
    assert len([r for r in first["fact_relation"] if r["relation"] == "invests_in"]) == 1
    assert first == second
    other = _rows(article_key=8)
    assert {r["relation_id"] for r in other["fact_relation"]} == {
        r["relation_id"] for r in first["fact_relation"]
    }
    assert not {r["relation_key"] for r in other["fact_relation"]} & {
        r["relation_key"] for r in first["fact_relation"]
    }


def test_article_facts_carries_the_link_tables_and_a_duplicate_gets_none() -> None:
    articles = pl.DataFrame(
        {"article_key": [1, 2], "text": [TEXT, TEXT], "language": ["en", "en"],
         "published": [date(2023, 7, 5), date(2023, 7, 5)], "duplicate_of": [None, 1]},
        schema_overrides={"duplicate_of": pl.Int64},
    )  # fmt: skip
    facts = article_facts(articles)
    for table in ("fact_relation", "fact_event", "fact_event_participant"):
        assert facts[table].height > 0
        assert set(facts[table]["article_key"]) == {1}
