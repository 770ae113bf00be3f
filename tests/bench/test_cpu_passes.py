"""bench/cpu/passes.py: every page's steps are timed and its decisions counted, the output is the
extractor's own, and the extractor's functions are put back afterwards (real pages of
../shared/devsets, read by path; skipped when they are absent)."""

from __future__ import annotations

import pytest
import trafilatura.core
import trafilatura.external

import transforms.extract.article as article
from bench.cpu.passes import PASSES, Tally, measure, patched, report
from bench.devsets import DANIEL_RU, DEFAULT_ROOT, DevPage, daniel_pages
from bench.extract_cpu import project


@pytest.fixture(scope="module")
def pages() -> list[DevPage]:
    if not (DEFAULT_ROOT / DANIEL_RU).is_dir():
        pytest.skip(f"no development set at {DEFAULT_ROOT / DANIEL_RU}")
    return daniel_pages(DEFAULT_ROOT, DANIEL_RU)[:3]


def test_each_page_is_counted_once_in_its_steps(pages: list[DevPage]) -> None:
    tally = measure(pages)
    assert tally.pages == len(pages)
    assert tally.calls[PASSES["balanced"]] == len(pages)
    assert tally.calls["parse to a tree (and its size)"] == len(pages)
    kept = sum(count for name, count in tally.decided.items() if name.startswith("kept text"))
    assert kept + tally.decided["pages held back"] == len(pages)
    assert tally.decided["precision pass: its text kept"] <= tally.calls[PASSES["precision"]]
    assert "ms of CPU a page" in report(tally)


def test_the_extractor_is_put_back_and_extracts_the_same(pages: list[DevPage]) -> None:
    def steps() -> tuple[object, ...]:
        return (
            article._run,
            article.clean_tree,
            trafilatura.external.try_readability,
            trafilatura.core.baseline,
        )

    before, originals = [project(page) for page in pages], steps()
    with patched(Tally()):
        assert article._run is not originals[0]
        timed = [project(page) for page in pages]
    assert steps() == originals
    assert timed == before
