"""Quality floors of the relations and events: on the sample articles always, on the real-text sets
when their texts (kept outside the repository) are there."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

from transforms.intel.links.records import EVENT_TYPES, RELATIONS

BENCH = Path(__file__).resolve().parents[2] / "bench" / "relations_quality.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("relations_quality", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _totals(score) -> tuple[float, float]:
    return score.total()[:2]


def _real(bench, name: str):
    path = bench.SETS[name]
    try:
        return bench.evaluate(path)
    except bench.TextsMissing as exc:
        pytest.skip(f"real-text set not here: {exc}")


def test_the_sample_articles(bench) -> None:
    relations, events, _ = bench.evaluate(bench.SETS["samples"])
    assert _totals(relations) >= (0.95, 0.9)
    assert _totals(events)[0] >= 0.9 and _totals(events)[1] >= 0.9


@pytest.mark.parametrize(
    ("name", "floor"), [("held-out", (0.85, 0.5, 0.9, 0.8)), ("dev", (0.85, 0.35, 0.9, 0.9))]
)
def test_the_real_text_sets(bench, name: str, floor: tuple[float, ...]) -> None:
    relations, events, _ = _real(bench, name)
    (rp, rr), (ep, er) = _totals(relations), _totals(events)
    assert rp >= floor[0] and rr >= floor[1], (rp, rr)
    assert ep >= floor[2] and er >= floor[3], (ep, er)


def test_labels_use_the_codes_and_shapes(bench) -> None:
    for path in bench.SETS.values():
        for article in yaml.safe_load(path.read_text(encoding="utf-8")):
            assert "sample" in article or "text" in article or len(article["sha256"]) == 64
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


def test_a_text_that_is_not_the_labelled_one_is_refused(bench, tmp_path: Path) -> None:
    (tmp_path / "relations-heldout").mkdir()
    (tmp_path / "relations-heldout" / "a.txt").write_text("changed", encoding="utf-8")
    with pytest.raises(ValueError, match="SHA-256"):
        bench._real_text(tmp_path / "relations-heldout", {"id": "a", "sha256": "0" * 64})
    with pytest.raises(bench.TextsMissing):
        bench._real_text(tmp_path / "dev", {"id": "a", "sha256": "0" * 64})
