"""What is new: a fact's key not seen before, once per key whatever the number of articles stating it,
and a known person or measure with a new value marked as a change."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from transforms.watch.novelty import new_items


def _candidate(key: str, subject: str | None = None, kind: str = "event", **extra: Any) -> dict[str, Any]:
    return {
        "item_key": key,
        "subject_key": subject or key,
        "kind": kind,
        "title": key,
        "sentence": extra.pop("sentence", f"{key} happened."),
        "article_key": extra.pop("article_key", 1),
        "published_date": extra.pop("published_date", None),
        "position": extra.pop("position", 0),
        "regions": extra.pop("regions", ["RU-KLU", None, "RU-KLU"]),
        **extra,
    }


def test_only_keys_not_seen_before_are_new() -> None:
    found = new_items([_candidate("event:1"), _candidate("event:2")], {"event:1"}, {"event:1"})
    assert [item["item_key"] for item in found] == ["event:2"]
    assert found[0]["regions"] == ["RU-KLU"] and found[0]["change"] is False


def test_one_item_per_key_told_with_the_earliest_article_whatever_the_order() -> None:
    stated = [
        _candidate("relation:7", article_key=30, published_date=date(2024, 5, 1), sentence="later"),
        _candidate("relation:7", article_key=20, published_date=None, sentence="undated"),
        _candidate("relation:7", article_key=40, published_date=date(2023, 1, 9), sentence="earliest"),
    ]
    for _ in range(5):
        random.shuffle(stated)
        (item,) = new_items(stated, set(), set())
        assert item["sentence"] == "earliest" and item["article_key"] == 40


def test_a_new_role_for_a_known_person_is_a_change_and_a_new_person_is_not() -> None:
    candidates = [
        _candidate("role:5:governor:kaluga", "person:5", kind="person_role"),
        _candidate("role:9:minister:", "person:9", kind="person_role"),
        _candidate(
            "measure:subsidy:RUB:1::2:450000000.0", "measure:subsidy:RUB:1::2", kind="support_measure"
        ),
    ]
    known_items = {"role:5:deputy_governor:kaluga", "measure:subsidy:RUB:1::2:900000000.0"}
    known_subjects = {"person:5", "measure:subsidy:RUB:1::2"}
    found = {item["item_key"]: item["change"] for item in new_items(candidates, known_items, known_subjects)}
    assert found == {
        "role:5:governor:kaluga": True,
        "role:9:minister:": False,
        "measure:subsidy:RUB:1::2:450000000.0": True,
    }


def test_items_come_in_digest_order_and_the_same_input_gives_the_same_items() -> None:
    candidates = [
        _candidate("event:3"),
        _candidate("site:1", kind="new_site"),
        _candidate("act:2", kind="legal_act"),
    ]
    found = new_items(candidates, set(), set())
    assert [item["kind"] for item in found] == ["new_site", "legal_act", "event"]
    assert new_items(list(reversed(candidates)), set(), set()) == found


def test_a_fact_kept_as_an_offset_gets_the_sentence_around_it() -> None:
    window = "First sentence here. The Vorsino park opened. Last one."
    offset = window.index("Vorsino")
    (item,) = new_items(
        [_candidate("site:4", sentence=None, window=window, window_offset=offset)], set(), set()
    )
    assert item["sentence"] == "The Vorsino park opened."
    assert "window" not in item and "position" not in item
