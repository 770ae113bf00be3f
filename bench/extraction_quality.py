"""Extraction quality on the labelled pages in tests/data/extraction: precision, recall and F1 over word
4-grams of the project's extractor beside plain trafilatura.extract(html) with its defaults.

    python bench/extraction_quality.py

Beside them, trafilatura in precision mode without comments (the project's first pass alone, without
its cleaning and fallback). Scores are micro-averaged per set: the 4-gram overlaps of all pages of a set
are summed before the ratios are taken, so a long page weighs more than a short one.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import trafilatura

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from transforms.extract.article import NotAnArticle, extract_article  # noqa: E402

LABELLED = ROOT / "tests" / "data" / "extraction"
WORD = re.compile(r"\w+")
REFERENCE_DATE = date(2026, 11, 23)  # the labelled pages' "fetch date" (manifest.json reference_date)


@dataclass(frozen=True)
class Page:
    set: str
    url: str
    html: bytes
    expected: str


@dataclass(frozen=True)
class Score:
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


def four_grams(text: str | None) -> Counter[tuple[str, ...]]:
    words = WORD.findall((text or "").lower())
    return Counter(tuple(words[i : i + 4]) for i in range(len(words) - 3))


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


def project_extractor(page: Page) -> str | None:
    try:
        return extract_article(page.html, page.url, reference_date=REFERENCE_DATE)["text"]
    except NotAnArticle:
        return None


def plain_trafilatura(page: Page) -> str | None:
    return trafilatura.extract(page.html)


def precision_trafilatura(page: Page) -> str | None:
    """trafilatura as the project's first pass calls it, without the cleaning and the fallback."""
    return trafilatura.extract(page.html, favor_precision=True, include_comments=False)


EXTRACTORS: dict[str, Callable[[Page], str | None]] = {
    "clusterwatch": project_extractor,
    "trafilatura.extract": plain_trafilatura,
    "trafilatura precision": precision_trafilatura,
}


def scores_by_set(pages: list[Page]) -> dict[tuple[str, str], Score]:
    """(set, extractor) → the set's summed score."""
    totals: dict[tuple[str, str], Score] = {}
    for page in pages:
        for name, extractor in EXTRACTORS.items():
            key = (page.set, name)
            totals[key] = totals.get(key, Score(0, 0, 0)) + score(extractor(page), page.expected)
    return totals


def table(totals: dict[tuple[str, str], Score], pages: list[Page]) -> str:
    counts = Counter(page.set for page in pages)
    lines = [f"{'set':<14}{'pages':>6}  {'extractor':<22}{'precision':>10}{'recall':>8}{'F1':>8}"]
    for (set_name, name), s in totals.items():
        row = (
            f"{set_name:<14}{counts[set_name]:>6}  {name:<22}{s.precision:>10.3f}{s.recall:>8.3f}{s.f1:>8.3f}"
        )
        lines.append(row)
    return "\n".join(lines)


def main() -> None:
    pages = labelled_pages()
    print("word 4-gram precision / recall / F1 against the labelled clean text (micro-averaged per set)")
    print(table(scores_by_set(pages), pages))


if __name__ == "__main__":
    main()
