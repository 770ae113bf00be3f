"""HTML to one article record with trafilatura: main text, title, author, date, site name, language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from trafilatura import bare_extraction

from transforms.encoding import decode_html
from transforms.language import detect_language

ARTICLE_KEYS = ("url", "title", "author", "published", "language", "sitename", "text")


@dataclass(frozen=True)
class ExtractOptions:
    favor_precision: bool = True
    include_comments: bool = False
    include_tables: bool = True
    min_text_chars: int = 200


class NotAnArticle(ValueError):
    """The page holds no article: the message is the reason recorded for it."""


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _run_trafilatura(text: str, url: str | None, options: ExtractOptions) -> Any:
    return bare_extraction(
        text,
        url=url,
        favor_precision=options.favor_precision,
        include_comments=options.include_comments,
        include_tables=options.include_tables,
        with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def extract_article(
    html: bytes | str,
    url: str | None = None,
    charset: str | None = None,
    options: ExtractOptions | None = None,
) -> dict[str, Any]:
    """One article as a dict with ARTICLE_KEYS; raises NotAnArticle with the reason otherwise."""
    options = options or ExtractOptions()
    text = decode_html(html, charset)[0] if isinstance(html, bytes) else html
    if not text.strip():
        raise NotAnArticle("empty page")
    document = _run_trafilatura(text, url, options)
    body = (document.text or "").strip() if document is not None else ""
    if len(body) < options.min_text_chars:
        raise NotAnArticle(f"main text too short ({len(body)} < {options.min_text_chars} characters)")
    return {
        "url": document.url or url,
        "title": document.title,
        "author": document.author,
        "published": _iso_date(document.date),
        "language": detect_language(body),
        "sitename": document.sitename,
        "text": body,
    }
