"""Extraction step by step: the CPU of each step of `extract_article` and of trafilatura's fallbacks
inside its passes, and how often each step decides the result, on the real pages of the development
sets, in one process.

    python -m bench.cpu.passes [DEVSETS] [--sets NAME ...] [--limit N]

Each step is timed with `time.process_time` around the function the extractor calls (its module's
name for it is replaced for the duration of the measurement, then put back), so the code measured is
the code a worker runs. Times are inclusive: trafilatura's readability, jusText, baseline and recall
retry run inside the passes. One page is extracted untimed first (lazy models).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import trafilatura.core
import trafilatura.external

import transforms.extract.article as article
from bench.devsets import DEFAULT_ROOT, DevPage
from bench.extract_cpu import REFERENCE_DATE, SETS, load_sets

PASSES = {"balanced": "balanced pass", "precision": "precision pass", "recall_fallback": "recall pass"}


@dataclass
class Tally:
    """CPU seconds and calls per step, and what each decision came to."""

    seconds: Counter[str] = field(default_factory=Counter)
    calls: Counter[str] = field(default_factory=Counter)
    decided: Counter[str] = field(default_factory=Counter)
    pages: int = 0
    total: float = 0.0

    def timed(self, label: str | Callable[..., str], fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            name = label(*args, **kwargs) if callable(label) else label
            start = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[name] += time.process_time() - start
                self.calls[name] += 1

        return run


def _pass_name(cleaned: Any, url: Any, metadata: Any, options: article.ExtractOptions, recall: bool) -> str:
    if recall:
        return PASSES["recall_fallback"]
    return PASSES["precision"] if options.favor_precision else PASSES["balanced"]


def _counting(tally: Tally, label: str, fn: Callable[..., bool]) -> Callable[..., bool]:
    """fn, its True answers counted under label."""

    def run(*args: Any, **kwargs: Any) -> bool:
        answer = fn(*args, **kwargs)
        tally.decided[label] += bool(answer)
        return answer

    return run


def _prefer_precise(tally: Tally, fn: Callable[..., bool]) -> Callable[..., bool]:
    def run(balanced: str, precise: str, lead: Any) -> bool:
        tally.decided["precision pass: text differs from the balanced pass"] += precise != balanced
        answer = fn(balanced, precise, lead)
        tally.decided["precision pass: its text kept"] += answer
        return answer

    return run


@contextmanager
def patched(tally: Tally) -> Iterator[None]:
    """The extractor's steps replaced by timed (and counted) ones for the duration."""
    replacements: list[tuple[ModuleType, str, Callable[..., Any]]] = [
        (article, "_decode", tally.timed("decode (sniff, charset, repairs)", article._decode)),
        (article, "_tree", tally.timed("parse to a tree (and its size)", article._tree)),
        (article, "clean_tree", tally.timed("clean the tree (furniture)", article.clean_tree)),
        (article, "_metadata", tally.timed("metadata (trafilatura, htmldate)", article._metadata)),
        (article, "_run", tally.timed(_pass_name, article._run)),
        (article, "prefer_precise", _prefer_precise(tally, article.prefer_precise)),
        (article, "_check_text", tally.timed("checks (footers, links, listings)", article._check_text)),
        (article, "_record", tally.timed("record (dates, language)", article._record)),
        (article, "detect_language", tally.timed("  of which language", article.detect_language)),
        (trafilatura.external, "try_readability",
         tally.timed("  in the passes: readability", trafilatura.external.try_readability)),
        (trafilatura.external, "_prefer_readability",
         _counting(tally, "readability: its text kept", trafilatura.external._prefer_readability)),
        (trafilatura.external, "justext_rescue",
         tally.timed("  in the passes: jusText", trafilatura.external.justext_rescue)),
        (trafilatura.core, "justext_rescue",
         tally.timed("  in the passes: jusText", trafilatura.core.justext_rescue)),
        (trafilatura.core, "baseline", tally.timed("  in the passes: baseline", trafilatura.core.baseline)),
        (trafilatura.core, "_recall_retry",
         tally.timed("  in the passes: trafilatura's recall retry", trafilatura.core._recall_retry)),
    ]  # fmt: skip
    originals = [(module, name, getattr(module, name)) for module, name, _ in replacements]
    for module, name, replacement in replacements:
        setattr(module, name, replacement)
    try:
        yield
    finally:
        for module, name, original in originals:
            setattr(module, name, original)


def extract(page: DevPage) -> dict[str, Any] | None:
    try:
        return article.extract_article(page.html, page.url, reference_date=REFERENCE_DATE)
    except article.NotAnArticle:
        return None


def measure(pages: list[DevPage]) -> Tally:
    """Every page extracted with its steps timed; the first once before, untimed."""
    tally = Tally()
    if pages:
        extract(pages[0])
    with patched(tally):
        for page in pages:
            start = time.process_time()
            found = extract(page)
            tally.total += time.process_time() - start
            tally.pages += 1
            tally.decided["pages held back"] += found is None
            if found is not None:
                tally.decided[f"kept text: {PASSES[found['extraction_method']]}"] += 1
    return tally


def report(tally: Tally) -> str:
    pages = max(tally.pages, 1)
    lines = [f"{tally.pages} pages, {tally.total * 1000 / pages:.1f} ms of CPU a page", ""]
    lines.append(f"{'step':<46}{'calls':>7}{'ms a page':>11}{'share':>8}")
    top = 0.0
    for name, seconds in sorted(tally.seconds.items(), key=lambda item: -item[1]):
        if not name.startswith(" "):
            top += seconds
    ordered = sorted(tally.seconds, key=lambda name: (name.startswith(" "), -tally.seconds[name]))
    for name in ordered:
        seconds = tally.seconds[name]
        share = seconds / tally.total if tally.total else 0.0
        lines.append(f"{name:<46}{tally.calls[name]:>7}{seconds * 1000 / pages:>11.1f}{share:>8.1%}")
    rest = tally.total - top
    lines.append(f"{'the rest':<46}{'':>7}{rest * 1000 / pages:>11.1f}{rest / max(tally.total, 1e-9):>8.1%}")
    lines += ["", f"{'decision':<60}{'pages':>7}"]
    lines += [f"{name:<60}{count:>7}" for name, count in sorted(tally.decided.items())]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Extraction's CPU per step and what each step decided.")
    parser.add_argument("devsets", nargs="?", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS))
    parser.add_argument("--limit", type=int, default=None, help="the first N pages of each set")
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be 1 or more")
    sets = load_sets(args.devsets, args.sets, args.limit)
    if not sets:
        print(f"no development set under {args.devsets}", file=sys.stderr)
        return 1
    print(report(measure([page for pages in sets.values() for page in pages])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
