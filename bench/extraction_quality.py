"""Main-text extraction quality: the project's extractor beside bare trafilatura (its defaults, and its
precision mode), on real labelled pages nobody here wrote and on the project's own labelled pages.

    python bench/extraction_quality.py [DEVSETS] [--half all|tune|holdout] [--sample N] [--worst N]
        [--sets NAME ...] [--jobs N] [--per-page FILE.csv]

DEVSETS is the folder of the development sets (default ../shared/devsets beside the repository); when
it is absent only the project's own pages are scored, with a message saying so. For each set: the
scores of each extractor (trafilatura-eval per language as well), the pages held back as "not an
article" with their reasons (every page of both sets has a main text, so each hold is a false one),
the worst pages of the project, and the project's time per page. --per-page writes the project's score
on every page (set, page, half, F1, precision, recall, held back) to a CSV file, to compare two versions
page by page.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import trafilatura

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.devsets import (  # noqa: E402
    DANIEL_EN,
    DANIEL_RU,
    DEFAULT_ROOT,
    TRAFILATURA_EVAL,
    DevPage,
    PageScore,
    StringCounts,
    averaged,
    daniel_pages,
    four_grams,
    page_score,
    string_counts,
    trafilatura_eval_pages,
)
from transforms.extract.article import NotAnArticle, extract_article  # noqa: E402

LABELLED = ROOT / "tests" / "data" / "extraction"
REFERENCE_DATE = date(2026, 11, 23)  # the labelled pages' "fetch date" (manifest.json reference_date)
PROJECT = "clusterwatch"
MAIN_LANGUAGES = ("en", "de", "ru")


@dataclass(frozen=True)
class Page:
    set: str
    url: str
    html: bytes
    expected: str


@dataclass(frozen=True)
class Score:
    """Word 4-gram overlap summed over a set's pages (the labelled pages are micro-averaged)."""

    overlap: int
    predicted: int
    expected: int

    def __add__(self, other: Score) -> Score:
        return Score(
            self.overlap + other.overlap, self.predicted + other.predicted, self.expected + other.expected
        )

    @property
    def precision(self) -> float:
        return self.overlap / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.overlap / self.expected if self.expected else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(predicted: str | None, expected: str) -> Score:
    got, want = four_grams(predicted), four_grams(expected)
    return Score(sum((got & want).values()), sum(got.values()), sum(want.values()))


def labelled_pages(folder: Path = LABELLED) -> list[Page]:
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    base = manifest["base_url"].encode()
    return [
        Page(
            p["set"],
            p["url"],
            (ROOT / p["html"]).read_bytes().replace(b"__BASE_URL__", base),
            (folder / p["expected"]).read_text("utf-8"),
        )
        for p in manifest["pages"]
    ]


@dataclass(frozen=True)
class Outcome:
    """What one extractor made of one page: its text, or the reason it held the page back."""

    text: str | None
    held_back: str | None = None
    seconds: float = 0.0


def project_outcome(html: bytes, url: str | None) -> Outcome:
    try:
        return Outcome(extract_article(html, url, reference_date=REFERENCE_DATE)["text"])
    except NotAnArticle as exc:
        return Outcome(None, f"{exc.kind}: {exc}")


def default_outcome(html: bytes, url: str | None) -> Outcome:
    return Outcome(trafilatura.extract(html, url=url))


def precision_outcome(html: bytes, url: str | None) -> Outcome:
    return Outcome(trafilatura.extract(html, url=url, favor_precision=True))


EXTRACTORS: dict[str, Callable[[bytes, str | None], Outcome]] = {
    PROJECT: project_outcome,
    "trafilatura.extract": default_outcome,
    "trafilatura precision": precision_outcome,
}


def timed(name: str, html: bytes, url: str | None) -> Outcome:
    start = time.perf_counter()
    outcome = EXTRACTORS[name](html, url)
    return Outcome(outcome.text, outcome.held_back, time.perf_counter() - start)


def run(name: str, pages: Iterable[DevPage]) -> list[Outcome]:
    return [timed(name, page.html, page.url) for page in pages]


def scores_by_set(pages: list[Page]) -> dict[tuple[str, str], Score]:
    """(set, extractor) → the labelled set's summed score."""
    totals: dict[tuple[str, str], Score] = {}
    for page in pages:
        for name in EXTRACTORS:
            key = (page.set, name)
            totals[key] = totals.get(key, Score(0, 0, 0)) + score(
                EXTRACTORS[name](page.html, page.url).text, page.expected
            )
    return totals


def labelled_table(totals: dict[tuple[str, str], Score], pages: list[Page]) -> str:
    counts = Counter(page.set for page in pages)
    lines = [f"{'set':<14}{'pages':>6}  {'extractor':<22}{'precision':>10}{'recall':>8}{'F1':>8}"]
    for (set_name, name), s in totals.items():
        lines.append(
            f"{set_name:<14}{counts[set_name]:>6}  {name:<22}{s.precision:>10.3f}{s.recall:>8.3f}{s.f1:>8.3f}"
        )
    return "\n".join(lines)


