"""The publication date: from the page (htmldate via trafilatura: metadata, JSON-LD, <time>, the URL),
else a full date in the article's lead, else a day and month from the lead with the year taken from the
text's other dates or from what the crawl knows (the sitemap's <lastmod>, the HTTP Last-Modified header),
else that sitemap or HTTP date itself, else none: a year is never guessed from the fetch date, since
a wrong date is worse than none. Implausible page dates are refused with a reason.

Pure: the reference date (the fetch date, or "today" as the caller sees it) comes in as a parameter and
only decides what is "in the future".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from email.utils import parsedate_to_datetime

from transforms.extract.date_words import DATELINE_LABELS, DATELINE_WORDS, MONTHS

EARLIEST = date(1991, 1, 1)
LEAD_CHARS = 400  # the publication date of a news item is stated in its first sentences
FUTURE_SLACK = timedelta(days=1)  # time zones: a page dated "tomorrow" may be today somewhere

# Russian month names are written in lower case, English ones capitalised ("may" is not May)
_NAMES = [name.capitalize() if name.isascii() else name for name in MONTHS]
_MONTH = "|".join(sorted(_NAMES, key=len, reverse=True))
_DAY = r"(?P<day>\d{1,2})"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_RANGE = r"(?:\s*[-–—]\s*\d{1,2})?"
PATTERNS = (
    # 27.04.2021, 14:48 27.04.2021, 27/04/2021
    re.compile(rf"(?<![\d.]){_DAY}[./](?P<month>\d{{1,2}})[./]{_YEAR}(?![\d])"),
    # 2021-04-27
    re.compile(rf"(?<![\d-]){_YEAR}-(?P<month>\d{{2}})-{_DAY}(?![\d])"),
    # 27 апреля 2021 года, 16-21 мая, 8 April 2014
    re.compile(rf"(?<![\d\w]){_DAY}{_RANGE}\s+(?P<name>{_MONTH})\.?(?![\w])(?:\s+{_YEAR}(?!\d))?"),
    # April 8, 2014; On July 3; May 16-21
    re.compile(
        rf"(?<![\w])(?P<name>{_MONTH})\.?\s+{_DAY}(?:st|nd|rd|th)?{_RANGE}(?![\d\w])(?:,?\s+{_YEAR}(?!\d))?",
    ),
)


@dataclass(frozen=True)
class TextDate:
    """A day and month found in a text, with its year when the text gives one, and where it starts."""

    day: int
    month: int
    year: int | None
    start: int

    def on(self, year: int) -> date | None:
        try:
            return date(year, self.month, self.day)
        except ValueError:
            return None


@dataclass(frozen=True)
class Published:
    value: date | None
    # "page", "text", "inferred", "sitemap" (<lastmod>), "last_modified" (HTTP) or None when none found
    source: str | None


@dataclass(frozen=True)
class DateHints:
    """Dates the crawl knows about a page besides its HTML, as it found them: the sitemap's <lastmod>
    (W3C datetime) and the HTTP Last-Modified header (RFC 9110 date)."""

    sitemap_lastmod: str | None = None
    http_last_modified: str | None = None


class ImplausibleDate(ValueError):
    """The page states a publication date that cannot be right: the message is the reason."""


def _month(match: re.Match[str]) -> int:
    name = match.groupdict().get("name")
    return MONTHS[name.lower()] if name else int(match.group("month"))


def text_dates(text: str) -> list[TextDate]:
    """Every day-and-month date in the text, in order of position."""
    found: dict[int, TextDate] = {}
    for pattern in PATTERNS:
        for match in pattern.finditer(text):
            year = match.group("year")
            found.setdefault(
                match.start(),
                TextDate(int(match.group("day")), _month(match), int(year) if year else None, match.start()),
            )
    return [found[start] for start in sorted(found)]


def implausible_reason(value: date, reference: date | None) -> str | None:
    """Why a publication date cannot be right (before 1991, or after the reference date), or None."""
    if value < EARLIEST:
        return f"publication date {value.isoformat()} is before {EARLIEST.year}"
    if reference is not None and value > reference + FUTURE_SLACK:
        return (
            f"publication date {value.isoformat()} is in the future (reference date {reference.isoformat()})"
        )
    return None


def parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def parse_http_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def known_dates(hints: DateHints | None, reference: date | None) -> list[Published]:
    """The plausible dates the crawl knows, the sitemap's first."""
    if hints is None:
        return []
    found = (
        Published(parse_iso(hints.sitemap_lastmod), "sitemap"),
        Published(parse_http_date(hints.http_last_modified), "last_modified"),
    )
    return [p for p in found if _plausible(p.value, reference)]


