"""A benchmark site of N real news pages: `python -m bench.realsite N [--devsets DIR] [--out DIR]`.

The pages are the development sets' own (../shared/devsets: trafilatura-eval and daniel-en), read by
path and written, never committed, under bench/out/real-N with a sitemap, robots.txt and
manifest.json in the layout of bench/corpus.py, so samples.server.serve_site serves either. Past the
sets' 1,315 pages they repeat under distinct URLs with a small edit (the copy number in the title):
such copies are near-duplicates, so the pipeline analyses only their first appearance.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from bench.corpus import render_sitemaps
from bench.devsets import DEFAULT_ROOT, DevPage, daniel_pages, trafilatura_eval_pages
from transforms.extract.encoding import decode_html

DECLARED = re.compile(rb"""<meta[^>]+charset=["']?[A-Za-z0-9_-]+|<\?xml[^>]+encoding=""", re.I)
TITLE = re.compile(rb"</title>", re.I)
LASTMOD = "2026-01-01"


class MissingDevsets(FileNotFoundError):
    """The development sets are not beside the project."""


@dataclass(frozen=True)
class RealPage:
    """What render_sitemaps and the benchmark need of a page."""

    path: str
    language: str
    source: str
    published: str = LASTMOD


def load_pages(root: Path) -> list[DevPage]:
    """Both sets' pages, in a fixed order: trafilatura-eval (file order), then daniel-en (by id)."""
    if not (root / "trafilatura-eval").is_dir() or not (root / "daniel-en").is_dir():
        raise MissingDevsets(f"no development sets at {root} (trafilatura-eval and daniel-en)")
    return trafilatura_eval_pages(root) + daniel_pages(root)


def servable(html: bytes) -> bytes:
    """The page as served: its own bytes when it declares its charset (the test server announces the
    declared one, else UTF-8); otherwise transcoded to UTF-8 so the announcement is true."""
    if DECLARED.search(html[:4096]):
        return html
    try:
        html.decode("utf-8")
        return html
    except UnicodeDecodeError:
        return decode_html(html)[0].encode("utf-8")  # as the pipeline would decode it


def edited(html: bytes, copy: int) -> bytes:
    """Copy number `copy` of a page: the title says which copy it is (the first copy is unchanged)."""
    if copy == 0:
        return html
    marked, found = TITLE.subn(f" ({copy + 1})</title>".encode(), html, count=1)
    return marked if found else html + f"<!-- copy {copy + 1} -->".encode()


def write_real_site(n: int, out: Path, root: Path = DEFAULT_ROOT) -> list[RealPage]:
    """N pages, the sitemap(s), robots.txt and manifest.json into OUT."""
    pages = load_pages(root)
    written = []
    for i in range(n):
        page = pages[i % len(pages)]
        item = RealPage(f"/real/{i:06d}.html", page.language or "und", f"{page.set}/{page.name}")
        target = out / item.path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(edited(servable(page.html), i // len(pages)))
        written.append(item)
    for name, xml in render_sitemaps(written).items():  # type: ignore[arg-type]
        (out / name).write_text(xml, encoding="utf-8")
    (out / "robots.txt").write_text("User-agent: *\nDisallow:\n\nSitemap: __BASE_URL__/sitemap.xml\n")
    items = [{"path": p.path, "language": p.language, "source": p.source} for p in written]
    manifest = {"pages": n, "generator": generator_id(), "unique_pages": len(pages), "items": items}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return written


def generator_id() -> str:
    """Changes whenever this builder does, so a stale site on disk can be told apart."""
    return "real-" + hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]


def default_out(n: int) -> Path:
    return Path(__file__).parent / "out" / f"real-{n}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", type=int, help="number of article pages")
    parser.add_argument("--devsets", type=Path, default=DEFAULT_ROOT, help="the development sets' folder")
    parser.add_argument("--out", type=Path, help="target folder [bench/out/real-N]")
    args = parser.parse_args(argv)
    out = args.out or default_out(args.pages)
    pages = write_real_site(args.pages, out, args.devsets)
    print(f"wrote {len(pages)} real pages to {out}")


if __name__ == "__main__":
    main()
