"""Russian NER on the FactRuEval-2016 development set: exact-span F1 per type of the project's entity layer
beside bare natasha (NewsNERTagger), scored as ../shared/devsets/README.md says.

    python bench/ner_factrueval.py [--half tune|holdout|all] [--errors | --causes] [DIR]
        # DIR defaults to ../shared/devsets/factrueval-devset

The 122 texts are split into two fixed halves by book number: even numbers are the tuning half, odd
numbers the holdout half (the honest figure: a rule is kept only when it helps both). --errors prints
every missed and false span of the project's layer with its context, --causes counts them by cause.

Gold: an object's mention is the characters its spans cover (first start to last end); Person → PER,
Org → ORG, Location and LocOrg → LOC; a mention nested inside another is dropped. A prediction counts
only when type, start and end all match.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.intel_real import prf  # noqa: E402

DEVSET = ROOT.parent / "shared" / "devsets" / "factrueval-devset"
TYPES = {"Person": "PER", "Org": "ORG", "Location": "LOC", "LocOrg": "LOC"}
Span = tuple[str, int, int]  # (type, start, end)


def _spans(path: Path) -> dict[str, tuple[int, int]]:
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("#")[0].split()
        if len(fields) >= 4:
            start = int(fields[2])
            found[fields[0]] = (start, start + int(fields[3]))
    return found


def _drop_nested(mentions: set[Span]) -> set[Span]:
    def inside(m: Span, o: Span) -> bool:
        return o[1] <= m[1] and m[2] <= o[2] and (o[1], o[2]) != (m[1], m[2])

    return {m for m in mentions if not any(inside(m, o) for o in mentions)}


def gold(book: Path) -> set[Span]:
    """The gold mentions of one document (book_N.txt beside its .spans and .objects)."""
    spans = _spans(book.with_suffix(".spans"))
    mentions = set()
    for line in book.with_suffix(".objects").read_text(encoding="utf-8").splitlines():
        fields = line.split("#")[0].split()
        if len(fields) < 3 or fields[1] not in TYPES:
            continue
        covered = [spans[s] for s in fields[2:] if s in spans]
        if covered:
            mentions.add((TYPES[fields[1]], min(s for s, _ in covered), max(e for _, e in covered)))
    return _drop_nested(mentions)


HALVES = ("tune", "holdout", "all")


def _number(book: Path) -> int:
    return int(book.stem.split("_")[1])


def books(folder: Path, half: str = "all") -> list[Path]:
    """The texts of one half, in book order: tune (even book numbers), holdout (odd) or all."""
    if half not in HALVES:
        raise ValueError(f"half must be one of {', '.join(HALVES)}, not {half!r}")
    found = sorted(folder.glob("book_*.txt"), key=_number)
    return found if half == "all" else [b for b in found if _number(b) % 2 == (half == "holdout")]


def natasha_spans(text: str) -> set[Span]:
    """Bare natasha: Segmenter + NewsNERTagger over the whole text."""
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    global _NATASHA
    if "_NATASHA" not in globals():
        _NATASHA = (Segmenter(), NewsNERTagger(NewsEmbedding()))
    doc = Doc(text)
    doc.segment(_NATASHA[0])
    doc.tag_ner(_NATASHA[1])
    return {(s.type, s.start, s.stop) for s in doc.spans}


def project_spans(text: str) -> set[Span]:
    """The project's entity layer (transforms.ner_spans) on the same text."""
    from transforms import ner_spans

    return {(kind, start, end) for kind, start, end in ner_spans(text, "ru")}


