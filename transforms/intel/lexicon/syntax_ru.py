"""Russian syntax with natasha's NewsSyntaxParser: which word a phrase hangs on.

Used where a site's place must belong to the site word itself: «ОЭЗ в Тольятти» (the zone in Tolyatti), not
«визита в Тольятти губернатор посетил ОЭЗ» (the visit's place) nor «технопарк в Казани откроют» (where it will
open). The weights ship inside the natasha package (no download); the parser is loaded once per process.
"""

from __future__ import annotations

from functools import cache, lru_cache

from transforms.intel.lexicon.nlp_ru import syntax_parser


@cache
def _parser() -> dict:
    from natasha import Segmenter

    return {"segmenter": Segmenter(), "syntax": syntax_parser()}


@lru_cache(maxsize=4_096)
def dependencies(sentence: str) -> tuple[tuple[int, int, int], ...]:
    """(start, end, index of the head token or -1 for the root) of each token of one Russian sentence."""
    from natasha import Doc

    doc = Doc(sentence)
    doc.segment(_parser()["segmenter"])
    doc.parse_syntax(_parser()["syntax"])
    index = {token.id: k for k, token in enumerate(doc.tokens)}
    return tuple((token.start, token.stop, index.get(token.head_id, -1)) for token in doc.tokens)


def hangs_on(sentence: str, dependent: tuple[int, int], head: tuple[int, int]) -> bool:
    """True when the word at dependent (offsets in sentence) depends on a word inside head: «ОЭЗ в Тольятти»,
    Тольятти on ОЭЗ."""
    tokens = dependencies(sentence)
    for start, end, parent in tokens:
        if start <= dependent[0] < end and parent >= 0:
            return head[0] <= tokens[parent][0] < head[1]
    return False


def head_of(sentence: str, word: tuple[int, int]) -> tuple[int, int] | None:
    """The offsets in sentence of the word the word at word depends on (None for the root or no such word):
    «строительству технопарка», технопарка on строительству."""
    tokens = dependencies(sentence)
    for start, end, parent in tokens:
        if start <= word[0] < end and parent >= 0:
            return tokens[parent][0], tokens[parent][1]
    return None
