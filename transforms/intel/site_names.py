"""Where a site's name stands, beyond "noun «Name»" and "Name noun": a type written out between the noun
and the name (ОЭЗ ППТ «Кольцо», особой экономической зоны промышленно-производственного типа «Липецк»),
a quoted name before the noun (“Ryazansky” Industrial Park), quoted names listed after a colon
(два индустриальных парка: «Северный» (…) и «Заречье» (…)) or a dash, names that hold the site word
themselves (Академпарк, Иннопарк, Технодолина: one capitalised word ending in -парк or -долина), an unquoted
Russian name after the noun (технопарк Эркон), and names the registry lists set off by a comma after the noun
or right before it (the first SEZ in Mordovia, Sistema; the Tura 2.0 industrial park)."""

from __future__ import annotations

import re

from transforms.intel.lexicon.gazetteer import Token, matcher, organizations, tokenize
from transforms.intel.lexicon.nlp_ru import case_of, parses, reads_as
from transforms.intel.lexicon.site_registry import lookup
from transforms.intel.lexicon.translit import has_cyrillic
from transforms.intel.mentions import sentence_of

# "(ОЭЗ)", "ППТ", "промышленно-производственного типа", "of the industrial production type",
# "регионального уровня", "в сфере высоких технологий"
TYPE_PHRASE = re.compile(
    r"(?:[ \t\u00a0]*\((?:ОЭЗ|ТОР|SEZ|ПОЭЗ|ОЭЗ ППТ)\))?"
    r"(?:[ \t\u00a0]+(?:ППТ|ТВТ|ПОЭЗ|ТРТ|PPT|IPT|TVT|TIT|"
    r"(?:промышленно-производственного|технико-внедренческого|портового|"
    r"туристско-рекреационного)\s+типа|регионального\s+уровня|в\s+сфере\s+высоких\s+технологий|"
    r"in\s+the\s+(?:sphere|field)\s+of\s+high\s+technolog(?:y|ies)|(?:of\s+(?:the\s+)?)?(?:industrial[\s-]+production|"
    r"industrial\s+and\s+production|technology[\s-]+(?:innovation|development)|technical[\s-]+innovation)\s+type))*"
)
# a quoted name (up to 100 characters: the cluster "Pharmaceutics, Medical Equipment and Information
# Technologies"), "named" or "called" allowed before it: a Special Economic Zone named ‘Center’,
# индустриальный парк с рабочим названием «Технополис Метмаш»; straight single quotes round a capitalised
# name too (Индустриальный парк 'Станкомаш')
_QUOTED = re.compile(
    r"[ \t\u00a0]*(?:(?:named|called|(?:под|с)[ \t\u00a0]+(?:(?:рабочим|условным)[ \t\u00a0]+)?названием)"
    r"[ \t\u00a0]+)?"
    r"(?:[«\"“„]([^»\"”“\n]{2,100})[»\"”“]|‘([^’\n]{2,100})’|'([A-ZА-ЯЁ][^'\n]{1,60})'(?!\w))"
)
# an English name without quotes after "named" or "called": an industrial park named Razvitie
_NAMED_BARE = re.compile(
    r"[ \t\u00a0]+(?:named|called)[ \t\u00a0]+([A-Z][a-z][\w-]*)(?![\w-]|[ \t\u00a0]+[A-Z])"
)
# \Z, not $: a headline's closing quote before a line break is no name of the next line's site word
_QUOTED_BEFORE = re.compile(r"[«\"“„‘]([^»\"”“’\n]{2,60})[»\"”“’][ \t\u00a0]*\Z")
_LIST_ITEM = re.compile(
    r"[ \t\u00a0]*(?:,|и|and|а\s+также|as\s+well\s+as)?[ \t\u00a0]*[«\"“„]([^»\"”“\n]{2,60})[»\"”“]"
    r"(?:[ \t\u00a0]*\([^)\n]{1,60}\))?"
)
# "парки: «…»", and a dash before a quoted name: "индустриальные парки – «Подгоренский», «Богучарский»"
_COLON = re.compile(r"[ \t\u00a0]*(?::|[–—][ \t\u00a0]*(?=[«\"“„]))")
_COMPOUND = re.compile(
    r"\b([А-ЯЁ][а-яё]{2,}(?:парк|долин)|[A-Z][a-z]{2,}(?:park|valley))(?:а|е|у|ом|ой|ы|ою)?\b"
)
_NOT_COMPOUND = {"технопарк", "промпарк", "агропарк", "агропромпарк", "technopark", "агротехнопарк", "долин"}
_ORG_AFTER = re.compile(
    r"[ \t\u00a0]+(?:[A-Z][\w-]*[ \t\u00a0]+)?(?:Board|Council|Committee|Fund|Association|Agency|Department|"
    r"Administration|Directorate|Authority|Union|Commission|Office|Observatory|Institute|Foundation|Forum|"
    r"Conference|Summit|Award|Programme|Program|Map|Portal|Rating|Ranking|Strategy|Policy|Report|"
    r"Centres?|Centers?)\b"
)
_OPENERS = "«„"
_CLOSERS = "»"
_EITHER = '"“”'


