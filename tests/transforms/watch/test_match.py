"""Which items a list follows: kinds narrow, each thing named lets an item in, names match as words in
any case, and a list naming nothing follows everything of its kinds."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from transforms.watch.match import followed, matches


@dataclass
class Follows:
    regions: list[str] = field(default_factory=list)
    sites: list[str] = field(default_factory=list)
    companies: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    investor_countries: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)


ITEM: dict[str, Any] = {
    "item_key": "relation:1",
    "kind": "foreign_investor",
    "title": "Samsung Electronics → Kaluga",
    "sentence": "Особая экономическая зона «Калуга» примет фармацевтический завод.",
    "article_title": "New resident",
    "regions": ["RU-KLU"],
    "sites": ["Kaluga SEZ"],
    "site_keys": [8496245503121407461],
    "companies": ["Samsung Electronics", "Самсунг Электроникс"],
    "people": [],
    "countries": ["KR"],
}


@pytest.mark.parametrize(
    "follows",
    [
        Follows(),
        Follows(regions=["RU-KLU"]),
        Follows(regions=["RU-OMS"], sites=["kaluga sez"]),
        Follows(sites=["8496245503121407461"]),
        Follows(companies=["samsung"]),
        Follows(companies=["Самсунг"]),
        Follows(investor_countries=["DE", "KR"]),
        Follows(keywords=["фарм"]),
        Follows(keywords=["экономическая   зона"]),
        Follows(kinds=["foreign_investor", "event"], regions=["RU-KLU"]),
    ],
)
def test_followed(follows: Follows) -> None:
    assert matches(ITEM, follows)


@pytest.mark.parametrize(
    "follows",
    [
        Follows(kinds=["event"]),
        Follows(kinds=["event"], regions=["RU-KLU"]),
        Follows(regions=["RU-OMS"]),
        Follows(sites=["Vorsino"]),
        Follows(sites=["123"]),
        Follows(companies=["sung"]),  # only at the start of a word
        Follows(people=["Samsung"]),
        Follows(investor_countries=["DE"]),
        Follows(keywords=["армацевт"]),
    ],
)
def test_not_followed(follows: Follows) -> None:
    assert not matches(ITEM, follows)


def test_followed_keeps_the_order() -> None:
    other = {**ITEM, "item_key": "event:2", "kind": "event", "regions": ["RU-OMS"]}
    assert followed([other, ITEM, other], Follows(regions=["RU-OMS"])) == [other, other]