@dataclass(frozen=True)
class SetFigures:
    """An extractor's figures on one development set (or one language of it)."""

    pages: int
    precision: float
    recall: float
    f1: float
    accuracy: float | None  # trafilatura-eval only
    held_back: int
    seconds: float


def string_figures(pages: list[DevPage], outcomes: list[Outcome]) -> SetFigures:
    counts = sum((string_counts(o.text, p) for p, o in zip(pages, outcomes, strict=True)), StringCounts())
    return SetFigures(
        len(pages),
        counts.precision,
        counts.recall,
        counts.f1,
        counts.accuracy,
        sum(o.text is None for o in outcomes),
        sum(o.seconds for o in outcomes),
    )


def gram_scores(pages: list[DevPage], outcomes: list[Outcome]) -> list[PageScore]:
    return [page_score(o.text, p.reference or "") for p, o in zip(pages, outcomes, strict=True)]


def gram_figures(pages: list[DevPage], outcomes: list[Outcome]) -> SetFigures:
    mean = averaged(gram_scores(pages, outcomes))
    return SetFigures(
        len(pages),
        mean.precision,
        mean.recall,
        mean.f1,
        None,
        sum(o.text is None for o in outcomes),
        sum(o.seconds for o in outcomes),
    )


def figures(pages: list[DevPage], outcomes: list[Outcome]) -> SetFigures:
    """The set's figures, scored as its README says."""
    scorer = string_figures if pages and pages[0].set == TRAFILATURA_EVAL else gram_figures
    return scorer(pages, outcomes)


def language_group(page: DevPage) -> str:
    return page.language if page.language in MAIN_LANGUAGES else "other"


def by_language(pages: list[DevPage], outcomes: list[Outcome]) -> dict[str, SetFigures]:
    groups: dict[str, list[int]] = {}
    for index, page in enumerate(pages):
        groups.setdefault(language_group(page), []).append(index)
    return {
        lang: figures([pages[i] for i in idx], [outcomes[i] for i in idx])
        for lang, idx in sorted(groups.items())
    }


def page_f1(page: DevPage, outcome: Outcome) -> float:
    if page.reference is not None:
        return page_score(outcome.text, page.reference).f1
    return string_counts(outcome.text, page).accuracy


def figures_row(label: str, name: str, f: SetFigures) -> str:
    accuracy = f"{f.accuracy:>9.3f}" if f.accuracy is not None else f"{'':>9}"
    held = f"{f.held_back:>5} ({f.held_back / f.pages:.1%})" if f.pages else ""
    return (
        f"{label:<22}{f.pages:>6}  {name:<22}{f.precision:>10.3f}{f.recall:>8.3f}{f.f1:>8.3f}"
        f"{accuracy}  {held}"
    )


HEADER = (
    f"{'set':<22}{'pages':>6}  {'extractor':<22}{'precision':>10}{'recall':>8}{'F1':>8}{'accuracy':>9}  empty"
)


@dataclass(frozen=True)
class Evaluation:
    """The outcomes of each extractor on the same pages, in page order."""

    pages: list[DevPage]
    outcomes: dict[str, list[Outcome]]

    def figures(self, name: str) -> SetFigures:
        return figures(self.pages, self.outcomes[name])


def evaluate(pages: list[DevPage], names: Iterable[str] = tuple(EXTRACTORS), jobs: int = 1) -> Evaluation:
    """Every extractor on every page, in `jobs` processes."""
    outcomes: dict[str, list[Outcome]] = {}
    for name in names:
        if jobs <= 1:
            outcomes[name] = run(name, pages)
            continue
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(jobs) as pool:
            args = ([name] * len(pages), [p.html for p in pages], [p.url for p in pages])
            outcomes[name] = list(pool.map(timed, *args, chunksize=8))
    return Evaluation(pages, outcomes)


def select(pages: list[DevPage], half: str = "all", sample: int | None = None) -> list[DevPage]:
    """The pages of one half (or all), and at most `sample` of them: the same ones every time."""
    chosen = [p for p in pages if half in ("all", p.half)]
    if sample is not None and sample < len(chosen):
        keep = {p.name for p in sorted(chosen, key=lambda p: _order(p.name))[:sample]}
        chosen = [p for p in chosen if p.name in keep]
    return chosen


def _order(name: str) -> str:
    import hashlib

    return hashlib.sha256(f"sample:{name}".encode()).hexdigest()


def set_report(label: str, evaluation: Evaluation) -> list[str]:
    lines = [figures_row(label, name, evaluation.figures(name)) for name in evaluation.outcomes]
    if evaluation.pages and evaluation.pages[0].set == TRAFILATURA_EVAL:
        for name, outcomes in evaluation.outcomes.items():
            for lang, f in by_language(evaluation.pages, outcomes).items():
                lines.append(figures_row(f"  language {lang}", name, f))
    return lines


def holds_report(evaluation: Evaluation) -> list[str]:
    """The project's pages held back: every page of the sets has a main text, so each is a false hold."""
    held = [
        (p, o) for p, o in zip(evaluation.pages, evaluation.outcomes[PROJECT], strict=True) if o.held_back
    ]
    share = len(held) / len(evaluation.pages) if evaluation.pages else 0.0
    lines = [f"held back as not an article: {len(held)} of {len(evaluation.pages)} ({share:.1%})"]
    lines += [f"  {p.name}: {o.held_back}" for p, o in held]
    return lines


