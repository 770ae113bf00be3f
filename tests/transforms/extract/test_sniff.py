"""Bodies that are not HTML pages, whatever the server called them."""

from __future__ import annotations

import pytest

from transforms.extract.sniff import binary_kind, refusal

HTML = "<html><body><p>Калуга</p></body></html>".encode()


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"%PDF-1.7\n", "PDF document"),
        (b"PK\x03\x04\x14\x00", "ZIP archive (or DOCX, XLSX)"),
        (b"\x1f\x8b\x08\x00", "gzip data"),
        (b"\x00\x00\x00\x18ftypmp42", "MP4 or QuickTime media"),
    ],
)
def test_signatures(body: bytes, kind: str) -> None:
    assert binary_kind(body) == kind


def test_control_bytes_without_a_signature() -> None:
    assert binary_kind(bytes(range(256)) * 4) == "binary data (10% control bytes)"


@pytest.mark.parametrize("body", [HTML, "<p>Калуга</p>".encode("cp1251"), "<p>Калуга</p>".encode("utf-16")])
def test_text_is_not_binary(body: bytes) -> None:
    assert binary_kind(body) is None


def test_refusal_reasons() -> None:
    assert refusal(b" \n ", 100) == "empty page"
    assert refusal(HTML, 10) == f"page too large ({len(HTML):,} bytes > 10)"
    assert refusal(b"%PDF-1.4", 100) == "binary body (PDF document), not HTML"
    assert refusal(HTML, 1000) is None