def quoted_after(text: str, end: int) -> tuple[str, int] | None:
    """(name, end of name) of a quoted name after the site noun, a written-out type allowed between."""
    typed = TYPE_PHRASE.match(text, end)
    match = _QUOTED.match(text, typed.end() if typed else end) or _NAMED_BARE.match(text, end)
    if match is None:
        return None
    group = next(i for i, value in enumerate(match.groups(), 1) if value is not None)
    return match.group(group).strip(" ."), match.end(group)


def quoted_before(text: str, start: int) -> tuple[str, int] | None:
    """(name, start of the quote) of “Name” right before the site noun: “Ryazansky” Industrial Park."""
    match = _QUOTED_BEFORE.search(text, max(0, start - 64), start)
    return (match.group(1).strip(" ."), match.start()) if match else None


def listed_after_colon(text: str, end: int, limit: int) -> list[tuple[str, tuple[int, int]]]:
    """Quoted names listed after "noun:" or "noun –", each with its span: «Северный» (Пенза) и «Заречье»
    (Заречный)."""
    colon = _COLON.match(text, end, limit) if end < limit else None
    if colon is None:
        return []
    found, at = [], colon.end()
    while (match := _LIST_ITEM.match(text, at, limit)) is not None:
        found.append((match.group(1).strip(" ."), match.span(1)))
        at = match.end()
    return found


def followed_by_body(text: str, end: int) -> bool:
    """A body follows, not a site name: "SEZ Investment Board", "Cluster Development Council"."""
    return _ORG_AFTER.match(text, end) is not None


def compound_names(text: str) -> list[tuple[str, int, int]]:
    """(name in the nominative, start, end) of the names that hold the site word: Академпарк (Академпарка),
    Технодолина (Технодолине), Akadempark."""
    return [
        (match.group(1) + ("а" if match.group(1).endswith("долин") else ""), match.start(), match.end())
        for match in _COMPOUND.finditer(text)
        if match.group(1).lower() not in _NOT_COMPOUND and not _dictionary_word(match.group(1))
    ]


def _dictionary_word(word: str) -> bool:
    """«Аквапарк» is a water park, a word of the dictionary: a kind of place, not a name holding the site word
    (Академпарк, Иннопарк are not in the dictionary)."""
    return has_cyrillic(word) and any(parse.is_known for parse in parses(word.lower())[:1])


def inside_quotes(text: str, offset: int, reach: int = 80) -> bool:
    """True when offset lies inside a quoted name that opened after a word on the same line: a site word
    there is part of an organisation's or a programme's name (компании «Индустриально-логистический парк», JSC
    "Special Economic Zones", программа «Создание … технопарков …»), not a site of its own. Quoted speech,
    opened after a colon, a dash or at the start of a sentence («Технопарк «Идея» откроется в мае», — сказал
    он), is not a name."""
    start = max(text.rfind("\n", 0, offset) + 1, offset - reach)
    for k in range(offset - 1, start - 1, -1):
        char = text[k]
        if char in _CLOSERS:
            return False
        if char in _OPENERS or (char in _EITHER and _opens(text, k)):
            return _after_word(text, k)
        if char in _EITHER:
            return False
    return False


