"""Reading a sentence: its mentions, the words between two of them, parentheses, and enumerations
("agricultural companies Grimme, Lemken, Wolf System, and Russian-German venture EcoNiva-Kaluga")."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from transforms.intel.mentions import Mention, sentence_spans

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+(?:[.,]\d+)*")
# words that tie a name to something else: a name after one of them is not an item of a list
LINKING = {
    "at", "in", "on", "of", "by", "for", "with", "from", "to", "into", "onto", "the", "based", "located",
    "situated", "which", "who", "whose", "that", "is", "are", "was", "were", "be", "been", "has", "have",
    "had", "will", "its", "their", "his", "her", "than", "between", "under", "over", "about", "after",
    "в", "во", "на", "с", "со", "по", "из", "от", "для", "при", "под", "над", "о", "об", "к", "у", "за",
    "который", "которая", "которое", "которые", "которого", "которой", "является", "был", "была", "были",
    "будет", "его", "её", "ее", "их", "чем", "между",
}  # fmt: skip
LIST_SPLIT = re.compile(r"\s*(?:[;:,]|\s[-–—]\s|\band\b|\bи\b|\bas well as\b|\bа также\b)\s*")
ARTICLES = {"a", "an", "the"}
_ABBREVIATION = re.compile(r"(?:\b(?:St|Mr|Mrs|Dr|Prof|Gen|No|vs|им|ул)\.)$")
RELATIVE = re.compile(r"(?i)\b(?:who|which|that|котор\w+|являющ\w+)\b")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    mentions: tuple[Mention, ...]  # the mentions inside it, by start

    def of(self, *types: str) -> list[Mention]:
        return [m for m in self.mentions if m.entity_type in types]


def sentences(text: str, mentions: list[Mention]) -> list[Sentence]:
    """razdel's sentences (one that ends in ';', ':' or ',' joined to the next: a list goes on), each
    with the mentions that start inside it."""
    starts = [m.start for m in mentions]
    found = []
    for start, end in _joined(text, sentence_spans(text)):
        inside = mentions[bisect_left(starts, start) : bisect_left(starts, end)]
        found.append(Sentence(start, end, tuple(inside)))
    return found


def _joined(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        previous = text[joined[-1][0] : joined[-1][1]].rstrip() if joined else ""
        if previous[-1:] in (";", ":", ",") or _ABBREVIATION.search(previous):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def skip_quote(text: str, offset: int) -> int:
    """Past the closing quote a name's mention leaves out («Alga», “M Sintez”)."""
    return offset + 1 if text[offset : offset + 1] in ("»", '"', "”", "“", "'") else offset


def words(span: str) -> list[str]:
    return WORD.findall(span)


def masked(text: str) -> str:
    """The text with the inside of every (…) blanked out, offsets kept: a parenthesis is an aside."""
    return re.sub(r"\([^()]*\)", lambda m: "(" + " " * (len(m.group()) - 2) + ")", text)


def bare(gap: str) -> bool:
    """Nothing but spaces, commas and dashes between two words."""
    return not gap.strip(" ,–—-\u00a0")


def descriptive(gap: str, limit: int = 6) -> bool:
    """Only describing words (no verb, preposition or pronoun) and at most `limit` of them:
    'home appliance manufacturer', 'автомобилестроительной компанией'."""
    found = words(gap)
    return (
        len(found) <= limit
        and not any(w.lower() in LINKING for w in found)
        and not re.search(r"[.;:()]", gap)
    )


def list_items(text: str, start: int, end: int, candidates: Iterable[Mention]) -> list[Mention]:
    """The names enumerated between start and end: in each comma-, 'and'- or semicolon-separated item
    (asides in parentheses skipped), the first candidate with only describing words before it. A name
    right after an item like "an investor who is a famous American company," is that item's apposition,
    not a new item."""
    view = masked(text[:end])
    inside = sorted((m for m in candidates if start <= m.start and m.end <= end), key=lambda m: m.start)
    items: list[Mention] = []
    taken, aside = start, False
    for a, b in _item_spans(view, start, end):
        if a < taken:
            continue  # still inside the previous item's name
        first = next((m for m in inside if a <= m.start < b), None)
        if first is not None and _leads(view[a : first.start]) and not aside:
            items.append(first)
            taken = first.end
        aside = first is None and bool(RELATIVE.search(view[a:b])) and view[b : b + 2].lstrip()[:1] == ","
    return items


def _item_spans(view: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, cursor = [], start
    for separator in LIST_SPLIT.finditer(view, start, end):
        spans.append((cursor, separator.start()))
        cursor = separator.end()
    return [*spans, (cursor, end)]


def _leads(prefix: str) -> bool:
    """What may stand before an item's name: an article, a number, describing words."""
    found = [w.lower() for w in words(prefix)]
    return len(found) <= 5 and not any(w in LINKING and w not in ARTICLES for w in found)


def between(mentions: Iterable[Mention], start: int, end: int, *types: str) -> list[Mention]:
    return [
        m for m in mentions if start <= m.start and m.end <= end and (not types or m.entity_type in types)
    ]


FIRMS = ("company", "organization")
BODIES = ("company", "organization", "government_body")


class Article:
    """One text and its mentions, sorted, with the subsets the rules look through."""

    def __init__(self, text: str, mentions: list[Mention]) -> None:
        self.text = text
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self.sentences = sentences(text, self.mentions)
        self.sites = [m for m in self.mentions if m.kind == "site"]
        self.regions = [m for m in self.mentions if m.kind == "region"]
        self.bodies = [m for m in self.mentions if m.entity_type in BODIES]


def clause_of(text: str, sentence: Sentence, offset: int) -> tuple[int, int]:
    """The part of the sentence around offset between semicolons."""
    start = text.rfind(";", sentence.start, offset) + 1 or sentence.start
    end = text.find(";", offset, sentence.end)
    return max(start, sentence.start), end if end != -1 else sentence.end
