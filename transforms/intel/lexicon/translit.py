"""Transliteration between Cyrillic and Latin (BGN/PCGN-based, simplified as in passports and news).

Forward: Cyrillic → Latin, with the simplifications English-language Russian news uses
(-ий → -y, й → y, ё → e, ъ/ь dropped). Backward: Latin → Cyrillic, the inverse of the same table,
longest digraph first. A name that goes Latin → Cyrillic → Latin comes back in the forward scheme's
spelling, which is how variant spellings of the same name meet (Khotsenko, Ovsyannikov).
"""

from __future__ import annotations

import re

_FORWARD = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
_ENDINGS = (("ий", "y"), ("ый", "y"), ("ия", "ia"))
_BACKWARD = [
    ("shch", "щ"), ("kh", "х"), ("zh", "ж"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("yu", "ю"),
    ("ya", "я"), ("yo", "ё"), ("ye", "е"), ("iy", "ий"), ("ks", "кс"), ("x", "кс"), ("w", "в"),
    ("a", "а"), ("b", "б"), ("c", "к"), ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"), ("h", "х"),
    ("i", "и"), ("j", "й"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"),
    ("q", "к"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("v", "в"), ("y", "ы"), ("z", "з"),
]  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")
_VOWELS_RU = set("аеёиоуыэюя")
_CONSONANTS = set("bcdfghjklmnpqrstvwxz")


def _word_to_latin(word: str) -> str:
    lower = word.lower()
    out = []
    for i, char in enumerate(lower):
        ending = next((lat for cyr, lat in _ENDINGS if lower.endswith(cyr) and i == len(lower) - 2), None)
        if ending is not None:
            out.append(ending)
            break
        soft_vowel = char in "ьъ" and lower[i + 1 : i + 2] in {"е", "ё", "и"}
        out.append("y" if soft_vowel else _FORWARD.get(char, char))
    latin = "".join(out)
    return _match_case(word, latin)


def _match_case(source: str, target: str) -> str:
    if source.isupper() and len(source) > 1:
        return target.upper()
    if source[:1].isupper():
        return target[:1].upper() + target[1:]
    return target


def to_latin(text: str) -> str:
    """Cyrillic words in text transliterated to Latin; other characters unchanged."""
    return _WORD.sub(lambda m: _word_to_latin(m.group()), text)


def _word_to_cyrillic(word: str) -> str:
    lower, out, i = word.lower(), [], 0
    while i < len(lower):
        for lat, cyr in _BACKWARD:
            if lower.startswith(lat, i):
                if lat == "y":
                    cyr = _final_y(out, i + 1 == len(lower)) or cyr
                elif lat == "i" and out and out[-1][-1:] in "аеу" and lower[i + 1 : i + 2] in _CONSONANTS:
                    cyr = "й"  # Kuivashev, Khairullin, Mikhailov: i between a vowel and a consonant is й
                elif (
                    lat in {"ye", "yo"} and out and out[-1][-1:].isalpha() and out[-1][-1:] not in _VOWELS_RU
                ):
                    cyr = "ь" + cyr  # Kondratyev → Кондратьев
                out.append(cyr)
                i += len(lat)
                break
        else:
            out.append(lower[i])
            i += 1
    return _match_case(word, "".join(out))


def _final_y(out: list[str], at_end: bool) -> str | None:
    """y after a vowel is й; a final y after a consonant is -ий (Vitaly → Виталий)."""
    if out and out[-1][-1:] in _VOWELS_RU:
        return "й"
    return "ий" if at_end and out and out[-1][-1:].isalpha() else None


def to_cyrillic(text: str) -> str:
    """Latin words in text transliterated to Cyrillic (the inverse table); other characters unchanged."""
    return _WORD.sub(lambda m: _word_to_cyrillic(m.group()) if m.group().isascii() else m.group(), text)


def fold_latin(text: str) -> str:
    """A Latin spelling brought to the forward scheme's: to Cyrillic and back."""
    return to_latin(to_cyrillic(text))


def has_cyrillic(text: str) -> bool:
    return any("\u0400" <= char <= "\u04ff" for char in text)


# Letters of other scripts that look like Cyrillic ones (Greek omicron and kappa, Latin o, a, e, …), as
# pages write them inside Russian words («Станκомаш», «пοсетили»); and Cyrillic letters that look like Latin.
_TO_CYRILLIC = str.maketrans(
    "οκαερτχΑΒΕΗΚΜΟΡΤΧaceopxyACEHKMOPTXB",
    "окаертхАВЕНКМОРТХасеорхуАСЕНКМОРТХВ",
)
_TO_LATIN = str.maketrans("асеорхуАСЕНКМОРТХВ", "aceopxyACEHKMOPTXB")
_LETTERS = re.compile(r"[^\W\d_]+")


def _fold_word(word: str) -> str:
    cyrillic = sum("\u0400" <= char <= "\u04ff" for char in word)
    if cyrillic == 0 or cyrillic == len(word):
        return word
    latin = sum(char.isascii() for char in word)
    if cyrillic * 2 > len(word):
        return word.translate(_TO_CYRILLIC)
    return word.translate(_TO_LATIN) if latin * 2 > len(word) else word


def fold_lookalikes(text: str) -> str:
    """Each word written mostly in Cyrillic with look-alike letters of other scripts in Cyrillic letters only
    («Станκомаш» → «Станкомаш»), and a mostly Latin word with Cyrillic look-alikes in Latin ones («Аlabuga» →
    "Alabuga"). The length is kept, so spans stay valid; a word of one script is left as it is."""
    return _LETTERS.sub(lambda m: _fold_word(m.group()), text)