def score(documents: Iterable[tuple[str, set[Span]]], tagger: Callable[[str], set[Span]]) -> dict:
    """(precision, recall, F1, gold count) per type and for all types together."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for text, want in documents:
        got = tagger(text)
        for kind in ("PER", "ORG", "LOC"):
            g, w = {s for s in got if s[0] == kind}, {s for s in want if s[0] == kind}
            tp[kind], fp[kind], fn[kind] = tp[kind] + len(g & w), fp[kind] + len(g - w), fn[kind] + len(w - g)
    tp["all"], fp["all"], fn["all"] = sum(tp.values()), sum(fp.values()), sum(fn.values())
    return {kind: prf(tp[kind], fp[kind], fn[kind]) for kind in ("all", "PER", "ORG", "LOC")}


def load(folder: Path = DEVSET, half: str = "all") -> list[tuple[str, set[Span]]]:
    return [(book.read_text(encoding="utf-8"), gold(book)) for book in books(folder, half)]


def errors(documents: Iterable[tuple[str, set[Span]]], tagger: Callable[[str], set[Span]]) -> None:
    """Every missed (-) and false (+) span, with 30 characters of context either side."""
    for text, want in documents:
        got = tagger(text)
        for sign, found in (("-", want - got), ("+", got - want)):
            for kind, start, end in sorted(found, key=lambda s: s[1]):
                before, after = text[max(0, start - 30) : start], text[end : end + 30]
                context = f"{before}[{text[start:end]}]{after}".replace("\n", " ")
                print(f"{sign} {kind} {context}")


def _overlapping(span: Span, spans: Iterable[Span]) -> list[Span]:
    return [o for o in spans if o[1] < span[2] and span[1] < o[2]]


def _edges(text: str, span: Span, other: Span) -> str:
    (_, a, b), (_, oa, ob) = span, other
    if (
        text[min(a, oa) : max(a, oa)].strip('«»" ') == ""
        and text[min(b, ob) : max(b, ob)].strip('«»" ') == ""
    ):
        return "quotes at an edge"
    if ob == b:
        return "start: a descriptor noun or adjective before the name"
    if oa == a:
        return "end: a place, abbreviation or phrase after the name"
    return "both edges"


def cause(text: str, span: Span, wrong: set[Span], other_types: set[Span]) -> str:
    """Why one span is missed or false: wrong holds the spans of its type on the other side (the false
    spans of a miss, the missed ones of a false span), other_types the other side's spans of other types."""
    near = [text[o[1] : o[2]] for o in _overlapping(span, wrong | other_types)]
    words = [text[span[1] : span[2]], *near]
    if any("•" in w or "\n" in w for w in words):
        return "a span across a list bullet or a line break"
    if any("(" in w for w in words) or text[span[1] - 1 : span[1]] + text[span[2] : span[2] + 1] == "()":
        return "an abbreviation or other name in brackets"
    if any((o[1], o[2]) == span[1:] for o in other_types):
        return "type confusion, same span"
    same = _overlapping(span, wrong)
    if same:
        return _edges(text, span, same[0])
    if _overlapping(span, other_types):
        return "type confusion, other edges"
    return "lower case: a common noun (правительство, сборная)" if text[span[1]].islower() else "a name"


_UNSEEN, _UNMARKED = "a name the tagger does not find", "a name the set does not mark"


def causes(documents: Iterable[tuple[str, set[Span]]], tagger: Callable[[str], set[Span]]) -> Counter:
    """(type, miss | false, cause) → count: the error table of docs/facts.md."""
    tally: Counter = Counter()
    for text, want in documents:
        got = tagger(text)
        for side, found, wrong, other in (
            ("miss", want - got, got - want, got),
            ("false", got - want, want - got, want),
        ):
            for span in found:
                same_type = {o for o in wrong if o[0] == span[0]}
                why = cause(text, span, same_type, {o for o in other if o[0] != span[0]})
                if why == "a name":
                    why = _UNSEEN if side == "miss" else _UNMARKED
                tally[(span[0], side, why)] += 1
    return tally


def print_causes(documents: list[tuple[str, set[Span]]], tagger: Callable[[str], set[Span]]) -> None:
    tally = causes(documents, tagger)
    for kind in ("ORG", "LOC", "PER"):
        for side in ("miss", "false"):
            rows = sorted(((n, c) for (k, s, c), n in tally.items() if (k, s) == (kind, side)), reverse=True)
            print(f"{kind} {side}: {sum(n for n, _ in rows)}")
            for n, c in rows:
                print(f"  {n:4}  {c}")


def report(folder: Path = DEVSET, half: str = "all") -> None:
    if not folder.is_dir():
        print(f"FactRuEval dev set not found at {folder}: NER not scored")
        return
    documents = load(folder, half)
    bare, ours = score(documents, natasha_spans), score(documents, project_spans)
    print(f"FactRuEval dev, {half} ({len(documents)} documents), exact-span F1")
    print(f"  {'type':<6}{'gold':>6}{'natasha P/R/F1':>24}{'clusterwatch P/R/F1':>26}")
    for kind in ("all", "PER", "ORG", "LOC"):
        b, o = bare[kind], ours[kind]
        print(
            f"  {kind:<6}{b[3]:>6}   {b[0]:.3f} {b[1]:.3f} {b[2]:.3f}       {o[0]:.3f} {o[1]:.3f} {o[2]:.3f}"
        )


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description="Russian NER on the FactRuEval-2016 dev set")
    parser.add_argument("folder", nargs="?", type=Path, default=DEVSET)
    parser.add_argument("--half", choices=HALVES, default="all")
    parser.add_argument("--errors", action="store_true", help="list every missed and false span")
    parser.add_argument("--causes", action="store_true", help="count the missed and false spans by cause")
    args = parser.parse_args(argv)
    if args.errors and args.folder.is_dir():
        errors(load(args.folder, args.half), project_spans)
    elif args.causes and args.folder.is_dir():
        print_causes(load(args.folder, args.half), project_spans)
    else:
        report(args.folder, args.half)


if __name__ == "__main__":
    main(sys.argv[1:])
