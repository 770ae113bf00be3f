"""The date of an event as its sentence states it ('On July 3', 'in July 2023', 'в мае 2014 года',
'16-21 мая', 'yesterday'), completed from the article's publication date when the text gives no year
or no date at all (precision 'inferred')."""

from __future__ import annotations

import re
from datetime import date, timedelta

from transforms.extract.date_words import MONTHS
from transforms.extract.dates import PATTERNS
from transforms.intel.links.records import EventDate

_FULL = [m for m in MONTHS if len(m) > 3 or m in ("may", "май", "мая")]  # not the abbreviations
_NAMES = "|".join(sorted((m.capitalize() if m.isascii() else m for m in _FULL), key=len, reverse=True))
_RU_MONTH_IN = (
    r"январ[еья]|феврал[еья]|март[еа]?|апрел[еья]|ма[еяй]|июн[еья]|июл[еья]|август[еа]?|сентябр[еья]|"
    r"октябр[еья]|ноябр[еья]|декабр[еья]"
)
MONTH_YEAR = re.compile(
    rf"(?i)(?<![\w\d])(?P<name>{_NAMES}|{_RU_MONTH_IN})\s+(?P<year>(?:19|20)\d{{2}})(?!\d)"
)
MONTH_ONLY = re.compile(  # English month names capitalised: "in may" is not May
    r"\b(?i:in|в|во)\s+(?P<name>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|"
    r"декабре)\b(?!\s*,?\s*\d)"
)
YEAR = re.compile(r"(?i)\b(?:in|в|во)\s+(?P<year>(?:19|20)\d{2})(?:\s*(?:году|г\.))?(?!\d|\s*[-–—]\s*\d)")
RELATIVE = re.compile(r"(?i)\b(?P<word>today|yesterday|сегодня|вчера)\b")
# a date that belongs to something else: a decree's date, a deadline
_NOT_EVENT = re.compile(r"(?i)(?:\bот|\bof|\bby|\buntil|\bdue|\bдо|\bк|\bпо)\s*$")
_RU_MONTH_STEMS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}  # fmt: skip


def _month(name: str) -> int | None:
    low = name.lower()
    if low in MONTHS:
        return MONTHS[low]
    return next(
        (n for stem, n in sorted(_RU_MONTH_STEMS.items(), key=lambda s: -len(s[0])) if low.startswith(stem)),
        None,
    )


def _candidates(text: str, start: int, end: int) -> list[tuple[int, int, int | None, int | None, int | None]]:
    """(start, end, year, month, day) of every date expression in text[start:end]."""
    found: list[tuple[int, int, int | None, int | None, int | None]] = []
    for pattern in PATTERNS:  # day and month, with or without a year: the publication-date patterns
        for match in pattern.finditer(text, start, end):
            if any(s <= match.start() < e for s, e, *_ in found):
                continue
            parts = match.groupdict()
            month = _month(parts["name"]) if parts.get("name") else int(parts["month"])
            year = int(parts["year"]) if parts.get("year") else None
            found.append((match.start(), match.end(), year, month, int(parts["day"])))
    for match in MONTH_YEAR.finditer(text, start, end):
        if not any(s <= match.start() < e for s, e, *_ in found):
            found.append(
                (match.start(), match.end(), int(match.group("year")), _month(match.group("name")), None)
            )
    for match in MONTH_ONLY.finditer(text, start, end):
        if not any(s <= match.start("name") < e for s, e, *_ in found):
            found.append((match.start(), match.end(), None, _month(match.group("name")), None))
    for match in YEAR.finditer(text, start, end):
        if not any(s <= match.start("year") < e for s, e, *_ in found):
            found.append((match.start(), match.end(), int(match.group("year")), None, None))
    return [c for c in found if not _NOT_EVENT.search(text[max(start, c[0] - 6) : c[0]])]


def event_date(
    text: str, sentence: tuple[int, int], trigger: int, published: date | None, planned: bool = False
) -> EventDate:
    """The date closest to the trigger in its sentence, else 'today'/'yesterday', else the publication
    (a day without a year takes the publication's year; one after it the year before, unless planned)."""
    found = _candidates(text, *sentence)
    if found:
        start, end, year, month, day = min(found, key=lambda c: abs(c[0] - trigger))
        return _resolve((year, month, day), published, text[start:end].strip(" ,."), planned)
    relative = RELATIVE.search(text, *sentence)
    if relative is not None and published is not None:
        back = relative.group("word").lower() in ("yesterday", "вчера")
        return EventDate(published - timedelta(days=int(back)), "inferred", relative.group())
    return EventDate(published, "inferred" if published else None, None)


def _resolve(parts: tuple[int | None, ...], published: date | None, written: str, planned: bool) -> EventDate:
    year, month, day = parts
    if year is not None:
        precision = "day" if month and day else "month" if month else "year"
        value = _date(year, month or 1, day or 1)
        return EventDate(value, precision if value else None, written)
    if published is None or month is None:
        return EventDate(None, None, written)
    value = _date(published.year, month, day or 1)
    if value is not None and value > published + timedelta(days=1) and not planned:
        value = _date(published.year - 1, month, day or 1)
    return EventDate(value, "inferred" if value else None, written)


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
