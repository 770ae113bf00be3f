"""The fact-quality floor on the real-text sets (tests/data/intel/real_*.yaml, excerpts inline): no fact type
may fall below the figures reached."""

from __future__ import annotations

import pytest

from bench import intel_real

# F1 per fact type, a little below the figures measured on the inline excerpts (docs/facts.md); a change that
# lowers one fails here. The tuning split holds the first tuning split (t…) and the first held-out split (h…,
# merged once seen), each with its own floors.
FLOORS = {
    "real, tuning": {
        "region": 0.95, "person": 0.94, "role": 0.93, "site_type": 0.95, "site": 0.95, "legal_act": 1.0,
        "figure": 0.95, "figure+qualifier": 0.95, "figure (words)": 1.0,
    },
    "real, held-out 2": {  # legal_act: one label left (its page writes "N 1617", which is not read), no floor
        "region": 0.95, "person": 0.97, "role": 0.91, "site_type": 0.98, "site": 0.98, "legal_act": 0.0,
        "figure": 0.93, "figure+qualifier": 0.92, "figure (words)": 0.9,
    },
    "first tuning split": {
        "region": 0.94, "person": 0.95, "role": 0.95, "site_type": 0.93, "site": 0.96, "legal_act": 1.0,
        "figure": 0.95, "figure+qualifier": 0.95, "figure (words)": 1.0,
    },
    "first held-out split": {
        "region": 0.95, "person": 0.9, "role": 0.9, "site_type": 0.92, "site": 0.91, "legal_act": 1.0,
        "figure": 0.96, "figure+qualifier": 0.94, "figure (words)": 1.0,
    },
}  # fmt: skip
# precision of figures and persons (the target is 0.95 for both), a little below the figures measured
PRECISION_FLOORS = {"real, tuning": (0.95, 0.94), "real, held-out 2": (0.95, 0.97)}
SUBSETS = {"first tuning split": "t", "first held-out split": "h"}  # id prefixes within real_tuning.yaml


@pytest.fixture(scope="module")
def scores():
    found = {name: intel_real.load(path) for name, path in intel_real.REAL_SETS.items()}
    for name, prefix in SUBSETS.items():
        found[name] = [a for a in found["real, tuning"] if a["id"].startswith(prefix)]
    return {name: intel_real.score(articles) for name, articles in found.items()}


@pytest.mark.parametrize("name", list(FLOORS))
def test_every_fact_type_keeps_its_floor(scores, name):
    low = {kind: round(f1, 3) for kind, (_, _, f1, _) in scores[name].items() if f1 < FLOORS[name][kind]}
    assert low == {}, f"{name}: below the floor {low}"


def test_precision_of_figures_and_persons_on_real_text(scores):
    for name, (figures, persons) in PRECISION_FLOORS.items():
        assert scores[name]["figure"][0] >= figures and scores[name]["person"][0] >= persons, name


# precision of site types and named sites on the two splits (the target: 0.92 each), measured 0.94 and
# above (docs/facts.md)
SITE_PRECISION_FLOOR = 0.92


@pytest.mark.parametrize("name", list(intel_real.REAL_SETS))
def test_precision_of_sites_on_real_text(scores, name):
    low = {kind: round(scores[name][kind][0], 3) for kind in intel_real.SITE_KINDS}
    assert min(low.values()) >= SITE_PRECISION_FLOOR, f"{name}: site precision {low}"


def test_the_score_can_fail():
    article = {
        "id": "x", "language": "ru", "text": "Губернатор Иван Орлов открыл ОЭЗ «Узловая» за 5 млрд рублей.",
        "regions": ["RU-TUL"], "persons": ["Sidorov"], "sites": ["sez|Kaluga"], "acts": ["779"],
        "figures": ["money|4000000000|RUB|exact", "count|3|items|exact|words"],
    }  # fmt: skip
    kinds = ("region", "person", "site", "legal_act", "figure")
    found = intel_real.score([article])
    assert {kind: found[kind][2] for kind in kinds} == dict.fromkeys(kinds, 0.0)
    assert found["figure (words)"][1] == 0.0


def test_figures_match_within_half_a_percent():
    got = [("money", "RUB", 1.004e9, "exact", False)]
    assert intel_real.match_figures(got, [("money", "RUB", 1e9, "about", False)], False)[0] == 1
    assert intel_real.match_figures(got, [("money", "RUB", 1e9, "about", False)], True)[0] == 0
    assert intel_real.match_figures(got, [("money", "RUB", 1.01e9, "exact", False)], False)[0] == 0


def test_every_entry_carries_its_text_and_source(tmp_path):
    for path in intel_real.REAL_SETS.values():
        for article in intel_real.load(path):
            assert article["url"].startswith("http") and len(article["text"]) > 80, article["id"]
    labels = tmp_path / "real_tuning.yaml"
    labels.write_text("- id: a\n  language: ru\n  url: https://example.org/a\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no text for a"):
        intel_real.load(labels)