def _opens(text: str, k: int) -> bool:
    """A straight or curly double quote opens a name when a space (or the line's start, or a bracket) is
    before it and a letter after it."""
    before = text[k - 1] if k > 0 else " "
    after = text[k + 1] if k + 1 < len(text) else " "
    return (before.isspace() or before in "([-—–") and after.isalnum()


def _after_word(text: str, k: int) -> bool:
    """The quote at k follows a word (компании «…», JSC "…"), not a colon, a dash or the start of a line."""
    before = text[:k].rstrip(" \t\u00a0")
    return bool(before) and before[-1].isalnum()


_LONG_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")


def title_case_line(text: str, offset: int) -> bool:
    """True when the line at offset is a headline in title case ("Technopolis Moscow Emerges as Russia's
    Largest Manufacturing Zone"): every Latin word of four letters or more capitalised, so a capital there
    says nothing about a name."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    words = _LONG_LATIN_WORD.findall(text[start : end if end >= 0 else len(text)])
    return len(words) >= 4 and all(word[0].isupper() for word in words)


_APPOSITION = re.compile(
    r"(?:[ \t]+(?:in|of)[ \t]+(?:the[ \t]+)?[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,2})?,[ \t]+"
    r"([A-Z][\w.-]*[\w](?:[ \t]+[A-Z0-9][\w.-]*[\w])?)(?=[\s,;.)]|$)"
)


_NOT_A_SITE_NAME = ("Name", "Surn", "Patr", "Orgn")


def bare_name_after(text: str, tokens: list[Token], end: int) -> tuple[str, int] | None:
    """«технопарк Эркон будет…», «действует технопарк Волга на Бору»: one unquoted capitalised Russian word
    right after the site word, read in the nominative (a name keeps it whatever the case of the word before
    it), that pymorphy2 reads as no person's name and no organisation, that the gazetteer knows as no place
    or organisation (технопарк Татарстана, кластер Минпромторга), and that is not the subject of the verb
    after it when the site word is in another case (в технопарке Минпромторг провёл…)."""
    if end >= len(tokens) or text[tokens[end - 1].end : tokens[end].start] not in (" ", "\u00a0"):
        return None
    word = tokens[end]
    if not has_cyrillic(word.text) or not word.text[:1].isupper() or word.text.isupper():
        return None
    if sentence_of(text, word.start)[0] == word.start or "nomn" not in case_of(word.text):
        return None
    if any(grammeme in parse.tag for parse in parses(word.text)[:3] for grammeme in _NOT_A_SITE_NAME):
        return None
    if any(matcher().find([word], {"region", "country", "city", "organization", "company"})):
        return None
    following = tokens[end + 1] if end + 1 < len(tokens) else None
    if following is not None and not text[word.end : following.start].strip():
        if following.text[:1].isupper():
            return None  # a longer name
        if reads_as(following.text, "VERB") and "nomn" not in case_of(tokens[end - 1].text):
            return None  # the subject of the verb, after a site word in another case
    return word.text, word.end


def registered_apposition(text: str, end: int, site_type: str) -> tuple[str, int] | None:
    """ "the first SEZ in Mordovia, Sistema": a name set off by a comma after the site word (and a place),
    when the registry lists it under this type."""
    match = _APPOSITION.match(text, end)
    if match is None or lookup(match.group(1), site_type) is None:
        return None
    return match.group(1), match.end(1)


def registered_before(text: str, tokens: list[Token], start: int, site_type: str) -> str | None:
    """ "the Tura 2.0 industrial park": up to three words right before the site word (a number among them)
    that the registry lists as a name of this type."""
    if start == 0 or text[tokens[start - 1].end : tokens[start].start].strip():
        return None  # «Калибр». Технопарк…: the word before ends another sentence
    for first in range(max(0, start - 3), start):
        words = text[tokens[first].start : tokens[start - 1].end]
        if words[:1].isupper() and not any(c in words for c in ',;:()\n«»"') and lookup(words, site_type):
            return words
    return None


# one listed name: capitalised words (a hyphen or a number inside), quoted or not
_LISTED_NAME = r"[«\"“„]?([A-ZА-ЯЁ][\w.&-]*\w(?:[ \t][A-ZА-ЯЁ0-9][\w.&-]*\w)?)[»\"”“]?"
_LIST_SEPARATOR = r"(?:,[ \t]*(?:and[ \t]+|и[ \t]+)?|[ \t]+(?:and|и)[ \t]+)"
_PAREN_LIST = re.compile(rf"[ \t\u00a0]*\(({_LISTED_NAME}(?:{_LIST_SEPARATOR}{_LISTED_NAME})+)\)")
_VERB_LIST = re.compile(
    r"(?:[ \t\u00a0]+of[ \t]+the[ \t]+(?:region|country|city|republic))?"  # "parks of the region, namely …"
    rf"[ \t\u00a0]*(?:,[ \t]*)?(?:are|include|such[ \t]+as|namely|[–—])[ \t\u00a0]+"
    rf"({_LISTED_NAME}(?:{_LIST_SEPARATOR}{_LISTED_NAME})*[ \t]+(?:and|и)[ \t]+{_LISTED_NAME})(?=[\s.,;:)]|$)"
)
_ONE_NAME = re.compile(_LISTED_NAME)
_NAME_LIST = re.compile(rf"{_LISTED_NAME}(?:{_LIST_SEPARATOR}{_LISTED_NAME})*")
# "such facilities as ELMA and POLYUS", «такие площадки, как «Слава» и «Полюс»»
SUCH_AS = re.compile(
    r"\bsuch[ \t]+(?:facilities|sites|objects|venues)[ \t]+as[ \t]+"
    r"|(?<![\w-])таки[ех][ \t]+(?:площадк[\w]*|объект[\w]*)[ \t]*,?[ \t]+как[ \t]+",
    re.IGNORECASE,
)


def names_in_list(text: str, start: int, limit: int) -> list[tuple[str, tuple[int, int]]]:
    """The capitalised or quoted names listed from start on ("ELMA and POLYUS", «Слава» и «Полюс»)."""
    match = _NAME_LIST.match(text, start, limit)
    if match is None:
        return []
    return [(item.group(1), item.span(1)) for item in _ONE_NAME.finditer(text, match.start(), match.end())]


def names_listed_after(text: str, end: int, limit: int) -> list[tuple[str, tuple[int, int]]]:
    """Names listed after a plural site word, each with its span: "Four industrial parks (Vorsino,
    Kaluga-Yug, Rosva, Grabcevo)", "the largest technoparks are ELMA, Slava and Polyus", "the oldest
    industrial parks of the region, namely Grabtsevo, Vorsino, Rosva and Kaluga-Yug". Two names at least:
    one word in brackets is as often an abbreviation or a place."""
    match = _PAREN_LIST.match(text, end, limit) or _VERB_LIST.match(text, end, limit)
    if match is None:
        return []
    return [(item.group(1), item.span(1)) for item in _ONE_NAME.finditer(text, match.start(1), match.end(1))]


_ARE = re.compile(r"[ \t\u00a0]+(?:are|include)[ \t\u00a0]+")
# "Vorsino in Kaluga Region", "“Sheksna” in Vologda Region": a name, quoted or not, with its place after it
_PLACED_ITEM = re.compile(
    r"(?:the[ \t]+)?[«\"“„]?([A-Z][\w.&-]*\w(?:[ \t][A-Z][\w.&-]*\w){0,3})[»\"”“]?"
    r"(?:[ \t]+in[ \t]+(?:the[ \t]+)?[A-Z][\w-]*(?:[ \t][A-Z][\w-]*){0,2})?"
)
_ITEM_SEPARATOR = re.compile(r",[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+")


def names_placed_after(text: str, end: int, limit: int) -> list[tuple[str, tuple[int, int]]]:
    """Names listed after "parks are", each with its place after it: "the largest operating parks are Vorsino
    in Kaluga Region, “Sheksna” in Vologda Region, …" (two names at least)."""
    are = _ARE.match(text, end, limit)
    if are is None:
        return []
    found, at = [], are.end()
    while (item := _PLACED_ITEM.match(text, at, limit)) is not None:
        found.append((item.group(1), item.span(1)))
        if (separator := _ITEM_SEPARATOR.match(text, item.end(), limit)) is None:
            break
        at = separator.end()
    return found if len(found) > 1 else []


