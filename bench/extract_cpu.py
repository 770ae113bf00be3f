"""Extraction's CPU per page: the project's extractor beside bare trafilatura, on the real pages of the
development sets, in one process, and a digest of every page's output to check that a change to the
extractor leaves what it produces identical.

    python bench/extract_cpu.py [DEVSETS] [--sets NAME ...] [--limit N] [--no-bare]
        [--digest FILE.json] [--compare FILE.json] [--profile FILE.prof]

For each set: CPU milliseconds per page (`time.process_time`, median and total) of
`extract_article` as a worker calls it, of `trafilatura.bare_extraction` with the project's metadata
settings (one balanced pass), and of `trafilatura.extract` with the trafilatura CLI's settings (text
output, comments and tables kept, no metadata). One page of each is extracted untimed first (lazy
models). --digest writes each page's sha256 of text, title, date, language and held-back reason;
--compare names the pages whose digest differs from an earlier one's. --profile writes the cProfile
stats of the project's extraction (read them with `python -m pstats FILE`) and prints the top functions.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import trafilatura
from trafilatura.settings import Extractor

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.devsets import (  # noqa: E402
    DANIEL_EN,
    DANIEL_RU,
    DEFAULT_ROOT,
    TRAFILATURA_EVAL,
    DevPage,
    daniel_pages,
    trafilatura_eval_pages,
)
from transforms.extract.article import DATE_PARAMS, NotAnArticle, extract_article  # noqa: E402

SETS = (DANIEL_EN, DANIEL_RU, TRAFILATURA_EVAL)
REFERENCE_DATE = date(2026, 11, 23)  # the fetch date the pages are extracted against (as in quality)
DEFAULT_DIGEST = ROOT / "bench" / "out" / "extract_cpu-digest.json"
PROJECT = "clusterwatch"
BARE_METADATA = "bare_extraction, metadata"
CLI = "trafilatura CLI settings"
SEPARATOR = "\x1f"
TOP_FUNCTIONS = 30


def page_key(page: DevPage) -> str:
    return f"{page.set}/{page.name}"


def output_digest(article: dict[str, Any] | None, reason: str | None) -> str:
    """sha256 of what extraction decided about one page: text, title, date, language, reason."""
    fields = ("text", "title", "published", "language")
    values = [str((article or {}).get(name)) for name in fields]
    return hashlib.sha256(SEPARATOR.join([*values, str(reason)]).encode("utf-8")).hexdigest()


def project(page: DevPage) -> str:
    """The project's extraction of one page, as its digest."""
    try:
        return output_digest(extract_article(page.html, page.url, reference_date=REFERENCE_DATE), None)
    except NotAnArticle as exc:
        return output_digest(None, f"{exc.kind}: {exc}")


def bare_metadata(page: DevPage) -> str:
    """trafilatura alone with the project's metadata settings: one balanced pass, no cleaning."""
    document = trafilatura.bare_extraction(
        page.html, url=page.url, with_metadata=True, include_tables=True, date_extraction_params=DATE_PARAMS
    )
    return "" if document is None else str(len(document.text or ""))


_CLI_OPTIONS = Extractor(output_format="txt", comments=True, tables=True, with_metadata=False)


def cli_settings(page: DevPage) -> str:
    """trafilatura alone as its CLI runs it: text output, comments and tables, no metadata."""
    text = trafilatura.extract(page.html, options=_CLI_OPTIONS)
    return str(len(text or ""))


EXTRACTORS: dict[str, Callable[[DevPage], str]] = {
    PROJECT: project,
    BARE_METADATA: bare_metadata,
    CLI: cli_settings,
}


@dataclass(frozen=True)
class Timing:
    """CPU milliseconds of one extractor on each page of a set, and what it produced per page."""

    milliseconds: list[float]
    outputs: dict[str, str]

    @property
    def median(self) -> float:
        return statistics.median(self.milliseconds) if self.milliseconds else 0.0

    @property
    def total_seconds(self) -> float:
        return sum(self.milliseconds) / 1000


