"""Page furniture out before extraction (hidden blocks, cookie banners, widgets, comments), residue
out after it (encoded blobs, script lines, interface words). The patterns are data, in
transforms/extract/boilerplate.py."""

from __future__ import annotations

import copy
import re
from itertools import pairwise

import lxml.html
from lxml import etree
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction

from transforms.extract.boilerplate import (
    ANY_NAMED_CLASS,
    ASIDE_XPATH,
    COMMENT_CLASS,
    CONTENT_CLASS,
    ENCODED_TOKEN,
    HIDDEN_XPATH,
    MAX_CARD_CHARS,
    MIN_CARDS,
    POLL_XPATH,
    PROTECTED_TAGS,
    SCRIPT_LINE,
    TEXT_LEVEL_TAGS,
    UI_LINES,
    WIDGET_CLASS,
)
from transforms.extract.comments import drop_reply_threads
from transforms.extract.layout import unwrap_layout_tables, wrap_loose_leads

_HIDDEN = etree.XPath(HIDDEN_XPATH)
_POLLS = etree.XPath(POLL_XPATH)
_ASIDES = etree.XPath(ASIDE_XPATH)
_NAMED = etree.XPath("//*[@class or @id]")
# attribute values that are data: URIs, and the elements whose links are (found by libxml2, not a Python loop)
_DATA_VALUES = etree.XPath("//@*[starts-with(., 'data:')]")
_DATA_LINKED = etree.XPath(
    "//*[starts-with(@src, 'data:') or starts-with(@href, 'data:') or starts-with(@srcset, 'data:')]"
)
_SPACES = re.compile(r"\s+")
# A page decoded to text keeps its XML declaration, whose encoding no longer holds: lxml refuses a str
# that carries one, so such a page reaches it as UTF-8 bytes with the encoding stated.
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def _html_parser(encoding: str | None = None) -> lxml.html.HTMLParser:
    """lxml.html's parser with its element classes chosen in C: lxml.html looks each element's class up
    in Python (a special class for form, input, select, textarea and label, whose form methods nothing
    here calls) every time an element is reached from Python, about ten thousand times a page through
    trafilatura's passes; every element is an HtmlElement here, with the same methods otherwise."""
    parser = lxml.html.HTMLParser(encoding=encoding)
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
        )
    )
    return parser


_PARSER = _html_parser()
_UTF8_PARSER = _html_parser("utf-8")


class BrokenMarkup(ValueError):
    """lxml could not build a tree from the page."""


