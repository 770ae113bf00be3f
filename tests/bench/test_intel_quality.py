import pytest

from bench import intel_quality


@pytest.fixture(scope="module")
def bench():
    return intel_quality


def test_every_fact_type_scores_at_least_090_on_every_labelled_set(bench):
    for name, path in bench.SETS.items():
        for kind, (_, _, f1, labels) in bench.score(bench.load(path)).items():
            assert f1 >= 0.9, (name, kind, f1, labels)


def test_the_score_can_fail(bench):
    article = {"id": "x", "language": "en", "text": "Kaluga Region", "regions": ["RU-OMS"]}
    assert bench.score([article])["region"][2] == 0.0
