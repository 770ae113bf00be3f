"""A person's title as written ("Deputy Governor", "заместителя председателя правительства", "CEO") → one
role code across languages (deputy_governor, deputy_prime_minister, general_director), from
reference/role_codes.csv."""

from __future__ import annotations

import re
from functools import cache

from transforms.intel.lexicon.gazetteer import read_rows
from transforms.intel.lexicon.nlp_ru import lemma, parses
from transforms.intel.lexicon.translit import has_cyrillic

_WORD = re.compile(r"[^\W\d_]+")
_DEPUTY = {"deputy", "deputies", "vice", "pro", "заместитель", "зам", "вице", "про"}
_PREFIXES = ("зам", "вице", "vice")  # замминистра, замгубернатора, вице-губернатор, vice-governor
_REGION_HEAD = {"head", "head_of_region"}


# a verb that gives a title: «возглавляющий Министерство», «возглавил департамент» — the body's head
_HEADING_VERBS = {"возглавлять": "глава", "возглавить": "глава"}


def _norm(word: str) -> str:
    low = word.lower()
    if low in _DEPUTY:
        return low
    if not has_cyrillic(word):
        return _singular(low)
    found = lemma(word)
    return _HEADING_VERBS.get(found, found)


def _singular(word: str) -> str:
    """Governors → governor, Deputies → deputy: an English title word in the singular."""
    for ending, replacement in (("ies", "y"), ("s", "")):
        stem = word[: -len(ending)] + replacement if word.endswith(ending) else None
        if stem and (stem in _english_words() or stem in _DEPUTY):
            return stem
    return word


@cache
def _english_words() -> frozenset[str]:
    rows = read_rows("role_codes.csv")
    return frozenset(w for row in rows for w in _WORD.findall(row["words_en"].lower()))


def _words(title: str) -> list[str]:
    return [_norm(w) for w in _WORD.findall(title.replace("-", " - "))]


@cache
def _phrases() -> list[tuple[tuple[str, ...], str]]:
    """(normalised phrase, role code), longest phrase first."""
    found = []
    for row in read_rows("role_codes.csv"):
        for phrase in (row["words_en"] + "|" + row["words_ru"]).split("|"):
            if phrase.strip():
                found.append((tuple(w for w in _words(phrase) if w != "-"), row["role_code"]))
    return sorted(found, key=lambda item: -len(item[0]))


# зампред правительства: the deputy chairman of the government; проректор, pro-rector: the deputy rector
_ABBREVIATED = {"зампред": ["зам", "председатель"], "проректор": ["про", "ректор"]}


def _split_prefix(words: list[str]) -> list[str]:
    """замминистра → зам министр, зампред → зам председатель; vice-governor was split on its hyphen
    already."""
    out = []
    for word in words:
        if word in _ABBREVIATED:
            out += _ABBREVIATED[word]
            continue
        prefix = next((p for p in _PREFIXES if word.startswith(p) and len(word) > len(p) + 3), None)
        out += [prefix, _norm(word[len(prefix) :])] if prefix and word not in _DEPUTY else [word]
    return [w for w in out if w != "-"]


def _head(words: list[str]) -> tuple[str, int] | None:
    """The first title phrase in words: (its code, its position)."""
    for i in range(len(words)):
        for phrase, code in _phrases():
            if _phrase_at(words, i, phrase):
                return code, i
    return None


