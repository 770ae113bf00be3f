"""Bytes to text: the HTTP header's charset, then <meta charset>, then detection."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


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


def decode_html(body: bytes, header_charset: str | None = None) -> tuple[str, str]:
    """(text, encoding used). A declared charset that fails to decode is ignored, not trusted."""
    if body.startswith(codecs.BOM_UTF8):
        return body[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8"
    for declared in (_codec(header_charset), meta_charset(body)):
        text = _try(body, declared)
        if text is not None:
            return text, declared  # type: ignore[return-value]
    best = from_bytes(body[:200_000]).best()
    encoding = _codec(best.encoding) if best else None
    return body.decode(encoding or "utf-8", errors="replace"), encoding or "utf-8"
