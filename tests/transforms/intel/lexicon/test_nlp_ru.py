"""Russian NLP functions: any string is accepted, letters Python cannot name included."""

from __future__ import annotations

import unicodedata

import pytest

from transforms.intel.lexicon.nlp_ru import (
    is_function_word,
    is_given_name,
    lemma,
    ner_spans,
    nominative_phrase,
    parses,
    surname_nominative,
    syntax,
)

TANGUT = "\U00017000"  # a letter (isalpha) without a name in Python's unicodedata


def test_the_letter_has_no_name() -> None:
    assert TANGUT.isalpha()
    with pytest.raises(ValueError, match="no such name"):
        unicodedata.name(TANGUT)


@pytest.mark.parametrize("word", [f"A{TANGUT}", TANGUT, f"Калуги{TANGUT}", f"{TANGUT}\u0301", ""])
def test_every_function_takes_a_word_with_a_nameless_letter(word: str) -> None:
    assert isinstance(parses(word), list)
    assert isinstance(lemma(word), str)
    assert isinstance(nominative_phrase(f"Губернатор {word}"), str)
    assert isinstance(surname_nominative(word, feminine=False), str)
    assert isinstance(is_given_name(word), bool) and isinstance(is_function_word(word), bool)


def test_words_around_such_a_letter_are_still_analysed() -> None:
    assert lemma(f"области{TANGUT}") == "область"
    assert nominative_phrase(f"Калужской области{TANGUT}") == "Калужская область"  # the normal form
    spans = ner_spans(f"Губернатор A{TANGUT} сказал. Губернатор Калужской области Владислав Шапша приехал.")
    assert ("PER", "Владислав Шапша") in [(span.kind, span.normal) for span in spans]


def test_the_dependency_parse_joins_a_name_to_its_title() -> None:
    text = "Губернатор области Денис Паслер посетил завод. Министр Иван Орлов выступил."
    tokens = syntax(text)
    assert [t.text for t in tokens][:4] == ["Губернатор", "области", "Денис", "Паслер"]
    assert all(text[t.start : t.end] == t.text for t in tokens)  # offsets in the text, across its sentences
    denis, ivan = tokens[2], next(t for t in tokens if t.text == "Иван")
    assert (tokens[denis.head].text, denis.rel) == ("Губернатор", "appos")
    assert tokens[ivan.head].text == "Министр" and ivan.index > tokens[ivan.head].index
    assert sum(t.head == -1 for t in tokens) == 2  # one root per sentence
