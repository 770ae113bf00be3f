"""Floors for site types and named sites on real press excerpts labelled before any extractor ran on them
(tests/data/intel/real_sites_blind.yaml, real_sites_blind2.yaml and real_sites_blind3.yaml; figures in
docs/facts.md)."""

import pytest
import yaml

from bench import intel_quality, intel_real

FLOOR = 0.92


@pytest.fixture(scope="module", params=intel_quality.SITES_SPLITS, ids=lambda p: p.stem)
def scores(request):
    articles = yaml.safe_load(request.param.read_text(encoding="utf-8"))
    return intel_real.score_sites(articles)


@pytest.mark.parametrize("kind", ["site_type", "site"])
def test_site_floors_on_real_text(scores, kind):
    precision, _, f1, labels = scores[kind]
    assert labels >= 15
    assert precision >= FLOOR, f"{kind} precision {precision:.3f} < {FLOOR}"
    assert f1 >= FLOOR, f"{kind} F1 {f1:.3f} < {FLOOR}"
