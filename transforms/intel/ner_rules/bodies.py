"""A state's body named by its adjective, with no name after it: «японское правительство», «американского
министерства», «европейское антимонопольное ведомство». The nouns are the descriptors that make a place's
name an organisation (reference/ner_descriptors.csv, joins=loc); the adjective is a place's (-ский,
-цкий: японский, немецкий)."""

from __future__ import annotations

import re

from transforms.intel.lexicon.nlp_ru import NerSpan, is_plural, lemma, nominative_phrase
from transforms.intel.ner_rules.adjectives import adjectives_before

_WORD = re.compile(r"(?<![\w-])[а-яё][а-яё-]+(?![\w-])")
_PLACE_ADJECTIVE = re.compile(r"(?:ск|цк)(?:ий|ой|ая|ое|ие|ого|ому|ым|ом|ой|ую|их|ими|ых|ыми)$")


def _placed(text: str, start: int, end: int) -> bool:
    """True when one of the words in text[start:end] is a place's adjective."""
    return any(_PLACE_ADJECTIVE.search(word) for word in text[start:end].lower().split())


def state_bodies(text: str, nouns: set[str], taken: list[NerSpan]) -> list[NerSpan]:
    """ORG spans for a place's adjective(s) and a body's noun, outside the spans already found."""
    found = []
    for match in _WORD.finditer(text):
        word = match.group()
        if lemma(word) not in nouns or is_plural(word):
            continue
        start = adjectives_before(text, match.start(), word)
        if start == match.start() or not _placed(text, start, match.start()):
            continue
        if any(s.start < match.end() and start < s.end for s in taken):
            continue
        phrase = text[start : match.end()]
        found.append(NerSpan("ORG", start, match.end(), phrase, nominative_phrase(phrase)))
    return found
