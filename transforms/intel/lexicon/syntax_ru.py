"""Russian syntax with natasha's NewsSyntaxParser: which word a phrase hangs on.

Used where a site's place must belong to the site word itself: «ОЭЗ в Тольятти» (the zone in Tolyatti), not
«визита в Тольятти губернатор посетил ОЭЗ» (the visit's place) nor «технопарк в Казани откроют» (where it will
open). The weights ship inside the natasha package (no download); the parser is loaded once per process
(`nlp_ru.syntax_parser`).
"""

from __future__ import annotations

from transforms.intel.lexicon.nlp_ru import syntax


def dependencies(sentence: str) -> tuple[tuple[int, int, int], ...]:
    """(start, end, index of the head token or -1 for the root) of each token of one Russian sentence, from
    the parse the role rules read too (`nlp_ru.syntax`, cached there)."""
    return tuple((token.start, token.end, token.head) for token in syntax(sentence))


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
