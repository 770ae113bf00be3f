"""Russian NER through the entity layer on the FactRuEval-2016 dev set: never below bare natasha per type,
and not below the figures reached (skipped when ../shared/devsets is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import ner_factrueval
from transforms.intel.lexicon.nlp_ru import ner_spans
from transforms.intel.ner import refine

FLOOR = {"all": 0.87, "PER": 0.95, "ORG": 0.74, "LOC": 0.90}  # exact-span F1 measured (docs/facts.md)


@pytest.fixture(scope="module")
def scores():
    """(bare natasha, the entity layer): one natasha pass per text, the entity layer's corrections on it
    (transforms.ner_spans is exactly refine over these spans; bench/ner_factrueval.py runs both in full)."""
    if not ner_factrueval.DEVSET.is_dir():
        pytest.skip(f"FactRuEval dev set not found at {ner_factrueval.DEVSET}")
    documents = ner_factrueval.load()
    natasha = {text: ner_spans(text) for text, _ in documents}
    return (
        ner_factrueval.score(documents, lambda text: {(s.kind, s.start, s.end) for s in natasha[text]}),
        ner_factrueval.score(
            documents, lambda text: {(s.kind, s.start, s.end) for s in refine(text, natasha[text])}
        ),
    )


def test_never_below_bare_natasha_per_type(scores):
    bare, ours = scores
    assert {kind: ours[kind][2] for kind in bare if ours[kind][2] < bare[kind][2]} == {}


def test_exact_span_f1_keeps_its_floor(scores):
    _, ours = scores
    assert {kind: round(ours[kind][2], 3) for kind in FLOOR if ours[kind][2] < FLOOR[kind]} == {}


def test_gold_mentions_follow_the_devset_rules(tmp_path: Path):
    (tmp_path / "book_1.txt").write_text("мэрии Москвы и Юрий Лужков", encoding="utf-8")
    spans = [
        "1 org_descr 0 5 10 1  # мэрии",
        "2 loc_name 6 6 11 1  # Москвы",
        "3 name 15 4 13 1",
        "4 surname 20 6 14 1",
    ]
    (tmp_path / "book_1.spans").write_text("\n".join(spans) + "\n", encoding="utf-8")
    (tmp_path / "book_1.objects").write_text(
        "10 Org 1 2 # мэрии Москвы\n11 LocOrg 2 # Москвы\n12 Person 3 4 # Юрий Лужков\n", encoding="utf-8"
    )
    assert ner_factrueval.gold(tmp_path / "book_1.txt") == {("ORG", 0, 12), ("PER", 15, 26)}
    documents = ner_factrueval.load(tmp_path)
    perfect = ner_factrueval.score(documents, lambda text: {("ORG", 0, 12), ("PER", 15, 26)})
    assert perfect["all"][2] == 1.0
    assert ner_factrueval.score(documents, lambda text: {("LOC", 6, 12)})["all"][2] == 0.0


def test_the_halves_split_the_texts_by_book_number(tmp_path: Path):
    for number in (2, 3, 10, 11, 14):
        (tmp_path / f"book_{number}.txt").write_text("", encoding="utf-8")
    names = {half: [b.stem for b in ner_factrueval.books(tmp_path, half)] for half in ner_factrueval.HALVES}
    assert names == {
        "tune": ["book_2", "book_10", "book_14"],
        "holdout": ["book_3", "book_11"],
        "all": ["book_2", "book_3", "book_10", "book_11", "book_14"],
    }
    with pytest.raises(ValueError, match="half must be one of"):
        ner_factrueval.books(tmp_path, "test")


def test_errors_are_counted_by_cause():
    text = "Министерство финансов и Дания • Чили, а также «Заря»."
    want = {("ORG", 0, 21), ("LOC", 24, 29), ("LOC", 32, 36), ("ORG", 47, 51)}
    got = {("ORG", 14, 21), ("LOC", 24, 36), ("LOC", 47, 51), ("PER", 40, 45)}
    tally = ner_factrueval.causes([(text, want)], lambda _: got)
    assert tally == {
        ("ORG", "miss", "start: a descriptor noun or adjective before the name"): 1,
        ("ORG", "false", "start: a descriptor noun or adjective before the name"): 1,
        ("LOC", "miss", "a span across a list bullet or a line break"): 2,
        ("LOC", "false", "a span across a list bullet or a line break"): 1,
        ("ORG", "miss", "type confusion, same span"): 1,
        ("LOC", "false", "type confusion, same span"): 1,
        ("PER", "false", "lower case: a common noun (правительство, сборная)"): 1,
    }
