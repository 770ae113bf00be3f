"""Quality floor of the extractor on real pages nobody here wrote (../shared/devsets, read by path):
a fixed sample of each development set, scored as its README says; skipped when the sets are absent.

The floors are the figures measured on these samples when the defaults were chosen (docs/extraction.md),
less 0.005 for the noise of library updates: a change that lowers them fails here."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from bench.devsets import (
    DANIEL_EN,
    DANIEL_RU,
    DEFAULT_ROOT,
    TRAFILATURA_EVAL,
    DevPage,
    page_score,
    string_counts,
)
from bench.extraction_quality import (
    PROJECT,
    Evaluation,
    Outcome,
    evaluate,
    load_devsets,
    page_rows,
    select,
    write_page_rows,
)

SAMPLE = {TRAFILATURA_EVAL: 150, DANIEL_EN: 100, DANIEL_RU: 123}  # daniel-ru: every page
FLOOR_F1 = {TRAFILATURA_EVAL: 0.9158, DANIEL_EN: 0.9470, DANIEL_RU: 0.8936}  # measured 0.9208, 0.9520, 0.8986
MAX_HELD_BACK = 0.005  # every page of the sets has a main text: a hold is a false one


@pytest.fixture(scope="module")
def devsets() -> dict[str, list[DevPage]]:
    found = load_devsets(DEFAULT_ROOT)
    if not found:
        pytest.skip(
            f"development sets not found at {DEFAULT_ROOT}: the real-page quality floor is not checked"
        )
    return found


@pytest.mark.parametrize("name", sorted(SAMPLE))
def test_quality_on_real_pages_stays_above_its_floor(devsets: dict[str, list[DevPage]], name: str) -> None:
    if name not in devsets:
        pytest.skip(f"{name} not found at {DEFAULT_ROOT}: its floor is not checked")
    pages = select(devsets[name], sample=SAMPLE[name])
    evaluation = evaluate(pages, (PROJECT,))
    figures = evaluation.figures(PROJECT)
    assert figures.f1 >= FLOOR_F1[name], (name, figures)
    assert figures.held_back / figures.pages <= MAX_HELD_BACK, (name, figures)


def test_the_scores_can_fail() -> None:
    page = DevPage("t", "p", "https://e.test/", b"", "en", "tune", ("kept words",), ("menu",), None)
    assert string_counts(None, page).f1 == 0.0
    assert string_counts("menu only", page).precision == 0.0
    assert string_counts("the kept words", page).f1 == 1.0
    assert page_score(None, "one two three four five").f1 == 0.0
    assert page_score("one two three four five", "one two three four five").f1 == 1.0


def test_per_page_scores_name_each_page_and_its_hold(tmp_path: Path) -> None:
    text = "one two three four five"
    scored = DevPage("daniel-ru", "a", "https://e.test/a", b"", "ru", "tune", reference=text)
    held = DevPage("t", "b", "https://e.test/b", b"", "en", "holdout", ("kept words",), ("menu",), None)
    outcomes = [Outcome(text), Outcome(None, "not an article: main text too short")]
    rows = page_rows(Evaluation([scored, held], {PROJECT: outcomes}))
    assert [(r["page"], r["f1"], r["held_back"]) for r in rows] == [
        ("a", 1.0, ""),
        ("b", 0.5, "not an article: main text too short"),  # the "without" string is absent: accuracy 1/2
    ]
    write_page_rows(tmp_path / "pages.csv", rows)
    with (tmp_path / "pages.csv").open(encoding="utf-8") as handle:
        assert [r["half"] for r in csv.DictReader(handle)] == ["tune", "holdout"]
