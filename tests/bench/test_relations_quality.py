"""Quality floors of the relations and events on the sample articles and on the real-text sets, whose
excerpts are inline in their labels (tests/data/relations/*.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bench import relations_quality
from transforms.intel.links.records import EVENT_TYPES, RELATIONS


@pytest.fixture(scope="module")
def bench():
    return relations_quality


def _totals(score) -> tuple[float, float]:
    return score.total()[:2]


def test_the_sample_articles(bench) -> None:
    relations, events, _ = bench.evaluate(bench.SETS["samples"])
    assert _totals(relations) >= (0.95, 0.9)
    assert _totals(events)[0] >= 0.9 and _totals(events)[1] >= 0.9


# (relation precision, relation recall, event precision, event recall), a little below the figures measured
# on the inline excerpts (docs/facts.md)
@pytest.mark.parametrize(
    ("name", "floor"), [("held-out", (0.85, 0.68, 0.88, 0.95)), ("dev", (0.88, 0.5, 0.95, 0.95))]
)
def test_the_real_text_sets(bench, name: str, floor: tuple[float, ...]) -> None:
    relations, events, _ = bench.evaluate(bench.SETS[name])
    (rp, rr), (ep, er) = _totals(relations), _totals(events)
    assert rp >= floor[0] and rr >= floor[1], (rp, rr)
    assert ep >= floor[2] and er >= floor[3], (ep, er)


def test_labels_use_the_codes_and_shapes(bench) -> None:
    for path in bench.SETS.values():
        for article in yaml.safe_load(path.read_text(encoding="utf-8")):
            assert "sample" in article or "text" in article or path.name in bench.SHARED_TEXTS
            for label in article.get("relations") or []:
                relation, subject, obj = bench._split_label(label.split("#")[0])
                assert relation in RELATIONS and subject.split(":")[0] in ("entity", "site")
                assert obj.split(":")[0] in ("entity", "site", "region", "country")
            assert all(event["type"] in EVENT_TYPES for event in article.get("events") or [])


def test_the_score_can_fail(bench) -> None:
    text = "Knauf is an anchor resident of the Kaluga SEZ."
    article = {"id": "x", "language": "en", "published": None, "text": text,
               "relations": ["resident_of | entity:Danone | site:sez|Kaluga"],
               "events": [{"type": "meeting", "at": 0, "date": None, "participants": []}]}  # fmt: skip
    relations, events = bench.Score(), bench.Score()
    bench.score_relations([article], relations, verbose=False)
    bench.score_events([article], events, bench.Score(), verbose=False)
    assert relations.rows()["resident_of"][:2] == (0.0, 0.0)
    assert events.rows()["meeting"][1] == 0.0


def test_every_event_anchor_points_into_its_text(bench) -> None:
    for name in ("dev", "held-out"):
        for article in bench.load(bench.SETS[name]):
            for event in article.get("events") or []:
                assert all(0 <= at < len(article["text"]) for at in bench._anchors(event, article["text"]))


def test_a_set_sharing_texts_refuses_an_id_without_one(bench, tmp_path: Path) -> None:
    labels = tmp_path / "subsidies.yaml"
    labels.write_text("- id: nowhere\n  language: ru\n  events: []\n", encoding="utf-8")
    with pytest.raises(ValueError, match="nowhere has no text"):
        bench.load(labels)