def _plausible(value: date | None, reference: date | None) -> bool:
    return value is not None and implausible_reason(value, reference) is None


def _full_dates(dates: list[TextDate], reference: date | None) -> list[date]:
    values = [d.on(d.year) for d in dates if d.year is not None]
    return [v for v in values if v is not None and _plausible(v, reference)]


def _infer_year(found: TextDate, anchors: list[date], bound: date | None) -> date | None:
    """The year of the page's other dates, else the latest year that does not put the date after the
    bound (a date the page is known to have existed by: its sitemap or HTTP date)."""
    if anchors:
        return found.on(anchors[0].year)
    if bound is None:
        return None
    value = found.on(bound.year)
    if value is not None and value > bound + FUTURE_SLACK:
        value = found.on(bound.year - 1)
    return value


def published_from_text(text: str, reference: date | None, known: list[Published] | None = None) -> Published:
    """A full date in the lead ("text"), else a day and month from the lead with the year inferred from
    the text's other dates or the first known date, else the first known date, else none."""
    lead = [d for d in text_dates(text) if d.start < LEAD_CHARS]
    full = _full_dates(lead, reference)
    if full:
        return Published(full[0], "text")
    anchors = _full_dates(text_dates(text), reference)
    bound = known[0].value if known else None
    for found in (d for d in lead if d.year is None):
        value = _infer_year(found, anchors, bound)
        if _plausible(value, reference):
            return Published(value, "inferred")
    return known[0] if known else Published(None, None)


def resolve_published(
    page_date: str | None, text: str, reference: date | None = None, hints: DateHints | None = None
) -> Published:
    """The page's own date when it has one (ImplausibleDate when it is in the future), else the text's,
    else the crawl's (hints). A page date before 1991 is a date found on the page (a birthday, a
    holiday in a side widget), not its publication date: it is passed over, not held against the page."""
    value = parse_iso(page_date)
    if value is not None and value >= EARLIEST:
        reason = implausible_reason(value, reference)
        if reason:
            raise ImplausibleDate(reason)
        return Published(value, "page")
    return published_from_text(text, reference, known_dates(hints, reference))


_DATELINE_TOKEN = re.compile(r"\d+(?:st|nd|rd|th)?|[^\W\d_]+")
_CLOCK = re.compile(r"\d:[0-5]\d")
MAX_DATELINE_WORDS = 14


def is_dateline(line: str) -> bool:
    """The line is an English dateline and nothing else: a label ("Posted:", "Last updated at"), a date
    (an English month name or a clock time, and a number) and the words around one (weekdays, "AM",
    time zones). The date is the record's `published`, not a line of its text."""
    if not DATELINE_LABELS.search(line):
        return False
    tokens = [t.lower() for t in _DATELINE_TOKEN.findall(line)]
    if len(tokens) > MAX_DATELINE_WORDS or not any(t[0].isdigit() for t in tokens):
        return False
    if not _CLOCK.search(line) and not any(t in MONTHS and t.isascii() for t in tokens):
        return False
    return all(t[0].isdigit() or (t.isascii() and t in MONTHS) or t in DATELINE_WORDS for t in tokens)


def without_datelines(text: str) -> str:
    """The text without its English datelines (is_dateline), once the publication date has been read."""
    return "\n".join(line for line in text.splitlines() if not is_dateline(line))
