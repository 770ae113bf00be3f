"""Language from the text, not the page's declaration; other languages recorded as they are."""

from __future__ import annotations

import pytest

from transforms.extract.language import detect_language, language_and_score

RU = "Калужская область развивает промышленные кластеры, технопарки и особые экономические зоны."
EN = "The Kaluga Region develops industrial clusters, technoparks and special economic zones."
UK = "Калузька область розвиває промислові кластери, технопарки та особливі економічні зони."
DE = "Die Region Kaluga entwickelt Industriecluster, Technologieparks und Sonderwirtschaftszonen."


@pytest.mark.parametrize(("text", "code"), [(RU, "ru"), (EN, "en"), (UK, "uk"), (DE, "de")])
def test_language_of_the_text(text: str, code: str) -> None:
    assert detect_language(text) == code


def test_text_wins_over_a_wrong_declaration() -> None:
    assert detect_language(RU, hint="en") == "ru"
    assert detect_language(EN, hint="ru-RU") == "en"


def test_declaration_decides_when_the_text_is_too_short() -> None:
    assert detect_language("ОЭЗ", hint="ru-RU") == "ru"
    assert detect_language("ОЭЗ", hint="ru_RU") == "ru"
    assert detect_language("ОЭЗ") is None
    assert detect_language("ОЭЗ", hint="not-a-language") is None


def test_score_is_a_probability() -> None:
    code, score = language_and_score(RU)
    assert code == "ru" and 0.5 < score <= 1.0
    assert language_and_score("  ") == (None, 0.0)
