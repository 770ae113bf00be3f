"""Where a site is: the place words around a site word that name it or its region.

A town after «в» («технопарк в Саранске», checked by natasha's parse that the town hangs on the site
word), a town right after the site word («индустриальный парк Лыткарина»), "of" or "in" a registered
place ("the SEZ of Dubna"), the one zone of a region ("the SEZ in Mordovia"), a region after a
capitalised site noun («Промышленный парк Пензенской области»), and the word tests these rest on (a
plural, a place name, a sentence's start). Used by `transforms.intel.sites`.
"""

from __future__ import annotations

import re
from itertools import pairwise

from transforms.intel.lexicon.gazetteer import Token, cities, matcher, regions
from transforms.intel.lexicon.nlp_ru import is_plural, parses, reads_as
from transforms.intel.lexicon.site_registry import lookup, only_zone_in
from transforms.intel.lexicon.syntax_ru import hangs_on, head_of
from transforms.intel.lexicon.translit import has_cyrillic
from transforms.intel.mentions import sentence_of

PLACE_BREAK = re.compile(r"[,.;:\n]")


PLACE_BREAK_OF = re.compile(r"[,;:\n]|(?<!\b[A-Z][a-z])\.")  # "of St. Petersburg" goes on


RANKING = {"первый", "второй", "третий", "единственный", "крупнейший", "лучший", "очередной", "новый"}


def at_sentence_start(text: str, offset: int) -> bool:
    return sentence_of(text, offset)[0] == offset


def tokens_of(name: str) -> list[Token]:
    from transforms.intel.lexicon.gazetteer import tokenize

    return tokenize(name)


def plural(token: Token) -> bool:
    if has_cyrillic(token.text):
        return is_plural(token.text) and not token.text.isupper()
    low = token.text.lower()
    return low != token.norm and low.endswith("s") and not low.endswith(("is", "us", "ss"))  # technopolis


def in_town(text: str, tokens: list[Token], start: int, end: int, site_type: str) -> tuple[str, int] | None:
    """«резиденты ОЭЗ в Тольятти», «строительство технопарка в Саранске», «индустриального парка в городе
    Чебоксары»: one site word (singular), «в» (and «городе») and a town name the site when the town hangs on
    the site word in natasha's parse of the sentence, not on a verb or another noun («во время визита в
    Тольятти … ОЭЗ», «технопарк в Казани откроют»: where something happens, not the site's name). The
    registered site of the type the town's name names wins; else a town the gazetteer lists names the site by
    the town («технопарк в Саранске» is Саранск): a single site the press knows only by its town. A region is
    no town («парк в Бурятии» names none), nor is a plural a site («технопарки в Казани»). «Под» a town
    («индустриального парка под Челябинском») names the park by the town the same way."""
    if end + 1 >= len(tokens) or tokens[end].norm not in ("в", "во", "под") or plural(tokens[end - 1]):
        return None
    if not has_cyrillic(tokens[start].text):
        return None
    first = end + 2 if tokens[end + 1].norm == "город" else end + 1
    for last in (first + 1, first):
        words = tokens[first : last + 1] if last < len(tokens) else []
        if not words or not all(word.text[:1].isupper() and has_cyrillic(word.text) for word in words):
            continue
        if any(text[a.end : b.start].strip() for a, b in pairwise(words)):
            continue
        name = text[words[0].start : words[-1].end]
        named = name if lookup(name, site_type) is not None and is_place(name) else town_name(name)
        if named is None:
            continue
        if town_on_site(text, (tokens[start].start, tokens[end - 1].end), tokens[end + 1 : last + 1]):
            return named, words[-1].end
    return None


def town_on_site(text: str, site: tuple[int, int], town: list[Token]) -> bool:
    """The town (or «городе» before it) hangs on the site word in natasha's parse, or on the noun right before
    the site word that the site word hangs on («строительство технопарка в Саранске», «о появлении технопарка
    в Казани»: the parser hangs the place on the first noun of the phrase). A line break ends the sentence
    parsed: a headline without its full stop is not read into the next line."""
    at, stop = sentence_of(text, site[0])
    line_start, line_end = text.rfind("\n", at, site[0]), text.find("\n", site[1], stop)
    at, stop = (line_start + 1 if line_start >= 0 else at), (line_end if line_end >= 0 else stop)
    sentence = text[at:stop]
    head = (site[0] - at, site[1] - at)
    owner = head_of(sentence, head)
    if owner is not None and (
        sentence[owner[1] : head[0]].strip() or not reads_as(sentence[owner[0] : owner[1]], "NOUN")
    ):
        owner = None
    heads = [head] if owner is None else [head, owner]
    return any(hangs_on(sentence, (w.start - at, w.end - at), h) for w in town for h in heads)


