"""Floors for site types and named sites on real press excerpts labelled before any extractor ran on them
(tests/data/intel/real_sites_blind.yaml to real_sites_blind6.yaml; figures in docs/facts.md)."""

import pytest
import yaml

from bench import intel_quality, intel_real

FLOOR = 0.92


@pytest.fixture(scope="module", params=intel_quality.SITES_SPLITS, ids=lambda p: p.stem)
def scores(request):
    articles = yaml.safe_load(request.param.read_text(encoding="utf-8"))
    return request.param.stem, intel_real.score_sites(articles)


@pytest.mark.parametrize("kind", ["site_type", "site"])
def test_site_floors_on_real_text(scores, kind):
    split, by_kind = scores
    precision, _, f1, labels = by_kind[kind]
    assert labels >= 14, split
    assert precision >= FLOOR, f"{split}: {kind} precision {precision:.3f} < {FLOOR}"
    assert f1 >= FLOOR, f"{split}: {kind} F1 {f1:.3f} < {FLOOR}"
