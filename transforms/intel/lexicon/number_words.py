"""Numbers written as words, in Russian and English: "пять индустриальных парков", "семи миллиардов рублей",
"four technoparks", "Four Billion Rubles". number-parser reads the words (every Russian case form);
this module only finds where a run of number words starts and ends.

Not numbers here: a scale word alone ("7 млрд" is read with its digits), "one" and "один" (an
article or a pronoun far more often than a count), and ordinals. "полмиллиарда" and "a thousand" are
read here: number-parser has no reading for them.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[A-Za-zА-Яа-яЁё]+(?:-[A-Za-zА-Яа-яЁё]+)?")
_SCALES = {
    "тысяч": 1e3, "миллион": 1e6, "миллиард": 1e9, "триллион": 1e12,
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}  # fmt: skip
_NOT_COUNTS = {"one", "один", "одна", "одно", "одни", "одного", "одной", "одному", "одним", "одном", "одну",
               "ноль", "zero", "nil"}  # fmt: skip
_HALF = re.compile(r"пол(миллиона|миллиарда|тысячи|триллиона)$")
_ARTICLE = {"a", "an"}


def _language(word: str) -> str:
    return "en" if word.isascii() else "ru"


@lru_cache(maxsize=20_000)
def word_value(word: str) -> float | None:
    """The number one word names (пяти → 5, Nine → 9, миллиардов → 1e9), or None."""
    from number_parser import parse_number

    low = word.lower()
    if low in _NOT_COUNTS or len(low) < 3:
        return None
    if half := _HALF.match(low):
        return 0.5 * scale_word(half.group(1))
    try:
        value = parse_number(low, language=_language(low))
    except (ValueError, KeyError, IndexError):
        return None
    return float(value) if isinstance(value, int | float) else None


def scale_word(word: str) -> float:
    """миллиардов → 1e9, Thousand → 1e3; 0 when word is no scale word."""
    low = word.lower()
    return next((factor for stem, factor in _SCALES.items() if low.startswith(stem)), 0.0)


def _phrase_value(words: list[str]) -> float | None:
    from number_parser import parse_number

    phrase = " ".join(w.lower() for w in words)
    try:
        value = parse_number(phrase, language=_language(phrase))
    except (ValueError, KeyError, IndexError):
        value = None
    if isinstance(value, int | float):
        return float(value)
    single = [word_value(w) for w in words]
    return single[0] if len(single) == 1 else None


def find_number_words(text: str) -> list[tuple[int, int, float]]:
    """(start, end, value) of every run of number words in text that states a number by itself."""
    tokens = list(_WORD.finditer(text))
    found = []
    i = 0
    while i < len(tokens):
        run = _run(text, tokens, i)
        if run is None:
            i += 1
            continue
        j, value = run
        found.append((tokens[i].start(), tokens[j - 1].end(), value))
        i = j
    return found


def _run(text: str, tokens: list[re.Match], i: int) -> tuple[int, float] | None:
    """(end token, value) of the number-word run starting at token i, or None."""
    first = tokens[i].group()
    if first.lower() in _ARTICLE and i + 1 < len(tokens) and scale_word(tokens[i + 1].group()):
        return (i + 2, scale_word(tokens[i + 1].group())) if _joined(text, tokens, i) else None
    if word_value(first) is None or scale_word(first):
        return None
    j = i + 1
    while j < len(tokens) and _joined(text, tokens, j - 1) and word_value(tokens[j].group()) is not None:
        j += 1
    value = _phrase_value([t.group() for t in tokens[i:j]])
    return (j, value) if value else None


def _joined(text: str, tokens: list[re.Match], k: int) -> bool:
    """Tokens k and k+1 stand next to each other, with spaces (or 'and') only between them."""
    gap = text[tokens[k].end() : tokens[k + 1].start()] if k + 1 < len(tokens) else ","
    return gap.strip() == ""
