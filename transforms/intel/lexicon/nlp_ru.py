"""Russian NLP with natasha: models loaded once per process, NER spans normalised to the nominative."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from transforms.intel.lexicon.translit import has_cyrillic


@dataclass(frozen=True)
class NerSpan:
    kind: str  # PER, ORG, LOC
    start: int
    end: int
    text: str
    normal: str


@cache
def _models() -> dict[str, Any]:
    """natasha's segmenter and NER tagger; the weights ship inside the packages (no download)."""
    from natasha import NewsNERTagger, Segmenter

    return {
        "segmenter": Segmenter(),
        "vocab": _analyzer(),
        "ner": NewsNERTagger(embedding()),
    }


@cache
def embedding() -> Any:
    """natasha's news word embedding, loaded once per process for the NER tagger and the syntax parser."""
    from natasha import NewsEmbedding

    return NewsEmbedding()


@cache
def _analyzer() -> Any:
    from natasha import MorphVocab

    return MorphVocab()


def _nameable(word: str) -> str:
    """The word without the letters Python cannot name (some outside the Basic Multilingual Plane, e.g.
    Tangut): pymorphy2 calls unicodedata.name() on letters, which raises for those."""
    if not word or max(word) < "\U00010000":  # every letter of the BMP has a name
        return word
    return "".join(char for char in word if not char.isalpha() or unicodedata.name(char, ""))


def parses(word: str) -> list[Any]:
    """pymorphy2's parses of a word (best first); any string is accepted."""
    return _analyzer().parse(_nameable(word))


# lemmas this domain prefers when pymorphy2 also reads a word so: парке, парки are forms of парк (not of the
# coat парка), премьеру of премьер (not of the theatre's премьера), промпарке, промпарков of промпарк (not of
# a guessed промпарка or промпарковый), Агропарка of агропарк (not of a guessed агропарка)
_PREFERRED = {"парк", "премьер", "промпарк", "агропарк", "агропромпарк"}


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The dictionary form of one Russian word, lower case, ё as е."""
    found = parses(word)
    preferred = next((p.normal_form for p in found if p.normal_form in _PREFERRED), None)
    if preferred is None and found and {"NOUN", "Geox"} <= set(found[0].tag.grammemes):
        # Тверская, Ростовская: a street's name first, the region's adjective too (Тверской → тверской)
        preferred = next((p.normal_form for p in found if p.tag.POS == "ADJF"), None)
    normal = preferred or (found[0].normal_form if found else word.lower())
    return normal.lower().replace("ё", "е")


@lru_cache(maxsize=50_000)
def surname_nominative(word: str, feminine: bool) -> str:
    """A surname in the nominative: pymorphy2's Surn parse when there is one, otherwise the word itself."""
    for parse in parses(word):
        if "Surn" in parse.tag:
            from pymorphy2.analyzer import Parse

            form = Parse.inflect(parse, {"nomn", "femn" if feminine else "masc"})
            if form is not None:
                return form.word
    return word.lower()


def is_plural(word: str) -> bool:
    """True when pymorphy2's most likely reading of the word is plural (компаний, городах)."""
    found = parses(word)
    return bool(found) and found[0].tag.number == "plur"


def is_verb(word: str) -> bool:
    """The word reads first as a finite verb (pymorphy2): «назначил», «поблагодарил»; not «развития»."""
    found = parses(word)
    return bool(found) and found[0].tag.POS == "VERB"


def is_preposition(word: str) -> bool:
    """The word reads first as a preposition (pymorphy2): «с», «для», «при»."""
    found = parses(word)
    return bool(found) and found[0].tag.POS == "PREP"


def case_of(word: str) -> set[str]:
    """The grammatical cases pymorphy2 reads the word in (none when it does not decline: Вейк-ан-Зее)."""
    found = [p for p in parses(word) if p.tag.case and "Fixd" not in p.tag and p.score > 0.05]
    return {p.tag.case for p in found} if found and has_cyrillic(word) else set()


def agrees_as_adjective(word: str, noun: str) -> bool:
    """True when word reads as an adjective in the noun's number and case (ежемесячной газеты)."""
    nouns = [p for p in parses(noun) if p.tag.POS == "NOUN"]
    for parse in parses(word)[:2]:
        if parse.tag.POS in {"ADJF", "PRTF"} and any(
            parse.tag.case == n.tag.case and parse.tag.number == n.tag.number for n in nouns
        ):
            return True
    return False


def is_surname(word: str) -> bool:
    """True when pymorphy2 reads the capitalised word as a surname (Воробьёв, Лихачёва)."""
    return word[:1].isupper() and any("Surn" in parse.tag for parse in parses(word)[:3])


def reads_as(word: str, *grammemes: str) -> bool:
    """True when one of pymorphy2's readings of the word has all the grammemes (Алена: Name, femn, nomn)."""
    return any(all(g in parse.tag for g in grammemes) for parse in parses(word))


def is_known_given_name(word: str) -> bool:
    """True when pymorphy2's dictionary (not its guesser) has the word as a given name in the nominative
    (Всеволод, Савелий): how a Latin spelling outside the reference list is recognised."""
    return any(p.is_known and "Name" in p.tag and "nomn" in p.tag for p in parses(word))


def is_given_name(word: str) -> bool:
    return any("Name" in parse.tag for parse in parses(word)[:3])


