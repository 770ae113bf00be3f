"""Spans natasha runs across what separates two names: a list's bullets, a line break, a comma between two
people («Овечкин, Фёдоров»), a bracket left open, an abbreviation in brackets after the full name («Союз
координационных советов (СКС)» is two names, as written)."""

from __future__ import annotations

import re

from transforms.intel.lexicon.nlp_ru import NerSpan, nominative_phrase

# bullets, bars, semicolons and line breaks never stand inside one name
_SEPARATOR = re.compile(r"\s*(?:[•|;·]|\n)\s*")
_PERSON_SEPARATOR = re.compile(r"\s*(?:[•|;·,]|\n)\s*")  # nor a comma inside one person's name
_UNCLOSED = re.compile(r"\s*\((?=[^)]*$)")  # «Хитли (Гецлаф»: a bracket opened and not closed
# a name, then its abbreviation (or its other spelling) in brackets, closing the span
_BRACKETED = re.compile(r"^(?P<name>.*\S)\s*\((?P<short>[^()]*\w[^()]*)\)$", re.S)
_OPEN_TAIL = re.compile(r"\s*\($")  # «ПАСЕ (»: the opening bracket of what follows


def _piece(span: NerSpan, start: int, end: int) -> NerSpan:
    text = span.text[start - span.start : end - span.start]
    return NerSpan(span.kind, start, end, text, nominative_phrase(text))


def _at_separators(span: NerSpan) -> list[NerSpan]:
    pieces, at = [], span.start
    separator = _PERSON_SEPARATOR if span.kind == "PER" else _SEPARATOR
    matches = [*separator.finditer(span.text), *_UNCLOSED.finditer(span.text)]
    for match in [*sorted(matches, key=lambda m: m.start()), None]:
        end = span.start + match.start() if match else span.end
        if any(char.isalpha() for char in span.text[at - span.start : end - span.start]):
            pieces.append(_piece(span, at, end))
        at = span.start + match.end() if match else at
    return pieces if len(pieces) != 1 or pieces[0] != span else [span]


def _bracketed(span: NerSpan) -> list[NerSpan]:
    tail = _OPEN_TAIL.search(span.text)
    if tail is not None:
        return [_piece(span, span.start, span.start + tail.start())] if tail.start() else []
    match = _BRACKETED.match(span.text)
    if match is None or "(" in match["name"]:
        return [span]
    short = match.start("short") + span.start, match.end("short") + span.start
    return [_piece(span, span.start, span.start + match.end("name")), _piece(span, *short)]


def split(spans: list[NerSpan]) -> list[NerSpan]:
    """Each span cut at the separators inside it and its bracketed abbreviation made a span of its own."""
    return [piece for span in spans for part in _at_separators(span) for piece in _bracketed(part)]
