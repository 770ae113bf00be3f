"""Text that reads as garbage is told apart from prose."""

from __future__ import annotations

from transforms.extract.article import extract_article
from transforms.extract.garbled import garbled_reason, without_stray_replacements

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


def test_a_stray_byte_opening_a_line_is_dropped_and_one_inside_a_word_counts() -> None:
    text = f"{EN}\n\ufffdThis technique needs no endoscope.\n\ufffd\ufffd Patients can walk."
    assert without_stray_replacements(text) == f"{EN}\nThis technique needs no endoscope.\nPatients can walk."
    assert without_stray_replacements("Gr\ufffd\ufffde") == "Gr\ufffd\ufffde"


def test_an_article_whose_paragraphs_open_with_an_undecodable_byte_is_loaded() -> None:
    """A page whose paragraphs open with U+FFFD, the site's own replacement of a lost no-break space (as
    on a real news site): it used to be held back as undecodable."""
    paragraphs = [
        "Thiruvananthapuram: the medical city has introduced wireless capsule endoscopy for the bowel.",
        "This technique does not require inserting an endoscope through the mouth of the patient.",
        "Instead of lying still on an examination table, patients can walk after swallowing the pill.",
        "It is also disposable and therefore more comfortable for the patients who need it.",
    ]
    body = b"".join(b"<p>" + f"\ufffd{p}".encode() + b"</p>" for p in paragraphs)
    html = b"<html><head><meta charset='utf-8'><title>Capsule endoscopy</title></head><body>" + body
    article = extract_article(html + b"</body></html>", "https://health.example/capsule", charset="utf-8")
    assert "\ufffd" not in article["text"]
    assert article["text"].startswith("Thiruvananthapuram") and "more comfortable" in article["text"]
