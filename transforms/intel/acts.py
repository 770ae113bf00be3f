"""Legal acts: government and presidential decrees, government and ministry orders, federal laws, regional
decrees and strategies, with number, quoted title and jurisdiction (RU federal, or the region's ISO code)."""

from __future__ import annotations

import re

from transforms.intel.lexicon.gazetteer import matcher, tokenize
from transforms.intel.lexicon.nlp_ru import dates_ru
from transforms.intel.lexicon.translit import has_cyrillic
from transforms.intel.mentions import Mention, act_key

_QUOTE = r"[«\"“„]([^»\"”“]{3,300})[»\"”“]"
# Dates between an act's word and its number are masked first (natasha's DatesExtractor in Russian, the
# English forms below), so one pattern reads "№ 316", "от 12 марта 2019 года № 316" and
# "dated 15.04.2014 No. 328"
_MASK = "\ue000"
_DATE = rf"(?:(?:(?:от|of|dated|from)\s+)?{_MASK}+\s*(?:г\.|года|г\b)?,?\s*)"
_DATE_EN = re.compile(
    r"\b(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+"
    r"\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+\d{4}|\d{1,2}\.\d{1,2}\.\d{2,4})\b"
)
_RF_RU = r"(?:РФ|России|Российской\s+[Фф]едерации)"
_RF_EN = r"(?:\s+of\s+the\s+Russian\s+Federation|\s+of\s+Russia)?"
_NO = r"(?:Nos?\.?|№№?|N|#)\s*"
# "Nos. 31 and 1704", "№ 779 и 1119": further numbers of the same kind of act
_MORE = r"(?P<more>(?:\s*(?:,|and|и)\s*(?:№\s*)?\d{1,5}(?![\d-]))*)"
_REGION_RU = (
    r"(?P<where>(?:[А-ЯЁ][а-яё-]+\s+)(?:области|края|автономного\s+округа)|Республики\s+[А-ЯЁ][а-яё-]+)"
)
_REGION_EN = r"(?P<where>[A-Z][a-z-]+\s+(?:Region|Oblast|Krai|Territory)|Republic\s+of\s+[A-Z][a-z]+)"
_DECREE_EN = r"(?:[Dd]ecrees?|[Rr]esolutions?|[Rr]egulations?)"
PATTERNS = [
    ("regional_decree", re.compile(
        r"[Пп]остановлени[а-я]*\s+(?:[Пп]равительства|[Гг]убернатора|[Аа]дминистрации)\s+" + _REGION_RU
        + r"\s+" + _DATE + "?" + _NO + r"(?P<num>\d{1,5})(?![\d-])")),
    ("regional_decree", re.compile(
        r"(?:" + _DECREE_EN + r"\s+of\s+the\s+(?:Government|Governor)\s+of\s+(?:the\s+)?" + _REGION_EN
        + r"|(?P<where2>[A-Z][a-z-]+\s+(?:Region|Oblast|Krai))\s+(?:Government|Governor)\s+" + _DECREE_EN
        + r")\s+"
        + _DATE + "?" + _NO + r"(?P<num>\d{1,5})(?![\d-])")),
    ("presidential_decree", re.compile(
        r"(?:Presidential\s+[Dd]ecree|[Dd]ecree\s+of\s+the\s+President" + _RF_EN + r")\s+" + _DATE + "?" + _NO
        + r"(?P<num>\d{1,5})(?![\d-])" + _MORE)),
    ("presidential_decree", re.compile(
        r"[Уу]каз[а-я]*\s+Президента\s+" + _RF_RU + r"\s+" + _DATE + "?" + _NO + r"(?P<num>\d{1,5})(?![\d-])"
        + _MORE)),
    ("government_order", re.compile(
        r"[Рр]аспоряжени[а-я]*\s+Правительства(?:\s+" + _RF_RU + r")?\s+" + _DATE + "?" + _NO
        + r"(?P<num>\d{1,5})(?:-р\b|(?![\d-]))")),
    ("government_order", re.compile(
        r"[Рр]аспоряжени[а-я]*\s+" + _DATE + "?" + _NO + r"(?P<num>\d{1,5})-р\b")),
    ("government_order", re.compile(
        r"(?:Government\s+)?(?:[Oo]rder|[Dd]irective)\s+(?:of\s+the\s+(?:Russian\s+)?Government" + _RF_EN
        + r"\s+)?" + _DATE + "?" + _NO + r"(?P<num>\d{1,5})-r\b")),
    ("government_decree", re.compile(
        r"(?:(?:Russian\s+)?Government\s+|RF\s+Government\s+)?" + _DECREE_EN + r"\s+"
        r"(?:of\s+the\s+(?:Russian\s+)?Government" + _RF_EN + r"\s+)?"
        + _DATE + "?" + _NO + r"(?P<num>\d{1,5})(?![\d-])" + _MORE)),
    ("government_decree", re.compile(
        r"[Пп]остановлени[а-я]*\s+(?:Правительства(?:\s+" + _RF_RU + r")?\s+)?"
        + _DATE + "?" + _NO + r"(?P<num>\d{1,5})(?![\d-])" + _MORE)),
    # a ministry's order: "Приказом Минпромторга России №3030", "Order of the Ministry of … No. 3221"
    ("ministry_order", re.compile(
        r"[Пп]риказ[а-я]*(?:\s+[^\s№]+){0,8}?\s+" + _DATE + "?" + _NO + r"(?P<num>\d{1,5})(?![\d-])")),
    ("ministry_order", re.compile(
        r"\b[Oo]rder(?:\s+of\s+the\s+Ministry\s+of\s+[A-Z][\w\s,]{0,80}?)?\s+" + _DATE + "?" + _NO
        + r"(?P<num>\d{1,5})(?![\d-])")),
    ("federal_law", re.compile(r"(?:Federal\s+Law\s+(?:No\.?\s*)?)?\b(?P<num>\d{1,4})-FZ\b")),
    ("federal_law", re.compile(
        r"(?:[Фф]едеральн[а-я]*\s+закон[а-я]*\s+" + _DATE + "?" + r"(?:№\s*)?)?(?<![\d])"
        r"(?P<num>\d{1,4})-ФЗ\b")),
    ("strategy", re.compile(
        r"\b(?P<title>Strategy\s+(?:for|of)\s+[A-Z][\w\s-]{3,120}?\s+(?:by|until|to|through)\s+20\d\d)")),
    ("strategy", re.compile(
        r"\b(?P<title>Стратеги[яиейю]\s+(?:[а-я-]+\s+){0,2}развития\s+[^.;:]{3,120}?до\s+20\d\d\s+года)")),
]  # fmt: skip
_ACT_WORDS = re.compile(
    r"(?i)постановлени|распоряжени|приказ|указ|закон|decree|resolution|regulation|order|directive|\bfz\b|-фз|"
    r"стратеги|strategy"
)
_DATE_WINDOW = 120  # characters after an act word that natasha's DatesExtractor reads
_SUFFIX = {"federal_law": "-FZ", "government_order": "-r"}
_TITLE_AFTER = re.compile(r"\s*" + _QUOTE)
_TITLE_START = re.compile(r"(?:on|о|об)\s", re.IGNORECASE)


