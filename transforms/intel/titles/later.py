"""A title standing for a person named before it: «Соответствующий указ подписал глава региона Денис
Паслер. Игната Петухова губернатор представил …», "Vladimir Putin held a working meeting with … Rustam
Minnikhanov. The President began the meeting …", «Деппром Югры возглавил Виктор Гамузов. … новый директор
департамента приступил …». The title is free (no name holds it), stands as a subject
(transforms/intel/titles/earlier.py reads that) and names no one after it; it belongs to a person named in
its sentence before it or in the two sentences before: to none when one of them holds its post already,
under that title or another (a governor is the head of his region: «… губернатор Михаил Ведерников. Глава
региона заверил …» gives him no second title; the head of a department is its director), else to the
nearest of them without a title named as a subject ("Vladimir Putin held a meeting with Ivan Orlov. The
President began …" is Putin's)."""

from __future__ import annotations

import re
from collections.abc import Callable

from transforms.intel.mentions import Mention, sentence_of
from transforms.intel.titles.earlier import is_subject, is_subject_name

SENTENCES_BACK = 2
# one post, several titles: the head of a region, of an organisation; their deputies
SAME_POST = (
    frozenset({"governor", "head_of_region"}),
    frozenset({"deputy_governor", "deputy_head_of_region"}),
    frozenset({"head", "director", "general_director"}),
    frozenset({"deputy_head", "deputy_director", "deputy_general_director"}),
)


def named_after(
    text: str,
    titles: list[re.Match],
    people: list[Mention],
    codes: dict[str, set[str]],
    code_of: Callable[[re.Match], str | None],
) -> list[tuple[Mention, re.Match]]:
    """(the mention of the person named before, the title standing for him) for each free title in
    `titles` that stands for a person; `codes` holds the role codes each person (by key) holds, and grows
    with the titles given here."""
    found = []
    for title in titles:
        code = code_of(title)
        if code is None or not is_subject(text, title) or _names_someone_after(text, title, people, codes):
            continue
        person = _antecedent(text, title, people, codes, code)
        if person is not None:
            codes.setdefault(person.key, set()).add(code)
            found.append((person, title))
    return found


def _names_someone_after(
    text: str, title: re.Match, people: list[Mention], codes: dict[str, set[str]]
) -> bool:
    """A name after the title in its sentence that holds no title of its own (one that does, «губернатор …
    пообщался с председателем правления … Вячеславом Петушенко», is no one the title may stand for)."""
    end = sentence_of(text, title.start())[1]
    return any(title.end() <= p.start < end and not codes.get(p.key) for p in people)


def _antecedent(
    text: str, title: re.Match, people: list[Mention], codes: dict[str, set[str]], code: str
) -> Mention | None:
    window = sentence_of(text, title.start())[0]
    for _ in range(SENTENCES_BACK):
        window = sentence_of(text, window - 1)[0] if window > 0 else 0
    nearest: dict[str, Mention] = {}
    for person in people:  # the last mention of each person before the title, nearest first
        if window <= person.start and person.end <= title.start():
            nearest.pop(person.key, None)
            nearest[person.key] = person
    candidates = list(reversed(nearest.values()))
    post = next((group for group in SAME_POST if code in group), frozenset({code}))
    if any(codes.get(p.key, set()) & post for p in candidates):
        return None
    return next((p for p in candidates if not codes.get(p.key) and is_subject_name(text, p)), None)
