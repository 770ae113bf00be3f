"""Russian named entities: natasha's spans, corrected only where a rule does better.

natasha's NewsNERTagger finds the name ("Яблоко", "Китая", "Славянка"); a Russian news text often makes the
common noun before it part of the entity ("партия «Яблоко»", "правительство Китая" — an organisation, not
a place —, "река Славянка"). The descriptor nouns and the type the phrase takes are in
reference/ner_descriptors.csv. Before that, a span natasha runs across a list's bullets, a line break or a
bracket is cut there (ner_rules.splits); after it, an organisation takes the relational adjectives before
it ("японского МИДа", ner_rules.adjectives), and a state's body named by its adjective alone ("японское
правительство", ner_rules.bodies) is added. Every other span is natasha's own.
"""

from __future__ import annotations

import re
from functools import cache

from transforms.intel.lexicon.gazetteer import read_rows
from transforms.intel.lexicon.nlp_ru import (
    NerSpan,
    case_of,
    is_plural,
    lemma,
    nominative_phrase,
)
from transforms.intel.lexicon.nlp_ru import ner_spans as natasha_spans
from transforms.intel.ner_rules.adjectives import adjectives_before, head_noun
from transforms.intel.ner_rules.bodies import state_bodies
from transforms.intel.ner_rules.splits import split

# a lowercase Cyrillic word, then spaces and an optional opening quote, right before the name
_BEFORE = re.compile(r"(?<![\w-])([а-яёА-ЯЁ][а-яё-]+)\s+[«\"„“]?$")
_OPENING, _CLOSING = '«"„“', '»"”“'
_JOINS = {"loc": {"LOC"}, "org": {"ORG"}, "per": {"PER"}, "any": {"ORG", "LOC"}}


@cache
def descriptors() -> dict[str, tuple[str, set[str]]]:
    """Descriptor lemma → (the phrase's type, the span types it joins)."""
    return {row["lemma"]: (row["kind"], _JOINS[row["joins"]]) for row in read_rows("ner_descriptors.csv")}


def _with_descriptor(text: str, span: NerSpan) -> NerSpan:
    match = _BEFORE.search(text, max(0, span.start - 40), span.start)
    if match is None:
        return span
    word = match.group(1)
    found = descriptors().get(lemma(word))
    if found is None or span.kind not in found[1] or is_plural(word):
        return span  # "компаний Oracle и Michelin": a plural noun names no single entity
    if found[0] == "LOC" and not _apposition(word, span.text.split()[0]):
        return span  # "город Германии", "улицы Лондона": a place in the named one, not the named one
    return _extended(text, span, found[0], adjectives_before(text, match.start(1), word))


def _extended(text: str, span: NerSpan, kind: str, start: int) -> NerSpan:
    phrase = text[start : span.end]
    return NerSpan(kind, start, span.end, phrase, nominative_phrase(phrase))


def _with_adjectives(text: str, span: NerSpan) -> NerSpan:
    """ "японского МИДа", "мюнхенской Баварии": an organisation takes the relational adjectives agreeing
    with its head noun."""
    noun = head_noun(span.text) if span.kind == "ORG" else None
    start = adjectives_before(text, span.start, noun, relational=True) if noun else span.start
    return span if start == span.start else _extended(text, span, span.kind, start)


def _apposition(descriptor: str, name: str) -> bool:
    """ "городе Грозном", "река Славянка", "городке Вейк-ан-Зее", "штата Аризона": the name agrees with the
    noun, stands in the nominative, or does not decline at all."""
    cases = case_of(name)
    return not cases or "nomn" in cases or case_of(descriptor) & cases != set()


@cache
def fixed_types() -> dict[str, str]:
    """Lemmatised name → the entity type it always has (ЕС, Евросоюз: ORG)."""
    return {row["lemma"]: row["kind"] for row in read_rows("ner_types.csv")}


def _typed(span: NerSpan) -> NerSpan:
    kind = fixed_types().get(" ".join(lemma(word) for word in span.text.split()))
    return (
        span
        if kind is None or kind == span.kind
        else NerSpan(kind, span.start, span.end, span.text, span.normal)
    )


def _unquoted(span: NerSpan) -> NerSpan:
    """«Газпром» → Газпром, ОАО «Газпром» → ОАО «Газпром: a name's closing quote is not part of it, nor its
    opening quote unless a word stands before it."""
    start, end = span.start, span.end
    surface = span.text
    if surface[-1:] in _CLOSING:
        end -= 1
    if surface[:1] in _OPENING and end - start > 2:
        start += 1
    if (start, end) == (span.start, span.end):
        return span
    inner = surface[start - span.start : end - span.start]
    return NerSpan(span.kind, start, end, inner, span.normal.strip('«»"„“”'))


def _runs_on(span: NerSpan) -> bool:
    """A place, or an organisation's abbreviation ("Международная федерация футбола ФИФА")."""
    return span.kind == "LOC" or (span.kind == "ORG" and span.text.isupper() and " " not in span.text)


def _merged(text: str, spans: list[NerSpan]) -> list[NerSpan]:
    """ "Министерство внутренних дел" + "Пакистана", "Госдумы" + "России": an organisation's name runs on
    through the place it belongs to."""
    merged: list[NerSpan] = []
    for span in spans:
        last = merged[-1] if merged else None
        if last and last.kind == "ORG" and _runs_on(span) and text[last.end : span.start] == " ":
            phrase = text[last.start : span.end]
            merged[-1] = NerSpan("ORG", last.start, span.end, phrase, nominative_phrase(phrase))
        else:
            merged.append(span)
    return merged


@cache
def _body_nouns() -> set[str]:
    """The descriptors that make a place an organisation (правительство, министерство)."""
    return {noun for noun, (kind, joins) in descriptors().items() if kind == "ORG" and joins == {"LOC"}}


def refine(text: str, spans: list[NerSpan]) -> list[NerSpan]:
    """natasha's spans cut at separators, their quotes and fixed types set, run on through a place or an
    abbreviation, joined to their descriptor nouns or adjectives, and the state bodies found beside them."""
    refined: list[NerSpan] = []
    for span in _merged(text, [_typed(_unquoted(s)) for s in split(spans)]):
        joined = _with_descriptor(text, span)
        joined = _with_adjectives(text, joined) if joined is span else joined
        # a descriptor never swallows the entity before it
        refined.append(joined if not refined or refined[-1].end <= joined.start else span)
    bodies = state_bodies(text, _body_nouns(), refined)
    return sorted(refined + bodies, key=lambda s: s.start)


def russian_entities(text: str) -> list[NerSpan]:
    """The PER, ORG and LOC spans of the Cyrillic paragraphs of text, natasha's corrected by `refine`."""
    return refine(text, natasha_spans(text))
