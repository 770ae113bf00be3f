"""Slots a rule can fill: the named mentions of a sentence, and the words that point back at one named
earlier — "the special economic zone", "this territory", "the region", "the Association", «регион»."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from transforms.intel.links.records import Relation
from transforms.intel.links.text import Sentence
from transforms.intel.mentions import Mention

LOOKBACK = 600  # characters: an antecedent is named in this sentence or the one or two before it
SITE_WORDS: dict[str, str] = {
    r"(?:special\s+economic\s+)?zone|SEZ|особ\w+\s+экономическ\w+\s+зон\w*|ОЭЗ": "sez",
    r"(?:industrial\s+)?park|(?:индустриальн|промышленн)\w+\s+парк\w*|промпарк\w*": "industrial_park",
    r"technopark|технопарк\w*": "technopark",
    r"(?:industrial\s+)?cluster|кластер\w*": "cluster",
}
_POINTER = r"(?:the|this|that|этой|этом|этого|данной|данном|данного|эта|этот)"
_SITE = re.compile(
    rf"(?i)\b(?:{_POINTER}\s+(?P<word>{'|'.join(SITE_WORDS)})|(?P<territory>(?:этой|данной)\s+территории|"
    rf"this\s+territory))\b"
)
_BARE_SEZ = re.compile(r"\b(?:в|на\s+территории)\s+(?P<word>ОЭЗ)\b(?!\s*[«\"“]|\s+[А-ЯA-Z])")
_REGION = re.compile(
    r"(?i)\b(?:the\s+region(?:['’]s)?|(?:в\s+)?регион(?:е|а|у|ом)?|(?:в\s+)?(?:этой|данной)\s+области)\b"
)
_ASSOCIATION = re.compile(r"\b(?:the\s+Association|Ассоциаци[яиюей])\b(?!\s+[A-ZА-Я])")


@dataclass(frozen=True)
class Slot:
    """A mention a rule may use, and where this sentence writes it (its name, or a word pointing at it)."""

    mention: Mention
    start: int
    end: int
    pointer: bool = False  # written as "the zone", "the region" …


def link(kind: str, subject: Mention, slot: Slot, rule: str, start: int, end: int) -> Relation:
    """A relation from subject to what the slot names; the evidence spans start..end, the subject and
    the slot; the rule ends in "+pointer" when the slot is a word pointing back ("the zone")."""
    suffix = "+pointer" if slot.pointer else ""
    span = (min(start, subject.start, slot.start), max(end, subject.end, slot.end))
    return Relation(kind, subject, slot.mention, None, span[0], span[1], f"{kind}:{rule}{suffix}")


def _named(mentions: list[Mention]) -> list[Slot]:
    return [Slot(m, m.start, m.end) for m in mentions]


def _antecedent(candidates: list[Mention], offset: int, accept) -> Mention | None:
    starts = [m.start for m in candidates]
    for mention in reversed(candidates[: bisect_left(starts, offset)]):
        if offset - mention.end > LOOKBACK:
            return None
        if accept(mention):
            return mention
    return None


def _inside(mentions: tuple[Mention, ...], start: int, end: int) -> bool:
    return any(m.start <= start and end <= m.end for m in mentions)


def site_slots(text: str, sentence: Sentence, sites: list[Mention]) -> list[Slot]:
    """The sentence's named sites, and 'the zone' / 'этой территории' resolved to the last site named
    before it (of the same kind, unless the words name no kind)."""
    slots = _named(list(sentence.of("site")))
    for pattern in (_SITE, _BARE_SEZ):
        for match in pattern.finditer(text, sentence.start, sentence.end):
            if _inside(sentence.mentions, match.start(), match.end()):
                continue
            kind = _site_kind(match.groupdict().get("word"))
            found = _antecedent(
                sites, match.start(), lambda m, k=kind: k is None or m.attrs["site_type"] == k
            )
            if found is not None:
                slots.append(Slot(found, match.start(), match.end(), pointer=True))
    return sorted(slots, key=lambda s: s.start)


def _site_kind(word: str | None) -> str | None:
    if not word:
        return None
    return next((kind for pattern, kind in SITE_WORDS.items() if re.fullmatch(f"(?i){pattern}", word)), None)


def region_slots(text: str, sentence: Sentence, regions: list[Mention]) -> list[Slot]:
    """The sentence's Russian regions, and 'the region' / «в регионе» resolved to the last one named."""
    russian = [m for m in regions if m.attrs["iso"].startswith("RU-")]
    slots = _named([m for m in sentence.of("region") if m.attrs["iso"].startswith("RU-")])
    for match in _REGION.finditer(text, sentence.start, sentence.end):
        if _inside(sentence.mentions, match.start(), match.end()):
            continue
        found = _antecedent(russian, match.start(), lambda m: True)
        if found is not None:
            slots.append(Slot(found, match.start(), match.end(), pointer=True))
    return sorted(slots, key=lambda s: s.start)


def organisation_slots(text: str, sentence: Sentence, bodies: list[Mention]) -> list[Slot]:
    """The sentence's organisations, and a bare 'the Association' resolved to the last association named."""
    slots = _named(list(sentence.of("organization", "government_body", "company")))
    for match in _ASSOCIATION.finditer(text, sentence.start, sentence.end):
        if _inside(sentence.mentions, match.start(), match.end()):
            continue
        named = [m for m in bodies if m.end <= match.start()]
        found = next((m for m in reversed(named) if _is_association(m)), None)
        if found is not None:
            slots.append(Slot(found, match.start(), match.end(), pointer=True))
    return sorted(slots, key=lambda s: s.start)


def _is_association(mention: Mention) -> bool:
    names = (mention.canonical, mention.attrs.get("name_en") or "", mention.attrs.get("name_ru") or "")
    return any(name.startswith(("Association", "Ассоциац")) for name in names)
