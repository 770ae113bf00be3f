"""An article's evidence page (pure): its text split into paragraphs and sentences, every fact marked
and typed where it stands (the way displaCy shows entities), and the tables of its facts.

Figures and event participants are stored with their exact spans. A mention stores only where it is
first seen (fact_mention.first_char_offset) and how often: its first span runs over the words there that
begin like a word of one of its names ("Калужской области" for Калужская область), and its other
occurrences are the same words, or one of its names, found again, up to its count; when those are
fewer than the count, the same words with other endings ("Калужская область") count too. Marks never overlap:
the first kept wins, and the anchors of one left out move onto it, so every link still lands.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape
from razdel import sentenize

from reports import words
from reports.pages import anchor

# kind of thing → (the label shown on its mark, its css class)
KINDS = {
    "person": ("PERSON", "person"),
    "organization": ("ORG", "org"),
    "company": ("ORG", "org"),
    "government_body": ("ORG", "org"),
    "location": ("PLACE", "place"),
    "region": ("REGION", "region"),
    "site": ("SITE", "site"),
    "act": ("ACT", "act"),
    "figure": ("FIGURE", "figure"),
}
LEGEND = (("PERSON", "person", "people"), ("ORG", "org", "organisations, companies, government bodies"),
          ("REGION", "region", "regions and countries"), ("PLACE", "place", "towns and other places"),
          ("SITE", "site", "clusters, technoparks, industrial parks, SEZs"), ("ACT", "act", "legal acts"),
          ("FIGURE", "figure", "amounts, counts, shares"))  # fmt: skip
WORD = re.compile(r"\w[\w.&'’-]*\w|\w")
STOP = re.compile(r"[\n;()«»\"“”]|(?<!\bNo)(?<!\bno)(?<!\bг)[.!?](?:\s|$)")
WINDOW = 200
PREFIX = 4
CONNECTOR = 4  # words this long or longer must begin like a name's word to extend a mention


@dataclass
class Mark:
    start: int
    end: int
    kind: str
    title: str
    ids: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return KINDS[self.kind][0]

    @property
    def css(self) -> str:
        return KINDS[self.kind][1]


def thing_anchor(row: dict) -> str:
    """The anchor of a region, site, legal act or entity's first mark on its article page."""
    if row["kind"] == "region":
        return anchor("region", row["iso_code"])
    prefix = row["kind"] if row["kind"] in ("site", "act") else "entity"
    return anchor(prefix, row["thing_key"])


def _stem(word: str) -> str:
    return word.lower()[:PREFIX]


def _names(row: dict) -> list[str]:
    names = [row["name"], *(v for v in row.get("variants") or [] if v)]
    if row["kind"] == "act":
        names.append(words.act(row.get("act_type"), row.get("act_number"), row.get("act_title")))
    return [n for n in names if n]


