"""People: names found by natasha (Russian) or by given-name rules (English), one identity in both scripts.

The canonical name is the English spelling: the given name from reference/first_names.csv, the
surname transliterated (Cyrillic → Latin) or folded (Latin → Cyrillic → Latin), so Михаил Лабудин and
Mikhail Labudin, Алексей Лаптев and Alexey Laptev, meet.
"""

from __future__ import annotations

import re

from transforms.intel.lexicon.gazetteer import first_names, matcher, tokenize
from transforms.intel.lexicon.nlp_ru import (
    NerSpan,
    case_of,
    given_name_nominative,
    is_given_name,
    is_known_given_name,
    is_surname,
    lemma,
    parses,
    reads_as,
    surname_nominative,
)
from transforms.intel.lexicon.role_codes import role_code
from transforms.intel.lexicon.translit import fold_latin, to_cyrillic, to_latin
from transforms.intel.mentions import Mention, entity_key

NAME = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
# a given name and a surname on one line ("Rustam Minnikhanov\nFebruary 22" is one name and a date)
PERSON_EN = re.compile(rf"(?=\b({NAME})[ \t]+((?:[A-Z]\.[ \t]*)?{NAME}|[A-Z]{{3,}})\b)")
# capitalised words of a title-case headline or a date that are no name ("With The Governor Of The …")
_NOT_NAMES_EN = {
    "of", "the", "and", "for", "with", "in", "on", "at", "to", "by", "from", "as", "a", "an", "its", "his",
    "about", "after", "before", "into", "over", "under", "between", "through", "during", "against", "upon",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "far",
}  # fmt: skip
ROLE_WORDS_EN = (
    r"Governor|Vice-Governor|Mayor|Minister|Director|Director General|General Director|CEO|Chairman|"
    r"Chairwoman|Head|President|Prime Minister|Senator|Ambassador|Rector|Manager|Founder|Chief Executive"
)
# a title and its body's name right before a name: capitalised words and of, the, and, for between (not
# "Chairman of Russian Government Dmitry Medvedev with Interim President")
# and quoted names ("Director General of OAO “Tatneftekhiminvest-holding” Rafinat Yarullin")
_BODY_WORDS_EN = r"(?:[“\"«]?[A-Z][\w&’'-]*[”\"»]?|of|the|and|for)"
ROLE_BEFORE_EN = re.compile(
    rf"\b(?:{ROLE_WORDS_EN})(?:\s+of\s+{_BODY_WORDS_EN}(?:\s+{_BODY_WORDS_EN})*?)?,?\s+$"
)
_FEMININE_ENDINGS = (("овой", "ова"), ("евой", "ева"), ("ёвой", "ёва"), ("иной", "ина"), ("ской", "ская"))
_INSTRUMENTAL_J = re.compile(r"(?i)[аеёиоуыэюя]йем$")
_MASCULINE = re.compile(r"(?i)(.*(?:ов|ев|ёв|ин|ын))(?:а|у|ым|е)?$")


