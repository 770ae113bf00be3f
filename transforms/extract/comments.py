"""Comment threads found by what every comment carries, not by class names: Russian news sites of the
2000s name their threads anything ("coom", "komm", "otz"), but each comment has its own "ответить"
(reply) link or button. Two or more of them mark a thread: each comment (the largest element around a
marker that holds no other marker) is dropped, unless it holds the article itself (the h1, an article
or main element, or half of the text)."""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from transforms.extract.boilerplate import PROTECTED_TAGS, REPLY_WORDS

MIN_REPLIES = 2
_SPACES = re.compile(r"\s+")
_MARKER_TAGS = frozenset({"a", "button", "span", "div", "li"})
_SHORT_TEXTS = etree.XPath("//text()[string-length(normalize-space(.)) > 0 and string-length(.) <= 40]")


def _words(text: str) -> str:
    return _SPACES.sub(" ", text).strip().lower().strip("[]()|:.").strip()


def _is_reply(element: HtmlElement) -> bool:
    text = element.text_content()
    return len(text) <= 40 and _words(text) in REPLY_WORDS


def reply_markers(tree: HtmlElement) -> list[HtmlElement]:
    """The innermost link, button or block whose whole text is a reply word (found from the short text
    nodes, one pass over the page)."""
    found: dict[HtmlElement, None] = {}
    for node in _SHORT_TEXTS(tree):
        if not node.is_text or _words(str(node)) not in REPLY_WORDS:
            continue
        element = node.getparent()
        while element is not None and element.tag not in _MARKER_TAGS:
            element = element.getparent()
        if element is not None and _is_reply(element):
            found[element] = None
    return list(found)


def _item(marker: HtmlElement, markers: set[HtmlElement]) -> HtmlElement:
    """The largest element around a reply marker that holds no other marker: one comment."""
    item = marker
    for parent in marker.iterancestors():
        if any(True for e in parent.iterdescendants() if e in markers and e is not marker):
            break
        item = parent
    return item


def _holds_article(element: HtmlElement, half: int) -> bool:
    if element.tag in PROTECTED_TAGS or any(True for _ in element.iterdescendants("h1", "article", "main")):
        return True
    return len(element.text_content()) > half


def drop_reply_threads(tree: HtmlElement) -> int:
    """Drop each comment of a thread marked by reply links, in place; returns how many were dropped. A
    page whose text holds no reply word (most pages) has no marker: it is not searched for them."""
    text = tree.text_content()
    lowered = text.lower()
    if not any(word in lowered for word in REPLY_WORDS):
        return 0
    markers = reply_markers(tree)
    if len(markers) < MIN_REPLIES:
        return 0
    marked = set(markers)
    half = len(text) // 2
    items = [_item(marker, marked) for marker in markers]
    dropped = 0
    for item in items:
        if item.getparent() is not None and not _holds_article(item, half):
            item.drop_tree()
            dropped += 1
    return dropped