def _phrase_at(words: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    """The phrase's words stand at i, with at most two adjectives between them that are not its own
    («председатель регионального правительства» is «председатель правительства»)."""
    k, skipped = 0, 0
    while k < len(phrase):
        if i < len(words) and words[i] == phrase[k]:
            i, k = i + 1, k + 1
        elif k > 0 and i < len(words) and skipped < 2 and (_is_adjective(words[i]) or _name_word(words[i])):
            i, skipped = i + 1, skipped + 1
        else:
            return False
    return True


def _name_word(word: str) -> bool:
    """An English word that is no title word: a place's or a body's name inside a title ("chairman of
    Russian government", "head of the Tatarstan government")."""
    return word.isascii() and word.isalpha() and word not in _english_words() and word not in _DEPUTY


def _is_adjective(word: str) -> bool:
    found = parses(word) if has_cyrillic(word) else []
    return bool(found) and found[0].tag.POS == "ADJF"


_MINISTRY_HEAD = {"head": "minister", "deputy_head": "deputy_minister"}
_BOARDS = {"совет", "board"}


def role_code(title: str | None, of_region: bool = False, of_ministry: bool = False) -> str | None:
    """The role code of a title as written, or None when no known title is in it. of_region: the body the
    person heads is a region ("Head of Mordovia": head_of_region); of_ministry: it is a ministry («глава
    Минпромторга», «заместитель главы Минэка»: minister, deputy_minister)."""
    if not title:
        return None
    words = _split_prefix(_words(title))
    found = _head(words)
    if found is None:
        return None
    code, at = found
    if code == "head" and _BOARDS & set(words[at + 1 : at + 4]):
        code = "chairman"  # «глава совета директоров», "head of the board": the board's chairman
    if code in _REGION_HEAD and of_region:
        code = "head_of_region"
    deputy = any(w in _DEPUTY for w in words[:at])
    code = f"deputy_{code}" if deputy else code
    return _MINISTRY_HEAD.get(code, code) if of_ministry else code


_FOLD = re.compile(r"[\s\-‐–—]+")
_TITLE_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*\.?")


def normalised_title(title: str | None) -> str | None:
    """The title as stated, lower case, spaces and dashes folded, a Russian title in the nominative:
    "Заместителем министра" → "заместитель министра", "Vice-Governor" → "vice governor", so one title
    written two ways is one role. The organisation and region are not part of a title as the role layer
    reads it; of a compound title ("вице-премьер – министр …") the first title is kept, as its code is."""
    if not title:
        return None
    first = re.split(r"\s[–—-]\s", title)[0]
    words = _TITLE_WORD.findall(first)
    if has_cyrillic(first):
        words = _nominative(words)
    folded = _FOLD.sub(" ", " ".join(words).lower()).strip()
    return folded or None


def _nominative(words: list[str]) -> list[str]:
    """The head of a Russian title in the nominative singular: its first noun and the adjectives before it,
    or a participle before any noun ("исполняющего обязанности" → "исполняющий обязанности"); the words
    after the head as written."""
    head = next((i for i, w in enumerate(words) if _is_head(words, i)), None)
    participle = next((i for i, w in enumerate(words) if _first_parse(w, "PRTF") is not None), None)
    if participle is not None and (head is None or participle < head):  # "исполняющего обязанности …"
        return [*words[:participle], _inflected(words[participle], {"nomn", "sing", "masc"}, "PRTF"),
                *words[participle + 1 :]]  # fmt: skip
    if head is None:
        return words
    noun = _first_parse(words[head], "NOUN")
    gender = noun.tag.gender or "masc"
    out = [_agreeing(w, {"nomn", "sing", gender}) for w in words[:head]]
    return [*out, _inflected(words[head], {"nomn", "sing"}, "NOUN"), *words[head + 1 :]]


def _is_head(words: list[str], i: int) -> bool:
    """A noun, not an abbreviation ("зам.")."""
    return not words[i].endswith(".") and _first_parse(words[i], "NOUN") is not None


def _agreeing(word: str, grams: set[str]) -> str:
    for pos in ("ADJF", "PRTF"):
        if _first_parse(word, pos) is not None:
            return _inflected(word, grams, pos)
    return word


def _first_parse(word: str, pos: str):
    found = parses(word)
    return found[0] if found and pos == found[0].tag.POS else None


def _inflected(word: str, grams: set[str], pos: str) -> str:
    from pymorphy2.analyzer import Parse

    parse = next((p for p in parses(word) if pos == p.tag.POS), None)
    form = Parse.inflect(parse, grams) if parse is not None else None
    return form.word if form is not None else word
