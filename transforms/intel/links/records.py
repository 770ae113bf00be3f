"""The relation and event records the rules produce, their codes and their stable keys."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from transforms.intel.mentions import Mention
from transforms.keys import stable_key

RELATIONS = ("resident_of", "from_country", "invests_in", "located_in", "part_of", "head_of", "member_of")
EVENT_TYPES = (
    "meeting", "agreement_signed", "register_application", "register_entry", "subsidy_granted",
    "plant_launch", "visit", "forum", "business_mission",
)  # fmt: skip
DATE_PRECISIONS = ("day", "month", "year", "inferred")
ROLES = (
    "participant", "party", "visitor", "visited", "company", "site", "place", "region", "host", "destination",
    "organiser", "supporter", "registrar", "affiliation",
)  # fmt: skip


@dataclass(frozen=True)
class Relation:
    """One relation stated in one sentence: subject → object (a mention, or a country code)."""

    relation: str
    subject: Mention
    obj: Mention | None
    country: str | None  # ISO 3166-1 alpha-2, for from_country
    start: int  # evidence span: from the first to the last word that states it
    end: int
    rule: str
    figure: tuple[int, int] | None = None  # the amount tied to it (a figure's offsets)

    @property
    def object_id(self) -> str:
        if self.obj is None:
            return f"country:{self.country}"
        return f"{self.obj.kind}:{self.obj.key}"

    @property
    def relation_id(self) -> int:
        """The same relation whichever article states it."""
        subject = f"{self.subject.kind}:{self.subject.key}"
        return stable_key("relation", self.relation, subject, self.object_id)


@dataclass(frozen=True)
class EventDate:
    value: date | None
    precision: str | None  # day, month, year, inferred; None when the date is unknown
    text: str | None  # the date as the sentence writes it


@dataclass
class Event:
    """One event stated in one sentence, with its participants (mention, role)."""

    event_type: str
    start: int  # the words that state it (the trigger)
    end: int
    sentence: tuple[int, int]
    rule: str
    date: EventDate
    planned: bool = False
    participants: list[tuple[Mention, str]] = field(default_factory=list)
    figure: tuple[int, int] | None = None

    def participant_keys(self) -> set[tuple[str, int]]:
        return {(m.kind, m.key) for m, _ in self.participants}

    @property
    def event_id(self) -> int:
        """The same event whichever article reports it: type, date and participants."""
        day = self.date.value.isoformat() if self.date.value else ""
        keys = ",".join(sorted(f"{kind}:{key}" for kind, key in self.participant_keys()))
        return stable_key("event", self.event_type, day, keys)


def unique(relations: list[Relation]) -> list[Relation]:
    """One relation per subject and object: the first one found (rules run in order of reliability)."""
    seen: set[int] = set()
    kept = []
    for relation in relations:
        if relation.relation_id not in seen:
            seen.add(relation.relation_id)
            kept.append(relation)
    return kept
