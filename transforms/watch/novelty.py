"""Which candidate facts are new: the first time a fact's key is seen, or a known subject (a person, a
support measure) with a value it did not have before (a new role, a new amount).

A candidate is one fact as the warehouse holds it now, with its stable `item_key` (the fact whatever
article states it) and its `subject_key` (what may change: the person of a role, the measure of an
amount; the fact itself otherwise). Several articles stating one fact give one item, told with the
first of them in a fixed order, so the same input always gives the same items."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from transforms.watch.kinds import kind_rank
from transforms.watch.sentences import sentence_with

WORKING_FIELDS = ("window", "window_offset", "position", "hint")  # what a candidate carries to be told
LIST_FIELDS = ("regions", "sites", "site_keys", "companies", "people", "countries")


def _order(candidate: Mapping[str, Any]) -> tuple[Any, ...]:
    """Earliest article first (undated last), then the article key and the position in it."""
    published = candidate.get("published_date")
    return (
        published is None,
        str(published or ""),
        candidate.get("article_key") or 0,
        candidate.get("position") or 0,
    )


def _sorted_unique(values: Iterable[Any] | None) -> list[Any]:
    return sorted({v for v in values or () if v is not None and v != ""})


def as_item(candidate: Mapping[str, Any], change: bool) -> dict[str, Any]:
    """The item a candidate becomes: its sentence cut from its window when it has no sentence of its own,
    its lists sorted and without blanks."""
    item = {key: value for key, value in candidate.items() if key not in WORKING_FIELDS}
    if not item.get("sentence") and candidate.get("window"):
        offset = int(candidate.get("window_offset") or 0)
        item["sentence"] = sentence_with(candidate["window"], offset, candidate.get("hint"))
    for field in LIST_FIELDS:
        item[field] = _sorted_unique(candidate.get(field))
    item["change"] = change
    return item


def new_items(
    candidates: Iterable[Mapping[str, Any]], known_items: set[str], known_subjects: set[str]
) -> list[dict[str, Any]]:
    """The candidates whose item_key is not among `known_items`, one per key (the first in article
    order); `change` is true when the item's subject is among `known_subjects` (a known person in a new
    role, a known measure with a new amount). Sorted by kind, then item_key."""
    first: dict[str, Mapping[str, Any]] = {}
    for candidate in candidates:
        key = candidate["item_key"]
        if key in known_items:
            continue
        if key not in first or _order(candidate) < _order(first[key]):
            first[key] = candidate
    items = [
        as_item(c, c["subject_key"] in known_subjects and c["subject_key"] != key) for key, c in first.items()
    ]
    return sorted(items, key=lambda item: (kind_rank(item["kind"]), item["item_key"]))
