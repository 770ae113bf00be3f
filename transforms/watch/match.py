"""Which items a watchlist follows: its kinds narrow, and the things it names (regions, sites,
companies, people, investor countries, keywords) each let an item in; a list that names nothing
follows every item of its kinds."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, Protocol


class Followed(Protocol):
    """What a watchlist follows (config.watch.WatchList has these fields, regions and countries as codes)."""

    regions: list[str]
    sites: list[str]
    companies: list[str]
    people: list[str]
    investor_countries: list[str]
    kinds: list[str]
    keywords: list[str]


def _words(phrase: str) -> re.Pattern[str]:
    """The phrase at the start of a word, in any case: "фарм" finds "фармацевтический", "Kaluga" finds
    "Kaluga's", and "ai" does not find "Chairman"."""
    return re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, phrase.split())), re.IGNORECASE)


def names_any(wanted: Iterable[str], names: Iterable[str]) -> bool:
    """Whether one of the wanted names is in one of the names (as words, in any case)."""
    names = list(names)
    return any(_words(w).search(name) for w in wanted for name in names)


def _sites(wanted: Iterable[str], item: Mapping[str, Any]) -> bool:
    wanted = list(wanted)
    keys = {str(k) for k in item.get("site_keys") or ()}
    if any(w in keys for w in wanted):
        return True
    return names_any([w for w in wanted if not w.isdigit()], item.get("sites") or ())


def _text(item: Mapping[str, Any]) -> list[str]:
    return [str(item.get(field) or "") for field in ("title", "sentence", "article_title")]


def matches(item: Mapping[str, Any], follows: Followed) -> bool:
    """Whether the list follows the item."""
    if follows.kinds and item["kind"] not in follows.kinds:
        return False
    tests = (
        (follows.regions, lambda: bool(set(follows.regions) & set(item.get("regions") or ()))),
        (follows.sites, lambda: _sites(follows.sites, item)),
        (follows.companies, lambda: names_any(follows.companies, item.get("companies") or ())),
        (follows.people, lambda: names_any(follows.people, item.get("people") or ())),
        (
            follows.investor_countries,
            lambda: bool(set(follows.investor_countries) & set(item.get("countries") or ())),
        ),
        (follows.keywords, lambda: names_any(follows.keywords, _text(item))),
    )
    named = [test for wanted, test in tests if wanted]
    return not named or any(test() for test in named)


def followed(items: Iterable[Mapping[str, Any]], follows: Followed) -> list[Mapping[str, Any]]:
    """The items the list follows, in their order."""
    return [item for item in items if matches(item, follows)]
