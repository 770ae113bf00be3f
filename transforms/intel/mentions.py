"""The mention record shared by the entity, site and legal-act extractors, and its identity keys."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from transforms.keys import stable_key


@dataclass
class Mention:
    kind: str  # region, entity, site, act
    entity_type: str  # person, organization, company, government_body, location, region, site, legal_act
    start: int
    end: int
    surface: str
    canonical: str
    key: int
    attrs: dict = field(default_factory=dict)


def region_key(iso: str) -> int:
    return stable_key("region", iso)


def entity_key(entity_type: str, canonical: str) -> int:
    return stable_key("entity", entity_type, canonical)


def site_key(site_type: str, name: str, iso: str | None) -> int:
    return stable_key("site", site_type, name, iso or "")


def act_key(act_type: str, number_or_title: str) -> int:
    return stable_key("act", act_type, number_or_title)


def metric_key(metric_code: str, unit: str) -> int:
    return stable_key("metric", metric_code, unit)


def figure_key(article_key: int, start: int, end: int) -> int:
    return stable_key("figure", str(article_key), str(start), str(end))


def merge(*groups: list[Mention]) -> list[Mention]:
    """Mentions from the groups in priority order; one overlapping an earlier group's mention is dropped."""
    kept: list[Mention] = []
    taken = bytearray(max((m.end for group in groups for m in group), default=0) + 1)
    for group in groups:
        accepted = [m for m in group if not any(taken[m.start : m.end])]
        for mention in accepted:
            taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
        kept += accepted
    return sorted(kept, key=lambda m: (m.start, m.end))


@lru_cache(maxsize=64)
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence (start, end) offsets, razdel's segmentation."""
    from razdel import sentenize

    return tuple((s.start, s.stop) for s in sentenize(text))


def sentence_of(text: str, offset: int) -> tuple[int, int]:
    spans = sentence_spans(text)
    i = bisect_right(spans, (offset, len(text) + 1)) - 1
    if 0 <= i < len(spans) and spans[i][0] <= offset < spans[i][1]:
        return spans[i]
    return 0, len(text)


def nearest(
    mentions: list[Mention], text: str, offset: int, starts: list[int] | None = None, before: bool = False
) -> Mention | None:
    """The mention nearest to offset within its sentence (mentions sorted by start; starts: theirs);
    with before, only the mentions that start before offset."""
    start, end = sentence_of(text, offset)
    starts = starts if starts is not None else [m.start for m in mentions]
    inside = mentions[bisect_left(starts, start) : bisect_left(starts, offset if before else end)]
    return min(inside, key=lambda m: abs(m.start - offset)) if inside else None
