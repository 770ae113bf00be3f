"""HTML to one article record: trafilatura on a page cleaned of its furniture, a recall-oriented second
pass when the first finds too little, metadata, the publication date and the language of the text.

A page that holds no article (empty, binary, too large, broken, a list of links, garbled text, an
impossible date) raises NotAnArticle with the reason; nothing else is raised for bad input.
"""

from __future__ import annotations

import re
import warnings
from copy import copy
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import Any

from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.metadata import extract_metadata
from trafilatura.settings import Extractor

from transforms.extract.choice import (
    Lead,
    can_prefer_precise,
    cut_edge_rows,
    cut_legal_footer,
    cut_sign_off,
    prefer_precise,
    with_dropped_paragraphs,
)
from transforms.extract.dates import DateHints, ImplausibleDate, resolve_published, without_datelines
from transforms.extract.encoding import decode_html, repaired_double_encoding, without_controls
from transforms.extract.garbled import garbled_reason, without_stray_replacements
from transforms.extract.htmlclean import (
    BrokenMarkup,
    anchor_texts,
    clean_tree,
    link_share,
    markup_chars,
    parse_html,
    strip_residue,
)
from transforms.extract.language import detect_language
from transforms.extract.links import cut_link_list, cut_news_feeds, cut_related_tail, split_headlines
from transforms.extract.sniff import refusal
from transforms.extract.standfirst import with_standfirst

ARTICLE_KEYS = ("url", "title", "author", "published", "language", "sitename", "text")
EXTRA_KEYS = ("description", "tags", "canonical_url", "date_source", "extraction_method")
NEW_SENTENCE = re.compile(r"\s*\n|\s+[\dA-ZА-ЯЁ«\"„]")
# htmldate is asked for any date it finds; transforms.extract.dates decides whether it is plausible
DATE_PARAMS = {
    "extensive_search": False,
    "original_date": True,
    "min_date": "1900-01-01",
    "max_date": "2099-12-31",
}
# dateutil, asked by htmldate for a date written with a zone name ("Mar 3, 2014 10:00 EST"), warns that
# it cannot place the zone and reads the date without it: the date is all we keep, so it is not news
warnings.filterwarnings("ignore", message=r"tzname \w+ identified but not understood")


@dataclass(frozen=True)
class ExtractOptions:
    favor_precision: bool = False
    include_comments: bool = False
    include_tables: bool = True
    min_text_chars: int = 200
    recall_fallback: bool = True
    precision_candidate: bool = True  # also run precision mode; keep it when it holds the article's core
    standfirst: bool = True  # put back the standfirst printed apart from the body (standfirst.py)
    max_link_share: float = 0.6
    max_linked_headlines: int = 3
    max_markup_chars: int = 2_000_000
    max_page_bytes: int = 10_000_000
    today: date | None = None  # the reference date when a page comes without its fetch date


class NotAnArticle(ValueError):
    """The page holds no article: the message is the reason recorded for it, `kind` its heading."""

    def __init__(self, reason: str, kind: str = "not an article") -> None:
        super().__init__(reason)
        self.kind = kind


@dataclass(frozen=True)
class _Pass:
    text: str
    document: Any
    method: str


def _decode(html: bytes | str, charset: str | None, options: ExtractOptions) -> str:
    if isinstance(html, str):
        if not html.strip():
            raise NotAnArticle("empty page")
        return without_controls(repaired_double_encoding(html))
    reason = refusal(html, options.max_page_bytes)
    if reason:
        raise NotAnArticle(reason)
    return without_controls(repaired_double_encoding(decode_html(html, charset)[0]))


def _tree(text: str, options: ExtractOptions) -> HtmlElement:
    try:
        tree = parse_html(text)
    except BrokenMarkup as exc:
        raise NotAnArticle(f"broken markup ({exc})") from exc
    size = markup_chars(tree, len(text))
    if size > options.max_markup_chars:
        raise NotAnArticle(f"page too large ({size:,} characters of markup > {options.max_markup_chars:,})")
    return tree


