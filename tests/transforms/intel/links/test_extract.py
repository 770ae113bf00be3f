"""Whatever the text, the rules end: offsets inside it, codes from the lists, nothing linked to itself."""

from __future__ import annotations

import random

from transforms.intel.links.extract import links
from transforms.intel.links.records import EVENT_TYPES, RELATIONS, ROLES

PIECES = (
    "Kaluga SEZ", "ОЭЗ «Алабуга»", "resident of the", "резидентом", "German", "немецкая компания",
    "Knauf LLC", "ООО «Ромашка»", "Danone", "(", ")", "«", "»", "“", ";", ":", ",", " – ", ". ",
    "signed an agreement",
    "подписали соглашение", "On July 3", "в мае 2014 года", "the region", "the zone", "этой территории",
    "Governor", "губернатор", "Mikhail Labudin", "Moscow", "in", "в", "and", "и", "includes", "houses",
    "based in", "launched its plant", "открыл завод", "visited", "forum", "0", "1 042", "\n", "  ", "\u00a0",
    "www.", "№ 779", "St.", "Vorsino industrial park", "Omsk Region", "for inclusion in the register",
)  # fmt: skip


def _texts(count: int, seed: int = 15) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(PIECES) + rng.choice(("", " ")) for _ in range(rng.randint(0, 60)))
        for _ in range(count)
    ]


def test_random_texts_give_well_formed_links_or_none() -> None:
    for text in _texts(80):
        relations, events = links(text, "ru" if "а" in text else "en")
        for relation in relations:
            assert relation.relation in RELATIONS
            assert 0 <= relation.start < relation.end <= len(text)
            assert relation.obj is None or (relation.obj.kind, relation.obj.key) != (
                relation.subject.kind,
                relation.subject.key,
            )
            assert (relation.obj is None) == (relation.country is not None)
        for event in events:
            assert event.event_type in EVENT_TYPES
            assert 0 <= event.start < event.end <= len(text)
            assert all(role in ROLES for _, role in event.participants)
            assert (event.date.value is None) == (event.date.precision is None)


def test_empty_and_blank_texts() -> None:
    assert links("", "en") == ([], [])
    assert links("   \n", "ru") == ([], [])
