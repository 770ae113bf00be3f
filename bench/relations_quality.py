"""Precision and recall of the relations and events on the labelled sets in tests/data/relations:
the five sample articles, a development set of real news excerpts (the rules were written looking at
it) and a held-out set of real excerpts labelled before the extractor first ran on them.

    python bench/relations_quality.py [-v]     # -v lists every miss and every extra

Every real set carries its excerpts inline (`text:`, a few sentences of the page at `url:`), so the
figures are the same on every clone. The subsidies set labels texts of the facts set
tests/data/intel/real_heldout2.yaml and takes them from there by id.

Relations are compared per text as (relation, subject, object), names folded (case, quotes, legal forms,
transliteration); events by type and the sentence that states them (the label's quote), one prediction
per label. Among matched events the date and the participants are scored too.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.intel_real import prf as precision_recall  # noqa: E402
from transforms import extract_article, extract_events, extract_relations  # noqa: E402
from transforms.intel.lexicon.gazetteer import first_names  # noqa: E402
from transforms.intel.lexicon.translit import to_latin  # noqa: E402

DATA = ROOT / "tests" / "data" / "relations"
SETS = {
    "samples": DATA / "samples.yaml", "dev": DATA / "dev.yaml", "held-out": DATA / "heldout.yaml",
    "subsidies": DATA / "subsidies.yaml", "press, blind": DATA / "press_blind.yaml",
    "press, blind 2": DATA / "press_blind2.yaml",
}  # fmt: skip
SHARED_TEXTS = {"subsidies.yaml": ROOT / "tests" / "data" / "intel" / "real_heldout2.yaml"}
# a set labelled for some event types only: other types and the relations are not scored on it
ONLY = {"subsidies.yaml": {"subsidy_granted"}}


LEGAL = re.compile(
    r"(?i)\b(?:llc|jsc|ojsc|pjsc|ooo|оао|ооо|пао|ао|зао|ltd|inc|incorporated|gmbh|ag|group|corporation|"
    r"company|компания|группа|the)\b"
)


def fold(name: str) -> str:
    """One spelling of a name: Latin, lower case, no quotes, legal forms or punctuation, and a given name
    in its English spelling (reference/first_names.csv: Наталья, Natalya → natalia; Aleksandr → alexander)."""
    name = LEGAL.sub(" ", name.replace("’", "'"))
    words = [(first_names().get(w.lower()) or (w,))[0] for w in name.split()]
    name = to_latin(" ".join(words)).lower()
    return " ".join(re.sub(r"[^\w\s]", " ", name).split())


def thing(kind: str, name: str | None, iso: str | None = None) -> str:
    """A subject, object or participant as the labels write it: region:RU-KLU, country:DE, site:sez|name."""
    if kind == "region" or (kind == "country" and iso):
        return f"{'region' if (iso or '').startswith('RU') else 'country'}:{iso}"
    if kind in ("cluster", "technopark", "industrial_park", "sez"):
        return f"site:{kind}|{fold(name or '')}"
    return f"entity:{fold(name or '')}"


def label_thing(text: str) -> str:
    kind, _, value = text.strip().partition(":")
    if kind in ("region", "country"):
        return f"{kind}:{value}"
    if kind == "site":
        site_type, _, name = value.partition("|")
        return f"site:{site_type}|{fold(name)}"
    return f"entity:{fold(value)}"


def label_participant(value: str) -> str:
    if re.fullmatch(r"RU-[A-Z]+|RU", value):
        return f"region:{value}"
    if re.fullmatch(r"[A-Z]{2}", value):
        return f"country:{value}"
    if "|" in value:
        return label_thing(f"site:{value}")
    return f"entity:{fold(value)}"


@dataclass
class Score:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    def add(self, kind: str, tp: int, fp: int, fn: int) -> None:
        self.tp[kind] += tp
        self.fp[kind] += fp
        self.fn[kind] += fn

    def total(self) -> tuple[float, float, int, int]:
        """(precision, recall, labels, predictions) over every type."""
        return prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))

    def rows(self) -> dict[str, tuple[float, float, int, int]]:
        kinds = sorted(set(self.tp) | set(self.fp) | set(self.fn))
        return {k: prf(self.tp[k], self.fp[k], self.fn[k]) for k in kinds}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, int, int]:
    """(precision, recall, labels, predictions); an empty side scores 1.0."""
    precision, recall, _, labels = precision_recall(tp, fp, fn)
    return precision, recall, labels, tp + fp


def load(path: Path) -> list[dict]:
    """The labelled articles of a set with their texts: a sample page extracted, the excerpt inline, or (a
    set in SHARED_TEXTS) the inline excerpt of the same id in another set."""
    articles = yaml.safe_load(path.read_text(encoding="utf-8"))
    shared = _shared_texts(path)
    for article in articles:
        if "sample" in article:
            article["text"] = extract_article((ROOT / article["sample"]).read_bytes())["text"]
        elif "text" not in article:
            if article["id"] not in shared:
                raise ValueError(f"{path.name}: {article['id']} has no text, inline or in a shared set")
            article["text"] = shared[article["id"]]
        published = article.get("published")
        article["published"] = date.fromisoformat(str(published)) if published else None
    return articles


def _shared_texts(path: Path) -> dict[str, str]:
    source = SHARED_TEXTS.get(path.name)
    if source is None:
        return {}
    return {a["id"]: a["text"] for a in yaml.safe_load(source.read_text(encoding="utf-8")) if "text" in a}


def predicted_relations(article: dict) -> set[str]:
    found = set()
    for row in extract_relations(article["text"], article["language"]).iter_rows(named=True):
        subject = thing(row["subject_type"], row["subject"])
        obj = thing(row["object_type"], row["object"], row["object_iso"])
        found.add(f"{row['relation']} | {subject} | {obj}")
    return found


def labelled_relations(article: dict) -> set[str]:
    found = set()
    for label in article.get("relations") or []:
        relation, subject, obj = (
            (part.strip() for part in label.split("|", 2)) if label.count("|") == 2 else (_split_label(label))
        )
        found.add(f"{relation} | {label_thing(subject)} | {label_thing(obj)}")
    return found


def _split_label(label: str) -> tuple[str, str, str]:
    """'relation | subject | object' where a site name's own '|' stays with its site."""
    relation, rest = label.split("|", 1)
    parts = [p.strip() for p in re.split(r"\s\|\s", rest)]
    return relation.strip(), parts[0], parts[1]


