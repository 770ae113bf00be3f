"""The adjectives an organisation's name takes from the words before it: «японского МИДа», «Немецкий
автомобильный концерн», «российского министерства финансов» (adjectives that agree with the name's head
noun, not pronouns: «этого проекта» keeps «этого» out)."""

from __future__ import annotations

import re

from transforms.intel.lexicon.nlp_ru import parses

# a Cyrillic word, then spaces and an optional opening quote, right before a position
_BEFORE = re.compile(r"(?<![\w-])([а-яёА-ЯЁ][а-яё-]+)\s+[«\"„“]?$")
_CHAIN = 3  # at most this many adjectives join


def head_noun(phrase: str) -> str | None:
    """The first word of phrase pymorphy2 reads as a noun (МИДа, федерация), if any."""
    return next((w for w in phrase.split() if any(p.tag.POS == "NOUN" for p in parses(w)[:2])), None)


def agrees(word: str, noun: str, relational: bool = False) -> bool:
    """True when word reads as a (non-pronominal) adjective in the noun's number and case; relational: and
    not a qualitative one (японского, автомобильный; not новый, влиятельного)."""
    nouns = [p for p in parses(noun) if p.tag.POS == "NOUN"]
    for parse in parses(word)[:2]:
        if parse.tag.POS in {"NPRO", "PREP", "CONJ"} or "Apro" in parse.tag:
            return False
        if relational and "Qual" in parse.tag:
            return False
        if parse.tag.POS in {"ADJF", "PRTF"} and any(
            parse.tag.case == n.tag.case and parse.tag.number == n.tag.number for n in nouns
        ):
            return True
    return False


def adjectives_before(text: str, start: int, noun: str, relational: bool = False, chain: int = _CHAIN) -> int:
    """Where the run of adjectives agreeing with noun that ends at start begins (start when there is none)."""
    for _ in range(chain):
        match = _BEFORE.search(text, max(0, start - 40), start)
        if match is None or not agrees(match.group(1), noun, relational):
            break
        start = match.start(1)
    return start
