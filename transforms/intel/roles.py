"""People's roles: 'Deputy Governor Vladimir Popov', 'Mikhail Labudin, Director of the Association …',
'губернатор Владислав Шапша', 'директор Ассоциации … Андрей Шпиленко' — the title and the body it is in."""

from __future__ import annotations

import re
from bisect import bisect_left

from transforms.intel.lexicon.role_codes import role_code
from transforms.intel.mentions import Mention, sentence_of

TITLE_EN = (
    r"(?:(?:first|acting)\s+)*(?:(?:deputy|vice)[\s-]+|deputies\s+of\s+(?:the\s+)?(?:[\w’']+\s+)?)?(?:governor|mayor|prime\s+minister|minister|"
    r"head\s+of\s+(?:the\s+)?government|chairman\s+of\s+(?:the\s+)?government|"
    r"director(?:\s+general)?|general\s+director|ceo|chief\s+executive(?:\s+officer)?|chairman|chairwoman|head|"
    r"president|senator|rector|managing\s+director|founder|ambassador|speaker|envoy|member)"
)
TITLE_RU = (
    r"(?:(?:перв[а-я]+|врио|временно\s+исполняющ[а-я]+\s+обязанности|исполняющ[а-я]+\s+обязанности)\s+)*"
    r"(?:(?:заместител[а-я]+|зам\.|вице[\s-]+)\s*)?"
    r"(?:председател[а-я]+\s+правительства|глав[аеуыой]+\s+правительства|премьер(?:-министр[а-я]*)?|"
    r"губернатор[а-я]*|министр[а-я]*|замминистр[а-я]*|замгубернатор[а-я]*|замглав[а-я]*|гендиректор[а-я]*|"
    r"генеральн[а-я]+\s+директор[а-я]*|директор[а-я]*|мэр[а-я]*|глав[аеуыой]|главой|председател[а-я]+|"
    r"руководител[а-я]+|начальник[а-я]*|президент[а-я]*|сенатор[а-я]*|ректор[а-я]*|посл[аеу]|послом|посол|"
    r"полпред[а-я]*|спикер[а-я]*|вице-спикер[а-я]*)"
)
_TITLE = re.compile(rf"(?i)\b({TITLE_EN}|{TITLE_RU})\b")
_AFTER = re.compile(rf"(?i)^\s*[,–—-]\s*(?:the\s+|a\s+)?({TITLE_EN}|{TITLE_RU})\b")
_GAP_WORD = re.compile(r"(?:[A-ZА-ЯЁ«\"“][\w’'&.«»\"“”-]*|of|the|and|for|,|[а-яё][а-яё-]*)")
_BODIES = {"organization", "government_body", "company", "region", "site"}
_NOT_BODY = {
    "said", "says", "told", "tells", "is", "was", "were", "are", "has", "had", "have", "will", "would", "met",
    "meets", "spoke", "noted", "added", "stated", "that", "who", "which", "when", "where", "with", "by", "to",
    "from", "at", "on", "in", "as",
}  # fmt: skip


def _gap_ok(gap: str) -> bool:
    """Between a title and a name only a body's name may stand (capitalised words, of, the, Russian words;
    after "of", lower-case English words too: "the acting head of the city administration Pavel Smirnov")."""
    words = gap.replace(",", " , ").split()
    if len(words) > 16:
        return False
    if words[:1] == ["of"] and "," not in words and len(words) <= 8:
        return all(
            _GAP_WORD.fullmatch(w) or (w.isascii() and w.isalpha() and w not in _NOT_BODY) for w in words
        )
    return all(_GAP_WORD.fullmatch(w) for w in words)


def _body(bodies: list[Mention], start: int, end: int) -> Mention | None:
    """The first body (organisation, company, region, site) mentioned between start and end."""
    i = bisect_left([m.start for m in bodies], start)
    return bodies[i] if i < len(bodies) and bodies[i].start < end else None


def _role_before(text: str, person: Mention, mentions: list[Mention]) -> tuple[str, Mention | None] | None:
    """The title nearest before the name with only a body's name between them."""
    window_start = max(sentence_of(text, person.start)[0], person.start - 160)
    window = text[window_start : person.start]
    for match in reversed(list(_TITLE.finditer(window))):
        gap = window[match.end() :]
        if _gap_ok(gap.rstrip(" ,")):
            return match.group(1), _body(mentions, window_start + match.end(), person.start)
    return None


def _role_after(
    text: str, person: Mention, mentions: list[Mention], people: list[Mention]
) -> tuple[str, Mention | None] | None:
    match = _AFTER.match(text[person.end : person.end + 200])
    if match is None:
        return None
    title_end = person.end + match.end(1)
    following = next((p for p in people if p.start >= title_end), None)
    if following is not None and "," not in (gap := text[title_end : following.start]) and _gap_ok(gap):
        return None  # "Андрей Травников, первый вице-спикер Госдумы Александр Жуков": the next person's title
    return match.group(1), _body(mentions, title_end, title_end + 90)


def assign_roles(text: str, mentions: list[Mention]) -> None:
    """Set attrs['role'] and attrs['organization'] on the person mentions that state them."""
    bodies = [m for m in mentions if m.entity_type in _BODIES]
    people = [m for m in mentions if m.entity_type == "person"]
    for person in people:
        nearby = bodies[bisect_left([b.start for b in bodies], person.start - 200) :][:40]
        found = _role_after(text, person, nearby, people) or _role_before(text, person, nearby)
        if found is None:
            continue
        title, body = found
        person.attrs["role"] = " ".join(title.split())
        of_region = body is not None and body.kind == "region"
        person.attrs["role_code"] = role_code(person.attrs["role"], of_region)
        person.attrs["organization"] = body.canonical if body is not None else None
        person.attrs["organization_surface"] = body.surface if body is not None else None
        person.attrs["organization_key"] = body.key if body is not None and body.kind == "entity" else None
        if body is not None and body.kind == "region" and body.attrs["iso"].startswith("RU-"):
            person.attrs["iso"] = body.attrs["iso"]
