"""Bytes to text: the HTTP header's charset, then <meta charset>, then a UTF-8 page with stray
single-byte Cyrillic runs (mixed encodings), then detection."""

from __future__ import annotations

import codecs
import re

import ftfy
from charset_normalizer import from_bytes

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
MIXED_FALLBACK = "cp1251"  # what Russian pages mix into UTF-8: templates in UTF-8, old texts in cp1251
MIN_UTF8_CHARS = 20  # a mixed page has real UTF-8 text (menus, titles), not chance byte pairs
MIN_UTF8_SHARE = 0.05  # ... and it is not a small share of its non-ASCII characters
MIN_CYRILLIC_SHARE = 0.8  # the invalid bytes, read as cp1251, are Cyrillic text
CP1251_PUNCTUATION = "«»—–„“”‘’№…\u00a0"


_CP1251_FOR_ESCAPES = {
    0xDC00 + b: bytes([b]).decode(MIXED_FALLBACK, errors="replace") for b in range(128, 256)
}


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


def _try(body: bytes, encoding: str | None) -> str | None:
    if encoding is None:
        return None
    try:
        return body.decode(encoding)
    except UnicodeDecodeError:
        return None


def meta_charset(body: bytes) -> str | None:
    match = META_CHARSET.search(body[:4096])
    return _codec(match.group(1).decode("ascii")) if match else None


def _escaped_bytes(text: str) -> bytes:
    return bytes(ord(c) - 0xDC00 for c in text if "\udc80" <= c <= "\udcff")


def decode_mixed_utf8(body: bytes) -> str | None:
    """A UTF-8 page with cp1251 runs in it, each invalid byte read as cp1251; None when the page is not
    that: too little valid UTF-8 beside the invalid bytes, or invalid bytes that do not read as Cyrillic."""
    escaped = body.decode("utf-8", errors="surrogateescape")
    bad = _escaped_bytes(escaped)
    if not bad:
        return None
    valid = sum(1 for c in escaped if ord(c) > 127) - len(bad)
    if valid < MIN_UTF8_CHARS or valid / (valid + len(bad)) < MIN_UTF8_SHARE:
        return None
    recovered = bad.decode(MIXED_FALLBACK, errors="replace")
    readable = sum(1 for c in recovered if "\u0400" <= c <= "\u04ff" or c in CP1251_PUNCTUATION)
    return escaped.translate(_CP1251_FOR_ESCAPES) if readable / len(bad) >= MIN_CYRILLIC_SHARE else None


# C0 control characters other than tab and line breaks (and DEL) are not text, and XML (which the
# extractor builds) refuses them: one stray backspace in a page would empty its article.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def without_controls(text: str) -> str:
    """The text with control characters removed (vertical tab and form feed become spaces)."""
    return _CONTROLS.sub(lambda m: " " if m.group(0) in "\x0b\x0c" else "", text)


# C1 control characters (U+0080-U+009F) are never text: in a decoded page they are the continuation bytes
# of UTF-8 read as Latin-1 (a page encoded twice, "youâ\x80\x99re"), or cp1252 quotes read as Latin-1
_C1 = re.compile("[\x80-\x9f]")


def repaired_double_encoding(text: str) -> str:
    """The text with its lines that hold C1 control characters put right by ftfy ("youâ\x80\x99re" →
    "you’re"); a text without them (nearly every page) is returned as it is, in one regex search."""
    if not _C1.search(text):
        return text
    lines = text.split("\n")
    return "\n".join(ftfy.fix_encoding(line) if _C1.search(line) else line for line in lines)


def decode_html(body: bytes, header_charset: str | None = None) -> tuple[str, str]:
    """(text, encoding used). A declared charset that fails to decode is ignored, not trusted."""
    if body.startswith(codecs.BOM_UTF8):
        return body[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8"
    for declared in (_codec(header_charset), meta_charset(body)):
        text = _try(body, declared)
        if text is not None:
            return text, declared  # type: ignore[return-value]
    mixed = decode_mixed_utf8(body)
    if mixed is not None:
        return mixed, "utf-8+cp1251"
    best = from_bytes(body[:200_000]).best()
    encoding = _codec(best.encoding) if best else None
    return body.decode(encoding or "utf-8", errors="replace"), encoding or "utf-8"
