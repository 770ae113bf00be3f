"""Figures: money, areas, counts and percentages with their qualifier, subject and sentence.

Numbers that are dates, years, phone numbers, ordinals or act numbers (№ 1659, 488-ФЗ) are not
figures; a bare number is a count only when a counted noun follows it (50 промкластеров).
"""

from __future__ import annotations

import re

import polars as pl

from transforms.intel.lexicon.gazetteer import matcher, site_labels, subject_kinds, tokenize
from transforms.intel.lexicon.nlp_ru import lemma, parses
from transforms.intel.lexicon.number_words import find_number_words
from transforms.intel.lexicon.numbers import (
    FIGURE,
    parse_number,
    qualifier_before,
    scale_of,
    unit_of,
    value_of,
)
from transforms.intel.lexicon.translit import has_cyrillic
from transforms.intel.mentions import sentence_of

FIGURE_COLUMNS = {
    "metric_code": pl.String, "value": pl.Float64, "unit": pl.String, "qualifier": pl.String,
    "subject": pl.String, "start": pl.Int64, "end": pl.Int64, "sentence": pl.String,
}  # fmt: skip
MONTHS = (r"january|february|march|april|may|june|july|august|september|october|november|december|"
          r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|январ|феврал|март|апрел|ма[йя]|июн|июл|август|"
          r"сентябр|октябр|ноябр|декабр")  # fmt: skip
_MONTH_AFTER = re.compile(rf"\s*(?:-\s*\d+\s*)?(?:{MONTHS})", re.IGNORECASE)
_MONTH_BEFORE = re.compile(rf"(?:{MONTHS})[a-zа-я]*\.?\s*(?:\d{{1,2}}\s*[-–,]\s*)?$", re.IGNORECASE)
_RANK_BEFORE = re.compile(r"(?i)\b(?:top|топ|rank(?:ed)?)[\s-]*$")
_ACT_BEFORE = re.compile(r"(?:№|No\.?|N|#|Nr\.?)\s*$")
_TIME_WORDS = re.compile(
    r"\s*(?:-?(?:й|я|е|го|м|х|th|st|nd|rd)\b|(?:years?|months?|days?|hours?|weeks?|minutes?|times|quarters?|"
    r"decades?|centur|год|лет|месяц|дн[еяй]|день|час|недел|минут|раз|квартал|век|г\.)|[-–]?(?:ФЗ|FZ)\b|[:/.]\d)",
    re.IGNORECASE,
)  # fmt: skip
_MEASURE = re.compile(
    r"(?i:tonnes?|tons?|kilometres?|kilometers?|km|metres?|meters?|m|mw|kw|gw|litres?|liters?|acres?|kg|"
    r"тонн[а-я]*|т|км|километр[а-я]*|метр[а-я]*|м|мвт|квт|гвт|литр[а-я]*|кг|более|больше|меньше|less|"
    r"десят[а-я]*|дюжин[а-я]*|сотн[а-я]*|dozens?|hundreds)"
)
_RANGE_GAP = re.compile(r"\s*(?:до|to|[-–—])\s*")
_COUNTED = re.compile(r"[ \u00a0]+((?:[A-Za-zА-Яа-яЁё][\w’'&-]*[ \u00a0]?){1,4})")
# fmt: off
_STOP = {
    "of", "from", "in", "at", "on", "to", "with", "for", "and", "are", "is", "were", "was", "have", "has",
    "that", "which", "by", "the", "a", "it", "they", "we", "will", "would", "can", "could", "been", "being",
    "had", "as", "or", "their", "из", "в", "на", "с", "по", "и", "для", "от", "до", "к", "у", "за",
}
# fmt: on


def _excluded(text: str, start: int, end: int, number: str) -> bool:
    before, after = text[max(0, start - 12) : start], text[end : end + 30]
    if _ACT_BEFORE.search(before) or _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after):
        return True
    if re.search(r"[+(]\s*\d*\s*$", before[-3:]) or re.match(r"\)?\s?\d{2,3}-\d{2}", after):
        return True  # a phone number
    if _RANK_BEFORE.search(before):
        return True  # "top ten logistics company", "в топ-5 регионов": a rank, not a count
    return bool(_TIME_WORDS.match(after)) or bool(re.fullmatch(r"(?:19|20)\d\d", number))


