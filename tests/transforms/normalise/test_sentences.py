"""Sentence and paragraph offsets: Russian and English abbreviations, initials, paragraphs kept apart."""

from __future__ import annotations

from transforms.normalise.sentences import paragraph_spans, split_sentences


def sentences(text: str, language: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, language)]


def test_russian_abbreviations_and_initials() -> None:
    text = (
        "В г. Калуге губернатор В. В. Шапша провёл сессию, т. е. стратегическое совещание. "
        "Субсидия составит 900 млн руб. на инфраструктуру. Её получит ООО «Ромашка»."
    )
    assert sentences(text, "ru") == [
        "В г. Калуге губернатор В. В. Шапша провёл сессию, т. е. стратегическое совещание.",
        "Субсидия составит 900 млн руб. на инфраструктуру.",
        "Её получит ООО «Ромашка».",
    ]


def test_english_abbreviations() -> None:
    text = "Under Decree No. 1659, Mr. Popov said the park gets 3 bn. rubles. The work starts in May."
    assert sentences(text, "en") == [
        "Under Decree No. 1659, Mr. Popov said the park gets 3 bn. rubles.",
        "The work starts in May.",
    ]


def test_sentences_do_not_cross_paragraphs() -> None:
    text = "Первый абзац без точки\nВторой абзац. И ещё одно предложение."
    assert sentences(text, "ru") == ["Первый абзац без точки", "Второй абзац.", "И ещё одно предложение."]


def test_offsets_index_the_original_text() -> None:
    text = "  Lead line.  \nSecond. Third!"
    spans = split_sentences(text, "en")
    assert spans == [(2, 12), (15, 22), (23, 29)]
    assert [text[s:e] for s, e in spans] == ["Lead line.", "Second.", "Third!"]


def test_paragraph_spans() -> None:
    text = "One.\n\n  Two, still two.\nThree"
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["One.", "Two, still two.", "Three"]


def test_empty_text() -> None:
    assert split_sentences("", "ru") == []
    assert paragraph_spans("") == []
