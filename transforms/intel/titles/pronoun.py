"""The person a subject pronoun stands for, when a title is given to «он» / «она»: «Решением Совета
директоров она освобождена от занимаемой должности генерального директора» (Ольга Торбич, named a sentence
before), «В качестве временно исполняющего обязанности гендиректора он руководит …». The pronoun stands in
the title's sentence before the title with no name between them; it stands for the last person of its
gender (pymorphy2 reads the given name) named in the two sentences before."""

from __future__ import annotations

import re

from transforms.intel.lexicon.nlp_ru import reads_as
from transforms.intel.mentions import Mention, sentence_of

_SUBJECT = re.compile(r"(?i)(?<![\w-])(он|она)(?![\w-])")
SENTENCES_BACK = 2


def pronoun_holder(text: str, title_start: int, people: list[Mention]) -> Mention | None:
    """The person the subject pronoun before the title (in its sentence) stands for, or None."""
    start = sentence_of(text, title_start)[0]
    pronouns = list(_SUBJECT.finditer(text, start, title_start))
    if not pronouns or any(start <= p.start < title_start for p in people):
        return None
    feminine = pronouns[-1].group(1).lower() == "она"
    window = start
    for _ in range(SENTENCES_BACK):
        if window == 0:
            break
        window = sentence_of(text, window - 1)[0]
    earlier = [p for p in people if window <= p.start and p.end <= start and _is_feminine(p) == feminine]
    return earlier[-1] if earlier else None


def _is_feminine(person: Mention) -> bool:
    given = (person.attrs.get("name_ru") or person.surface).split()[0]
    return reads_as(given, "Name", "femn")
