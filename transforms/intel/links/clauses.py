"""The words of a sentence that belong to its event: the clause around the event's cue, without the clause
that reports it ("…, сообщает АБН", "…, – сказал Владимир Мазур", "…, said the minister"; before it,
«Козловская подчеркнула, что …», "the minister said that …") and without a
relative clause that does not hold the cue ("…, which presented the maquettes of Technopolis Himgrad,
Zalolzhye …"). The names left out there are the source of the news or the details of another thing,
not the parties of the event. Russian verbs of saying are read by pymorphy2's lemmas."""

from __future__ import annotations

import re

from transforms.intel.lexicon.nlp_ru import lemma

SAYING_RU = {
    "сообщить", "сообщать", "заявить", "заявлять", "сказать", "отметить", "отмечать", "рассказать",
    "рассказывать", "подчеркнуть", "пояснить", "добавить", "передать", "передавать", "написать", "уточнить",
}  # fmt: skip
SAYING_EN = {
    "said", "says", "told", "tells", "reported", "reports", "added", "noted", "stated", "writes", "wrote",
}  # fmt: skip
# a clause opened by a comma or a dash with the verb of saying first ("…, сообщает АБН", "…» – сказал")
_OPENING = re.compile(r"[,–—]\s*(?:[«»\"“”]\s*)?(?:[,–—]\s*)?([^\W\d_]+)")
_RELATIVE = re.compile(r"(?i),\s*(?:which|who|котор\w+)\b")
# the end of a clause reporting what follows: «…подчеркнула, что», "…said that", «…сообщил:»
_THAT = re.compile(r"(?i),\s*что\b|\bthat\b|:")
_WORD = re.compile(r"[^\W\d_]+")


def event_spans(text: str, clause: tuple[int, int], cue: tuple[int, int]) -> list[tuple[int, int]]:
    """The parts of the clause that belong to the event stated at cue."""
    start, end = clause
    start = _reported_end(text, start, cue[0]) or start
    report = _reporting_start(text, cue[1], end)
    end = report if report is not None else end
    spans, at = [], start
    for relative in _RELATIVE.finditer(text, start, end):
        if relative.start() < cue[0]:
            continue  # the cue is inside or after it: "…, где встретился с резидентами"
        spans.append((at, relative.start()))
        at = end
        break
    spans.append((at, end))
    return [(a, b) for a, b in spans if a < b]


def _reporting_start(text: str, after: int, end: int) -> int | None:
    """Where a clause reporting the sentence begins, after the cue: a comma or dash and a verb of saying."""
    for opening in _OPENING.finditer(text, after, end):
        word = opening.group(1)
        if word.lower() in SAYING_EN or lemma(word) in SAYING_RU:
            return opening.start()
    return None


def _reported_end(text: str, start: int, cue: int) -> int | None:
    """Where the words reported begin, when a clause with a verb of saying and «что» / "that" / a colon
    comes before the cue: «О. Козловская подчеркнула, что в ходе форума будет подписан меморандум»."""
    found = None
    for that in _THAT.finditer(text, start, cue):
        words = _WORD.findall(text, start, that.start())
        if any(w.lower() in SAYING_EN or lemma(w) in SAYING_RU for w in words):
            found = that.end()
    return found
