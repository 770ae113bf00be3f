"""Linked headlines with teasers in an extracted text: a block of them inside an article is a related-news
block (cut out of the text), and so is a bulleted list of linked headlines closing it; a text made mostly
of them is a listing of other pages (not an article).

A line is "linked" when it is the text of a link of the page (anchor_texts), a leading list bullet
aside; its teaser is the next line of some length that is not linked (a date may come between). A
line that opens with a link's text and goes on is a headline and its teaser run together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from transforms.extract.boilerplate import (
    COMMENT_HEADINGS,
    COMMENT_NOTICE,
    FURNITURE_HEADINGS,
    HEADLINES_HEADING,
    RELATED_HEADINGS,
)

_HEADING_END = re.compile(r"[\s:.…»>→-]+$")
_COUNT = re.compile(r"[\s(\[]*\d+[)\]]?$")  # "Комментарии (12)", "Comments 3"
# A clock time opening a line ("09:21 // ...", "- 10:17 ...", "17:26 ..."), not a date ("10.04.1963")
_TIMED = re.compile(
    r"^(?:[-–—•·*▪►»|/]\s*)*(?:[01]?\d|2[0-3])[:.][0-5]\d(?![.\d])\s*(?:[-–—|/]+\s*)*(?P<rest>.*)$"
)
MIN_FEED_LINES = 3  # timed lines in a row that make a news feed
MAX_FEED_GAP = 2  # lines (teasers) between two timed lines of a feed
MAX_FEED_HEADLINE = 150
BULLET = re.compile(r"^[-–—•·*▪►»]\s+")
MIN_HEADLINE_CHARS = 15  # a link's text opening a longer line: long enough to be a headline
MAX_HEADLINE_CHARS = 200
MIN_BLOCK_PAIRS = 2
MIN_TEASER_CHARS = 25  # shorter lines between a headline and its teaser are dates and bylines
MAX_BETWEEN = 2  # one linked line followed by a sentence is a reference in the text, two are a block


def _bare(line: str) -> str:
    return BULLET.sub("", line.strip()).strip()


def _linked(line: str, anchors: set[str]) -> bool:
    return _bare(line) in anchors


def _starts_linked(line: str, anchors: set[str]) -> bool:
    """The line opens with a link's text and goes on: a headline and its teaser run together."""
    cuts = (k for k, c in enumerate(line[:MAX_HEADLINE_CHARS]) if c == " " and k >= MIN_HEADLINE_CHARS)
    return any(line[:k].rstrip(" .:—–-") in anchors for k in cuts)


def _teaser_end(lines: list[str], start: int, anchors: set[str]) -> int | None:
    """The index of the teaser after a linked headline (a date or byline line may come between)."""
    for k in range(start, min(start + 1 + MAX_BETWEEN, len(lines))):
        bare = _bare(lines[k])
        if not bare or bare in anchors:
            return None
        if len(bare) >= MIN_TEASER_CHARS:
            return k
    return None


def headline_pairs(lines: list[str], anchors: set[str]) -> list[tuple[int, int]]:
    """(first line, line count) of each linked headline with its teaser: a linked line followed by a
    line that is not linked, or one line that opens with a link's text."""
    pairs, i = [], 0
    while i < len(lines):
        bare = _bare(lines[i])
        end = _teaser_end(lines, i + 1, anchors) if bare in anchors else None
        if end is not None:
            pairs.append((i, end - i + 1))
            i = end + 1
            continue
        if _starts_linked(bare, anchors):
            pairs.append((i, 1))
        i += 1
    return pairs


def _blocks(pairs: list[tuple[int, int]], lines: list[str]) -> list[tuple[int, int, int]]:
    """(first line, end line, pairs) of each run of pairs that follow each other, a short line ("more
    »", a date) allowed between two of them."""
    runs: list[tuple[int, int, int]] = []
    for start, count in pairs:
        gap = range(runs[-1][1], start) if runs else range(0)
        if runs and len(gap) <= 1 and all(len(_bare(lines[k])) < MIN_TEASER_CHARS for k in gap):
            runs[-1] = (runs[-1][0], start + count, runs[-1][2] + 1)
        else:
            runs.append((start, start + count, 1))
    return runs


@dataclass(frozen=True)
class Headlines:
    """The text without its related-news blocks, how many headline pairs it had and their share."""

    text: str
    pairs: int
    share: float  # of the text's characters in headline-and-teaser pairs


def split_headlines(text: str, anchors: set[str]) -> Headlines:
    """Cut the blocks of MIN_BLOCK_PAIRS or more linked headlines with teasers out of the text."""
    lines = [line for line in text.splitlines() if line.strip()]
    pairs = headline_pairs(lines, anchors)
    total = sum(len(line) for line in lines)
    in_pairs = sum(len(lines[j]) for i, n in pairs for j in range(i, i + n))
    blocks = (run for run in _blocks(pairs, lines) if run[2] >= MIN_BLOCK_PAIRS)
    cut = {k for start, end, _ in blocks for k in range(start, end)}
    kept = "\n".join(line for k, line in enumerate(lines) if k not in cut)
    return Headlines(kept, len(pairs), in_pairs / total if total else 0.0)


