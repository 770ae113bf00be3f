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


class _Seen:
    """The articles compared so far, in order, indexed: a content hash's positions, and the roots and
    SimHashes as numpy arrays, so that a new article is compared with all of them at once. `match`
    finds what `_match` finds (the first earlier article with the same hash, else the first within
    MAX_HAMMING bits), in time that does not grow with the run as a Python loop over them does."""

    def __init__(self, roots: list[int], hashes: list[str | None], sims: list[int | None]) -> None:
        self.positions: dict[str, list[int]] = {}
        self.roots = np.zeros(max(64, 2 * len(roots)), dtype=np.int64)
        self.sims = np.zeros_like(self.roots, dtype=np.uint64)
        self.has_sim = np.zeros_like(self.roots, dtype=bool)
        self.count = 0
        for root, content, sim in zip(roots, hashes, sims, strict=True):
            self.add(root, content, sim)

    def add(self, root: int, content: str | None, sim: int | None) -> None:
        if self.count == len(self.roots):
            grow = len(self.roots)
            self.roots, self.sims = np.resize(self.roots, 2 * grow), np.resize(self.sims, 2 * grow)
            self.has_sim = np.resize(self.has_sim, 2 * grow)
        at, self.count = self.count, self.count + 1
        self.roots[at], self.has_sim[at] = root, sim is not None
        self.sims[at] = 0 if sim is None else sim & MASK64
        if content is not None:
            self.positions.setdefault(content, []).append(at)

    def match(self, key: int, content: str | None, sim: int | None) -> int | None:
        for at in self.positions.get(content, ()) if content is not None else ():
            if self.roots[at] != key:
                return int(self.roots[at])
        if sim is None:
            return None
        n = self.count
        near = np.bitwise_count(self.sims[:n] ^ np.uint64(sim & MASK64)) <= MAX_HAMMING
        found = np.flatnonzero(near & self.has_sim[:n] & (self.roots[:n] != key))
        return int(self.roots[found[0]]) if found.size else None


def _comparable(*columns: list) -> bool:
    """Keys and SimHashes all 64-bit integers (or missing SimHashes): what `_Seen` holds."""
    keys, *sims = columns
    in_range = all(isinstance(k, int) and -(1 << 63) <= k < 1 << 63 for k in keys)
    return in_range and all(s is None or isinstance(s, int) for column in sims for s in column)


class _Listed:
    """The articles compared so far as lists, compared one at a time (`_match`): for keys or SimHashes
    that are not 64-bit integers, which `_Seen` cannot hold."""

    def __init__(self, roots: list[int], hashes: list[str | None], sims: list[int | None]) -> None:
        self.seen = (roots, hashes, sims)

    def add(self, root: int, content: str | None, sim: int | None) -> None:
        for column, value in zip(self.seen, (root, content, sim), strict=True):
            column.append(value)

    def match(self, key: int, content: str | None, sim: int | None) -> int | None:
        return _match(key, content, sim, self.seen)


def duplicate_marks(
    frame: pl.DataFrame, known: pl.DataFrame | None = None
) -> tuple[list[int | None], dict[int, Exception]]:
    """duplicate_of for each row of the frame (see mark_duplicates), and the rows whose comparison raised
    (row index → the exception): such a row is marked None and is not compared with later rows."""
    earlier = _earlier(known)
    keys, sims = frame["article_key"].to_list(), frame["simhash"].to_list()
    comparable = _comparable([*earlier[0], *keys], earlier[2], sims)
    seen = _Seen(*earlier) if comparable else _Listed(*earlier)
    marks: list[int | None] = []
    failed: dict[int, Exception] = {}
    rows = zip(keys, frame["content_hash"], sims, strict=True)
    for index, (key, content, sim) in enumerate(rows):
        try:
            root = seen.match(key, content, sim)
        except Exception as exc:  # one record never stops the batch: the caller holds it back
            failed[index] = exc
            marks.append(None)
            continue
        marks.append(root)
        seen.add(root if root is not None else key, content, sim)
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