def parse_html(text: str) -> HtmlElement:
    """A tree of the page; BrokenMarkup when there is none (lxml repairs most broken markup itself)."""
    markup = text.replace("\x00", "")
    try:
        if _XML_DECLARATION.match(markup):
            tree = lxml.html.document_fromstring(markup.encode("utf-8", "replace"), parser=_UTF8_PARSER)
        else:
            tree = lxml.html.document_fromstring(markup, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise BrokenMarkup(str(exc) or "no markup") from exc
    if tree is None or (tree.find("body") is None and len(tree) == 0):
        raise BrokenMarkup("no markup")
    return tree


def markup_chars(tree: HtmlElement, page_chars: int) -> int:
    """The page's size without its scripts, styles and data: URIs (what extraction has to read)."""
    heavy = sum(len(e.text or "") for e in tree.iter("script", "style"))
    inline = sum(len(value) for value in _DATA_VALUES(tree))
    return page_chars - heavy - inline


def _protected(element: HtmlElement, max_chars: int) -> bool:
    """The article itself, or an element around it: holding the h1, an article or main element, or
    more than half of the page's text."""
    if not isinstance(element.tag, str) or element.tag in PROTECTED_TAGS:
        return True
    if any(True for _ in element.iterdescendants("h1", "article", "main")):
        return True
    return len(element.text_content()) > max_chars


def _drop(elements: list[HtmlElement], max_chars: int, keep: frozenset[HtmlElement] = frozenset()) -> None:
    for element in elements:
        if element.getparent() is not None and element not in keep and not _protected(element, max_chars):
            element.drop_tree()


def _named(tree: HtmlElement) -> dict[str, list[HtmlElement]]:
    """Elements by what their class and id name: widgets, comments, the article's containers. Most
    names hold none of the tokens: one search for any of them passes those over."""
    found: dict[str, list[HtmlElement]] = {"widget": [], "comment": [], "content": []}
    kinds = (("widget", WIDGET_CLASS), ("comment", COMMENT_CLASS), ("content", CONTENT_CLASS))
    for element in _NAMED(tree):
        names = f"{element.get('class', '')} {element.get('id', '')}"
        if not ANY_NAMED_CLASS.search(names):
            continue
        for kind, pattern in kinds:
            if pattern.search(names):
                found[kind].append(element)
    return found


def _poll_block(form: HtmlElement) -> HtmlElement:
    """The poll with its heading ("Оцените статью"): the form's parent when the form is most of it."""
    parent = form.getparent()
    if parent is None or not isinstance(parent.tag, str):
        return form
    return parent if 3 * len(form.text_content()) >= 2 * len(parent.text_content()) else form


def _containers(elements: list[HtmlElement], min_chars: int) -> frozenset[HtmlElement]:
    """The article's containers that hold a tenth of the page's text or more: a widget token beside
    their name ("main-with-sidebar") does not make them furniture."""
    return frozenset(e for e in elements if len(e.text_content()) >= min_chars)


def drop_inline_comments(tree: HtmlElement) -> None:
    """Markup comments inside a paragraph or a run of text go, their text after them stays: trafilatura
    drops the text that follows a comment ("<p><strong><!-- ad_section_start --> The lead…</strong></p>"
    lost news sites' leads). Comments between blocks stay where they are, as before."""
    for comment in list(tree.iter(etree.Comment)):
        parent = comment.getparent()
        if parent is not None and parent.tag in TEXT_LEVEL_TAGS:
            comment.drop_tree()


def _card(item: HtmlElement) -> bool:
    """A list item that is a card: a picture, a link and a line of teaser at most."""
    return (
        any(True for _ in item.iter("img"))
        and any(True for _ in item.iter("a"))
        and len(item.text_content().strip()) <= MAX_CARD_CHARS
    )


def card_lists(tree: HtmlElement) -> list[HtmlElement]:
    """Lists of three or more cards (each item a picture, a link and a short teaser): the site's
    promotions and other stories ("WFP Hockey: Download our new hockey app…"), never the article."""
    found = []
    for listing in tree.iter("ul", "ol"):
        items = [child for child in listing if child.tag == "li"]
        if len(items) >= MIN_CARDS and all(_card(item) for item in items):
            found.append(listing)
    return found


def clean_tree(tree: HtmlElement, include_comments: bool = False) -> HtmlElement:
    """A cleaned copy: markup comments inside paragraphs and hidden elements removed, layout tables
    turned into blocks, a lead set loose before a block's first paragraph wrapped in one, widgets, polls,
    lists of promotion cards, asides and the ARIA landmarks beside the article (and comment threads, by
    class or by their reply links, unless asked for) removed, data: URIs emptied. The input tree is left as
    it was."""
    cleaned = copy.deepcopy(tree)
    drop_inline_comments(cleaned)
    _drop(_HIDDEN(cleaned), max_chars=2**62)  # hidden is hidden, however long
    unwrap_layout_tables(cleaned)
    wrap_loose_leads(cleaned)
    half = len(cleaned.text_content()) // 2
    named = _named(cleaned)
    _drop(named["widget"], half, _containers(named["content"], half // 5))
    _drop([_poll_block(form) for form in _POLLS(cleaned)], half)
    _drop(card_lists(cleaned), half)
    _drop(_ASIDES(cleaned), half)
    if not include_comments:
        _drop(named["comment"], half)
        drop_reply_threads(cleaned)
    for element in _DATA_LINKED(cleaned):
        for name in ("src", "href", "srcset"):
            if element.get(name, "").startswith("data:"):
                del element.attrib[name]
    return cleaned


def anchor_texts(tree: HtmlElement) -> set[str]:
    """The visible text of every link of the page, whitespace collapsed, at least two words long."""
    texts = (_SPACES.sub(" ", a.text_content()).strip() for a in tree.iter("a"))
    return {text for text in texts if " " in text}


def _residue_free(line: str) -> str:
    if SCRIPT_LINE.match(line):
        return ""
    line = ENCODED_TOKEN.sub(lambda m: "" if _looks_encoded(m.group(0)) else m.group(0), line).strip()
    if not any(c.isalnum() for c in line) or line.lower().rstrip(":.!").strip() in UI_LINES:
        return ""
    return line


def _looks_encoded(token: str) -> bool:
    """Base64 and hex ids mix digits and letters of both cases; long words and URLs slugs do not."""
    digits = sum(c.isdigit() for c in token)
    upper = sum(c.isupper() for c in token)
    lower = sum(c.islower() for c in token)
    return digits >= 2 and ((upper >= 2 and lower >= 2) or digits >= len(token) // 3)


def strip_residue(text: str) -> str:
    """Text without encoded blobs, script lines and lines that are interface words."""
    lines = (_residue_free(line) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def link_share(text: str, anchors: set[str]) -> float:
    """The share of the text's characters in lines that are the text of a link of the page."""
    lines = _lines(text)
    total = sum(len(line) for line in lines)
    linked = sum(len(line) for line in lines if line in anchors)
    return linked / total if total else 0.0


def linked_headlines(text: str, anchors: set[str]) -> int:
    """How many lines are a link's text followed by a line that is not: a listing's headline and teaser."""
    lines = _lines(text)
    return sum(1 for this, after in pairwise(lines) if this in anchors and after not in anchors)
