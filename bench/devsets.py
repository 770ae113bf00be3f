"""The real, labelled development sets read by path (never copied into the repository) and how each is
scored, as its README says.

* trafilatura-eval: pages with strings that must (`with`) and must not (`without`) be in the main
  text; precision, recall, F1 and accuracy over all strings of a set.
* daniel-en and daniel-ru: English and Russian news pages with their reference main text; word 4-gram
  precision and recall per page, averaged over the pages, then the F1 of the averages. A page held
  back scores 0.

Each page also falls in one of two fixed halves, `tune` and `holdout` (by a hash of its name), so a
rule can be chosen on one half and checked on the other.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from transforms.extract.language import language_and_score

DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "shared" / "devsets"
TRAFILATURA_EVAL = "trafilatura-eval"
DANIEL_EN = "daniel-en"
DANIEL_RU = "daniel-ru"
DANIEL_LANGUAGES = {DANIEL_EN: "en", DANIEL_RU: "ru"}
WORD = re.compile(r"\w+")
SPACES = re.compile(r"\s+")
TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class DevPage:
    """One page of a development set: what must be in its text (and what must not), or its reference."""

    set: str
    name: str
    url: str
    html: bytes
    language: str | None
    half: str  # "tune" or "holdout"
    with_strings: tuple[str, ...] = ()
    without_strings: tuple[str, ...] = ()
    reference: str | None = None


def half_of(name: str) -> str:
    """The fixed half a page belongs to: the same on every machine and in every run."""
    return "tune" if hashlib.sha256(name.encode()).digest()[0] % 2 == 0 else "holdout"


def _language(text: str) -> str | None:
    return language_and_score(text)[0]


def trafilatura_eval_pages(root: Path) -> list[DevPage]:
    """The entries of evaldata.json whose page is present, in file order; the language is detected
    from the `with` strings (the page's own words that must be kept)."""
    folder = root / TRAFILATURA_EVAL
    entries = json.loads((folder / "evaldata.json").read_text("utf-8"))
    pages = []
    for url, entry in entries.items():
        path = folder / "html" / f"{entry['file']}.gz"
        if not path.exists():
            continue
        with_strings = tuple(entry.get("with") or ())
        pages.append(
            DevPage(
                TRAFILATURA_EVAL,
                entry["file"],
                url,
                gzip.decompress(path.read_bytes()),
                _language(" ".join(with_strings)),
                half_of(entry["file"]),
                with_strings,
                tuple(entry.get("without") or ()),
            )
        )
    return pages


def reference_text(raw: str) -> str:
    """The reference main text without its markup (`<p>` tags become line breaks)."""
    return TAG.sub("\n", raw).strip()


def daniel_pages(root: Path, name: str = DANIEL_EN) -> list[DevPage]:
    """The DAnIEL pages of one set (daniel-en or daniel-ru) with their reference text, sorted by id."""
    folder = root / name
    pages = []
    for path in sorted((folder / "html").glob("*.html.gz")):
        page_id = path.name.removesuffix(".html.gz")
        reference = reference_text((folder / "reference" / f"{page_id}.txt").read_text("utf-8"))
        pages.append(
            DevPage(
                name,
                page_id,
                f"https://daniel.example/{page_id}",
                gzip.decompress(path.read_bytes()),
                DANIEL_LANGUAGES[name],
                half_of(page_id),
                reference=reference,
            )
        )
    return pages


@dataclass(frozen=True)
class StringCounts:
    """trafilatura's evaluation: `with` strings found (tp) or missed (fn), `without` strings found
    (fp) or absent (tn)."""

    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def __add__(self, other: StringCounts) -> StringCounts:
        return StringCounts(self.tp + other.tp, self.fn + other.fn, self.fp + other.fp, self.tn + other.tn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @property
    def accuracy(self) -> float:
        total = self.tp + self.fn + self.fp + self.tn
        return (self.tp + self.tn) / total if total else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _flat(text: str) -> str:
    return SPACES.sub(" ", text).strip()


def string_counts(text: str | None, page: DevPage) -> StringCounts:
    """One page's counts; whitespace is collapsed on both sides, so a line break matches a space."""
    flat = _flat(text or "")
    found = [_flat(s) in flat for s in page.with_strings] if flat else [False] * len(page.with_strings)
    leaked = [bool(flat) and _flat(s) in flat for s in page.without_strings]
    return StringCounts(sum(found), found.count(False), sum(leaked), leaked.count(False))


def four_grams(text: str | None) -> Counter[tuple[str, ...]]:
    words = WORD.findall((text or "").lower())
    return Counter(tuple(words[i : i + 4]) for i in range(len(words) - 3))


@dataclass(frozen=True)
class PageScore:
    """Word 4-gram precision and recall of one page (both 0 for a page with no text)."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)


def page_score(text: str | None, reference: str) -> PageScore:
    got, want = four_grams(text), four_grams(reference)
    overlap = sum((got & want).values())
    predicted, expected = sum(got.values()), sum(want.values())
    return PageScore(overlap / predicted if predicted else 0.0, overlap / expected if expected else 0.0)


def averaged(scores: list[PageScore]) -> PageScore:
    """Precision and recall averaged over the pages (their F1 is the set's F1)."""
    if not scores:
        return PageScore(0.0, 0.0)
    return PageScore(
        sum(s.precision for s in scores) / len(scores), sum(s.recall for s in scores) / len(scores)
    )