def _without_title(text: str, title: str | None) -> str:
    """The headline opening the text is the title, not the text: the title followed by a new line or
    a new sentence (the recall pass runs it into the text), or a first line that is the title's start
    before the site's name. A lead sentence that goes on from the headline's words (": договоры
    подписали…") stays."""
    if title and text.startswith(title):
        rest = text[len(title) :]
        if not rest.strip() or NEW_SENTENCE.match(rest):
            return rest.lstrip(" \n:.")
    first, _, rest = text.partition("\n")
    head = first.strip().rstrip(" :.")
    if title and head and title.startswith(head) and len(head.split()) >= 3:
        return rest.lstrip()
    return text


def _metadata(cleaned: HtmlElement, url: str | None) -> Any:
    """The page's metadata (title, author, date, description, tags, canonical URL), read once for all the
    passes, as bare_extraction reads it (it leaves the tree as it was); None when trafilatura fails on it,
    as bare_extraction then does."""
    try:
        return extract_metadata(cleaned, url, DATE_PARAMS, False, None)
    except (TypeError, ValueError):
        return None


@cache
def _settings(precise: bool, recall: bool, comments: bool, tables: bool) -> Extractor:
    """trafilatura's settings for one kind of pass, read from its configuration once (bare_extraction
    would read them again for every call)."""
    return Extractor(
        output_format="python",
        precision=precise,
        recall=recall,
        comments=comments,
        tables=tables,
    )


def _for_page(settings: Extractor, url: str | None) -> Extractor:
    """The pass's settings with the page's URL, as bare_extraction sets it."""
    page = copy(settings)
    page.url = url
    page.source = url and url.encode("utf-8", "replace").decode("utf-8")
    return page


def _run(
    cleaned: HtmlElement, url: str | None, metadata: Any, options: ExtractOptions, recall: bool
) -> _Pass:
    """One trafilatura pass over the cleaned tree (which trafilatura copies, not changes), the page's
    metadata read once beside it."""
    method = "recall_fallback" if recall else ("precision" if options.favor_precision else "balanced")
    if metadata is None:
        return _Pass("", None, method)
    precise = options.favor_precision and not recall
    settings = _settings(precise, recall, options.include_comments, options.include_tables)
    document = bare_extraction(cleaned, options=_for_page(settings, url or metadata.url))
    if document is None:
        return _Pass("", None, method)
    text = _without_title((document.text or "").strip(), metadata.title)
    if options.include_comments and document.comments:
        text = f"{text}\n{document.comments.strip()}"
    text = cut_news_feeds(cut_related_tail(text, options.min_text_chars, options.include_comments))
    return _Pass(strip_residue(text), metadata, method)


def _first_pass(
    cleaned: HtmlElement, url: str | None, metadata: Any, options: ExtractOptions
) -> tuple[_Pass, Lead | None]:
    """The balanced pass, or precision mode's text when it holds the article better (choice.py); and
    the page's lead (its description, when the page's text holds it). Precision mode is not run when
    the balanced text is empty: its text is never preferred to an empty one (choice.can_prefer_precise)."""
    first = _run(cleaned, url, metadata, options, recall=False)
    document = first.document
    described = document is not None and bool(document.description)  # no description, no lead: no page text
    lead = Lead.of(document.description, cleaned.text_content(), document.title) if described else None
    if options.favor_precision or not options.precision_candidate or not can_prefer_precise(first.text):
        return first, lead
    precise = _run(cleaned, url, metadata, replace(options, favor_precision=True), recall=False)
    if not prefer_precise(first.text, precise.text, lead):
        return first, lead
    return replace(precise, text=with_dropped_paragraphs(first.text, precise.text)), lead


def _main_text(tree: HtmlElement, url: str | None, options: ExtractOptions) -> _Pass:
    """The first pass; the recall pass when the first finds less than min_text_chars and the recall pass
    more, or when the first lost the page's lead and the recall pass keeps it (the first found another
    block: a comment form, a table of links). All read the same cleaned copy of the tree: the page is
    cleaned once. The standfirst printed apart from the body goes back at the top of the text chosen."""
    cleaned = clean_tree(tree, options.include_comments)
    metadata = _metadata(cleaned, url)
    first, lead = _first_pass(cleaned, url, metadata, options)
    found = _recall_choice(cleaned, url, metadata, options, first, lead)
    if not options.standfirst or found.document is None:
        return found
    return replace(found, text=with_standfirst(cleaned, found.text, found.document.title))


