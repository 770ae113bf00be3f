"""Month names as they appear in Russian and English news text, and the other words of an English
dateline: data, not logic."""

from __future__ import annotations

import re

# Every inflected or abbreviated form a news text uses, lower case, mapped to the month number.
MONTHS: dict[str, int] = {
    # Russian, genitive ("27 апреля") and nominative ("апрель 2021"), with common abbreviations
    "января": 1,
    "январь": 1,
    "янв": 1,
    "февраля": 2,
    "февраль": 2,
    "фев": 2,
    "марта": 3,
    "март": 3,
    "мар": 3,
    "апреля": 4,
    "апрель": 4,
    "апр": 4,
    "мая": 5,
    "май": 5,
    "июня": 6,
    "июнь": 6,
    "июн": 6,
    "июля": 7,
    "июль": 7,
    "июл": 7,
    "августа": 8,
    "август": 8,
    "авг": 8,
    "сентября": 9,
    "сентябрь": 9,
    "сен": 9,
    "сент": 9,
    "октября": 10,
    "октябрь": 10,
    "окт": 10,
    "ноября": 11,
    "ноябрь": 11,
    "ноя": 11,
    "декабря": 12,
    "декабрь": 12,
    "дек": 12,
    # English
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

# Words of an English dateline besides the date itself ("Posted: Jan 16, 2012 12:00 PM ET", "14 December
# 2011 Last updated at 11:32 GMT", "Updated: Wednesday, 11 Jan 2012, 8:32 PM EST"): its labels, weekdays,
# the half of the day and time zones.
DATELINE_LABELS = re.compile(r"^\W*(?:posted|updated|published|date|first posted)\b|\blast updated\b", re.I)
DATELINE_WORDS = frozenset(
    {
        *("posted", "updated", "last", "published", "date", "first", "on", "at", "am", "pm", "a", "p", "m"),
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        *("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"),
        *("gmt", "utc", "uk", "bst", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt"),
        *("et", "ct", "mt", "pt", "aest", "aedt", "nzdt", "nzst", "ist"),
    }
)
