"""The person a subject pronoun stands for, when a title is given to «он» / «она»: «Решением Совета
директоров она освобождена от занимаемой должности генерального директора» (Ольга Торбич, named a sentence
before), «В качестве временно исполняющего обязанности гендиректора он руководит …». The pronoun stands in
the title's sentence, which names no one; it stands for the last person of its gender (pymorphy2 reads the
given name) named in the two sentences before."""

from __future__ import annotations

import re

from transforms.intel.lexicon.nlp_ru import parses
from transforms.intel.mentions import Mention, sentence_of

_SUBJECT = re.compile(r"(?i)(?<![\w-])(он|она)(?![\w-])")
SENTENCES_BACK = 2


def pronoun_holder(text: str, title_start: int, people: list[Mention]) -> Mention | None:
    """The person the subject pronoun of the title's sentence stands for, or None: the last pronoun before
    the title, else the first after it («В качестве … гендиректора он руководит»), in a sentence that names
    no one."""
    start, end = sentence_of(text, title_start)
    pronouns = (
        list(_SUBJECT.finditer(text, start, title_start))[-1:]
        or list(_SUBJECT.finditer(text, title_start, end))[:1]
    )
    if not pronouns or any(start <= p.start < end for p in people):
        return None
    feminine = pronouns[0].group(1).lower() == "она"
    window = start
    for _ in range(SENTENCES_BACK):
        if window == 0:
            break
        window = sentence_of(text, window - 1)[0]
    earlier = [p for p in people if window <= p.start and p.end <= start and _is_feminine(p) == feminine]
    return earlier[-1] if earlier else None


def _is_feminine(person: Mention) -> bool:
    """The given name of the person's nominative name reads as a woman's (pymorphy2)."""
    given = (person.attrs.get("name_ru") or person.surface).split()[0]
    name = next((p for p in parses(given) if {"Name", "nomn"} <= set(p.tag.grammemes)), None)
    return name is not None and name.tag.gender == "femn"