MIN_LIST_LINKS = 3  # bulleted lines with a link each that make a list of other pages
MAX_LIST_LINE_WORDS = 16  # a headline (with its date), not a paragraph
MIN_LIST_ANCHOR_CHARS = 12  # a link's text long enough to be a headline, not "more" or a rubric


def _list_link(line: str, anchors: set[str]) -> bool:
    """A bulleted line of a few words that holds the text of one of the page's links."""
    if not BULLET.match(line.strip()) or len(line.split()) > MAX_LIST_LINE_WORDS:
        return False
    bare = _bare(line)
    return any(anchor in bare for anchor in anchors if len(anchor) >= MIN_LIST_ANCHOR_CHARS)


def cut_link_list(text: str, anchors: set[str], min_chars: int) -> str:
    """The text without the list of other pages that closes it: MIN_LIST_LINKS or more bulleted lines at
    its end, each holding a link's text ("- 10 апреля, 17:35 Харьковчанка опустилась…", "- All About
    Peanut Allergy"), when min_chars of text come before them."""
    lines = text.splitlines()
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    start = end
    while start and _list_link(lines[start - 1], anchors):
        start -= 1
    if end - start < MIN_LIST_LINKS or sum(len(line) for line in lines[:start]) < min_chars:
        return text
    return "\n".join(lines[:start]).rstrip()


def _heading(line: str) -> str:
    return _HEADING_END.sub("", line.strip().lower())


def _opens_with_heading(line: str) -> bool:
    head, colon, rest = line.partition(":")
    return bool(colon and rest.strip()) and _heading(head) in RELATED_HEADINGS


def _ends_article(line: str, keep_comments: bool) -> bool:
    """A "read on" heading, the heading of the site's furniture below the article (adverts, its other
    headlines), or (unless comments are kept) a comment thread's heading or notice."""
    heading = _heading(line)
    if heading in RELATED_HEADINGS or heading in FURNITURE_HEADINGS or HEADLINES_HEADING.match(heading):
        return True
    return not keep_comments and _comment_line(line)


def _comment_line(line: str) -> bool:
    return _COUNT.sub("", _heading(line)) in COMMENT_HEADINGS or bool(COMMENT_NOTICE.match(line.strip()))


def _without_leading_comment_lines(lines: list[str]) -> list[str]:
    """The lines without a comment thread's heading and notice opening them (a thread set before the
    article in the page: "Reader's comments »", "By adding a comment on the site, you accept…")."""
    start = 0
    while start < len(lines) and (not lines[start].strip() or _comment_line(lines[start])):
        start += 1
    return lines[start:]


def cut_related_tail(text: str, min_chars: int, keep_comments: bool = False) -> str:
    """The text before its first "Читайте также" / "Новости по теме" heading line or comment thread
    heading ("Комментарии", "*Submitted comments are subject to moderation…"), when at least min_chars
    of text come before it; a comment thread's heading and notice opening the text go (unless comments
    are kept); "Читайте также: <headline>" lines inside the text are dropped."""
    kept: list[str] = []
    chars = 0  # the characters of the kept lines, counted as they are kept
    lines = text.splitlines()
    for line in lines if keep_comments else _without_leading_comment_lines(lines):
        if chars >= min_chars and _ends_article(line, keep_comments):
            break
        if not _opens_with_heading(line):
            kept.append(line)
            chars += len(line)
    return "\n".join(kept)


def _feed_line(line: str) -> bool:
    """A clock time and a headline (or the time alone): a line of a site's news feed. A timed line that
    is a long sentence is an entry of a chronicle in the article, not a feed."""
    match = _TIMED.match(line.strip())
    if match is None:
        return False
    rest = match.group("rest").strip()
    return len(rest) <= MAX_FEED_HEADLINE and not rest.endswith((".", "!", "?", ":", ";"))


def _feed_runs(lines: list[str]) -> list[tuple[int, int, int]]:
    """(first, last, lines per item) of each run of timed lines at most MAX_FEED_GAP lines apart."""
    timed = [k for k, line in enumerate(lines) if _feed_line(line)]
    runs: list[list[int]] = []
    for k in timed:
        if runs and k - runs[-1][-1] - 1 <= MAX_FEED_GAP:
            runs[-1].append(k)
        else:
            runs.append([k])
    found = []
    for run in (r for r in runs if len(r) >= MIN_FEED_LINES):
        gaps = sorted(b - a - 1 for a, b in pairwise(run))
        found.append((run[0], run[-1], gaps[len(gaps) // 2]))
    return found


def cut_news_feeds(text: str) -> str:
    """The text without the site's news feeds: MIN_FEED_LINES or more timed headlines ("10:17 Новый
    город-миллионник появился в России"), each with the teaser lines that follow it."""
    lines = text.splitlines()
    cut: set[int] = set()
    for first, last, teaser in _feed_runs(lines):
        cut.update(range(first, min(last + teaser + 1, len(lines))))
    return "\n".join(line for k, line in enumerate(lines) if k not in cut)
