"""Quality floors on the blind splits of real press excerpts (tests/data/relations/press_blind*.yaml, texts
in the labels): role codes and the roles' regions, the events (Russian word order included) and the parties
of the matched events. The floors are the figures reached (docs/facts.md); a change that lowers one fails
here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from bench import intel_real, press_blind


@dataclass(frozen=True)
class Floors:
    role_f1: float
    region_f1: float
    event_precision: float
    event_recall: float
    party_precision: float
    party_recall: float


FLOORS = {  # reached: docs/facts.md, "Roles, events and residents on a blind press split"
    "press_blind": Floors(0.95, 0.95, 0.90, 0.95, 0.45, 0.75),
    "press_blind2": Floors(0.95, 0.95, 0.90, 0.95, 0.55, 0.85),
    "press_blind3": Floors(0.90, 0.85, 0.90, 0.80, 0.52, 0.60),
    "press_blind4": Floors(0.95, 0.88, 0.60, 0.60, 0.40, 0.75),  # first (blind) run: roles 0.71
    # first (blind) run: roles 0.73, regions 0.76; its labels name no events (its event tests skip)
    "press_blind5": Floors(0.95, 0.88, 0.0, 0.0, 0.0, 0.0),
    "press_blind6": Floors(0.0, 0.0, 0.90, 0.80, 0.40, 0.50),  # events only (roles not labelled)
    # first (blind) run: roles 0.75 (P 0.91, R 0.64), regions 0.70; its labels name no events
    "press_blind7": Floors(0.95, 0.88, 0.0, 0.0, 0.0, 0.0),
    # first (blind) run: roles 0.71 (P 0.79, R 0.64), regions 0.68; its labels name no events
    "press_blind8": Floors(0.90, 0.84, 0.0, 0.0, 0.0, 0.0),
    # first (blind) run: roles 0.80 (P 0.83, R 0.78), regions 0.61; its labels name no events
    "press_blind9": Floors(0.95, 0.95, 0.0, 0.0, 0.0, 0.0),
    # first (blind) run: roles 0.81 (P 0.86, R 0.77), regions 0.76 (0.84 and 0.81 on the labels as changed
    # to the earlier splits' convention); its labels name no events
    "press_blind10": Floors(0.92, 0.87, 0.0, 0.0, 0.0, 0.0),
    # first (blind) run: roles 0.80 (P 0.78, R 0.83), regions 0.71; its labels name no events
    "press_blind11": Floors(0.90, 0.72, 0.0, 0.0, 0.0, 0.0),
    # first (blind) run: roles 0.77 (P 0.77, R 0.78), regions 0.77; its labels name no events
    "press_blind12": Floors(0.86, 0.90, 0.0, 0.0, 0.0, 0.0),
    # first (blind) run: roles 0.83 (P 0.85, R 0.81), regions 0.87; its labels name no events
    "press_blind13": Floors(0.88, 0.89, 0.0, 0.0, 0.0, 0.0),
    # first (blind) run, the floor: roles 0.79 (P 0.80, R 0.78), regions 0.82; no rules written after it
    "press_blind14": Floors(0.78, 0.81, 0.0, 0.0, 0.0, 0.0),
}
PLANNED_FLOORS = {"press_blind6": (0.90, 0.90)}  # the splits labelling `planned: true`


@pytest.fixture(scope="module", params=press_blind.SPLITS, ids=lambda path: path.stem)
def split(request) -> Path:
    return request.param


@pytest.fixture(scope="module")
def articles(split: Path) -> list[dict]:
    return intel_real.load_inline(split)


def test_every_split_has_its_floors() -> None:
    assert {path.stem for path in press_blind.SPLITS} == set(FLOORS)


def test_every_excerpt_names_its_source(articles) -> None:
    assert len(articles) >= 10
    assert all(a["url"].startswith("http") and a["text"].strip() for a in articles)


@pytest.fixture(scope="module")
def role_scores(articles) -> dict[str, tuple[float, float, float, int]]:
    """The split's role and role-region scores, computed once for the tests that read them."""
    _roles_labelled(articles)
    return intel_real.score_roles(articles)


def test_role_codes_and_regions_keep_their_floor(articles, role_scores, split: Path) -> None:
    _roles_labelled(articles)
    scores, floors = role_scores, FLOORS[split.stem]
    assert scores["role"][2] >= floors.role_f1, scores["role"]
    assert scores["role region"][2] >= floors.region_f1, scores["role region"]


def _roles_labelled(articles: list[dict]) -> None:
    if not any(a.get("roles") for a in articles):
        pytest.skip("roles not labelled in this split")


@pytest.fixture(scope="module")
def scores(split: Path) -> press_blind.Scores:
    return press_blind.score_split(split)


def _events_labelled(articles: list[dict]) -> None:
    if not any(a.get("events") for a in articles):
        pytest.skip("events not labelled in this split")


def test_events_keep_their_floor(articles, scores, split: Path) -> None:
    _events_labelled(articles)
    precision, recall = scores.events.precision_recall()
    floors = FLOORS[split.stem]
    assert precision >= floors.event_precision and recall >= floors.event_recall, (precision, recall)


def test_the_events_status_keeps_its_floor(scores, split: Path) -> None:
    if split.stem not in PLANNED_FLOORS:
        pytest.skip("planned events not labelled in this split")
    precision, recall = scores.planned.precision_recall()
    floor = PLANNED_FLOORS[split.stem]
    assert precision >= floor[0] and recall >= floor[1], (precision, recall)
    assert scores.planned.tp >= 5  # the split holds planned events


def test_event_parties_keep_their_floor(articles, scores, split: Path) -> None:
    _events_labelled(articles)
    precision, recall = scores.parties.precision_recall()
    floors = FLOORS[split.stem]
    assert precision >= floors.party_precision and recall >= floors.party_recall, (precision, recall)


def test_the_role_score_can_fail(articles, role_scores) -> None:
    _roles_labelled(articles)
    wrong = [dict(a, roles=[r.replace("|governor|", "|mayor|") for a_ in [a] for r in a["roles"]])
             for a in articles]  # fmt: skip
    assert intel_real.score_roles(wrong)["role"][2] < role_scores["role"][2]


def test_the_party_score_counts_misses_and_extras() -> None:
    counts = press_blind.Counts()
    counts.add({"entity:a", "entity:b"}, {"entity:a", "entity:c"})
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 1)
    assert counts.precision_recall() == (0.5, 0.5)
    assert press_blind.Counts().precision_recall() == (1.0, 1.0)
