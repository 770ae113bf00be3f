"""Exact duplicates (same content hash) and near duplicates (SimHash of word 3-shingles within a Hamming
distance) of articles: a copy points to the first-seen article through duplicate_of.

"First seen" is the order of `known` (earlier runs' articles), then the order of the frame."""

from __future__ import annotations

import hashlib
import re

import numpy as np
import polars as pl

SHINGLE_WORDS = 3
MIN_SHINGLES = 20  # shorter texts get no SimHash: too few features to tell a copy from a neighbour
MAX_HAMMING = 7  # of 64 bits; see docs/extraction.md, "Duplicates", for the distances measured
MASK64 = (1 << 64) - 1
_WORD = re.compile(r"\w+")


def _shingle_digest(shingle: str) -> bytes:
    """The shingle's 64-bit hash (blake2b), as 8 bytes, most significant first."""
    return hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest()


def simhash(text: str | None) -> int | None:
    """A 64-bit SimHash of the text's word 3-shingles as a signed 64-bit integer (storable as BIGINT),
    None when the text has fewer than MIN_SHINGLES shingles: bit i is set when more of the shingles'
    hashes have bit i set than not."""
    words = _WORD.findall((text or "").lower())
    shingles = set(map(" ".join, zip(*(words[i:] for i in range(SHINGLE_WORDS)), strict=False)))
    if len(shingles) < MIN_SHINGLES:
        return None
    digests = np.frombuffer(b"".join(map(_shingle_digest, shingles)), dtype=np.uint8)
    ones = np.unpackbits(digests.reshape(-1, 8), axis=1).sum(axis=0)  # column 0 is bit 63
    value = int.from_bytes(np.packbits(ones * 2 > len(shingles)).tobytes(), "big")
    return value - (1 << 64) if value >= 1 << 63 else value


def hamming(a: int, b: int) -> int:
    """Differing bits of two 64-bit SimHashes, signed or not."""
    return ((a ^ b) & MASK64).bit_count()


def _earlier(known: pl.DataFrame | None) -> tuple[list[int], list[str | None], list[int | None]]:
    """(root key, content hash, simhash) of the known articles; the root is what a copy points to."""
    if known is None or known.height == 0:
        return [], [], []
    keys = known.get_column("article_key").to_list()
    roots = known.get_column("duplicate_of").to_list() if "duplicate_of" in known.columns else keys
    root_keys = [r if r is not None else k for r, k in zip(roots, keys, strict=True)]
    return root_keys, known.get_column("content_hash").to_list(), known.get_column("simhash").to_list()


def _match(
    key: int, content: str | None, sim: int | None, seen: tuple[list[int], list[str | None], list[int | None]]
) -> int | None:
    roots, hashes, sims = seen
    for root, other in zip(roots, hashes, strict=True):
        if content is not None and other == content and root != key:
            return root
    if sim is None:
        return None
    for root, other in zip(roots, sims, strict=True):
        if other is not None and root != key and hamming(sim, other) <= MAX_HAMMING:
            return root
    return None


def duplicate_marks(
    frame: pl.DataFrame, known: pl.DataFrame | None = None
) -> tuple[list[int | None], dict[int, Exception]]:
    """duplicate_of for each row of the frame (see mark_duplicates), and the rows whose comparison raised
    (row index → the exception): such a row is marked None and is not compared with later rows."""
    seen = _earlier(known)
    marks: list[int | None] = []
    failed: dict[int, Exception] = {}
    rows = zip(frame["article_key"], frame["content_hash"], frame["simhash"], strict=True)
    for index, (key, content, sim) in enumerate(rows):
        try:
            root = _match(key, content, sim, seen)
        except Exception as exc:  # one record never stops the batch: the caller holds it back
            failed[index] = exc
            marks.append(None)
            continue
        marks.append(root)
        seen[0].append(root if root is not None else key)
        seen[1].append(content)
        seen[2].append(sim)
    return marks, failed


def mark_duplicates(frame: pl.DataFrame, known: pl.DataFrame | None = None) -> pl.DataFrame:
    """duplicate_of (Int64): the article_key of the first-seen article with the same content hash, or
    else a SimHash within MAX_HAMMING bits; null for originals. `known` holds earlier runs' articles
    (article_key, content_hash, simhash and, when present, duplicate_of). The frame needs article_key,
    content_hash and simhash; it is not modified. Raises the first error of a row that could not be
    compared (`duplicate_marks` returns them instead)."""
    marks, failed = duplicate_marks(frame, known)
    if failed:
        raise next(iter(failed.values()))
    return frame.with_columns(pl.Series("duplicate_of", marks, dtype=pl.Int64))