_VERB = ("VERB", "INFN", "PRTS")
_QUOTED = re.compile(r"«([^«»\n]{2,60})»")
_NUMBER_BEFORE = re.compile(
    r"(?<![\w-])(?:\d[\d\s]*|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|оба|обе|несколько)"
    r"(?:[ \t\u00a0]+[а-яё]+){0,2}[ \t\u00a0]+$"
)
_IN_A_TOWN = re.compile(r"(?<![\w-])[вВ]о?[ \t\u00a0]+(?:городе[ \t\u00a0]+)?([А-ЯЁ][\w-]+)")


def town_of_verb(
    text: str, tokens: list[Token], start: int, end: int, site_type: str
) -> tuple[str, int] | None:
    """«В Челябинске появится индустриальный парк», «в Рыбинске планируют построить новый промышленный парк»,
    «ещё один технопарк заработал в Зеленограде»: a singular Russian park word (a technopark or an industrial
    park) that is the subject or the object of a verb (or of an infinitive hanging on it), with «в» and a
    town hanging on that verb in natasha's parse, is the site the press knows by that town (the convention
    for a site known by its town). The town must hang on the verb itself: «во время визита в Казани
    губернатор посетил технопарк» (the visit's place) and «презентация технопарка прошла в Казани» (the site
    word hangs on a noun) name none; nor does a count («сразу два промышленных парка»), a region's adjective
    («в Пермском крае») or a text that names a registered park of the type in quotes. The registered site of
    the type the town names wins, as after «в» right after the site word; a region of one word names the park
    by the region («Новый промпарк построят в Бурятии»: Бурятия), the convention of the blind splits."""
    if site_type not in ("technopark", "industrial_park"):
        return None  # a zone is made by decree and named; a cluster by its region's adjective
    noun = tokens[end - 1]
    if any(p.normal_form == noun.norm and p.tag.number == "plur" for p in parses(noun.text)):
        return None  # «привлекли в Подмосковье индустриальные парки»: парки of парк, not of the coat парка
    if not has_cyrillic(tokens[start].text) or plural(noun) or _counted(text, tokens[start].start):
        return None
    if any(lookup(quoted, site_type) is not None for quoted in _QUOTED.findall(text)):
        return None  # «… еще один технопарк. … экосистемы «Космос»»: the text names the site itself
    at, stop = _line_of(text, tokens[end - 1].start)
    sentence = text[at:stop]
    verbs = _verb_chain(sentence, (tokens[end - 1].start - at, tokens[end - 1].end - at))
    if not verbs:
        return None
    for match in _IN_A_TOWN.finditer(sentence):
        head = head_of(sentence, match.span(1))
        if head is None or head not in verbs:
            continue
        name = match.group(1)
        if reads_as(name, "ADJF"):
            continue  # «в Пермском крае»: a region's adjective
        named = name if lookup(name, site_type) is not None and is_place(name) else town_name(name)
        if (named := named or _region_name(name)) is not None:
            return named, tokens[end - 1].end
    return None


def _region_name(name: str) -> str | None:
    """A region named by one word, in its nominative («Бурятии» → Бурятия): a new park the press knows by its
    region, named as the labels name a site by its region."""
    words = tokens_of(name)
    if not any(i == 0 and j == len(words) for i, j, _ in matcher().find(words, {"region"})):
        return None
    found = parses(name)
    return found[0].normal_form.capitalize() if found else None


def _counted(text: str, offset: int) -> bool:
    """A number before the site word («в России появится 31 новый промышленный парк», «42 ОЭЗ»): a count."""
    return _NUMBER_BEFORE.search(text, max(0, offset - 40), offset) is not None


def _line_of(text: str, offset: int) -> tuple[int, int]:
    """The sentence around offset, cut at line breaks (a headline without its full stop ends at its line)."""
    at, stop = sentence_of(text, offset)
    line_start, line_end = text.rfind("\n", at, offset), text.find("\n", offset, stop)
    return (line_start + 1 if line_start >= 0 else at), (line_end if line_end >= 0 else stop)


