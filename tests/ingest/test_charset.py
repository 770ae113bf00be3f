"""Feed, sitemap and listing-page bytes to text: header, then the document's declaration, then detection."""

from __future__ import annotations

from ingest.charset import declared_charset, decode_text

RU = "Особая экономическая зона Людиново: резидент открыл завод по выпуску комплектующих."


def test_header_charset_first() -> None:
    assert decode_text(RU.encode("koi8-r"), "koi8-r") == RU


def test_meta_charset_when_the_header_has_none() -> None:
    page = f'<html><head><meta charset="windows-1251"></head><body>{RU}</body></html>'
    assert decode_text(page.encode("windows-1251")) == page


def test_xml_declaration() -> None:
    feed = f'<?xml version="1.0" encoding="windows-1251"?><rss><item><title>{RU}</title></item></rss>'
    assert declared_charset(feed.encode("windows-1251")) == "windows-1251"
    assert decode_text(feed.encode("windows-1251")) == feed


def test_wrong_header_charset_is_not_trusted() -> None:
    assert decode_text(RU.encode("utf-8"), "ascii") == RU


def test_detection_without_any_declaration() -> None:
    text = (RU + " ") * 20
    assert decode_text(text.encode("windows-1251")) == text
