"""Bytes of a feed, sitemap or listing page to text: the header's charset, then the document's own
declaration (<?xml encoding> or <meta charset>), then detection (charset_normalizer)."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

DECLARED = re.compile(
    rb"""(?:<\?xml[^>]+encoding|<meta[^>]+charset)\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I
)


def _decode(body: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return body.decode(codecs.lookup(encoding.strip()).name)
    except (LookupError, UnicodeDecodeError):
        return None


def declared_charset(body: bytes) -> str | None:
    match = DECLARED.search(body[:4096])
    return match.group(1).decode("ascii") if match else None


def decode_text(body: bytes, header_charset: str | None = None) -> str:
    """The body as text; a declared charset that does not decode it is ignored, not trusted."""
    if body.startswith(codecs.BOM_UTF8):
        return body[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    for declared in (header_charset, declared_charset(body)):
        text = _decode(body, declared)
        if text is not None:
            return text
    best = from_bytes(body[:200_000]).best()
    return body.decode(best.encoding if best else "utf-8", errors="replace")