def _verb_chain(sentence: str, word: tuple[int, int]) -> list[tuple[int, int]]:
    """The verbs the word hangs on, nearest first: its own verb and the verb that verb hangs on (парк →
    построить → планируют); empty when the word hangs on no verb."""
    chain: list[tuple[int, int]] = []
    head = head_of(sentence, word)
    while head is not None and len(chain) < 2 and any(reads_as(sentence[slice(*head)], g) for g in _VERB):
        chain.append(head)
        head = head_of(sentence, head)
    return chain


_PLANNED = re.compile(
    r"\b(?:build|built|building|builds|construct\w*|creat\w*|establish\w*|plan\w*|set\s+up|launch\w*|"
    r"develop\w*|open|opens|opening|to\s+be|will\s+be|would\s+be|proposed|future)\b[^.;:\n]{0,30}$",
    re.IGNORECASE,
)


def english_town_in(
    text: str, tokens: list[Token], start: int, end: int, site_type: str
) -> tuple[str, int] | None:
    """ "the technopark in Kazan", "a tech park in Naberezhnye Chelny": one English site word after "a",
    "an" or "the", then "in" and a town `reference/cities.csv` lists (the whole capitalised run, nothing
    capitalised after it: "in the Kaluga Region" is a region), names the site by the town, as the Russian
    «технопарк в Казани» does. English has no parse here, so only this surface: not after a verb of
    building or plans ("plans to build a technopark in Kazan", "a technopark will be built in Kazan": where
    one may be), not a plural, not a foreign city. Parks only (a zone in a town is one of the zone's sites:
    "the second site of the special economic zone in Borovsk"), and not a site word the registry lists as a
    name itself ("the IT-park in Kazan" is Kazan's registered IT Park)."""
    if site_type not in ("technopark", "industrial_park") or lookup(
        text[tokens[start].start : tokens[end - 1].end], site_type
    ):
        return None
    if start == 0 or tokens[start - 1].norm not in ("a", "an", "the") or has_cyrillic(tokens[start].text):
        return None
    if plural(tokens[end - 1]) or end + 1 >= len(tokens) or tokens[end].norm != "in":
        return None
    if _PLANNED.search(text, max(0, tokens[start].start - 60), tokens[start].start):
        return None
    for last in (end + 2, end + 1):
        words = tokens[end + 1 : last + 1]
        if last >= len(tokens) or not all(w.text[:1].isupper() for w in words):
            continue
        nxt = tokens[last + 1] if last + 1 < len(tokens) else None
        if nxt is not None and nxt.text[:1].isupper() and not text[words[-1].end : nxt.start].strip():
            return None  # "in Kaluga Region"
        name = text[words[0].start : words[-1].end]
        row = cities().get(name)
        if row is not None and row["region_iso"].startswith("RU-"):
            return name, words[-1].end
    return None


_ON_TOWN_TERRITORY = re.compile(
    r"[ \t\u00a0]+на[ \t\u00a0]+территории[ \t\u00a0]+города[ \t\u00a0]+([А-ЯЁ][\w-]+)\b"
)


def on_town_territory(text: str, tokens: list[Token], start: int, end: int) -> tuple[str, int] | None:
    """«индустриальный парк на территории города Буденновска»: one Russian site word (singular), then «на
    территории города» and a town, names the site by the town, as «в городе» does. The word «города» must be
    written out (a town, not a region's territory); a capitalised word after the town continues another
    name."""
    if not has_cyrillic(tokens[start].text) or plural(tokens[end - 1]):
        return None
    match = _ON_TOWN_TERRITORY.match(text, tokens[end - 1].end)
    if match is None or re.match(r"[ \t\u00a0]+[А-ЯЁ]", text[match.end() :]):
        return None
    named = town_name(match.group(1))
    return (named, match.end(1)) if named is not None else None


def town_name(name: str) -> str | None:
    """The town's own Russian name (nominative, as the gazetteer lists it) when the whole name is a town:
    «Саранске» → Саранск, «Набережных Челнах» → Набережные Челны."""
    tokens = tokens_of(name)
    for i, j, entry in matcher().find(tokens, {"city"}):
        if i == 0 and j == len(tokens) and entry.ident in cities():
            return cities()[entry.ident]["name_ru"]
    return _listed_town_parse(name) or geographic_name(name)


def _listed_town_parse(name: str) -> str | None:
    """«Челябинском»: the lemma is the adjective «челябинский», but a place-name parse (Geox) of the word is
    a town the gazetteer lists (Челябинск)."""
    if " " in name or not has_cyrillic(name):
        return None
    listed = {row["name_ru"].lower(): row["name_ru"] for row in cities().values() if row.get("name_ru")}
    found = (p.normal_form for p in parses(name) if "Geox" in p.tag.grammemes)
    return next((listed[form] for form in found if form in listed), None)


