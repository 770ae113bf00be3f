"""The raw page store: content-addressed, compressed, written once, read back byte for byte."""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import pytest

from ingest import raw_store

BODY = "<html><body><p>Технопарк «Калуга»</p></body></html>".encode("windows-1251")


def test_put_stores_compressed_under_its_hash(tmp_path: Path) -> None:
    sha, relative = raw_store.put(tmp_path, BODY)
    assert sha == hashlib.sha256(BODY).hexdigest()
    assert relative == Path(sha[:2]) / sha[2:4] / f"{sha}.html.gz"
    assert gzip.decompress((tmp_path / relative).read_bytes()) == BODY
    assert raw_store.get(tmp_path, sha) == BODY
    assert raw_store.has(tmp_path, sha)


def test_same_body_is_stored_once(tmp_path: Path) -> None:
    first = raw_store.put(tmp_path, BODY)
    second = raw_store.put(tmp_path, BODY)
    assert first == second
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [f"{first[0]}.html.gz"]


def test_compression_pays_off_on_html(tmp_path: Path) -> None:
    body = b"<p>industrial park</p>\n" * 2000
    _sha, relative = raw_store.put(tmp_path, body)
    assert (tmp_path / relative).stat().st_size < len(body) / 10


def test_missing_and_damaged_copies_are_errors(tmp_path: Path) -> None:
    sha, relative = raw_store.put(tmp_path, BODY)
    with pytest.raises(FileNotFoundError):
        raw_store.get(tmp_path, hashlib.sha256(b"other").hexdigest())
    (tmp_path / relative).write_bytes(gzip.compress(b"tampered"))
    with pytest.raises(ValueError, match="damaged"):
        raw_store.get(tmp_path, sha)


@pytest.mark.parametrize("bad", ["", "abc", "../" * 21 + "x", "G" * 64])
def test_only_sha256_digests_make_paths(bad: str) -> None:
    with pytest.raises(ValueError, match="SHA-256"):
        raw_store.relative_path(bad)


@pytest.mark.parametrize("scheme", ["memory", "file"])
def test_a_store_at_an_fsspec_url(scheme: str, tmp_path: Path) -> None:
    import uuid

    root = f"memory://raw-{uuid.uuid4().hex}" if scheme == "memory" else f"file://{tmp_path}"
    sha, relative = raw_store.put(root, BODY)
    assert raw_store.put(root, BODY) == (sha, relative)
    assert raw_store.has(root, sha) and raw_store.get(root, sha) == BODY
    assert not raw_store.has(root, "0" * 64)
    with pytest.raises(FileNotFoundError):
        raw_store.get(root, "0" * 64)
