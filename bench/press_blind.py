"""Role codes, events and event participants on the blind splits of real press excerpts
(tests/data/relations/press_blind*.yaml, texts in the labels), split by split.

    python -m bench.press_blind [-v]     # -v lists every miss and every extra
    python -m bench.press_blind --parse-cpu   # the CPU of the dependency parse the role rules run


Roles are scored as in bench/intel_real.py (surname and role code, every title a person holds; the
role's region among the labelled ones), events as in bench/relations_quality.py (type and the sentence
that states them). Among the matched events two participant figures: every participant the extractor
lists (the body a participant speaks for left out), and the parties only — the place where the event
happened (role `place`) left out too, as the labels name who took part, not where. And the events' status:
among the matched events, those marked planned against those labelled `planned: true` (announced, not
reported as done; press_blind6 labels them, the earlier splits mostly do not).

--parse-cpu: the CPU (`time.process_time`) of natasha's dependency parse (transforms/intel/titles/syntax.py)
while the entities of every excerpt are found once, per parsed sentence and per Russian text; the model is
loaded untimed first.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import intel_real  # noqa: E402
from transforms import extract_events  # noqa: E402

SPLITS = sorted((ROOT / "tests" / "data" / "relations").glob("press_blind*.yaml"))
NOT_PARTIES = {"affiliation", "place"}  # the body a participant speaks for; where the event happened


def relations_bench():
    """bench/relations_quality.py (a script, not a package module), loaded by path."""
    name = "relations_quality"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / "relations_quality.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # its dataclasses look their module up
        spec.loader.exec_module(module)
    return sys.modules[name]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, got: set[str], want: set[str]) -> None:
        self.tp += len(got & want)
        self.fp += len(got - want)
        self.fn += len(want - got)

    def precision_recall(self) -> tuple[float, float]:
        """An empty side scores 1.0."""
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return precision, recall


@dataclass
class Scores:
    events: Counts = field(default_factory=Counts)  # by type and the sentence that states them
    listed: Counts = field(default_factory=Counts)  # every participant of the matched events
    parties: Counts = field(default_factory=Counts)  # their parties only
    planned: Counts = field(default_factory=Counts)  # matched events marked planned / labelled planned


def score_split(path: Path) -> Scores:
    """The events of one split, and the participants and parties of the events matched to a label (one
    prediction per label, as bench/relations_quality.py matches them)."""
    bench, scores = relations_bench(), Scores()
    for article in bench.load(path):
        events = extract_events(article["text"], article["language"], article["published"]).to_dicts()
        unmatched = list(range(len(events)))
        for label in article.get("events") or []:
            anchors = bench._anchors(label, article["text"])
            hit = next(
                (i for i in unmatched if events[i]["event_type"] == label["type"]
                 and any(bench._sentence_has(article["text"], events[i], at) for at in anchors)),
                None,
            )  # fmt: skip
            if hit is None:
                scores.events.fn += 1
                scores.events.notes.append(f"  {article['id']}: missing {label['type']} at {anchors[0]}")
                continue
            unmatched.remove(hit)
            scores.events.tp += 1
            _score_status(events[hit], label, scores, article["id"])
            _score_parties(bench, events[hit]["participants"], label, scores, article["id"])
        scores.events.fp += len(unmatched)
        scores.events.notes += [f"  {article['id']}: extra {events[i]['event_type']}" for i in unmatched]
    return scores


def _score_status(event: dict, label: dict, scores: Scores, article_id: str) -> None:
    got, want = {"planned"} if event["planned"] else set(), {"planned"} if label.get("planned") else set()
    scores.planned.add(got, want)
    if got != want:
        note = f"  {article_id}: {label['type']} planned {bool(got)}, labelled {bool(want)}"
        scores.planned.notes.append(note)


def _score_parties(bench, found: list[dict], label: dict, scores: Scores, article_id: str) -> None:
    want = {bench.label_participant(str(p)) for p in label.get("participants") or []}
    named = [(bench.thing(p["type"], p["name"], p["iso"]), p["role"]) for p in found]
    scores.listed.add({name for name, role in named if role != "affiliation"}, want)
    party = {name for name, role in named if role not in NOT_PARTIES}
    scores.parties.add(party, want)
    if party != want:
        scores.parties.notes.append(f"  {article_id}: {label['type']} extra {sorted(party - want)} "
                                    f"missing {sorted(want - party)}")  # fmt: skip


def _pair(counts: Counts) -> str:
    precision, recall = counts.precision_recall()
    return f"{precision:.2f}/{recall:.2f}"


def parse_cpu() -> None:
    """The parse's CPU per sentence and per Russian text over every split's excerpts (the parse function the
    role rules call is replaced by a timed one for the measurement, then put back)."""
    from transforms.intel.entities import find_mentions
    from transforms.intel.lexicon import nlp_ru
    from transforms.intel.titles import syntax as titles_syntax

    nlp_ru.syntax("Губернатор области Иван Орлов посетил завод.")  # the model, loaded untimed
    spent = {"seconds": 0.0, "sentences": 0}

    @lru_cache(maxsize=2_000)
    def timed(text: str):
        start = time.process_time()
        found = nlp_ru.syntax.__wrapped__(text)
        spent["seconds"] += time.process_time() - start
        spent["sentences"] += 1
        return found

    articles = [a for path in SPLITS for a in intel_real.load_inline(path)]
    original, titles_syntax.syntax = titles_syntax.syntax, timed
    try:
        for article in articles:
            find_mentions(article["text"], article["language"])
    finally:
        titles_syntax.syntax = original
    russian = sum(a["language"] == "ru" for a in articles)
    seconds, sentences = spent["seconds"], max(1, spent["sentences"])
    print(f"  {spent['sentences']} sentences parsed in {len(articles)} excerpts ({russian} Russian): "
          f"{1000 * seconds / sentences:.1f} ms per sentence, {1000 * seconds / max(1, russian):.1f} ms per "
          f"Russian text")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss and every extra")
    parser.add_argument("--parse-cpu", action="store_true", help="the CPU of the dependency parse only")
    args = parser.parse_args()
    if args.parse_cpu:
        parse_cpu()
        return
    header = f"{'role F1':>8}{'region F1':>10}{'events P/R':>12}{'listed P/R':>12}{'parties P/R':>13}"
    header += f"{'planned P/R':>13}"
    print(f"  {'split':<14}{header}")
    for path in SPLITS:
        roles = intel_real.score_roles(intel_real.load_inline(path), args.verbose)
        scores = score_split(path)
        print(f"  {path.stem:<14}{roles['role'][2]:>8.2f}{roles['role region'][2]:>10.2f}"
              f"{_pair(scores.events):>12}{_pair(scores.listed):>12}{_pair(scores.parties):>13}"
              f"{_pair(scores.planned):>13}")  # fmt: skip
        if args.verbose:
            print("\n".join(scores.events.notes + scores.planned.notes + scores.parties.notes))


if __name__ == "__main__":
    main()