_LEGAL_FORMS = {"ООО", "ОАО", "ЗАО", "ПАО", "АО", "НИИ", "ИП", "ГУП", "МУП", "АНО", "ФГУП", "РФ"}


def abbreviation_after(text: str, tokens: list[Token], end: int) -> tuple[str, int] | None:
    """«Технопарк ЦАГИ из Жуковского», «технопарк МФТИ»: an upper-case Russian abbreviation right after the
    word технопарк names the technopark after its institute, unless it is a legal form, a place, a site word
    or a government body (технопарк РФ, технопарк ОЭЗ, технопарк Минпромторга)."""
    if end >= len(tokens) or text[tokens[end - 1].end : tokens[end].start] not in (" ", "\u00a0"):
        return None
    word = tokens[end]
    if not (has_cyrillic(word.text) and word.text.isupper() and 3 <= len(word.text) <= 6):
        return None
    if word.text in _LEGAL_FORMS:
        return None
    for _, _, entry in matcher().find([word], {"region", "country", "city", "site_type", "organization"}):
        if entry.kind != "organization" or organizations()[entry.ident]["entity_type"] == "government_body":
            return None
    return word.text, word.end


_LATIN_WORD = r"[A-Z][A-Za-z0-9&-]*[A-Za-z0-9]"
_LATIN_RUN = re.compile(
    rf"[ \t\u00a0]+((?:{_LATIN_WORD}[ \t])*{_LATIN_WORD})(?:[ \t]([А-ЯЁ][а-яё]+))?(?=[\s,.;:)]|$)"
)


