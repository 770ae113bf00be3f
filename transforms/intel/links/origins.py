"""from_country: a company's country of origin as the sentence states it — "Japanese Yokohama",
"американская компания Kemin Industries", "German investment projects … include X; Y; Z",
"Legrand (France)", "Germany's Continental"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from transforms.intel.lexicon.gazetteer import read_rows
from transforms.intel.links.records import Relation
from transforms.intel.links.text import Sentence, descriptive, list_items, masked
from transforms.intel.mentions import Mention

FIRMS = ("company", "organization")
GROUP_EN = (
    r"(?:investment\s+)?projects?|compan(?:y|ies)|brands?|investors?|manufacturers?|producers?|capital|"
    r"concerns?|firms?|(?:joint\s+)?ventures?|enterprises?|businesses|residents?|groups?"
)
GROUP_RU = (
    r"компани\w*|инвестор\w*|(?:инвестиционн\w+\s+)?проект\w*|бренд\w*|концерн\w*|предприяти\w*|"
    r"производител\w*|капитал\w*|резидент\w*|фирм\w*|групп\w*|инвестиц\w*"
)
INTRODUCER = re.compile(
    r"(?i)\b(?:includes?|including|such\s+as|among\s+them|namely|включа\w*|в\s+том\s+числе|среди\s+них|"
    r"такие\s+как|это)\b|\s[–—]\s|:"
)


@dataclass(frozen=True)
class Demonym:
    start: int
    end: int
    iso: str


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """(English adjectives, Russian stems, adjective or stem → ISO code): one pass over a sentence each."""
    iso_of: dict[str, str] = {}
    for row in read_rows("nationalities.csv"):
        words = row["adjectives_en"].split("|") + row["stems_ru"].split("|")
        iso_of.update({word: row["iso_code"] for word in words if word})
    english = sorted((w for w in iso_of if w.isascii()), key=len, reverse=True)
    russian = sorted((w for w in iso_of if not w.isascii()), key=len, reverse=True)
    return (
        re.compile(rf"(?<![\w])({'|'.join(map(re.escape, english))})(?![\w])"),
        re.compile(rf"(?i)(?<![\w])({'|'.join(map(re.escape, russian))})[а-яё]*"),
        iso_of,
    )


def demonyms(text: str, start: int, end: int) -> list[Demonym]:
    """Country adjectives in text[start:end]; 'Russian' in 'Russian-German' (a joint venture) is dropped."""
    english, russian, iso_of = _patterns()
    found = []
    for match in [*english.finditer(text, start, end), *russian.finditer(text, start, end)]:
        iso = iso_of[match.group(1) if match.group(1) in iso_of else match.group(1).lower()]
        compound = text[match.end() : match.end() + 1] == "-"
        if not (iso == "RU" and compound):
            found.append(Demonym(match.start(), match.end(), iso))
    return sorted(found, key=lambda d: d.start)


def from_country(text: str, sentence: Sentence) -> list[Relation]:
    firms = sentence.of(*FIRMS)
    if not firms:
        return []
    adjectives = demonyms(text, sentence.start, sentence.end)
    found = _adjacent(text, adjectives, firms) + _listed(text, sentence, adjectives, firms)
    found += _named_country(text, sentence, firms)
    return found


def _relation(firm: Mention, iso: str, start: int, end: int, rule: str) -> Relation:
    return Relation("from_country", firm, None, iso, min(start, firm.start), max(end, firm.end), rule)


def _adjacent(text: str, adjectives: list[Demonym], firms: list[Mention]) -> list[Relation]:
    """'German LANXESS', 'китайская автомобилестроительная компания Great Wall', 'an American company,
    Cargill Incorporated': the adjective, describing words, the name."""
    found = []
    for adjective in adjectives:
        firm = next((f for f in firms if f.start >= adjective.end), None)
        if firm is None:
            continue
        gap = text[adjective.end : firm.start]
        if descriptive(gap):
            found.append(_relation(firm, adjective.iso, adjective.start, firm.end, "from_country:adjective"))
    return found


def _listed(text: str, sentence: Sentence, adjectives: list[Demonym], firms: list[Mention]) -> list[Relation]:
    """'German investment projects implemented in Kaluga Region include X: Y; Z', 'French brands – X and
    Y': an adjective with a group noun, then a list, up to the next adjective."""
    found = []
    view = masked(text[: sentence.end])
    for i, adjective in enumerate(adjectives):
        group = re.match(rf"(?i)[\w\s-]{{0,25}}?\b(?:{GROUP_EN}|{GROUP_RU})\b", view[adjective.end :])
        if group is None:
            continue
        limit = adjectives[i + 1].start if i + 1 < len(adjectives) else sentence.end
        opener = INTRODUCER.search(view, adjective.end + group.end(), limit)
        if opener is None:
            continue
        for firm in list_items(text, opener.end(), limit, firms):
            found.append(_relation(firm, adjective.iso, adjective.start, firm.end, "from_country:list"))
    return found


def _named_country(text: str, sentence: Sentence, firms: list[Mention]) -> list[Relation]:
    """'Legrand (France)', 'X из Германии', 'X from Germany', "Germany's Continental"."""
    countries = [m for m in sentence.of("region") if not m.attrs["iso"].startswith("RU")]
    found = []
    for country in countries:
        for firm in firms:
            before = text[firm.end : country.start]
            if re.fullmatch(r"\s*(?:\(|,?\s*(?:from|из)\s+)", before):
                found.append(
                    _relation(firm, country.attrs["iso"], firm.start, country.end, "from_country:named")
                )
            after = text[country.end : firm.start]
            owns = country.surface.endswith(("’s", "'s")) and descriptive(after)
            if owns or (re.match(r"[’']s\b", after) and descriptive(after[2:])):
                found.append(
                    _relation(firm, country.attrs["iso"], country.start, firm.end, "from_country:possessive")
                )
    return found
