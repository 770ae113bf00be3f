"""The sentence around a character offset, for facts the warehouse keeps as an offset only (a site or a
legal act first mentioned, a person's role)."""

from __future__ import annotations

import re

# a sentence ends at ., ! or ? followed by space and a capital letter or an opening quote or bracket
# ("No. 1659" goes on), or at a line break
END = re.compile(r"(?<=[.!?…])\s+(?=[\"«(\[A-ZА-ЯЁ])|\n+")


def sentence_at(window: str, offset: int) -> str:
    """The sentence of `window` that holds the character at `offset` (clamped into the window),
    without its surrounding white space; '' for an empty window."""
    if not window:
        return ""
    offset = min(max(offset, 0), len(window) - 1)
    start = 0
    for found in END.finditer(window):
        if found.end() <= offset:
            start = found.end()
        elif found.start() > offset:
            return window[start : found.start()].strip()
    return window[start:].strip()


def sentence_with(window: str, offset: int, words: str | None) -> str:
    """The sentence of `window` nearest to `offset` that holds `words` (in any case), e.g. the sentence
    giving a person's role rather than the one first naming the person; sentence_at when none does."""
    if words:
        found = [m.start() for m in re.finditer(re.escape(words.casefold()), window.casefold())]
        if found:
            return sentence_at(window, min(found, key=lambda start: abs(start - offset)))
    return sentence_at(window, offset)
