"""The sentence around an offset, in Russian and English text."""

from __future__ import annotations

import pytest

from transforms.watch.sentences import sentence_at, sentence_with

TEXT = (
    "Under Government Decree No. 1119 the costs are paid back. Вторая фраза здесь! Third one?\n"
    "A new paragraph «Кластер» starts."
)


@pytest.mark.parametrize(
    ("word", "sentence"),
    [
        ("1119", "Under Government Decree No. 1119 the costs are paid back."),
        ("фраза", "Вторая фраза здесь!"),
        ("Third", "Third one?"),
        ("paragraph", "A new paragraph «Кластер» starts."),
    ],
)
def test_the_sentence_holding_the_offset(word: str, sentence: str) -> None:
    assert sentence_at(TEXT, TEXT.index(word)) == sentence


def test_offsets_outside_the_window_and_empty_windows() -> None:
    assert sentence_at(TEXT, -5) == "Under Government Decree No. 1119 the costs are paid back."
    assert sentence_at(TEXT, 10_000) == "A new paragraph «Кластер» starts."
    assert sentence_at("", 3) == ""


def test_the_sentence_with_the_words_nearest_the_offset_wins() -> None:
    text = "Ivan Petrov spoke first. Later, Governor Ivan Petrov signed it. Nothing else."
    assert sentence_with(text, 0, "governor") == "Later, Governor Ivan Petrov signed it."
    assert sentence_with(text, 0, "minister") == "Ivan Petrov spoke first."
    assert sentence_with(text, 0, None) == "Ivan Petrov spoke first."
