"""A digest's shape, kept pure: items grouped by kind in a fixed order, and the JSON summary a webhook
receives."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from transforms.watch.kinds import KIND_LABELS, KINDS, kind_rank

SUMMARY_ITEMS = 20  # items listed in a webhook's JSON; the count covers them all


@dataclass(frozen=True)
class Group:
    kind: str
    label: str
    items: list[Mapping[str, Any]] = field(default_factory=list)


def item_order(item: Mapping[str, Any]) -> tuple[Any, ...]:
    """Kind, then the newest article first (undated last), then the title and the key."""
    published = str(item.get("published_date") or "")
    return (
        kind_rank(item["kind"]),
        published == "",
        _descending(published),
        item.get("title") or "",
        item["item_key"],
    )


def _descending(text: str) -> tuple[int, ...]:
    return tuple(-ord(char) for char in text)


def grouped(items: Iterable[Mapping[str, Any]]) -> list[Group]:
    """The items by kind, kinds in digest order, each group in item_order; kinds without items left out."""
    groups: dict[str, Group] = {}
    for item in sorted(items, key=item_order):
        kind = item["kind"]
        if kind not in groups:
            groups[kind] = Group(kind, KIND_LABELS.get(kind, kind.replace("_", " ")))
        groups[kind].items.append(item)
    return [groups[k] for k in sorted(groups, key=kind_rank)]


def counts_by_kind(items: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    counts = {kind: sum(1 for item in items if item["kind"] == kind) for kind in KINDS}
    return {kind: n for kind, n in counts.items() if n}


def summary(
    list_name: str,
    heading: str,
    recipients: Sequence[str],
    period: Mapping[str, Any],
    items: Sequence[Mapping[str, Any]],
    files: Mapping[str, str],
) -> dict[str, Any]:
    """The JSON a list's webhook receives: the list, the period, the count by kind, the first items and
    where the digest's files are."""
    ordered = sorted(items, key=item_order)
    return {
        "list": list_name,
        "title": heading,
        "recipients": list(recipients),
        **dict(period),
        "items": len(ordered),
        "by_kind": counts_by_kind(ordered),
        "top": [_brief(item) for item in ordered[:SUMMARY_ITEMS]],
        "files": dict(files),
    }


def _brief(item: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "id": item["item_key"],
        "kind": item["kind"],
        "change": bool(item.get("change")),
        "title": item.get("title"),
        "sentence": item.get("sentence"),
        "url": item.get("url"),
        "article_key": item.get("article_key"),
    }
