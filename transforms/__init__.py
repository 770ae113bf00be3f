"""Pure functions: HTML bytes to article records, polars frames in and out. No I/O here.

The stages, in the order a run takes them:

- `transforms.extract`   — raw page bytes → one article record (text, title, date, language) or a reason
  the page is held back;
- `transforms.normalise` — article records → the typed, keyed, de-duplicated articles frame;
- `transforms.intel`     — article text → domain facts (regions, people, organisations, sites, legal
  acts, figures) and the warehouse frames that carry them;
- `transforms.runs`      — a run's bookkeeping: batches, stage counts, the configured sources.

The public API is what this module exports; import it from here, not from the modules, so code outside
the package survives moves inside it:

    from transforms import extract_article, extract_entities, extract_figures
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from transforms.extract.article import ExtractOptions, NotAnArticle, extract_article
    from transforms.intel.entities import extract_entities, extract_people, find_mentions, mentions_frame
    from transforms.intel.facts import detect_language, extract_facts, ner_spans
    from transforms.intel.figures import extract_figures, figure_records
    from transforms.intel.frames import article_facts
    from transforms.intel.mentions import Mention

# name → module; loaded on first use, so `import transforms` costs nothing until a stage is needed
_API = {
    "ExtractOptions": "transforms.extract.article",
    "NotAnArticle": "transforms.extract.article",
    "extract_article": "transforms.extract.article",
    "Mention": "transforms.intel.mentions",
    "find_mentions": "transforms.intel.entities",
    "mentions_frame": "transforms.intel.entities",
    "extract_entities": "transforms.intel.entities",
    "extract_people": "transforms.intel.entities",
    "extract_facts": "transforms.intel.facts",
    "ner_spans": "transforms.intel.facts",
    "detect_language": "transforms.intel.facts",
    "figure_records": "transforms.intel.figures",
    "extract_figures": "transforms.intel.figures",
    "article_facts": "transforms.intel.frames",
}

__all__ = [
    "ExtractOptions",
    "Mention",
    "NotAnArticle",
    "article_facts",
    "detect_language",
    "extract_article",
    "extract_entities",
    "extract_facts",
    "extract_figures",
    "extract_people",
    "figure_records",
    "find_mentions",
    "mentions_frame",
    "ner_spans",
]


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(import_module(_API[name]), name)
    raise AttributeError(f"module 'transforms' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
