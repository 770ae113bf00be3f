"""Paragraphs and sentences as character offsets into the text, so later stages can cite the sentence
of a fact. razdel splits both Russian and English (it knows "г.", "т. е.", "No.", "Mr." and initials);
a sentence never crosses a paragraph (a line of the normalised text)."""

from __future__ import annotations

import re

from razdel import sentenize

_PARAGRAPH = re.compile(r"[^\n]+")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every paragraph: a line of the text, surrounding spaces excluded."""
    spans = []
    for match in _PARAGRAPH.finditer(text):
        line = match.group(0)
        start = match.start() + len(line) - len(line.lstrip())
        end = match.end() - (len(line) - len(line.rstrip()))
        if end > start:
            spans.append((start, end))
    return spans


def split_sentences(text: str, language: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of every sentence, in order; text[start:end] is the sentence. The language is
    accepted for callers that know it: razdel's rules serve ru and en alike."""
    spans = []
    for start, end in paragraph_spans(text):
        spans.extend((start + s.start, start + s.stop) for s in sentenize(text[start:end]))
    return spans