def _jurisdiction(text: str) -> str:
    for _, _, entry in matcher().find(tokenize(text), {"region"}):
        return entry.ident
    return "RU federal"


def _title(text: str, end: int) -> tuple[str | None, int]:
    match = _TITLE_AFTER.match(text, end)
    if match and _TITLE_START.match(match.group(1)):
        return match.group(1).strip(" .…"), match.end()
    return None, end


def _strategy_title(raw: str) -> str:
    words = raw.split()
    if words[0].startswith("Стратеги"):
        words[0] = "Стратегия"
    return " ".join(words)


def _mention(act_type: str, match: re.Match, text: str) -> Mention:
    groups = match.groupdict()
    if act_type == "strategy":
        title, end = _strategy_title(groups["title"]), match.end()
        jurisdiction, ident, number = _jurisdiction(title), title, None
    else:
        number = groups["num"] + _SUFFIX.get(act_type, "")
        title, end = _title(text, match.end("num") if groups.get("more") else match.end())
        where = groups.get("where") or groups.get("where2")
        jurisdiction = _jurisdiction(where) if where else "RU federal"
        # a regional act's number is only unique within its region
        ident = number if jurisdiction == "RU federal" else f"{number} {jurisdiction}"
    attrs = {"act_type": act_type, "number": number, "title": title, "jurisdiction": jurisdiction}
    canonical = f"{act_type} {number or title}"
    start = match.start()
    return Mention(
        "act", "legal_act", start, end, text[start:end], canonical, act_key(act_type, ident), attrs
    )


def _windows(text: str) -> list[tuple[int, int]]:
    """The stretches after each act word where a date can stand before the number (merged)."""
    windows: list[tuple[int, int]] = []
    for match in _ACT_WORDS.finditer(text):
        start, end = match.start(), min(len(text), match.end() + _DATE_WINDOW)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def masked_dates(text: str) -> str:
    """text with every date near an act word replaced by as many mask characters (offsets unchanged)."""
    spans = [m.span() for m in _DATE_EN.finditer(text)]
    for start, end in _windows(text) if has_cyrillic(text) else []:
        spans += [(start + d.start, start + d.stop) for d in dates_ru(text[start:end])]
    chars = list(text)
    for start, end in spans:
        chars[start:end] = _MASK * (end - start)
    return "".join(chars)


def _more(act_type: str, match: re.Match, text: str) -> list[Mention]:
    """The further numbers of a list ("Nos. 31 and 1704"), each its own act of the same type."""
    more = match.groupdict().get("more")
    found = []
    for number in re.finditer(r"\d+", more or ""):
        start = match.start("more") + number.start()
        end = start + len(number.group())
        act = Mention("act", "legal_act", start, end, text[start:end], f"{act_type} {number.group()}",
                      act_key(act_type, number.group()), {"act_type": act_type, "number": number.group(),
                      "title": None, "jurisdiction": "RU federal"})  # fmt: skip
        found.append(act)
    return found


def find_acts(text: str) -> list[Mention]:
    if not _ACT_WORDS.search(text):
        return []
    masked = masked_dates(text)
    found: list[Mention] = []
    for act_type, pattern in PATTERNS:
        for match in pattern.finditer(text if act_type == "strategy" else masked):
            for mention in [_mention(act_type, match, text), *_more(act_type, match, text)]:
                if not any(m.start < mention.end and mention.start < m.end for m in found):
                    found.append(mention)
    return sorted(found, key=lambda m: m.start)
