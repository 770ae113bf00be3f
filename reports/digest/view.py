"""What every rendering of a digest shares: the list, the period it covers, its items grouped by kind,
and where an item's offline article page is."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any


@dataclass(frozen=True)
class Group:
    kind: str
    label: str
    items: Sequence[Mapping[str, Any]]


@dataclass(frozen=True)
class DigestView:
    """One list's digest. `period` says in words what it covers; `as_of` is when the last run it covers
    finished (no clock is read: the same run gives the same files). `article_dir` is the folder of the
    offline article pages relative to the digest's folder, e.g. ../../report/article."""

    list_name: str
    heading: str
    period: str
    as_of: datetime | None
    groups: Sequence[Group]
    article_dir: str
    recipients: Sequence[str] = ()
    feed_items: Sequence[Mapping[str, Any]] = field(default_factory=tuple)

    @property
    def total(self) -> int:
        return sum(len(group.items) for group in self.groups)

    def article_href(self, item: Mapping[str, Any]) -> str | None:
        key = item.get("article_key")
        return f"{self.article_dir}/{key}.html" if key is not None else None


def utc(moment: datetime | None) -> datetime:
    """A stored (naive UTC) time as an aware one; the epoch for none."""
    if moment is None:
        return datetime(1970, 1, 1, tzinfo=UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