def _counted(text: str, end: int) -> str | None:
    """The counted noun phrase after a bare number ('industrial parks', 'промкластеров'), or None."""
    match = _COUNTED.match(text, end)
    if match is None:
        return None
    words = []
    for word in match.group(1).split():
        if word.lower() in _STOP:
            break
        if not words and word.lower() in {"more", "other", "further", "additional"}:
            continue  # "four more industrial parks"
        words.append(word)
    if not words or re.match(rf"(?:{MONTHS})", words[0], re.IGNORECASE) or _TIME_WORDS.match(" " + words[0]):
        return None
    if _MEASURE.fullmatch(words[0]):
        return None  # "1,600 tonnes", "7 km", "50 МВт": a measure, not a count
    return " ".join(words)


def _count_subject(phrase: str) -> str:
    known = [e for _, _, e in matcher().find(tokenize(phrase), {"subject", "site_type"})]
    if known:
        first = known[0]
        return site_labels()[first.ident]["plural_en"] if first.kind == "site_type" else first.ident
    tokens = tokenize(phrase)
    return " ".join(t.norm if has_cyrillic(t.text) else t.text.lower() for t in tokens)


def _pointed_subject(text: str, sentence: tuple[int, int], start: int, end: int) -> str | None:
    """ "Кластеры … . В регионе их уже 8.", "… был сформирован кластер …, сегодня их - 8": a number counting
    "их" (pymorphy2's они; уже, всего, теперь may stand between) at the end of its clause counts the kind of
    site named before it in its sentence, else in the sentence before."""
    before = re.findall(r"[а-яёА-ЯЁ]+", text[max(sentence[0], start - 40) : start])[-3:]
    while before and parses(before[-1])[0].tag.POS == "ADVB":
        before.pop()
    if not before or lemma(before[-1]) != "они" or not re.match(r"\s*(?:[.;!]|$)", text[end : end + 3]):
        return None
    previous = sentence_of(text, sentence[0] - 1) if sentence[0] > 0 else sentence
    for span in ((sentence[0], start), previous if previous != sentence else (start, start)):
        kinds = [e for _, _, e in matcher().find(tokenize(text[span[0] : span[1]]), {"site_type"})]
        if kinds:
            return site_labels()[kinds[-1].ident]["plural_en"]
    return None


def _money_subject(text: str, sentence: tuple[int, int], start: int) -> str | None:
    """The nearest money word before the figure in its sentence (subsidy, cost, investment …)."""
    tokens = tokenize(text[sentence[0] : start])
    found = [e.ident for _, _, e in matcher().find(tokens, {"subject"})]
    money = [subject for subject in found if subject_kinds().get(subject) == "money"]
    return money[-1] if money else None


def _area_subject(text: str, sentence: tuple[int, int], start: int) -> str:
    """What an area measures: the nearest site noun before it ('industrial parks'), else 'area'."""
    tokens = tokenize(text[sentence[0] : start])
    sites = [e.ident for _, _, e in matcher().find(tokens, {"site_type"})]
    return site_labels()[sites[-1]]["plural_en"] if sites else "area"


def _percent_subject(text: str, end: int) -> str | None:
    """'27.5% of Kaluga Region’s overall foreign trade turnover' → 'overall foreign trade turnover'."""
    clause = re.split(r"[.;:!?()\n]", text[end : end + 100])[0]
    tokens = tokenize(re.sub(r"^\s*(?:of|от)\s+", " ", clause))[:8]
    places = {k for i, j, _ in matcher().find(tokens, {"region", "country", "city"}) for k in range(i, j)}
    words = []
    for k, token in enumerate(tokens):
        if k in places or token.norm in {"the", "a"}:
            continue
        if token.norm in _STOP or len(words) == 4:
            break
        words.append(token.norm if has_cyrillic(token.text) else token.text.lower())
    return " ".join(words) or None


def figure_records(text: str, language: str) -> list[dict]:
    """Every figure in text as a dict: metric_code, value, unit, qualifier, subject, start, end, sentence."""
    matches = list(FIGURE.finditer(text))
    records = []
    for i, match in enumerate(matches):
        record = _record(text, match, language)
        if record is None and i + 1 < len(matches):
            record = _range_start(text, match, matches[i + 1], language)
        if record is not None:
            records.append(record)
    taken = [(r["start"], r["end"]) for r in records]
    words = [
        r for r in _word_records(text, language) if not any(s < r["end"] and r["start"] < e for s, e in taken)
    ]
    return sorted(records + words, key=lambda r: r["start"])


