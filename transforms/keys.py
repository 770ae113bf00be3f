"""Stable keys: the same input gives the same key in every run, on every machine."""

from __future__ import annotations

import hashlib


def stable_key(*parts: str) -> int:
    """A positive 63-bit integer from the parts (sha1), usable as a BIGINT surrogate key."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") >> 1


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
