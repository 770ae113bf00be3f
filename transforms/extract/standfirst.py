"""The standfirst set apart from the body: the sentence or two that news sites print under the headline in
a block of its own ("subheadline", "standfirst", "story-intro"), which trafilatura leaves out of the text
when the block is outside the article's paragraphs. It is part of the article: it goes back at the top.

A block is a standfirst when its class or id names one, it comes after the page's h1 and before the
paragraph that opens the text, it holds no link (a teaser or a list of stories does), its class does not
hide it, and it is a sentence long (MIN_WORDS to MAX_WORDS words). An h2 there is one too (the
standfirst of pages that name nothing), unless it is the headline (the title's words). Image captions
there are not (nor a block with a picture's credit): the references keep as many lead captions as they
drop, so they are left as trafilatura finds them.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

STANDFIRST_CLASS = re.compile(
    r"standfirst|sub-?head|sub-?title|intro\b|summary|\bdeck\b|\bdek\b|strapline|excerpt", re.IGNORECASE
)
HIDDEN_CLASS = re.compile(r"display-?none|\bhidden\b|\bhide\b", re.IGNORECASE)  # shown only by a script
# a picture's caption, set in an h2 or a "summary" block by some sites, ends in its credit
# ("Photograph by: …", "… Photo / Thinkstock", "(AP Photo/…)")
CREDIT = re.compile(r"\bphoto(?:graph)?(?: by)?\s*[:/]|\bimage:|\bcredit:", re.IGNORECASE)
MIN_WORDS = 6
MAX_WORDS = 80
OPENING_WORDS = 6  # the words of the text's first line that find the paragraph opening it
_WORDS = re.compile(r"\w+")


def _words(text: str | None) -> list[str]:
    return _WORDS.findall((text or "").lower())


def _opening(text: str) -> list[str] | None:
    """The first words of the text's first line long enough to be a paragraph (OPENING_WORDS or more)."""
    for line in text.splitlines():
        words = _words(line)
        if len(words) >= OPENING_WORDS:
            return words[:OPENING_WORDS]
    return None


def _opens(element: HtmlElement, opening: list[str]) -> bool:
    """The element's own text (or its first child's, for a lead set in bold) begins the text's first line."""
    own = _words(element.text)
    return len(own) >= OPENING_WORDS and own[:OPENING_WORDS] == opening


def _standfirst_block(element: HtmlElement) -> bool:
    """A block named as a standfirst, or an h2 (the standfirst of pages that name nothing), with no link,
    not hidden by its class, a sentence long."""
    names = f"{element.get('class', '')} {element.get('id', '')}"
    if not (element.tag == "h2" or STANDFIRST_CLASS.search(names)) or HIDDEN_CLASS.search(names):
        return False
    if element.tag == "a" or any(True for _ in element.iter("a")):
        return False
    text = element.text_content()
    return MIN_WORDS <= len(_words(text)) <= MAX_WORDS and not CREDIT.search(text)


def _candidates(tree: HtmlElement, opening: list[str]) -> list[HtmlElement]:
    """The standfirst blocks between the first h1 and the paragraph opening the text; none when that
    paragraph is not found (the text was not read from the page's order)."""
    found: list[HtmlElement] = []
    seen_h1 = False
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        if _opens(element, opening):
            return found
        if element.tag == "h1":
            seen_h1 = True
        elif seen_h1 and _standfirst_block(element):
            found.append(element)
    return []


def _headline(words: list[str], title: list[str]) -> bool:
    """The block is the page's headline (the title, or the title's start before the site's name)."""
    return bool(words) and title[: len(words)] == words


def standfirst(tree: HtmlElement, text: str, title: str | None) -> str | None:
    """The page's standfirst when the text lacks it: the first block found between the h1 and the text's
    opening paragraph, its whitespace collapsed; None otherwise."""
    opening = _opening(text)
    if opening is None:
        return None
    have = " ".join(_words(text))
    for element in _candidates(tree, opening):
        words = _words(element.text_content())
        if " ".join(words) in have or _headline(words, _words(title)):
            continue
        return " ".join(element.text_content().split())
    return None


def with_standfirst(tree: HtmlElement, text: str, title: str | None) -> str:
    """The text with the page's standfirst as its first line when the text lacks it."""
    found = standfirst(tree, text, title)
    return f"{found}\n{text}" if found else text