def geographic_name(name: str) -> str | None:
    """A town the gazetteer does not list, by pymorphy2's first parse as a place name (Geox), in its
    nominative and with its parts' capitals as written: «Рыбинске» → Рыбинск, «Комсомольске-на-Амуре» →
    Комсомольск-на-Амуре. One word only, and not a region or a country («Бурятии»)."""
    if " " in name or not has_cyrillic(name):
        return None
    found = parses(name)
    if not found or "Geox" not in found[0].tag.grammemes or any(matcher().find(tokens_of(name))):
        return None
    parts = zip(found[0].normal_form.split("-"), name.split("-"), strict=False)
    return "-".join(low.capitalize() if part[:1].isupper() else low for low, part in parts)


def town_after(text: str, tokens: list[Token], end: int) -> tuple[str, int] | None:
    """«индустриальный парк Лыткарина»: a town's name right after the site word names the site by its place,
    when pymorphy2 reads it first as a place name (Geox) in the genitive or nominative and the gazetteer does
    not list it as a region or a country («технопарк Татарстана» is a region's, no name), and no capitalised
    word continues it."""
    if plural(tokens[end - 1]) or any(t.norm in RANKING for t in tokens[max(0, end - 4) : end]):
        return (
            None  # «рейтинг технопарков России»; «первый индустриальный парк Солнечногорска»: a description
        )
    word = tokens[end]
    following = tokens[end + 1] if end + 1 < len(tokens) else None
    if following is not None and following.text[:1].isupper() and following.start == word.end + 1:
        return None
    found = parses(word.text)
    grammemes = set(found[0].tag.grammemes) if found else set()
    if "Geox" not in grammemes or not {"gent", "nomn"} & grammemes:
        return None
    if found[0].normal_form == "россия" or any(matcher().find([word], {"region", "country"})):
        return None
    return found[0].normal_form.capitalize(), word.end


def of_place(text: str, tokens: list[Token], end: int, site_type: str) -> tuple[str, int] | None:
    """ "the innovative SEZ of Dubna", "a special economic zone in Dubna": a place after "of" or "in" names
    the site when the registry lists a site of this type by that name ("a technopark in Kazan" is only where
    one is; "in the Kaluga Region" is a region). After "of" the place is the name's own, so an abbreviation's
    dot goes on in it ("the Technopark of St. Petersburg"); after "in" it does not ("a technopark in St.
    Petersburg" to be built is where one will be)."""
    if end >= len(tokens) or tokens[end].norm not in ("of", "in"):
        return None
    first = end + 2 if end + 1 < len(tokens) and tokens[end + 1].norm == "the" else end + 1
    if first >= len(tokens) or not tokens[first].text[:1].isupper() or has_cyrillic(tokens[first].text):
        return None
    for last in range(min(first + 3, len(tokens)) - 1, first - 1, -1):
        words = text[tokens[first].start : tokens[last].end]
        nxt = tokens[last + 1] if last + 1 < len(tokens) else None
        if nxt is not None and nxt.text[:1].isupper() and not text[tokens[last].end : nxt.start].strip():
            continue  # the name goes on: "Kaluga Region"
        breaks = PLACE_BREAK_OF if tokens[end].norm == "of" else PLACE_BREAK
        if not breaks.search(words) and lookup(words, site_type) is not None:
            return words, tokens[last].end
    return None


def the_zone_in_region(
    text: str, tokens: list[Token], start: int, end: int, site_type: str
) -> tuple[str, int] | None:
    """ "the SEZ in Mordovia", "the special economic zone in the Rostov region": the zone, with "the", in a
    region where the registry lists one zone only is that zone ("a special economic zone in the Kaluga Region"
    may be a new one: no name)."""
    if site_type != "sez" or start == 0 or tokens[start - 1].norm != "the" or plural(tokens[end - 1]):
        return None
    if end + 1 < len(tokens) and in_brackets(text, tokens[end - 1].end, tokens[end], tokens[end + 1].start):
        end += 1  # "the Special economic port zone (SEPZ) in Ulyanovsk Region"
    if end >= len(tokens) or tokens[end].norm != "in":
        return None
    first = end + 2 if end + 1 < len(tokens) and tokens[end + 1].norm == "the" else end + 1
    for i, j, entry in matcher().find(tokens[first : first + 4], {"region"}):
        if i == 0 and only_zone_in(entry.ident) is not None:
            last = tokens[first + j - 1]
            return text[tokens[first].start : last.end], last.end
    return None