def _recall_choice(
    cleaned: HtmlElement,
    url: str | None,
    metadata: Any,
    options: ExtractOptions,
    first: _Pass,
    lead: Lead | None,
) -> _Pass:
    """The first pass, or the recall pass when the first is short or lost the page's lead."""
    short = len(first.text) < options.min_text_chars
    lost_lead = lead is not None and lead.lost_by(first.text)
    if not options.recall_fallback or not (short or lost_lead):
        return first
    second = _run(cleaned, url, metadata, options, recall=True)
    if short:
        return second if len(second.text) > len(first.text) else first
    return second if lead is not None and lead.kept_by(second.text) else first


def _listing(text: str, anchors: set[str], options: ExtractOptions) -> str:
    """The text without its related-news blocks and the list of linked headlines closing it; NotAnArticle
    when it is a listing of other pages: max_linked_headlines or more linked headlines with teasers, and
    less than min_text_chars beside."""
    headlines = split_headlines(text, anchors)
    if headlines.pairs >= options.max_linked_headlines and len(headlines.text) < options.min_text_chars:
        raise NotAnArticle(f"a listing of other pages ({headlines.pairs} linked headlines with teasers)")
    return cut_link_list(headlines.text, anchors, options.min_text_chars)


def _check_text(found: _Pass, tree: HtmlElement, options: ExtractOptions) -> _Pass:
    """The pass without its legal footer, the menu rows at its ends, its sign-off and its related-news blocks;
    NotAnArticle when its text is no article."""
    text = without_stray_replacements(cut_sign_off(cut_edge_rows(cut_legal_footer(found.text))))
    found = replace(found, text=text)
    if len(found.text) < options.min_text_chars:
        raise NotAnArticle(f"main text too short ({len(found.text)} < {options.min_text_chars} characters)")
    anchors = anchor_texts(tree)
    share = link_share(found.text, anchors)
    if share > options.max_link_share:
        raise NotAnArticle(f"a list of links ({share:.0%} of the text is link text)")
    text = _listing(found.text, anchors, options)
    if len(text) < options.min_text_chars:
        raise NotAnArticle(f"main text too short ({len(text)} < {options.min_text_chars} characters)")
    reason = garbled_reason(text)
    if reason:
        raise NotAnArticle(reason)
    return replace(found, text=text)


def _tags(document: Any) -> list[str]:
    tags = [*(document.tags or []), *(document.categories or [])]
    return list(dict.fromkeys(t.strip() for t in tags if t and t.strip()))


def _record(
    found: _Pass, url: str | None, tree: HtmlElement, reference: date | None, hints: DateHints | None
) -> dict[str, Any]:
    document = found.document
    try:
        published = resolve_published(document.date, found.text, reference, hints)
    except ImplausibleDate as exc:
        raise NotAnArticle(str(exc), kind="implausible date") from exc
    return {
        "url": url or document.url,
        "title": document.title,
        "author": document.author,
        "published": published.value.isoformat() if published.value else None,
        "language": detect_language(found.text, tree.get("lang")),
        "sitename": document.sitename,
        "text": without_datelines(found.text),
        "description": document.description,
        "tags": _tags(document),
        "canonical_url": document.url,
        "date_source": published.source,
        "extraction_method": found.method,
    }


def extract_article(
    html: bytes | str,
    url: str | None = None,
    charset: str | None = None,
    options: ExtractOptions | None = None,
    reference_date: date | None = None,
    hints: DateHints | None = None,
) -> dict[str, Any]:
    """One article as a dict with ARTICLE_KEYS and EXTRA_KEYS; raises NotAnArticle with the reason
    otherwise. reference_date (the fetch date; options.today when not given) decides what is "in the
    future"; hints (the sitemap's <lastmod>, the HTTP Last-Modified) date a page that states no year."""
    options = options or ExtractOptions()
    tree = _tree(_decode(html, charset, options), options)
    found = _check_text(_main_text(tree, url, options), tree, options)
    return _record(found, url, tree, reference_date or options.today, hints)
