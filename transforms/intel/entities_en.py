"""English organisations and companies by rule: a head word (Association, Ministry, Fund …) or a legal
form (LLC, JSC, Group …) with the capitalised words around it; Russian legal forms (ООО «…»)."""

from __future__ import annotations

import re

from transforms.intel.lexicon.gazetteer import companies, matcher, tokenize
from transforms.intel.lexicon.translit import has_cyrillic, to_latin
from transforms.intel.mentions import Mention, entity_key

CAP = r"(?:[A-Z][\w’'&.-]*|&)"
ORG_HEADS = (
    r"Association|Ministry|Fund|Agency|Corporation|Chamber|Union|Committee|Department|Administration|"
    r"Centre|Center|University|Institute|Bank|Foundation|Council|Service|Academy"
)
ORG_EN = re.compile(
    rf"((?:{CAP}\s+){{0,3}})\b({ORG_HEADS})\b((?:\s+(?:of the|of|for|on|and|the)\s+{CAP}(?:\s+{CAP})*)*)"
)
LEGAL_EN = r"LLC|JSC|PJSC|OJSC|CJSC|Ltd\.?|Inc\.?|GmbH|AG|S\.A\.|Corp\.?|Group|Holding|Plc|PLC"
COMPANY_EN = re.compile(rf"((?:{CAP}\s+){{1,4}})({LEGAL_EN})\b")
COMPANY_RU = re.compile(
    r"\b(ООО|АО|ПАО|ЗАО|ОАО|ГК|АНО|НКО|ФГУП|ГУП|МУП|ФГБУ|ГБУ|ГАУ)\s*[«\"„]([^»\"“]{2,80})[»\"“]"
)
# English text quoting a Russian legal form: OOO «Agrotek-Penza», LLC «PromSnab», JSC "Avtotor"
COMPANY_QUOTED_EN = re.compile(
    r"\b(OOO|OAO|ZAO|PAO|AO|LLC|JSC|PJSC|CJSC|OJSC|Ltd)\s*[«\"“„]([^»\"”“\n]{2,80})[»\"”“]"
)
_COMPANY_NOUN = re.compile(
    rf"\b(?:company|venture|manufacturer|producer|resident|investor|concern|carmaker|automaker|retailer|"
    rf"брендом|бренд|компани[яиюей]|концерн[а-я]*|"
    rf"производител[ьяюем]+|резидент[а-я]*|инвестор[а-я]*)\s+({CAP}(?:\s+{CAP}){{0,2}})"
)
_COMPANY_APPOSITION = re.compile(
    r"\b([A-Z][\w’'&.-]*[\w]),\s+(?:the|an?)\s+(?:anchor\s+|leading\s+|largest\s+)?"
    r"(?:resident|company|manufacturer|producer|investor|carmaker|automaker)\b"
)
_SKIP_LEFT = {"The", "A", "An", "On", "In", "At", "By", "For", "With", "Director", "Head", "Chairman", "Thus"}
_NONPROFIT = {"АНО", "НКО", "ФГБУ", "ГБУ", "ГАУ"}


def _trim_left(words: list[str]) -> list[str]:
    while words and words[0] in _SKIP_LEFT:
        words = words[1:]
    return words


def _clean_case(name: str) -> str:
    return " ".join(w.capitalize() if w.isupper() and len(w) > 3 and w.isalpha() else w for w in name.split())


def _company(start: int, end: int, surface: str, name: str, name_ru: str | None = None) -> Mention:
    known = _known_company(name)
    canonical = known or _clean_case(name)
    row = companies().get(canonical, {})
    attrs = {
        "name_en": canonical,
        "name_ru": row.get("name_ru") or name_ru,
        "iso": row.get("country") or None,
    }
    return Mention(
        "entity", "company", start, end, surface, canonical, entity_key("company", canonical), attrs
    )


def _known_company(name: str) -> str | None:
    for _, _, entry in matcher().find(tokenize(name), {"company"}):
        return entry.ident
    return None


def companies_en(text: str) -> list[Mention]:
    found = []
    for match in COMPANY_EN.finditer(text):
        words = _trim_left(match.group(1).split())
        if not words:
            continue
        name = " ".join(words) if match.group(2) != "Group" or len(words) > 1 else f"{words[0]} Group"
        name = name if match.group(2) != "Group" else _group_name(words)
        start = match.start(1) + match.group(1).find(words[0])
        end = match.end(2)
        found.append(_company(start, end, text[start:end], name))
    return found


def companies_by_context(text: str) -> list[Mention]:
    """'venture EcoNiva-Kaluga', 'компания Hayat Kimya', 'Avtotor, the anchor resident'."""
    found = []
    for pattern in (_COMPANY_NOUN, _COMPANY_APPOSITION):
        for match in pattern.finditer(text):
            name = match.group(1).rstrip(".")
            if name in _SKIP_LEFT or (name.isupper() and len(name) <= 3 and not _known_company(name)):
                continue
            start = match.start(1)
            found.append(_company(start, start + len(name), name, name))
    return found


def _group_name(words: list[str]) -> str:
    """'Lafarge Group' is Lafarge when the gazetteer knows Lafarge; otherwise the name keeps 'Group'."""
    joined = " ".join(words)
    return joined if _known_company(joined) else f"{joined} Group"


def companies_ru(text: str) -> list[Mention]:
    """Russian legal forms with a quoted name: ООО «…», АО «…», and the same in Latin (OOO «…», LLC «…»)."""
    found = []
    for match in [*COMPANY_RU.finditer(text), *COMPANY_QUOTED_EN.finditer(text)]:
        name = match.group(2).strip()
        if match.group(1) in _NONPROFIT:
            found.append(_organization(match.start(), match.end(), match.group(), name))
            continue
        latin = _known_company(name) or (to_latin(name) if has_cyrillic(name) else name)
        found.append(_company(match.start(), match.end(), match.group(), latin, name))
    return found


def _organization(start: int, end: int, surface: str, name: str) -> Mention:
    name_en = to_latin(name) if has_cyrillic(name) else name
    attrs = {"name_en": name_en, "name_ru": name if has_cyrillic(name) else None}
    return Mention(
        "entity", "organization", start, end, surface, name, entity_key("organization", name), attrs
    )


def organizations_en(text: str) -> list[Mention]:
    found = []
    for match in ORG_EN.finditer(text):
        left = _trim_left(match.group(1).split())
        tail = re.sub(r"\s+(?:of|for|on|and|the)$", "", match.group(3).rstrip())
        name = (" ".join([*left, match.group(2)]) + tail).rstrip(".")
        start = match.start(2) - (len(" ".join(left)) + 1 if left else 0)
        start = text.find(name.split()[0], start)
        found.append(_organization(start, start + len(name), text[start : start + len(name)], name))
    return [m for m in found if m.surface == m.canonical and " " in m.canonical]