def in_brackets(text: str, before: int, token: Token, after: int) -> bool:
    return text[before : token.start].strip() == "(" and text[token.end : after].strip() == ")"


def proper_regional(text: str, tokens: list[Token], start: int, end: int, site_type: str) -> tuple | None:
    """ "а также Промышленный парк Пензенской области": a capitalised site noun inside a sentence, followed
    by a region, is that region's own site, named after it, or the registry's entry when the registry lists
    the whole phrase (then at a sentence's start too: «Технопарк Санкт-Петербурга вошел в …»)."""
    if not tokens[start].text[:1].isupper() or not has_cyrillic(tokens[start].text):
        return None
    for i, j, entry in matcher().find(tokens[end : end + 4], {"region"}):
        if i == 0:
            span = (tokens[start].start, tokens[end + j - 1].end)
            whole = text[span[0] : span[1]]  # «Промышленно-логистический парк Новосибирской области»
            listed = lookup(whole, site_type, entry.ident) is not None
            if at_sentence_start(text, tokens[start].start) and not listed:
                return None  # «Технопарк Татарстана …» opening a sentence: any technopark of the region
            return whole if listed else regions()[entry.ident]["name_en"], span, None
    return None


def after_region(text: str, tokens: list[Token], end: int) -> int:
    """Where a site noun's phrase ends: after the region that follows it (парков Калужской области: «…»), not
    after a quoted name that happens to be a place (технопарков: «Москва», «Слава»)."""
    if end >= len(tokens) or text[tokens[end - 1].end : tokens[end].start].strip():
        return tokens[end - 1].end
    for i, j, _ in matcher().find(tokens[end : end + 4], {"region"}):
        if i == 0:
            return tokens[end + j - 1].end
    return tokens[end - 1].end


def is_place(name: str) -> bool:
    """The whole name is a place ("and Berlin"), not a name holding one («Технополис Москва»)."""
    tokens = tokens_of(name)
    places = matcher().find(tokens, {"region", "country", "city"})
    return any(i == 0 and j == len(tokens) for i, j, _ in places)


_SCHOOLS = {"университет", "институт", "академия"}
_OWN_NAME_AFTER = re.compile(r"[ \t\u00a0]*(?:[а-яё]+[ \t\u00a0]+)*[«\"“„]")


def university_after(text: str, tokens: list[Token], end: int, site_type: str) -> tuple[str, int] | None:
    """«технопарк Уральского федерального университета»: a technopark followed by a university's (an
    institute's, an academy's) name in the genitive, its first word capitalised, is named by the university in
    the nominative (Уральский федеральный университет), as the English splits name "the technopark of Moscow
    State University". A lower-case «технопарк университета» names none, nor does a school word first
    («Института инженерной физики») or a quoted name after the school (the park's own name)."""
    if site_type != "technopark" or end >= len(tokens) or not tokens[end].text[:1].isupper():
        return None
    for last in range(end, min(end + 4, len(tokens))):
        if tokens[last].norm in _SCHOOLS:
            break
    else:
        return None
    words = tokens[end : last + 1]
    if last == end or _OWN_NAME_AFTER.match(text, words[-1].end):
        return None  # «Технопарк Института инженерной физики «Техноинноватика»»: the park's own name follows
    if any(text[a.end : b.start] != " " for a, b in pairwise(words)) or not has_cyrillic(words[-1].text):
        return None
    head = next((p for p in parses(words[-1].text) if p.tag.case == "gent"), None)
    gender = _UD_GENDER.get(head.tag.gender) if head is not None else None
    nominative = [_nominative(word.text, gender) for word in words]
    if gender is None or None in nominative:
        return None
    name = " ".join(nominative)
    return name[:1].upper() + name[1:], words[-1].end


_UD_GENDER = {"masc": "Masc", "femn": "Fem", "neut": "Neut"}


def _nominative(word: str, gender: str) -> str | None:
    """A genitive singular word in its nominative, in the head noun's gender, as written in lower case."""
    for parse in parses(word):
        if parse.tag.case == "gent" and parse.tag.number == "sing":
            form = parse.inflect({"Nom", gender}) if parse.tag.POS == "ADJF" else parse.inflect({"Nom"})
            if form is not None:
                return form.word
    return None
