"""Text that must not become an article: garbled encodings, replacement characters, binary noise."""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
MAX_REPLACEMENT_SHARE = 0.002
# UTF-8 Cyrillic read as cp1251 turns every letter into "Р" or "С" plus another character;
# read as Latin-1 it turns them into "Ð" or "Ñ" plus another character.
MOJIBAKE_CP1251 = re.compile(r"[РС][\u0080-\u00bf\u0402-\u040f\u0452-\u045f«»°±µ¶·]")
MOJIBAKE_LATIN1 = re.compile(r"[ÐÑ][\u0080-\u00bf]")
MAX_MOJIBAKE_SHARE = 0.05
MIN_LETTER_SHARE = 0.5
# replacement characters opening a line: a lost no-break space or bullet byte, not a lost letter
_STRAY = re.compile(r"^\ufffd+[ \t]*", re.M)


def _letters(text: str) -> int:
    return sum(map(str.isalpha, text))


def without_stray_replacements(text: str) -> str:
    """The text without the replacement characters that open its lines ("\ufffdThis technique…": a
    byte of a no-break space or a bullet that did not decode); those inside words stay and count."""
    return _STRAY.sub("", text)


def garbled_reason(text: str) -> str | None:
    """Why the text is garbage rather than prose, or None when it reads as text."""
    letters = _letters(text)
    non_space = len(text) - sum(map(str.isspace, text))
    if not non_space:
        return "no text"
    if text.count(REPLACEMENT) / non_space > MAX_REPLACEMENT_SHARE:
        return f"undecodable characters ({text.count(REPLACEMENT)} replacement characters)"
    mojibake = len(MOJIBAKE_CP1251.findall(text)) + len(MOJIBAKE_LATIN1.findall(text))
    if letters and mojibake / letters > MAX_MOJIBAKE_SHARE:
        return f"garbled encoding (mojibake in {mojibake} places)"
    if letters / non_space < MIN_LETTER_SHARE:
        return f"not prose ({letters / non_space:.0%} letters)"
    return None