def first_span_end(text: str, start: int, names: list[str]) -> int:
    """Where the mention starting at `start` ends: after the last of its first words (as many as the
    longest name has) that begins like a word of a name, short words between them included."""
    window = text[start : start + WINDOW]
    stop = STOP.search(window)
    window = window[: stop.start()] if stop else window
    stems = {_stem(w) for n in names for w in WORD.findall(n)}
    most = max((len(WORD.findall(n)) for n in names), default=1)
    found = list(WORD.finditer(window))[:most]
    if not found:
        return min(len(text), start + 1)
    end = found[0].end()
    for token in found[1:]:
        word = token.group(0)
        if len(word) >= CONNECTOR and _stem(word) in stems:
            end = token.end()
        elif len(word) >= CONNECTOR:
            break  # a word of no name ends it; short words ("of", "и") may sit inside a name
    return start + end


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _occurrences(text: str, surfaces: Iterable[str]) -> list[tuple[int, int]]:
    """Where each surface stands in the text as whole words, whatever the case."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer: offsets would shift
        return _occurrences_slow(text, surfaces)
    spans = []
    for surface in {s.lower() for s in surfaces if s.strip()}:
        at = lowered.find(surface)
        while at >= 0:
            end = at + len(surface)
            if (at == 0 or not _is_word(text[at - 1])) and (end == len(text) or not _is_word(text[end])):
                spans.append((at, end))
            at = lowered.find(surface, at + 1)
    return sorted(set(spans))


def _occurrences_slow(text: str, surfaces: Iterable[str]) -> list[tuple[int, int]]:
    spans = []
    for surface in {s for s in surfaces if s.strip()}:
        pattern = r"(?<!\w)" + re.escape(surface) + r"(?!\w)"
        spans += [(m.start(), m.end()) for m in re.finditer(pattern, text, re.IGNORECASE)]
    return sorted(set(spans))


def _mention_marks(text: str, row: dict, exact_ends: dict[tuple[int, int], int]) -> list[Mark]:
    """The first mark of a mention, then its other occurrences (up to mention_count in all)."""
    label = KINDS.get(row["kind"], KINDS["location"])[0]
    title = f"{label}: {thing_name(row)}"
    start = row["start"]
    if start >= len(text):
        return []
    end = exact_ends.get((row["thing_key"], start)) or first_span_end(text, start, _names(row))
    first = Mark(start, end, row["kind"], title, [thing_anchor(row)])
    wanted = max(0, row["mention_count"] - 1)
    others = [s for s in _occurrences(text, [text[start:end], *_names(row)]) if s[0] != start]
    if len(others) < wanted:  # the same words in another case: "Калужская область", "Калужской области"
        others = sorted(set(others) | {s for s in _inflected(text, text[start:end]) if s[0] != start})
    return [first] + [Mark(s, e, row["kind"], title) for s, e in others[:wanted]]


def _ending_free(word: str) -> str:
    """A word as a pattern that lets its ending change: its stem (the word less its last one or two
    letters) and up to three more letters; a short word as written."""
    if len(word) < PREFIX:
        return re.escape(word)
    stem = word[: -2 if len(word) >= 6 else -1]
    return re.escape(stem) + r"\w{0,3}"


def _inflected(text: str, surface: str) -> list[tuple[int, int]]:
    """Where the words of `surface` stand again, each with any ending (Russian declension)."""
    found = WORD.findall(surface)
    if not found:
        return []
    pattern = r"\b" + r"\W+".join(map(_ending_free, found)) + r"\b"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text, re.IGNORECASE)]


def thing_name(row: dict) -> str:
    """A mentioned thing as a reader names it: 'Vorsino industrial park (industrial park)'."""
    if row["kind"] == "act":
        return words.act(row.get("act_type"), row.get("act_number"), row.get("act_title"))
    if row["kind"] == "site":
        return f"{row['name']} ({words.site_type(row.get('site_type'))})"
    if row["kind"] == "region":
        return f"{row['name']} ({row['iso_code']})"
    return str(row["name"])


def figure_marks(figures: list[dict]) -> list[Mark]:
    return [
        Mark(f["start"], f["end"], "figure", f"FIGURE: {figure_words(f)}", [anchor("fig", f["figure_key"])])
        for f in figures
        if f["start"] is not None and f["end"] is not None and f["end"] > f["start"]
    ]


def figure_words(f: dict) -> str:
    said = words.amount(f["value"], f["unit"], f["qualifier"])
    return f"{said} ({f['subject']})" if f.get("subject") else said


def _overlaps(mark: Mark, kept: list[Mark]) -> Mark | None:
    return next((k for k in kept if mark.start < k.end and k.start < mark.end), None)


def resolve(candidates: list[Mark]) -> list[Mark]:
    """Marks that do not overlap, in text order; a left-out mark's anchors move onto the one kept."""
    kept: list[Mark] = []
    for mark in candidates:
        clash = _overlaps(mark, kept)
        if clash is None:
            kept.append(mark)
        else:
            clash.ids += [i for i in mark.ids if i not in clash.ids]
    return sorted(kept, key=lambda m: m.start)