def given_name_nominative(word: str) -> str:
    """A given name in the nominative (Владислава → Владислав)."""
    for parse in parses(word):
        if "Name" in parse.tag:
            return parse.normal_form
    return word.lower()


@cache
def _dates_extractor() -> Any:
    from natasha import DatesExtractor

    return DatesExtractor(_analyzer())


def dates_ru(text: str) -> list[Any]:
    """natasha's DatesExtractor matches (start, stop, fact) in a Russian text."""
    return list(_dates_extractor()(text))


def _cyrillic_chunks(text: str, size: int = 20_000) -> list[tuple[int, str]]:
    """(offset, chunk): runs of whole paragraphs with Cyrillic in them (blank lines and lines without letters
    between them included, so natasha reads the text as written), up to about size characters."""
    chunks: list[tuple[int, str]] = []
    offset = 0
    for paragraph in text.splitlines(keepends=True):
        cyrillic = any("\u0400" <= char <= "\u04ff" for char in paragraph)
        if cyrillic or (chunks and not any(char.isalpha() for char in paragraph)):
            last = chunks[-1] if chunks else None
            if last and last[0] + len(last[1]) == offset and len(last[1]) < size:
                chunks[-1] = (last[0], last[1] + paragraph)
            else:
                chunks.append((offset, paragraph))
        offset += len(paragraph)
    return chunks


def ner_spans(text: str) -> list[NerSpan]:
    """natasha NER over the Cyrillic paragraphs of text: persons, organisations, locations, nominative.

    Only the NER tagger runs (the morphology tagger would cost four times as much): the nominative
    comes from pymorphy2, head phrase inflected, dependents (genitives) left as written.
    """
    from natasha import Doc

    models = _models()
    spans = []
    for offset, chunk in _cyrillic_chunks(text):
        doc = Doc(chunk)
        doc.segment(models["segmenter"])
        doc.tag_ner(models["ner"])
        spans += [
            NerSpan(s.type, offset + s.start, offset + s.stop, s.text, nominative_phrase(s.text))
            for s in doc.spans
        ]
    return spans


def _parse_as(word: str, pos: str) -> Any | None:
    return next((p for p in parses(word) if pos == p.tag.POS), None)


def _inflect(word: str, parse: Any, grams: set[str]) -> str:
    from pymorphy2.analyzer import Parse

    form = Parse.inflect(parse, grams)
    target = form.word if form is not None else word.lower()
    if word.isupper() and len(word) > 1:
        return target.upper()
    return target[:1].upper() + target[1:] if word[:1].isupper() else target


def nominative_phrase(phrase: str) -> str:
    """«Калужской области» → «Калужская область», «Фонда развития промышленности» → «Фонд развития …».

    The head noun (the first noun) goes to the nominative, the adjectives before it agree with it,
    the words after it (genitives) stay as written.
    """
    words = phrase.split()
    nouns = [(i, p) for i, w in enumerate(words) if (p := _parse_as(w, "NOUN")) is not None]
    if not nouns:
        return phrase
    i, head = nouns[0]
    number = "plur" if head.tag.number == "plur" else "sing"
    agreement = {"nomn", number} | ({head.tag.gender} if number == "sing" and head.tag.gender else set())
    out = []
    for word in words[:i]:
        adjective = _parse_as(word, "ADJF")
        out.append(_inflect(word, adjective, agreement) if adjective is not None else word)
    out.append(_inflect(words[i], head, {"nomn", number}))
    return " ".join(out + words[i + 1 :])


_FUNCTION_POS = {"NPRO", "PREP", "CONJ", "PRCL", "INTJ", "ADVB"}


def is_function_word(word: str) -> bool:
    """True for a Cyrillic word most likely a pronoun, preposition, conjunction … (Того → тот)."""
    if not any("\u0400" <= char <= "\u04ff" for char in word):
        return False
    found = parses(word.lower())
    return bool(found) and (found[0].tag.POS in _FUNCTION_POS or "Apro" in found[0].tag)


@dataclass(frozen=True)
class SyntaxToken:
    """One token of a dependency parse: its characters in the parsed text, its index in its sentence (from
    0), the index of its head (-1 for the root) and the relation to it (Universal Dependencies)."""

    start: int
    end: int
    text: str
    index: int
    head: int
    rel: str


@cache
def syntax_parser() -> Any:
    """natasha's NewsSyntaxParser (the slovnet model ships inside the natasha package: no download), on the
    NER tagger's embedding (loaded once)."""
    from natasha import NewsSyntaxParser

    return NewsSyntaxParser(embedding())


@lru_cache(maxsize=2_000)
def syntax(text: str) -> tuple[SyntaxToken, ...]:
    """The dependency parse of a short Russian text (a sentence, or the few natasha's segmenter makes of
    it) by natasha's NewsSyntaxParser: every token with its head and relation, indexed across the text."""
    from natasha import Doc

    doc = Doc(text)
    doc.segment(_models()["segmenter"])
    doc.parse_syntax(syntax_parser())
    every = [token for sent in doc.sents for token in sent.tokens]
    ids = {token.id: i for i, token in enumerate(every)}
    return tuple(
        SyntaxToken(t.start, t.stop, t.text, i, ids.get(t.head_id, -1), t.rel or "")
        for i, t in enumerate(every)
    )
