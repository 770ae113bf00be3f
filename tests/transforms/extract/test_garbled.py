"""Text that reads as garbage is told apart from prose."""

from __future__ import annotations

from transforms.extract.garbled import garbled_reason

RU = "Калужская область развивает промышленные кластеры, технопарки и особые экономические зоны."
EN = "The Kaluga Region develops industrial clusters, technoparks and special economic zones."


def test_prose_passes() -> None:
    assert garbled_reason(RU) is None
    assert garbled_reason(EN) is None
    assert garbled_reason("В 2021 году: 8 кластеров, 40% ВРП, 1 042 га.") is None


def test_mojibake_is_garbled() -> None:
    assert garbled_reason(RU.encode("utf-8").decode("cp1251")).startswith("garbled encoding")
    assert garbled_reason(RU.encode("utf-8").decode("latin-1")).startswith("garbled encoding")


def test_replacement_characters() -> None:
    assert garbled_reason(RU + "\ufffd\ufffd").startswith("undecodable characters (2")


def test_symbols_and_numbers_are_not_prose() -> None:
    assert garbled_reason("{}[]<>|\\/ 0101 1100 %%% ### @@@") == "not prose (0% letters)"
    assert garbled_reason("   ") == "no text"