def _word_records(text: str, language: str) -> list[dict]:
    """Figures whose number is written in words ("пять индустриальных парков", "Four Billion Rubles"): the
    words are read as digits and the figure is taken as it would be from those digits."""
    records = []
    for start, end, value in find_number_words(text):
        digits = f"{value:.0f}" if value == int(value) else f"{value}"
        shifted = text[:start] + digits + text[end:]
        match = FIGURE.match(shifted, start)
        if match is None or match.end("num") != start + len(digits):
            continue
        sentence = sentence_of(text, start)  # of the text as written: the shifted one is never segmented
        record = _record(shifted, match, language, sentence)
        if record is not None:
            stop = record["end"] - len(digits) + (end - start)
            records.append(
                record | {"start": start, "end": stop, "sentence": text[sentence[0] : sentence[1]]}
            )
    return records


def _range_start(text: str, match: re.Match, following: re.Match, language: str) -> dict | None:
    """'от 100 до 200 млн рублей', 'from 5 to 7 billion rubles', '100–200 ha': the first number takes the
    scale and unit of the second, with the qualifier 'from'."""
    gap = text[match.end() : following.start()]
    if match.group("scale") or unit_of(match) or not _RANGE_GAP.fullmatch(gap) or unit_of(following) is None:
        return None
    end_record = _record(text, following, language)
    value = parse_number(match.group("num"), language)
    if end_record is None or value is None:
        return None
    value *= scale_of(following.group("scale"))
    return end_record | {"value": value, "qualifier": "from", "start": match.start(), "end": match.end()}


def _record(
    text: str, match: re.Match, language: str, sentence: tuple[int, int] | None = None
) -> dict | None:
    number = match.group("num")
    unit = unit_of(match)
    if (
        unit is None
        and match.group("scale") is None
        and _excluded(text, match.start("num"), match.end("num"), number)
    ):
        return None
    value = value_of(
        match, "ru" if language == "ru" or has_cyrillic(text[match.end() : match.end() + 20]) else "en"
    )
    if value is None or (unit is None and (match.group("scale") or "").lower() == "m"):
        return None  # "50 m" is fifty metres unless a currency says millions
    start, end = match.start(), match.end()
    sentence = sentence or sentence_of(text, start)
    if unit is None and match.group("scale"):
        unit = _sentence_currency(text, sentence[0], start) if not _counted(text, end) else None
    if unit is None:
        phrase = _counted(text, end)
        pointed = None if phrase else _pointed_subject(text, sentence, start, end)
        if not phrase and not pointed:
            return None
        metric, unit_code, subject = "count", "items", pointed or _count_subject(phrase)
    else:
        metric, unit_code = unit
        subject = {"money": lambda: _money_subject(text, sentence, start),
                   "area": lambda: _area_subject(text, sentence, start),
                   "percent": lambda: _percent_subject(text, end)}[metric]()  # fmt: skip
    qualifier, _ = qualifier_before(text, start, allow_from=metric != "count")
    return {
        "metric_code": metric, "value": value, "unit": unit_code, "qualifier": qualifier, "subject": subject,
        "start": start, "end": end, "sentence": text[sentence[0] : sentence[1]],
    }  # fmt: skip


def _sentence_currency(text: str, start: int, end: int) -> tuple[str, str] | None:
    """ "an annual turnover of 391.8 million rubles and 171.7 million in tax revenue": a scaled amount with
    no unit takes the currency of the amount before it in its sentence."""
    units = [unit_of(m) for m in FIGURE.finditer(text, start, end)]
    money = [u for u in units if u is not None and u[0] == "money"]
    return money[-1] if money else None


def extract_figures(text: str, language: str) -> pl.DataFrame:
    """One row per figure: metric_code, value, unit, qualifier, subject, start, end, sentence."""
    if not isinstance(text, str) or not text.strip():
        return pl.DataFrame(schema=FIGURE_COLUMNS)
    return pl.DataFrame(figure_records(text, language), schema=FIGURE_COLUMNS)
