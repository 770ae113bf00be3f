"""The article evidence pages, one per article, rendered only when what the page shows has changed.

An article page is the report's frame (the header naming the run and the build, the navigation, the
style and the script), the same for every article page of one build, around the article's own part:
its marked text and its tables. That part depends only on the article's evidence (its row, its text
and its facts), on whether the article it copies has a page, and on the report's code, templates and
the libraries that render them. Each build notes, for every article, in `article/.parts/KEY.json` a
digest of those inputs, the part's anchors, where the part sits in the page it wrote and a digest of
the part; the next build renders again only the articles whose inputs changed (or whose page no longer
holds that part) and takes the other parts out of their pages into its own frame. The pages are byte
for byte those a full rendering writes (tests/reports/test_article_pages.py builds both and compares
them).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from jinja2 import Template

from reports.article import anchors, article_page
from reports.downloads import Table, data_uri
from reports.files import remove_stale, write_atomic

PARTS = ".parts"  # beside the pages, in article/: one JSON file per article
BODY = "\x00the article's part\x00"  # stands for the part while the frame is rendered
LIBRARIES = ("jinja2", "markupsafe", "razdel")  # what renders a part besides the code in reports/

ARTICLE_TABLES = {
    "meta": (("article_key", "title", "url", "source_name", "site_name", "published_date", "date_source",
              "date_inferred", "language", "word_count", "run_id", "duplicate_of"), lambda c: [c["article"]]),
    "things": (("type", "name", "mentions", "offset"), lambda c: c["things"]),
    "figures": (("figure_key", "said", "value", "unit", "qualifier", "subject", "metric_code", "act",
                 "region_name_en", "site_name", "start", "end", "sentence"), lambda c: c["figures"]),
    "relations": (("relation_key", "subject", "relation", "object", "rule", "start", "end", "sentence"),
                  lambda c: c["relations"]),
    "events": (("event_key", "event_type", "event_date", "date_text", "planned", "participants", "start",
                "end", "sentence"), lambda c: c["events"]),
    "roles": (("person", "role", "organisation"), lambda c: c["roles"]),
}  # fmt: skip


@dataclass(frozen=True)
class ArticlePages:
    """The pages written, and how many of them were rendered (the rest were kept from an earlier build)."""

    written: list[Path]
    rendered: int


@cache
def code_digest() -> str:
    """A digest of what renders a part: the report's modules and templates and the libraries' versions."""
    digest = hashlib.sha256()
    for name in LIBRARIES:
        digest.update(f"{name} {metadata.version(name)}\n".encode())
    here = Path(__file__).parent
    for path in [*sorted(here.glob("*.py")), *sorted((here / "templates").iterdir())]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _typed(value: Any) -> str:
    """A value JSON has no type for (a date, a decimal), with its type: a date never equals its text."""
    if isinstance(value, date | datetime):
        return f"{type(value).__name__}:{value.isoformat()}"
    return f"{type(value).__name__}:{value!r}"


def part_digest(evidence: dict[str, Any], copies_a_page: bool) -> str:
    """The digest of everything an article's part depends on."""
    inputs = json.dumps([code_digest(), copies_a_page, evidence], sort_keys=True, default=_typed)
    return hashlib.sha256(inputs.encode()).hexdigest()


def frame(template: Template, common: dict[str, Any]) -> tuple[str, str]:
    """What comes before and after the article's part on every article page of this build: the page
    rendered with its `body` block standing in for the part."""
    context = template.new_context({**common, "page": "article"})
    context.blocks["body"] = [lambda _context: iter((BODY,))]
    before, after = template.environment.concat(template.root_render_func(context)).split(BODY)
    return before, after


def _render(template: Template, found: dict[str, Any], common: dict[str, Any]) -> tuple[str, set[str]]:
    """One article's whole page, as the template renders it, and its anchors."""
    context = article_page(found)
    shown = {name: (columns, rows(context)) for name, (columns, rows) in ARTICLE_TABLES.items()}
    tables = {name: Table(name, columns, listed) for name, (columns, listed) in shown.items() if listed}
    downloads = {name: data_uri(table) for name, table in tables.items()}
    return template.render(page="article", downloads=downloads, **common, **context), anchors(context)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _kept(note: Path, page: Path, digest: str) -> tuple[str, list[str]] | None:
    """The part (and its anchors) an earlier build wrote into `page`, when it was made from the same
    inputs and the page still holds it as it was written."""
    try:
        found = json.loads(note.read_text(encoding="utf-8"))
        if found["digest"] != digest:
            return None
        with page.open(encoding="utf-8", newline="") as written:  # as written: no newline translated
            text = written.read()
        start, end = int(found["start"]), len(text) - int(found["after"])
        body = text[start:end] if 0 <= start <= end else ""
        return (body, list(found["anchors"])) if _sha(body) == found["body"] else None
    except (OSError, ValueError, KeyError, TypeError):  # missing or damaged: rendered again
        return None


def _part(page: str, before: str, after: str) -> str:
    if not (page.startswith(before) and page.endswith(after)):
        raise RuntimeError("an article page does not sit in the frame of its build")
    return page[len(before) : len(page) - len(after)]


def write_article_pages(
    template: Template,
    folder: Path,
    evidence: Iterable[tuple[int, dict[str, Any]]],
    keys: set[int],
    common: dict,
    anchors_of: dict,
) -> ArticlePages:
    """Write a page per article of KEYS into `folder`, from each article's evidence as EVIDENCE hands it
    over (one at a time will do), rendering only the parts whose inputs changed; every page's anchors go
    into `anchors_of` (for the links of the other pages)."""
    parts = folder / PARTS
    parts.mkdir(parents=True, exist_ok=True)
    before, after = frame(template, common)
    written, rendered = [], 0
    for key, found in evidence:
        duplicate_of = found["article"].get("duplicate_of")
        digest = part_digest(found, duplicate_of is not None and duplicate_of in keys)
        note, target = parts / f"{key}.json", folder / f"{key}.html"
        kept = _kept(note, target, digest)
        if kept is None:
            page, found_anchors = _render(template, found, common)
            kept = (_part(page, before, after), sorted(found_anchors))
            rendered += 1
        body, anchors_of[key] = kept[0], set(kept[1])
        write_atomic(target, before + body + after)
        where = {"start": len(before), "after": len(after), "body": _sha(body)}
        write_atomic(note, json.dumps({"digest": digest, "anchors": kept[1], **where}))
        written.append(target)
    remove_stale(folder, {p.name for p in written})
    remove_stale(parts, {f"{key}.json" for key in keys}, suffixes=(".json",))
    return ArticlePages(written, rendered)