def marks(text: str, evidence: dict[str, list[dict]]) -> list[Mark]:
    """Every fact's marks in the text: figures first, then each mention's first span, then the rest."""
    exact = {(p["thing_key"], p["start"]): p["end"] for p in evidence["participants"]}
    mentions = [_mention_marks(text, row, exact) for row in evidence["mentions"]]
    firsts = [m[0] for m in mentions if m]
    rest = [mark for m in mentions for mark in m[1:]]
    return resolve(figure_marks(evidence["figures"]) + firsts + rest)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence, a sentence never crossing a line (razdel, as the pipeline)."""
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        spans += [(line.start() + s.start, line.start() + s.stop) for s in sentenize(line.group(0))]
    return spans


def sentence_anchor(spans: list[tuple[int, int]], offset: int | None) -> str | None:
    """The anchor of the sentence holding `offset` ('s-123', by the sentence's first character)."""
    if offset is None or not spans:
        return None
    i = max(0, bisect.bisect_right([s for s, _ in spans], offset) - 1)
    return anchor("s", spans[i][0])


def _pieces(text: str, start: int, end: int, found: list[Mark], placed: set[int]) -> list[dict[str, Any]]:
    pieces, at = [], start
    for mark in found:
        s, e = max(mark.start, start), min(mark.end, end)
        if e <= s:
            continue
        if s > at:
            pieces.append({"text": text[at:s], "mark": None, "ids": []})
        first = id(mark) not in placed
        placed.add(id(mark))
        ids = ([anchor("at", mark.start), *mark.ids]) if first else []
        pieces.append({"text": text[s:e], "mark": mark, "ids": ids})
        at = e
    if at < end:
        pieces.append({"text": text[at:end], "mark": None, "ids": []})
    return pieces


def paragraphs(
    text: str, found: list[Mark], spans: list[tuple[int, int]] | None = None
) -> list[list[dict[str, Any]]]:
    """Paragraphs of sentences ({"id": 's-…', "pieces": [text or a mark]}), the marks placed in them;
    `spans` are the text's sentence_spans when the caller has them already."""
    out: list[list[dict[str, Any]]] = []
    placed: set[int] = set()
    line_of = -1
    for start, end in sentence_spans(text) if spans is None else spans:
        line = text.count("\n", 0, start)
        if line != line_of:
            out.append([])
            line_of = line
        inside = [m for m in found if m.start < end and start < m.end]
        out[-1].append({"id": anchor("s", start), "pieces": _pieces(text, start, end, inside, placed)})
    return out


def _piece_html(piece: dict[str, Any]) -> str:
    mark: Mark | None = piece["mark"]
    if mark is None:
        return str(escape(piece["text"]))
    ids = piece["ids"]
    before = "".join(f'<a id="{escape(i)}"></a>' for i in ids[1:])
    own = f' id="{escape(ids[0])}"' if ids else ""
    shown = escape(piece["text"])
    return (f'{before}<mark class="ent t-{mark.css}"{own} title="{escape(mark.title)}">{shown}'
            f'<span class="lbl" aria-hidden="true">{mark.label}</span></mark>')  # fmt: skip


def _sentence_html(sentence: dict[str, Any]) -> str:
    pieces = "".join(map(_piece_html, sentence["pieces"]))
    return f'<span class="sent" id="{escape(sentence["id"])}">{pieces}</span>'


def text_html(found: list[list[dict[str, Any]]]) -> Markup:
    """The marked text as HTML: a <p> per paragraph, a <span id="s-N"> per sentence, a <mark> per fact;
    every piece of text and every attribute escaped (built here, not in the template, for speed)."""
    return Markup("\n".join("<p>" + " ".join(map(_sentence_html, para)) + "</p>" for para in found))


def _things(evidence: dict[str, list[dict]]) -> list[dict[str, Any]]:
    things = []
    for row in evidence["mentions"]:
        label = KINDS.get(row["kind"], KINDS["location"])
        things.append(
            {
                "type": label[0],
                "css": label[1],
                "name": thing_name(row),
                "mentions": row["mention_count"],
                "anchor": thing_anchor(row),
                "offset": row["start"],
            }
        )
    return things


def article_page(evidence: dict[str, Any]) -> dict[str, Any]:
    """The context of one article page."""
    article = evidence["article"]
    text = article["text"]
    spans = sentence_spans(text)
    for row in evidence["figures"]:
        row["said"] = figure_words(row)
        row["act"] = (
            words.act(row["act_type"], row["act_number"], row["act_title"]) if row["act_type"] else ""
        )
        row["sentence_id"] = sentence_anchor(spans, row["start"])
    for row in evidence["relations"] + evidence["events"]:
        row["sentence_id"] = sentence_anchor(spans, row["start"])
    found = marks(text, evidence)
    page = {
        "article": article,
        "paragraphs": paragraphs(text, found, spans),
        "text_html": Markup(""),
        "things": _things(evidence),
        "figures": evidence["figures"],
        "relations": evidence["relations"],
        "events": evidence["events"],
        "roles": evidence["roles"],
        "legend": LEGEND,
        "marked": len(found),
    }
    page["text_html"] = text_html(page["paragraphs"])
    here = anchors(page)
    for row in page["figures"]:  # a figure whose span is not in the text is found by its row
        row["at"] = anchor("fig", row["figure_key"]) if anchor("fig", row["figure_key"]) in here else None
    for row in page["things"]:
        row["anchor"] = row["anchor"] if row["anchor"] in here else None
    for row in page["roles"]:
        row["anchor"] = (
            anchor("entity", row["thing_key"]) if anchor("entity", row["thing_key"]) in here else None
        )
    return page


def anchors(page: dict[str, Any]) -> set[str]:
    """Every anchor an article page has (links from the other pages are checked against them)."""
    found = {s["id"] for p in page["paragraphs"] for s in p}
    found |= {i for p in page["paragraphs"] for s in p for piece in s["pieces"] for i in piece["ids"]}
    found |= {anchor("rel", r["relation_key"]) for r in page["relations"]}
    found |= {anchor("figure", f["figure_key"]) for f in page["figures"]}
    found |= {anchor("ev", e["event_key"]) for e in page["events"]}
    return found | {"facts", "text", "relations", "events", "roles"}
