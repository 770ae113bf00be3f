"""decode_html: header charset, then <meta charset>, then detection; a wrong declaration falls back."""

from __future__ import annotations

import codecs

from transforms.extract.encoding import decode_html, decode_mixed_utf8, meta_charset, repaired_double_encoding

RUSSIAN = (
    "Калужская область развивает промышленные кластеры, технопарки и особые экономические зоны. "
    "Губернатор принял участие в стратегической сессии, посвящённой развитию производства в регионе. "
    "Участники обсудили меры поддержки резидентов и новые площадки для инвесторов."
)


def page(head: str = "") -> str:
    return f"<html><head>{head}<title>Новости кластеров</title></head><body><p>{RUSSIAN}</p></body></html>"


def test_cp1251_with_header_charset() -> None:
    assert decode_html(page().encode("cp1251"), "windows-1251") == (page(), "cp1251")


def test_cp1251_with_meta_charset_only() -> None:
    html = page('<meta charset="windows-1251">')
    assert decode_html(html.encode("cp1251")) == (html, "cp1251")


def test_meta_http_equiv_charset() -> None:
    html = page('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">')
    assert meta_charset(html.encode("cp1251")) == "cp1251"


def test_cp1251_detected_without_any_declaration() -> None:
    assert decode_html(page().encode("cp1251")) == (page(), "cp1251")


def test_wrong_header_charset_falls_back_to_meta() -> None:
    html = page('<meta charset="windows-1251">')
    assert decode_html(html.encode("cp1251"), "utf-8") == (html, "cp1251")


def test_wrong_header_charset_falls_back_to_detection() -> None:
    assert decode_html(page().encode("cp1251"), "utf-8") == (page(), "cp1251")


def test_unknown_header_charset_is_ignored() -> None:
    assert decode_html(page().encode("utf-8"), "no-such-charset") == (page(), "utf-8")


def test_koi8_r_declared_in_meta() -> None:
    html = page('<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">')
    assert decode_html(html.encode("koi8-r")) == (html, "koi8-r")


def test_koi8_r_detected_without_declaration() -> None:
    assert decode_html(page().encode("koi8-r")) == (page(), "koi8-r")


def test_utf8_bom_wins_over_a_wrong_header() -> None:
    body = codecs.BOM_UTF8 + page().encode("utf-8")
    assert decode_html(body, "windows-1251") == (page(), "utf-8")


def test_plain_utf8() -> None:
    assert decode_html(page('<meta charset="utf-8">').encode("utf-8")) == (
        page('<meta charset="utf-8">'),
        "utf-8",
    )


def test_empty_body() -> None:
    assert decode_html(b"") == ("", "utf-8")


def test_mixed_utf8_page_with_a_cp1251_paragraph() -> None:
    head = '<html><head><meta charset="utf-8"><title>Новости кластеров Калужской области</title></head><body>'
    body = head.encode("utf-8") + f"<p>{RUSSIAN}</p>".encode("cp1251") + b"</body></html>"
    text, encoding = decode_html(body)
    assert encoding == "utf-8+cp1251"
    assert text == head + f"<p>{RUSSIAN}</p></body></html>"


def test_cp1251_page_with_a_few_chance_utf8_pairs_is_not_mixed() -> None:
    # "Р" followed by "ё" is a valid UTF-8 pair by chance ("и"): too few to call the page UTF-8
    html = page() + "<p>Рё Рё Рё</p>"
    assert decode_html(html.encode("cp1251"), "utf-8") == (html, "cp1251")


def test_invalid_bytes_that_are_not_cyrillic_are_not_read_as_cp1251() -> None:
    head = '<html><head><meta charset="utf-8"><title>Новости кластеров Калужской области</title></head>'
    body = head.encode("utf-8") + bytes(range(0x80, 0xA0)) * 4 + b"</html>"
    assert decode_mixed_utf8(body) is None


ENGLISH = "If you\u2019re reading this, the study\u2019s author said \u201cit works\u201d \u2014 in rats."


def test_a_page_encoded_twice_is_put_right() -> None:
    # UTF-8 bytes read as Latin-1 and encoded again: what a page served twice-encoded decodes to
    html = f'<html><head><meta charset="utf-8"></head><body><p>{ENGLISH}</p></body></html>'
    text, encoding = decode_html(html.encode().decode("latin-1").encode())
    assert encoding == "utf-8" and "you\u00e2\x80\x99re" in text
    assert repaired_double_encoding(text) == html


def test_text_without_c1_controls_is_left_alone() -> None:
    # "CÃ´tÃ©" may be mojibake or a page's own letters: without C1 controls nothing says which
    for text in (ENGLISH, page(), "Benjamin CÃ´tÃ© a marqué", "grâce à la pâtisserie"):
        assert repaired_double_encoding(text) is text