def _title(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def _person(start: int, end: int, surface: str, given: tuple[str, str], surname_ru: str) -> Mention:
    name_en = f"{given[0]} {_title(to_latin(surname_ru))}"
    name_ru = f"{given[1]} {_title(surname_ru)}"
    attrs = {"name_en": name_en, "name_ru": name_ru, "surname": lemma(surname_ru)}
    return Mention("entity", "person", start, end, surface, name_en, entity_key("person", name_en), attrs)


def _ru_surname(
    word: str, feminine: bool, nominative: bool = False, cases: frozenset[str] = frozenset()
) -> str:
    """The surname in the nominative; cases: those of the given name before it, which the surname shares
    («Султоном Рахимзодой»: the instrumental of Рахимзода). A man's surname in «-йем» after a vowel is the
    instrumental of one in «-й», whatever the given name's case («послом … Чжан Ханьхуэйем»: Ханьхуэй; a
    foreign given name is often left undeclined)."""
    if not feminine and _INSTRUMENTAL_J.search(word):
        return word[:-2]
    if nominative:
        return word
    if feminine:
        for ending, nominative in _FEMININE_ENDINGS:
            if word.lower().endswith(ending):
                return word[: -len(ending)] + nominative
    if not feminine and (masculine := _MASCULINE.fullmatch(word)):
        return masculine.group(1)
    found = surname_nominative(word, feminine)
    if found != word.lower():
        return found
    return (
        word if word.lower().endswith(("о", "их", "ых", "ко", "дзе", "швили")) else _noun_lemma(word, cases)
    )


def _noun_lemma(word: str, cases: frozenset[str]) -> str:
    """The dictionary form of a surname pymorphy2 does not know: its reading as a noun in a case of the given
    name (Эделя: эдель, not the gerund of a verb it guesses), else its first reading."""
    if cases == {"gent"} and re.search(r"[бвгджзклмнпрстфхцчшщ]а$", word.lower()):
        return word[:-1].lower()  # «главы района В. А. Функа»: Функ (pymorphy2 guesses a fleeting vowel)
    nouns = [p for p in parses(word) if p.tag.POS == "NOUN"]
    agreeing = [p for p in nouns if p.tag.case in cases] or nouns
    return agreeing[0].normal_form.replace("ё", "е") if agreeing else lemma(word)


def _with_surnames(spans: list[NerSpan]) -> list[NerSpan]:
    """PER spans where a name ending in a patronymic takes the surname natasha split off after it
    (Александра Валентиновича | Новака → one name); a patronymic with no surname after it names nobody."""
    people = [span for span in spans if span.kind == "PER"]
    merged: list[NerSpan] = []
    for span in people:
        last = merged[-1] if merged else None
        if last is not None and _ends_in_patronymic(last.text) and 0 < span.start - last.end <= 2:
            text = f"{last.text} {span.text}"
            merged[-1] = NerSpan("PER", last.start, span.end, text, f"{last.normal} {span.normal}")
            continue
        merged.append(span)
    # a surname pymorphy2 only guesses to be a patronymic is a surname: Аркадия Дворковича
    return [s for s in merged if not (len(s.text.split()) == 2 and _ends_in_patronymic(s.text, known=True))]


def _ends_in_patronymic(name: str, known: bool = False) -> bool:
    """The name's last word reads as a patronymic and not as a surname (known: as one pymorphy2's dictionary
    holds, Валентиновича, not one it guesses from the ending, Дворковича)."""
    words = name.split()
    if len(words) != 2 or reads_as(words[-1], "Surn"):
        return False
    return any("Patr" in p.tag and (p.is_known or not known) for p in parses(words[-1]))


def persons_ru(spans: list[NerSpan], text: str = "") -> list[Mention]:
    """Russian PER spans: full names become persons; a lone surname joins an earlier full name. The text
    the spans were found in tells a woman's name from a man's genitive by the title before it."""
    found: list[Mention] = []
    named: list[
        tuple[Mention, tuple[str, str], bool]
    ] = []  # full names: given name, written in the nominative
    extended = [_surname_before(span, text) for span in [*spans, *_initialled_spans(text, spans)]]
    # a surname natasha read as a span of its own, now inside the name it was joined to
    inside = {i for i, one in enumerate(extended) if any(_within(one, other) for other in extended)}
    for span in _with_surnames([span for i, span in enumerate(extended) if i not in inside]):
        words = span.text.split()
        if len(words) == 1 and (fused := _FUSED_INITIALS.fullmatch(words[0])):  # «А.И.Седовым»
            words = [fused.group(1), fused.group(2)]
        if _surname_first(words):  # «Иванов Петр Сергеевич», «на Элекчян Елену Феликсовну»
            words = [words[1], words[0]]
        if len(words) > 1 and _INITIALS.fullmatch("".join(words[:-1])):
            title_case = _title_case(text, span.start)  # «главы района В. А. Функа»: Функ
            found.append(_initialled(span, "".join(words[:-1]), words[-1], frozenset({title_case} - {None})))
            continue
        given = _ru_given(words[0]) if len(words) > 1 else None
        woman = len(words) > 1 and _feminine_nominative(words[0], words[-1], _title_case(text, span.start))
        if woman and _title_case(text, span.start) != "gent":
            given = first_names().get(words[0].lower()) or (to_latin(_title(words[0])), _title(words[0]))
        if given is not None and _title_case(text, span.start) == "gent":
            given = _genitive_given(words[0], given)  # «руководителя … Наиля Габбасова»: Наиль, not Наиля
        if given is not None:
            cases = frozenset(case_of(words[0]))
            if _after_instrumental_title(words[0], text, span.start):  # «председателем … Султоном Рахимзодой»
                given, cases = _declined_given(words[0], given, frozenset({"ablt"})), frozenset({"ablt"})
            feminine = given[1].endswith(("а", "я"))
            nominative = _is_nominative(words[0], given[1])
            surname = _ru_surname(words[-1], feminine, nominative, cases)
            found.append(_person(span.start, span.end, span.text, given, surname))
            named.append((found[-1], given, nominative and surname.lower() == words[-1].lower()))
        elif len(words) == 1 and not _after_abbreviation(text, span.start):
            found += _lone_surname(span, found)
    return _as_written_in_nominative(found, named)


def _as_written_in_nominative(found: list[Mention], named: list[tuple[Mention, tuple[str, str], bool]]):
    """A name whose surname pymorphy2 does not decline is read from its oblique forms by a guess («Игоря
    Руденю»: Рудень); the same given name with a surname of the same stem written in the nominative in the
    text («Им стал Игорь Руденя») is that person's, and its surname is his."""
    written = {
        m.attrs["name_ru"].split()[0]: m.attrs["name_ru"].split()[-1]
        for m, _, nominative in named
        if nominative
    }
    replaced = {}
    for mention, given, _ in named:
        surname = mention.attrs["name_ru"].split()[-1]
        own = written.get(given[1])
        if own is not None and own != surname and _same_stem(own, surname):
            replaced[id(mention)] = _person(mention.start, mention.end, mention.surface, given, own)
    return [replaced.get(id(m), m) for m in found]


def _same_stem(one: str, other: str) -> bool:
    """Two spellings of one surname in different cases: they differ only in their last two letters."""
    common = next(
        (i for i, (a, b) in enumerate(zip(one.lower(), other.lower(), strict=False)) if a != b),
        min(len(one), len(other)),
    )
    return common >= 4 and common >= max(len(one), len(other)) - 2


def _after_abbreviation(text: str, start: int) -> bool:
    """A lone word right after an abbreviation in capitals is that body's name, no surname («ИТМО
    Хайпарк»)."""
    return re.search(r"\b[А-ЯЁA-Z]{2,}\s+$", text[max(0, start - 20) : start]) is not None


_INITIALS = re.compile(r"(?:[А-ЯЁ]\.){1,2}")
# initials and a surname, with or without spaces: «В.Д.Волков», «А. И. Седовым», «В.Сверчков»
_INITIALLED = re.compile(r"(?<![\w.])((?:[А-ЯЁ]\.\s?){1,2})([А-ЯЁ][а-яё]{2,}(?:-[А-ЯЁ][а-яё]+)?)\b")
_FUSED_INITIALS = re.compile(r"((?:[А-ЯЁ]\.){1,2})([А-ЯЁ][а-яё]{2,}(?:-[А-ЯЁ][а-яё]+)?)")


def _initialled_spans(text: str, spans: list[NerSpan]) -> list[NerSpan]:
    """Names written as initials and a surname that natasha did not read as a person («Глава Мордовии
    В.Д.Волков», «генеральным директором … В.В.Якубой»): two initials before a capitalised word, or one
    before a word pymorphy2 reads as a surname or does not know — not inside a span natasha found."""
    found = []
    for match in _INITIALLED.finditer(text):
        if any(s.start < match.end() and match.start() < s.end for s in spans if s.kind == "PER"):
            continue
        initials, surname = match.group(1).replace(" ", ""), match.group(2)
        single = initials.count(".") == 1
        if single and not (reads_as(surname, "Surn") or not any(p.is_known for p in parses(surname)[:1])):
            continue
        start = match.start()
        found.append(NerSpan("PER", start, match.end(), match.group(0), f"{initials} {surname}"))
    return found


def _initialled(span: NerSpan, initials: str, surname: str, cases: frozenset[str] = frozenset()) -> Mention:
    """ "А. Иванов", "Б.В. Петрову": a surname after initials is a person known by them (A. Ivanov); cases:
    the case of the title before it, which a surname pymorphy2 does not know shares."""
    letters = initials.rstrip(".").split(".")
    given = (" ".join(f"{to_latin(letter)}." for letter in letters), initials)
    return _person(span.start, span.end, span.text, given, _ru_surname(surname, feminine=False, cases=cases))


def _feminine_nominative(given: str, surname: str, title_case: str | None = None) -> bool:
    """Алена Мезина: a woman's given name and surname, both in the nominative (not Ален's genitive); a
    surname that reads both ways (Лодвигова) is a woman's after a title in the nominative («заместитель
    главы … Евгения Лодвигова»)."""
    if not reads_as(given, "Name", "femn", "nomn"):
        return False
    if reads_as(surname, "Surn", "masc") and not (title_case == "nomn" and reads_as(surname, "Surn", "femn")):
        return False  # Виталия Шабалатова is Vitaly Shabalatov's genitive
    return surname.lower().endswith(("ова", "ева", "ёва", "ина", "ына", "ская", "цкая"))


_CLAUSE_WORDS = re.compile(r"[^.,;:!?«»()\"]*$")


def _within(one: NerSpan, other: NerSpan) -> bool:
    """one lies inside the longer span other."""
    return other.start <= one.start and one.end <= other.end and other.end - other.start > one.end - one.start


def _surname_first(words: list[str]) -> bool:
    """Surname, given name, patronymic, as decrees write a name: the second word a given name, the third a
    patronymic, the first a surname first (Иванов, not the genitive plural of Иван) or no given name."""
    return (
        len(words) == 3
        and reads_as(words[2], "Patr")
        and is_given_name(words[1])
        and (not is_given_name(words[0]) or "Surn" in parses(words[0])[0].tag)
    )


def _surname_before(span: NerSpan, text: str) -> NerSpan:
    """A given name and patronymic with the surname natasha left out right before them: «на Элекчян Елену
    Феликсовну» — a capitalised word inside the sentence that reads as no known word but a surname (not a
    place, not a title)."""
    words = span.text.split()
    if span.kind != "PER" or len(words) != 2 or not reads_as(words[1], "Patr"):
        return span
    before = re.search(
        r"(?<![.!?«\"]\s)(?<=\s)([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?) $",
        text[max(0, span.start - 40) : span.start],
    )
    if before is None or role_code(before.group(1)) is not None:
        return span
    word = before.group(1)
    if any(p.is_known and "Surn" not in p.tag for p in parses(word)[:1]):
        return span  # «в Москве Елена Петровна»: a known word
    start = span.start - len(word) - 1
    return NerSpan("PER", start, span.end, text[start : span.end], f"{word} {span.normal}")


def _declined_given(word: str, given: tuple[str, str], cases: frozenset[str]) -> tuple[str, str]:
    """A given name pymorphy2 does not know, read in the one oblique case of the title before it
    («председателем … Султоном Рахимзодой»: Султон), else as found."""
    if given[1].lower() != word.lower().replace("ё", "е"):
        return given  # a known given name, already in the nominative
    nominative = _title(_noun_lemma(word, cases))
    return (to_latin(nominative), nominative) if nominative.lower() != word.lower() else given


def _genitive_given(word: str, given: tuple[str, str]) -> tuple[str, str]:
    """After a title in the genitive, a given name that reads as a man's in the genitive is his (Наиля:
    Наиль's genitive, not the woman's name Наиля), the surname after it a man's."""
    parse = next((p for p in parses(word) if {"Name", "masc", "gent"} <= set(p.tag.grammemes)), None)
    if parse is None or parse.normal_form.lower() == given[1].lower():
        return given
    nominative = _title(parse.normal_form)
    return first_names().get(nominative.lower()) or (to_latin(nominative), nominative)


def _after_instrumental_title(given: str, text: str, start: int) -> bool:
    """The name stands in the instrumental after a title in the instrumental in its clause («с председателем
    … комитета … Султоном Рахимзодой»), its given name reading so too."""
    cases = frozenset(case_of(given))
    clause = _CLAUSE_WORDS.search(text[max(0, start - 240) : start])
    words = re.findall(r"[А-Яа-яЁё-]+", clause.group(0) if clause else "")[-14:]
    title = next((w for w in reversed(words) if role_code(w) is not None), None)
    instrumental = title is not None and reads_as(title, "ablt", "sing") and not reads_as(title, "nomn")
    return instrumental and "ablt" in cases


def _title_case(text: str, start: int) -> str | None:
    """The case of the title before the name in its clause: "gent" after a title in the genitive
    («первого заместителя гендиректора Александра Ряскова»: a man's name in the genitive, Александр
    Рясков), "nomn" after one in the nominative («директор компании Александра Ряскова»: a woman's,
    Александра Ряскова), None when no title stands there."""
    clause = _CLAUSE_WORDS.search(text[max(0, start - 100) : start])
    words = re.findall(r"[А-Яа-яЁё-]+", clause.group(0) if clause else "")[-6:]
    for i in reversed(range(len(words))):
        if role_code(words[i]) is not None:
            # «заместитель главы … Евгения Лодвигова»: the genitive completes the title word before it
            word = words[i - 1] if i > 0 and _heads_title(words[i - 1]) else words[i]
            verbs = any(reads_as(w, "VERB") or reads_as(w, "PRTS") for w in words[i + 1 :])
            if reads_as(word, "gent", "sing") and not reads_as(word, "nomn", "sing") and not verbs:
                return "gent"  # not «врио главы района стала Марина …»: the verb's subject
            return "nomn" if reads_as(word, "nomn", "sing") and not verbs else None  # «губернатор … назначил»
    return None


_DEPUTY_WORDS = {"заместитель", "помощник", "советник"}


def _heads_title(word: str) -> bool:
    """A title word another title in the genitive completes: «заместитель главы», «советник губернатора»."""
    return lemma(word) in _DEPUTY_WORDS or role_code(word) is not None


def _is_nominative(word: str, given_nominative: str) -> bool:
    """The given name stands in the nominative (Валентин, Алена): so does the surname after it."""
    return word.lower().replace("ё", "е") == given_nominative.lower().replace("ё", "е")


def _ru_given(word: str) -> tuple[str, str] | None:
    """(English, Russian) given name: from the reference list, else transliterated when it reads as one."""
    nominative = given_name_nominative(word)
    known = first_names().get(nominative.lower())
    if known is not None:
        return known
    if not word[:1].isupper() or not (is_given_name(word) or word.isalpha()):
        return None
    russian = _title(nominative)
    return to_latin(russian), russian


def _lone_surname(span: NerSpan, earlier: list[Mention]) -> list[Mention]:
    """A surname alone: the person named in full before, else a person known by the surname only
    ("— сказал Воробьёв"), when the word reads as a surname and not as a given name."""
    for person in earlier:
        if person.attrs["surname"] == lemma(span.text):
            return [Mention("entity", "person", span.start, span.end, span.text, person.canonical,
                            person.key, dict(person.attrs))]  # fmt: skip
    if not is_surname(span.text) or is_given_name(span.text):
        return []
    surname = _title(surname_nominative(span.text, feminine=False))
    name_en = _title(to_latin(surname))
    attrs = {"name_en": name_en, "name_ru": surname, "surname": lemma(surname)}
    return [Mention("entity", "person", span.start, span.end, span.text, name_en,
                    entity_key("person", name_en), attrs)]  # fmt: skip


def _en_given(word: str, text: str, start: int) -> tuple[str, str] | None:
    """A known given name (any Latin spelling), or any name right after a role word (Governor Radiy …)."""
    known = first_names().get(word.lower())
    if known is not None:
        return known
    if word.lower().endswith("i") and (spelt := first_names().get(word.lower() + "y")) is not None:
        return fold_latin(word), spelt[1]  # Vitali, Grigori: an -iy name spelt -i, kept as written
    if _is_place_word(word):
        return None  # "Head of … Development Agency Taliya Minullina": a body's word is no given name
    following = re.match(r"\s+(\w+)(?:\s+(\w+))?", text[start + len(word) :])
    if following and any(w and _given_name_like(w) for w in following.groups()):
        return None  # 'Minister of Economic Development Vladimir Popov', '… Trade Ravil Zaripov', '… Mass
        # Media Nikolay Nikiforov': the name starts later
    folded = fold_latin(word)
    if _BODY_JOINER_BEFORE.search(text, 0, start) and not is_known_given_name(to_cyrillic(word)):
        return None  # "Minister of Science and Higher Education", "of the State Enterprise": a body's words
    if _inside_body_name(word, text, start):
        return None  # "Chairman of the Federation of Independent Trade Unions of Russia Mikhail Shmakov"
    if ROLE_BEFORE_EN.search(text[max(0, start - 60) : start]) or is_known_given_name(to_cyrillic(word)):
        return folded, to_cyrillic(folded)  # a title before it, or a Russian given name (Vsevolod, Savely)
    return None


# a joining word of a body's name right before an unknown given name: "… and Family Welfare", "the State …"
_BODY_JOINER_BEFORE = re.compile(r"(?:^|\s)(?:and|&|of|the|for)[ \t]+$")
# two more capitalised words after an unknown given name: a body's name goes on, no "Given Surname" stands
_BODY_GOES_ON = re.compile(r"[ \t]+[A-Z][a-z]+[ \t]+[A-Z][a-z]+\b")


def _inside_body_name(word: str, text: str, start: int) -> bool:
    """An unknown given name followed by two more capitalised words: a body's name ("Independent Trade
    Unions of Russia")."""
    return not is_known_given_name(to_cyrillic(word)) and bool(_BODY_GOES_ON.match(text, start + len(word)))


def _given_name_like(word: str) -> bool:
    """A known given name in any Latin spelling, or a Russian given name in pymorphy2's dictionary (Ravil)."""
    return word.lower() in first_names() or (word[:1].isupper() and is_known_given_name(to_cyrillic(word)))


def persons_en(text: str) -> list[Mention]:
    """English 'Given Surname': a known Russian given name (any Latin spelling) or a name after a role."""
    found: list[Mention] = []
    for match in PERSON_EN.finditer(text):
        if found and match.start(1) < found[-1].end:
            continue  # "Rustam Minnikhanov": Minnikhanov starts no second name
        surname = match.group(2).split()[-1]
        if {match.group(1).lower(), surname.lower()} & _NOT_NAMES_EN:
            continue
        given = _en_given(match.group(1), text, match.start(1))
        if (
            given is None
            or _is_place_word(surname)
            or _patronymic_after_surname(text, match.start(1), surname)
        ):
            continue
        surname_ru = to_cyrillic(fold_latin(_title(surname)))
        start, end = match.start(1), match.end(2)
        found.append(_person(start, end, text[start:end], given, surname_ru))
    return found


# a capitalised word right before a given name, within the sentence: a surname written first
_WORD_BEFORE_EN = re.compile(r"(?<![.!?])\s[A-Z][a-z]+[ \t]+$")


def _patronymic_after_surname(text: str, start: int, word: str) -> bool:
    """A name in the decrees' order, surname first ("the Russians Alexei Yuryevich", Russkikh translated):
    the word after the given name is a patronymic (pymorphy2's dictionary, not a surname), no surname."""
    if not _WORD_BEFORE_EN.search(text, max(0, start - 40), start):
        return False
    cyrillic = to_cyrillic(fold_latin(word))
    return reads_as(cyrillic, "Patr") and not reads_as(cyrillic, "Surn")


_NOT_SURNAMES = {
    "oblast", "region", "krai", "territory", "city", "district", "province", "street", "avenue", "square",
    "prospekt", "highway", "federation", "republic", "department", "ministry", "committee", "agency",
    "service", "council", "board", "fund", "association", "union", "government", "administration", "office",
    "centre", "center", "corporation", "company", "group", "university", "institute", "chamber", "duma",
    "assembly", "commission", "directorate", "authority", "policy", "affairs", "relations", "development",
    # "Director General of Tomsk Special Economic Zone": a body's words after a title are no name
    "special", "economic", "zone", "industrial", "park", "cluster", "federal", "regional", "national",
    # "Interim President", "Acting Governor": a title is no surname
    "president", "governor", "minister", "chairman", "director", "mayor", "premier", "head",
}  # fmt: skip


def _is_place_word(word: str) -> bool:
    """Vladimir Oblast, Russian Federation, Business Support Department: the surname slot holds a place or
    body word, or a reference word."""
    if word.lower() in _NOT_SURNAMES or (word.endswith("s") and word.lower()[:-1] in _NOT_SURNAMES):
        return True  # their plurals too: "Trade Unions", "Industrial Parks"
    return any(True for _ in matcher().find(tokenize(word), {"site_type", "industry", "organization"}))
