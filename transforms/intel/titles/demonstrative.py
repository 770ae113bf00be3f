"""A post named by a demonstrative: «Бывший кандидат в мэры стал заместителем губернатора. Подписан указ о
назначении в эту должность Вячеслава Блатова», «(эту должность … занимает Виктор Томенко)» — «эту должность»
is the title named last before it (in its sentence or the one before), and the name after it in its sentence
holds that title."""

from __future__ import annotations

import re

from transforms.intel.lexicon.nlp_ru import case_of, is_plural
from transforms.intel.mentions import Mention, sentence_of

_DEMONSTRATIVE = re.compile(
    r"(?i)\b(?:(?:в|на)\s+(?:эту|данную|этот|данный)\s+(?:должность|пост)\b"
    # «(эту должность в статусе и. о. занимает Виктор Томенко)»: the post someone holds
    r"|(?:эту|данную|этот|данный)\s+(?:должность|пост)\s+(?:[^,;()]{0,40}?\s)?занима[а-яё]+)"
)


def posts_named_before(
    text: str, titles: list[re.Match], people: list[Mention]
) -> list[tuple[Mention, re.Match]]:
    """(person, title) for each demonstrative post with a name after it in its sentence and a title before
    it in its sentence or the sentence before."""
    found = []
    for post in _DEMONSTRATIVE.finditer(text):
        start, end = sentence_of(text, post.start())
        person = next((p for p in people if post.end() <= p.start < end), None)
        earlier_start = sentence_of(text, start - 1)[0] if start > 0 else start
        title = next(
            (
                t for t in reversed(titles)
                if earlier_start <= t.start() and t.end() <= post.start() and not _completes(t.group(0))
            ),
            None,
        )  # fmt: skip
        if person is not None and title is not None:
            found.append((person, title))
    return found


def _completes(title: str) -> bool:
    """A title word in the genitive plural completes the title before it («главу кабинета министров»)."""
    word = title.split()[0]
    return is_plural(word) and "gent" in case_of(word)
