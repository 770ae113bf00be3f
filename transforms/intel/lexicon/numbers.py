"""Numbers in Russian and English notation, with scale words, units and qualifiers."""

from __future__ import annotations

import re

SPACE = "[ \u00a0\u202f]"
NUMBER = rf"\d{{1,3}}(?:{SPACE}\d{{3}})+(?:,\d+)?|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:[.,]\d+)?"
SCALES = {
    "trillion": 1e12, "tn": 1e12, "трлн": 1e12, "триллион": 1e12,
    "billion": 1e9, "bn": 1e9, "bln": 1e9, "млрд": 1e9, "миллиард": 1e9,
    "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6, "млн": 1e6, "миллион": 1e6,
    "thousand": 1e3, "тыс": 1e3, "тысяч": 1e3, "тысяча": 1e3, "тысячи": 1e3,
}  # fmt: skip
SCALE = (
    r"(?:[Tt]rillion|tn|[Bb]illion|bn|bln|[Mm]illion|mln|mn|m|[Tt]housand|трлн\.?|триллион[а-я]*|млрд\.?|"
    r"миллиард[а-я]*|млн\.?|миллион[а-я]*|тыс\.?|тысяч[а-я]*)"
)
UNITS = [
    ("money", "RUB", r"(?:[Rr]ubles?|[Rr]oubles?|RUB|RUR|rub\.?|руб\.?|рубл[а-я]*|₽)"),
    ("money", "USD", r"(?:US\s)?(?:[Dd]ollars?|USD|долл\.?|доллар[а-я]*)"),
    ("money", "EUR", r"(?:[Ee]uros?|EUR|евро)"),
    ("area", "ha", r"(?:hectares?|ha|га|гектар[а-я]*)"),
    (
        "area",
        "sq_m",
        r"(?:sq\.?\s?m|square\smet(?:er|re)s?|кв\.\s?м(?:етр[а-я]*)?|квадратн[а-я]+\sметр[а-я]*|м²|m²)",
    ),
    ("area", "sq_km", r"(?:sq\.?\s?km|square\skilomet(?:er|re)s?|кв\.\s?км|км²)"),
    ("percent", "%", r"(?:%|percent|per\scent|процент[а-я]*)"),
]
PREFIX_UNITS = {"$": ("money", "USD"), "€": ("money", "EUR"), "₽": ("money", "RUB"), "RUB": ("money", "RUB"),
                "RUR": ("money", "RUB"), "USD": ("money", "USD"), "EUR": ("money", "EUR")}  # fmt: skip
UNIT = "|".join(f"(?P<u{i}>{pattern})" for i, (_, _, pattern) in enumerate(UNITS))
# "312 млн 450 тыс. рублей", "6 тыс. 300 рабочих мест": a smaller amount may follow the scale word
_REST = rf"(?:{SPACE}(?P<rest>\d{{1,3}}(?:[.,]\d+)?)(?![\w/.,:])(?:{SPACE}?(?P<scale2>{SCALE})(?![\w]))?)?"
FIGURE = re.compile(
    rf"(?P<prefix>\$|€|₽|\b(?:RUB|RUR|USD|EUR)\s?)?(?<![\w.,/+:-])(?P<num>{NUMBER})(?!:\d)(?!(?!{SCALE}(?!\w))[\w/])"
    rf"(?:{SPACE}?(?P<scale>{SCALE})(?![\w]){_REST})?(?:{SPACE}?(?:{UNIT})(?![\w]))?"
)
QUALIFIERS = [
    ("up_to", r"(?:up\sto|до|вплоть\sдо)"),
    ("over", r"(?:over|more\sthan|above|exceed(?:s|ed|ing)?|in\sexcess\sof|at\sleast|более|свыше|больше|"
             r"не\sменее|не\sменьше|как\sминимум|превысил[аио]?|превышает|превышают|превысит|превысив|превышая)"),
    ("about", r"(?:about|around|approximately|nearly|almost|some|roughly|около|почти|примерно|порядка|"
              r"приблизительно)"),
    ("from", r"(?:from|от)"),
]  # fmt: skip
_QUALIFIER_BEFORE = [
    # "почти в 60 млрд", "более чем в 2 раза": a preposition may stand between the qualifier and the number
    (code, re.compile(rf"(?:^|[\s(“\"«„]){pattern}(?:\s+чем)?(?:\s+(?:в|на))?\s*$", re.IGNORECASE))
    for code, pattern in QUALIFIERS
]


def parse_number(raw: str, language: str) -> float | None:
    """'1 042' → 1042, '1,042' (en) → 1042, '1,2' (ru) → 1.2, '27.5' → 27.5."""
    compact = re.sub(SPACE, "", raw)
    if (re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", compact) and (language != "ru" or "." in compact)) or (
        re.fullmatch(r"\d{1,3}(?:,\d{3})+", compact) and language == "ru" and len(compact) > 5
    ):
        compact = compact.replace(",", "")
    compact = compact.replace(",", ".")
    try:
        return float(compact)
    except ValueError:
        return None


def scale_of(word: str | None) -> float:
    if not word:
        return 1.0
    key = word.lower().rstrip(".")
    for name, factor in SCALES.items():
        if key == name or (len(name) > 3 and key.startswith(name)):
            return factor
    return 1.0


_DOT_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")


def value_of(match: re.Match, language: str) -> float | None:
    """The amount a FIGURE match states: number × scale, plus the smaller amount after the scale word.
    Without a scale word, dots between groups of three digits are thousands (2.500 ha = 2,500 ha)."""
    if (
        match.group("scale") is None
        and _DOT_THOUSANDS.fullmatch(match.group("num"))
        and unit_of(match) != ("percent", "%")
    ):
        return float(match.group("num").replace(".", ""))
    value = parse_number(match.group("num"), language)
    if value is None:
        return None
    scale = scale_of(match.group("scale"))
    rest = match.group("rest")
    if rest is None:
        return value * scale
    smaller = (parse_number(rest, language) or 0.0) * scale_of(match.group("scale2"))
    return value * scale + smaller if smaller < scale else None


def unit_of(match: re.Match) -> tuple[str, str] | None:
    for i, (metric, unit, _) in enumerate(UNITS):
        if match.group(f"u{i}"):
            return metric, unit
    prefix = (match.group("prefix") or "").strip()
    return PREFIX_UNITS.get(prefix)


def qualifier_before(text: str, start: int, allow_from: bool = True) -> tuple[str, int]:
    """The qualifier just before a number ('up to', 'более', 'около' …) and where it starts."""
    window = text[max(0, start - 25) : start]
    for code, pattern in _QUALIFIER_BEFORE:
        found = pattern.search(window) if allow_from or code != "from" else None
        if found:
            return code, start - len(window) + found.start() + (1 if found.group()[:1].isspace() else 0)
    return "exact", start
