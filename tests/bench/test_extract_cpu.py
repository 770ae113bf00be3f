"""bench/extract_cpu.py: the digest of a page's extraction names what changed, a page's digest does not
depend on the pages extracted before it, and --compare fails on a page whose output differs (real pages
of ../shared/devsets, read by path; skipped when they are absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.devsets import DANIEL_RU, DEFAULT_ROOT, DevPage, daniel_pages
from bench.extract_cpu import main, output_digest, page_key, project

ARTICLE = {"text": "Технопарк открыт.", "title": "Технопарк", "published": "2026-11-20", "language": "ru"}


def test_digest_changes_with_each_field_and_the_reason() -> None:
    digest = output_digest(ARTICLE, None)
    assert output_digest(dict(ARTICLE), None) == digest
    for name in ARTICLE:
        assert output_digest({**ARTICLE, name: "other"}, None) != digest
    assert output_digest(None, "not an article: main text too short") != output_digest(None, None)


@pytest.fixture(scope="module")
def pages() -> list[DevPage]:
    if not (DEFAULT_ROOT / DANIEL_RU).is_dir():
        pytest.skip(f"no development set at {DEFAULT_ROOT / DANIEL_RU}")
    return daniel_pages(DEFAULT_ROOT, DANIEL_RU)[:3]


def test_a_page_extracts_the_same_after_other_pages(pages: list[DevPage]) -> None:
    first = project(pages[0])
    others = [project(page) for page in pages[1:]]
    assert project(pages[0]) == first
    assert first not in others


def test_compare_names_the_pages_whose_output_differs(pages: list[DevPage], tmp_path: Path) -> None:
    digest = tmp_path / "digest.json"
    args = [str(DEFAULT_ROOT), "--sets", DANIEL_RU, "--limit", "2", "--no-bare", "--digest", str(digest)]
    assert main(args) == 0
    written = json.loads(digest.read_text("utf-8"))
    assert set(written) == {page_key(page) for page in pages[:2]}
    assert main([*args[:-1], str(tmp_path / "again.json"), "--compare", str(digest)]) == 0
    tampered = tmp_path / "tampered.json"
    tampered.write_text(json.dumps({**written, page_key(pages[1]): "0" * 64}), "utf-8")
    assert main([*args[:-1], str(tmp_path / "third.json"), "--compare", str(tampered)]) == 1


def test_limit_must_be_positive() -> None:
    with pytest.raises(SystemExit):
        main(["--limit", "0"])
