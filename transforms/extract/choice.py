"""Which of trafilatura's passes holds the article: the balanced text, precision mode's, or the recall
pass's, told apart by the article's core (the balanced text's longest line) and by its lead (the page's
own description, when the page's text holds it); and what is cut off the ends of the text: a site's legal
footer, rows of a menu table ("| Обсудить | Версия для печати |") above or below the article, and the
newsroom's sign-off lines below it.

A news page's `<meta name="description">` is, on most sites, the article's lead or its first paragraph:
when the page's text holds it, the pass that lost it found another block (a comment form, a teaser
list, a footer) and the pass that kept it found the article.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from transforms.extract.boilerplate import SIGN_OFF_LINE

_WORD = re.compile(r"\w+")
RIGHTS = re.compile(r"©|\(c\)|copyright|all rights reserved|все права", re.I)
_YEAR = r"(?:19|20)\d\d"
# "©" not read from mojibake ("CÃ´tÃ©" is "Côté" read as Latin-1)
_SIGN = r"(?:(?<![ÃÂ])©|\(c\)|copyright)"
# a legal notice: the sign near a year ("© 2012, «Новый Регион»", "2002-2010 © ИА …", "Copyright © 2011
# The Press Association"), a line opening with "Copyright", or the reserved-rights formula; a photo
# credit ("© AFP / JEFF PACHOUD", "©iStock") names no year and is not one
LEGAL_NOTICE = re.compile(
    rf"{_SIGN}\W{{0,3}}(?:\w+\W+){{0,6}}?{_YEAR}|{_YEAR}(?:\W+{_YEAR})?\W{{0,3}}{_SIGN}"
    r"|^\W*copyright\b|all rights reserved|все права защищены|все права принадлежат",
    re.I,
)
MIN_LEAD_GRAMS = 5  # a description of fewer word 4-grams says too little to recognise the article by
LEAD_IN_PAGE = 0.6  # share of the description's 4-grams the page's text must hold for it to count
LEAD_KEPT = 0.5  # share of them a pass's text must hold to have kept the lead
LEAD_LOST = 0.2  # a pass holding less has lost it (between the two, it holds part of it: not lost)
MIN_TEASERS_ABOVE = 200  # characters the balanced text holds above precision mode's first line
MIN_TEXT_ABOVE_NOTICE = 200  # a legal notice ends the text only after this much, and half the text
MAX_NOTICE_CHARS = 300
MAX_EDGE_ROWS = 3  # more rows in a row are a table of data (a match's scores, a car's figures), kept
MAX_MENU_CELL_WORDS = 6
MIN_DROPPED_PARAGRAPH = 200  # a shorter line precision mode left out may be a caption, a contact line
PARAGRAPH_ENDS = (".", "!", "?", "»", "”", '"', "…")


def _grams(text: str) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return Counter(zip(words, words[1:], words[2:], words[3:], strict=False))


@dataclass(frozen=True)
class Lead:
    """The page's description as word 4-grams, when it is long enough and the page's text holds it."""

    grams: Counter[tuple[str, ...]]

    @classmethod
    def of(cls, description: str | None, page_text: str, title: str | None = None) -> Lead | None:
        """None when the description is short, not on the page, or the headline again (a site that
        repeats its title as its description says nothing about where the article starts)."""
        grams = _grams(description or "")
        total = sum(grams.values())
        if total < MIN_LEAD_GRAMS or _held(grams, _grams(page_text)) < LEAD_IN_PAGE * total:
            return None
        if _held(grams, _grams(title or "")) >= LEAD_IN_PAGE * total:
            return None
        return cls(grams)

    def kept_by(self, text: str) -> bool:
        return _held(self.grams, _grams(text)) >= LEAD_KEPT * sum(self.grams.values())

    def lost_by(self, text: str) -> bool:
        return _held(self.grams, _grams(text)) < LEAD_LOST * sum(self.grams.values())


def _held(wanted: Counter[tuple[str, ...]], found: Counter[tuple[str, ...]]) -> int:
    return sum((wanted & found).values())


def longest_line(text: str) -> str:
    """The text's longest line that is not a copyright notice (a site's legal footer runs long)."""
    lines = (line.strip() for line in text.splitlines())
    return max((line for line in lines if not RIGHTS.search(line)), key=len, default="")


def _teasers_above(balanced: str, precise: str) -> bool:
    """The balanced text holds precision mode's text below MIN_TEASERS_ABOVE characters of other lines
    (other pages' teasers above the article)."""
    first = next((line.strip() for line in precise.splitlines() if line.strip()), "")
    return bool(first) and balanced.find(first) >= MIN_TEASERS_ABOVE


def can_prefer_precise(balanced: str) -> bool:
    """Whether prefer_precise can answer yes for this balanced text: not for an empty one, which has no
    core line and nothing above a precise text's first line (so precision mode need not run)."""
    return bool(balanced)


def prefer_precise(balanced: str, precise: str, lead: Lead | None) -> bool:
    """Precision mode's text over the balanced one: when it keeps the balanced text's longest line (the
    article's core) and the lead the balanced text kept, it differs by furniture it left out; when it
    keeps the lead and the balanced text has other lines above it, those are teasers of other pages."""
    if precise == balanced:
        return False
    if lead is not None and lead.kept_by(balanced) and not lead.kept_by(precise):
        return False
    core = longest_line(balanced)
    if core and core in {line.strip() for line in precise.splitlines()}:
        return True
    return lead is not None and lead.kept_by(precise) and _teasers_above(balanced, precise)


def cut_legal_footer(text: str) -> str:
    """The text without a site's legal footer: it ends before a line that is a legal notice, when half
    the text and MIN_TEXT_ABOVE_NOTICE characters come before it."""
    position = 0
    lines = text.splitlines()
    for index, line in enumerate(lines):
        enough = position >= MIN_TEXT_ABOVE_NOTICE and position >= len(text) / 2
        if enough and len(line) < MAX_NOTICE_CHARS and LEGAL_NOTICE.search(line.strip()):
            return "\n".join(lines[:index]).rstrip()
        position += len(line) + 1
    return text


def _menu_row(line: str) -> bool:
    """A table row (as trafilatura writes one: "| a | b |") whose cells are all a few words long."""
    line = line.strip()
    if len(line) < 2 or not (line.startswith("|") and line.endswith("|")):
        return False
    return all(len(cell.split()) <= MAX_MENU_CELL_WORDS for cell in line.strip("|").split("|"))


def _menu_rows(lines: list[str]) -> int:
    """How many menu rows open the lines, when they are MAX_EDGE_ROWS or fewer (else 0)."""
    count = 0
    while count < len(lines) and _menu_row(lines[count]):
        count += 1
    return count if count <= MAX_EDGE_ROWS else 0


def cut_edge_rows(text: str) -> str:
    """The text without the few short table rows that open or close it: the rubric, print and comment
    links of a table layout, left beside the article (a longer run of rows is a data table)."""
    lines = text.splitlines()
    lines = lines[_menu_rows(lines) :]
    lines = lines[: len(lines) - _menu_rows(lines[::-1])]
    return "\n".join(lines)


def cut_sign_off(text: str) -> str:
    """The text without the sign-off lines that close it (SIGN_OFF_LINE: the reporter's address, a wire's
    contact lines, a blog's filing line); the same words inside the text stay."""
    lines = text.splitlines()
    end = len(lines)
    while end and (not lines[end - 1].strip() or SIGN_OFF_LINE.match(lines[end - 1].strip())):
        end -= 1
    return "\n".join(lines[:end])


def _paragraph(line: str) -> bool:
    """A line that reads as a paragraph of the article: MIN_DROPPED_PARAGRAPH characters or more, ending
    a sentence."""
    return len(line) >= MIN_DROPPED_PARAGRAPH and line.endswith(PARAGRAPH_ENDS)


def _words(line: str) -> tuple[str, ...]:
    """A line's words, lowercased: the two passes may space or punctuate the same line apart."""
    return tuple(_WORD.findall(line.lower()))


def _dropped_paragraphs(balanced: list[str], kept: set[tuple[str, ...]]) -> dict[tuple[str, ...], list[str]]:
    """The paragraphs of the balanced lines that precision mode left out between two lines it kept, by the
    words of the kept line they follow."""
    keys = [_words(line) for line in balanced]
    inside = [index for index, key in enumerate(keys) if key in kept]
    dropped: dict[tuple[str, ...], list[str]] = {}
    anchor: tuple[str, ...] = ()
    for index in range(inside[0], inside[-1]) if inside else ():
        if keys[index] in kept:
            anchor = keys[index]
        elif _paragraph(balanced[index]):
            dropped.setdefault(anchor, []).append(balanced[index])
    return dropped


def with_dropped_paragraphs(balanced: str, precise: str) -> str:
    """Precision mode's text with the paragraphs it dropped inside the article put back where the balanced
    text has them: a paragraph between two lines both passes keep is the article's, not furniture
    (precision mode drops a paragraph that opens with an empty anchor, or one it finds link-dense)."""
    lines = [line.strip() for line in precise.splitlines()]
    kept = {_words(line) for line in lines} - {()}
    dropped = _dropped_paragraphs([line.strip() for line in balanced.splitlines()], kept)
    if not dropped:
        return precise
    result: list[str] = []
    for line in lines:
        result.append(line)
        result.extend(dropped.pop(_words(line), []) if line else [])
    return "\n".join(result)