_NOT_SITE_NAMES = {"company", "organization", "region", "country", "city", "industry", "site_type"}


def latin_name_after(text: str, tokens: list[Token], end: int) -> tuple[str, int] | None:
    """«промышленного парка Industrial City Коледино», «технопарк Sber Tech»: capitalised Latin words right
    after a Russian site word name the site (a Russian place name after them included), unless they begin a
    company's or an organisation's name the gazetteer knows (в технопарке Huawei открыла…)."""
    if not has_cyrillic(tokens[end - 1].text):
        return None
    match = _LATIN_RUN.match(text, tokens[end - 1].end)
    if match is None or len(match.group(1).split()) > 4:
        return None
    words = [token for token in tokens[end:] if token.start < match.end(1)]
    if any(i == 0 for i, _, _ in matcher().find(words, _NOT_SITE_NAMES)):
        return None
    return match.group(0).strip(), match.end()


# «технопарк высоких технологий (IQ-парк)»: a name holding the park word in brackets after the site word's
# lower-case words
_BRACKETED = re.compile(r"(?:[ \t\u00a0]+[а-яё]+){0,4}[ \t\u00a0]*\(([A-ZА-ЯЁ][\w]*-(?:парк|park))\)")


def bracketed_park_name(text: str, end: int, site_type: str) -> tuple[str, int] | None:
    """(name, end) of a park's name in brackets after its site word: «технопарк высоких технологий
    (IQ-парк)». Only a name made of a word and the park word (not the site word alone: «(IT-парк)» is the
    kind's other name)."""
    if site_type not in ("technopark", "industrial_park"):
        return None
    match = _BRACKETED.match(text, end)
    if match is None:
        return None
    tokens = tokenize(match.group(1))
    if any(i == 0 and j == len(tokens) and e.kind == "site_type" for i, j, e in matcher().find(tokens)):
        return None
    return match.group(1), match.end(1)