def score_relations(articles: list[dict], score: Score, verbose: bool) -> None:
    for article in articles:
        got, want = predicted_relations(article), labelled_relations(article)
        for kind in {r.split(" | ")[0] for r in got | want}:
            g = {r for r in got if r.startswith(kind + " ")}
            w = {r for r in want if r.startswith(kind + " ")}
            score.add(kind, len(g & w), len(g - w), len(w - g))
            if verbose:
                score.notes += [f"  {article['id']}: extra {r}" for r in sorted(g - w)]
                score.notes += [f"  {article['id']}: missing {r}" for r in sorted(w - g)]


def _anchors(label: dict, text: str) -> list[int]:
    """Where the words stating a labelled event start: its offsets, or its quotes found in the text."""
    if "at" in label:
        return label["at"] if isinstance(label["at"], list) else [label["at"]]
    quotes = label["quote"] if isinstance(label["quote"], list) else [label["quote"]]
    return [text.index(q) for q in quotes]


def score_events(
    articles: list[dict], score: Score, details: Score, verbose: bool, only: set[str] | None = None
) -> None:
    for article in articles:
        frame = extract_events(article["text"], article["language"], article["published"])
        events = [e for e in frame.to_dicts() if only is None or e["event_type"] in only]
        unmatched = list(range(len(events)))
        for label in article.get("events") or []:
            anchors = _anchors(label, article["text"])
            hit = next(
                (i for i in unmatched if events[i]["event_type"] == label["type"]
                 and any(_sentence_has(article["text"], events[i], at) for at in anchors)),
                None,
            )  # fmt: skip
            if hit is None:
                score.add(label["type"], 0, 0, 1)
                score.notes.append(f"  {article['id']}: missing {label['type']} at {anchors[0]}")
                continue
            unmatched.remove(hit)
            score.add(label["type"], 1, 0, 0)
            _score_details(events[hit], label, details, article, verbose)
        for i in unmatched:
            score.add(events[i]["event_type"], 0, 1, 0)
            score.notes.append(
                f"  {article['id']}: extra {events[i]['event_type']} «{events[i]['sentence'][:90]}»"
            )


def _sentence_has(text: str, event: dict, at: int) -> bool:
    """The event was read from the sentence holding the labelled offset."""
    return event["sentence_start"] <= at < event["sentence_end"]


def _score_details(event: dict, label: dict, details: Score, article: dict, verbose: bool) -> None:
    if label.get("date") is not None:
        right = date_matches(str(label["date"]), event["event_date"], event["date_text"])
        details.add("date", int(right), int(not right), int(not right))
        if not right:
            details.notes.append(f"  {article['id']}: {label['type']} date {event['event_date']} "
                                 f"({event['date_text']}), labelled {label['date']}")  # fmt: skip
    got = {thing(p["type"], p["name"], p["iso"]) for p in event["participants"] if p["role"] != "affiliation"}
    want = {label_participant(str(p)) for p in label.get("participants") or []}
    details.add("participants", len(got & want), len(got - want), len(want - got))
    if verbose and got != want:
        details.notes.append(f"  {article['id']}: {label['type']} participants extra {sorted(got - want)} "
                             f"missing {sorted(want - got)}")  # fmt: skip


def date_matches(label: str, value: date | None, written: str | None) -> bool:
    if label.startswith("--"):
        month, day = (int(x) for x in label[2:].split("-"))
        if value is not None:
            return (value.month, value.day) == (month, day)
        from transforms.extract.dates import text_dates

        found = text_dates(written or "")
        return bool(found) and (found[0].month, found[0].day) == (month, day)
    if value is None:
        return False
    return value.isoformat().startswith(label)


def evaluate(path: Path, verbose: bool = False) -> tuple[Score, Score, Score]:
    articles = load(path)
    relations, events, details = Score(), Score(), Score()
    only = ONLY.get(path.name)
    if only is None:
        score_relations(articles, relations, verbose)
    score_events(articles, events, details, verbose, only)
    return relations, events, details


def table(title: str, score: Score) -> list[str]:
    lines = [f"  {title:<24}{'precision':>10}{'recall':>8}{'labels':>8}{'found':>7}"]
    for kind, (p, r, labels, found) in score.rows().items():
        lines.append(f"  {kind:<24}{p:>10.2f}{r:>8.2f}{labels:>8}{found:>7}")
    total = score.total()
    lines.append(f"  {'all':<24}{total[0]:>10.2f}{total[1]:>8.2f}{total[2]:>8}{total[3]:>7}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss and every extra")
    args = parser.parse_args()
    for name, path in SETS.items():
        relations, events, details = evaluate(path, args.verbose)
        print(f"{name} ({path.relative_to(ROOT)})")
        for line in (
            table("relation", relations) + table("event", events) + table("among matched events", details)
        ):
            print(line)
        if args.verbose:
            print("\n".join(relations.notes + events.notes + details.notes))


if __name__ == "__main__":
    main()