def timed(extractor: Callable[[DevPage], str], pages: list[DevPage]) -> Timing:
    """Each page's CPU time in this process (process_time: load from other processes is not counted)."""
    if pages:
        extractor(pages[0])  # lazy models and caches load here, untimed
    milliseconds, outputs = [], {}
    for page in pages:
        start = time.process_time()
        outputs[page_key(page)] = extractor(page)
        milliseconds.append((time.process_time() - start) * 1000)
    return Timing(milliseconds, outputs)


def load_sets(root: Path, names: list[str], limit: int | None) -> dict[str, list[DevPage]]:
    """The pages of each set present under root (the first `limit` of each, in the set's order)."""
    loaders = {
        DANIEL_EN: lambda: daniel_pages(root, DANIEL_EN),
        DANIEL_RU: lambda: daniel_pages(root, DANIEL_RU),
        TRAFILATURA_EVAL: lambda: trafilatura_eval_pages(root),
    }
    found = {}
    for name in names:
        if not (root / name).is_dir():
            print(f"{name}: not found under {root}, skipped", file=sys.stderr)
            continue
        found[name] = loaders[name]()[:limit]
    return found


def row(set_name: str, pages: int, name: str, timing: Timing) -> str:
    return f"{set_name:<18}{pages:>6}  {name:<28}{timing.median:>10.1f}{timing.total_seconds:>10.2f}"


HEADER = f"{'set':<18}{'pages':>6}  {'extractor':<28}{'median ms':>10}{'total s':>10}"


def compare(digests: dict[str, str], earlier_file: Path) -> list[str]:
    """The pages whose digest differs from the earlier file's (pages absent from either are skipped)."""
    earlier = json.loads(earlier_file.read_text("utf-8"))
    return sorted(key for key, value in digests.items() if key in earlier and earlier[key] != value)


def profile(pages: list[DevPage], out: Path) -> None:
    """cProfile of the project's extraction over the pages, written to `out`; the top functions printed."""
    if pages:
        project(pages[0])
    profiler = cProfile.Profile()
    profiler.enable()
    for page in pages:
        project(page)
    profiler.disable()
    profiler.dump_stats(out)
    stats = pstats.Stats(str(out))
    stats.sort_stats("tottime").print_stats(TOP_FUNCTIONS)
    stats.sort_stats("cumtime").print_stats(TOP_FUNCTIONS)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Extraction's CPU per page, and a digest of its output.")
    parser.add_argument("devsets", nargs="?", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS))
    parser.add_argument("--limit", type=int, default=None, help="the first N pages of each set")
    parser.add_argument("--no-bare", action="store_true", help="time the project's extractor only")
    parser.add_argument("--digest", type=Path, default=DEFAULT_DIGEST, help="where to write the digests")
    parser.add_argument("--compare", type=Path, default=None, help="digests of an earlier run")
    parser.add_argument("--profile", type=Path, default=None, help="cProfile the project instead")
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be 1 or more")
    if args.compare is not None and not args.compare.is_file():
        parser.error(f"--compare: no such file {args.compare}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sets = load_sets(args.devsets, args.sets, args.limit)
    if not sets:
        print(f"no development set under {args.devsets}", file=sys.stderr)
        return 1
    if args.profile is not None:
        profile([page for pages in sets.values() for page in pages], args.profile)
        return 0
    names = [PROJECT] if args.no_bare else list(EXTRACTORS)
    digests: dict[str, str] = {}
    print(HEADER, flush=True)
    for set_name, pages in sets.items():
        for name in names:
            timing = timed(EXTRACTORS[name], pages)
            print(row(set_name, len(pages), name, timing), flush=True)
            if name == PROJECT:
                digests.update(timing.outputs)
    args.digest.parent.mkdir(parents=True, exist_ok=True)
    args.digest.write_text(json.dumps(digests, indent=0, sort_keys=True), "utf-8")
    print(f"digests of {len(digests)} pages: {args.digest}")
    if args.compare is not None:
        changed = compare(digests, args.compare)
        print(f"pages whose output differs from {args.compare}: {len(changed)}")
        for key in changed:
            print(f"  {key}")
        return 1 if changed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