def worst_report(evaluation: Evaluation, count: int) -> list[str]:
    """The project's lowest-scoring pages beside trafilatura's precision mode on the same page (the
    largest losses to it first); without precision mode, the project's lowest scores."""
    rows = []
    for index, page in enumerate(evaluation.pages):
        ours = page_f1(page, evaluation.outcomes[PROJECT][index])
        other = evaluation.outcomes.get("trafilatura precision")
        theirs = page_f1(page, other[index]) if other else float("nan")
        rows.append((ours, theirs, page))
    rows.sort(key=lambda row: (row[0] - row[1], row[0]) if row[1] == row[1] else (row[0], 0.0))
    return [f"  {ours:.3f} (precision mode {theirs:.3f})  {_where(p)}" for ours, theirs, p in rows[:count]]


def _where(page: DevPage) -> str:
    return page.name if page.set in (DANIEL_EN, DANIEL_RU) else f"{page.name}  {page.url}"


def timing_report(evaluation: Evaluation) -> str:
    outcomes = evaluation.outcomes[PROJECT]
    seconds = sum(o.seconds for o in outcomes)
    return f"{PROJECT}: {1000 * seconds / max(len(outcomes), 1):.0f} ms per page over {len(outcomes)} pages"


def page_rows(evaluation: Evaluation) -> list[dict[str, object]]:
    """The project's score on every page: F1, precision and recall (word 4-grams on the DAnIEL sets;
    trafilatura-eval has accuracy as F1 and its string precision and recall), and the hold reason."""
    rows: list[dict[str, object]] = []
    for page, outcome in zip(evaluation.pages, evaluation.outcomes[PROJECT], strict=True):
        if page.reference is not None:
            scored = page_score(outcome.text, page.reference)
            f1, precision, recall = scored.f1, scored.precision, scored.recall
        else:
            counts = string_counts(outcome.text, page)
            f1, precision, recall = counts.accuracy, counts.precision, counts.recall
        rows.append(
            {
                "set": page.set,
                "page": page.name,
                "half": page.half,
                "f1": round(f1, 4),
                "precision": round(precision, 4),
                "recall": round(recall, 4),
                "held_back": outcome.held_back or "",
            }
        )
    return rows


def write_page_rows(path: Path, rows: list[dict[str, object]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]) if rows else ["set", "page"])
        writer.writeheader()
        writer.writerows(rows)


def devset_report(
    pages: list[DevPage], label: str, args: argparse.Namespace, rows: list[dict[str, object]] | None = None
) -> list[str]:
    evaluation = evaluate(pages, args.extractors, args.jobs)
    if rows is not None and PROJECT in evaluation.outcomes:
        rows.extend(page_rows(evaluation))
    lines = [HEADER, *set_report(label, evaluation)]
    if PROJECT in evaluation.outcomes:
        lines += [*holds_report(evaluation), f"worst {args.worst} pages (page score):"]
        lines += [*worst_report(evaluation, args.worst), timing_report(evaluation)]
    return lines


def load_devsets(root: Path) -> dict[str, list[DevPage]]:
    """The development sets found under root ({} when the folder is absent)."""
    loaders: dict[str, Callable[[Path], list[DevPage]]] = {
        TRAFILATURA_EVAL: trafilatura_eval_pages,
        DANIEL_EN: daniel_pages,
        DANIEL_RU: lambda folder: daniel_pages(folder, DANIEL_RU),
    }
    return {name: load(root) for name, load in loaders.items() if (root / name).is_dir()}


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("devsets", nargs="?", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--half", choices=("all", "tune", "holdout"), default="all")
    parser.add_argument("--sample", type=int, default=None, help="at most this many pages per set")
    parser.add_argument("--sets", nargs="+", default=None, help="only these sets (default: every set found)")
    parser.add_argument("--worst", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--extractors", nargs="+", choices=tuple(EXTRACTORS), default=tuple(EXTRACTORS))
    parser.add_argument("--per-page", type=Path, default=None, help="CSV of the per-page scores")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = arguments(argv)
    pages = labelled_pages()
    print("own labelled pages: word 4-gram precision / recall / F1 (micro-averaged per set)")
    print(labelled_table(scores_by_set(pages), pages))
    devsets = load_devsets(args.devsets)
    if not devsets:
        print(f"\ndevelopment sets not found at {args.devsets}: real-page figures skipped")
    rows: list[dict[str, object]] = []
    for name, dev_pages in devsets.items():
        if args.sets and name not in args.sets:
            continue
        chosen = select(dev_pages, args.half, args.sample)
        print(f"\n{name} ({args.half}, {len(chosen)} pages):")
        print("\n".join(devset_report(chosen, name, args, rows)))
    if args.per_page is not None:
        write_page_rows(args.per_page, rows)
        print(f"\nper-page scores: {args.per_page} ({len(rows)} pages)")


if __name__ == "__main__":
    main()
