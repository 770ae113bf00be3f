"""People's roles: 'Deputy Governor Vladimir Popov', 'Mikhail Labudin, Director of the Association …',
'губернатор Владислав Шапша', 'директор Ассоциации … Андрей Шпиленко' — the title and the body it is in."""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import pairwise

from transforms.intel.appointments import name_cases, proposed_post, title_holders
from transforms.intel.lexicon.nlp_ru import case_of, is_known_given_name, is_plural, is_preposition, is_verb
from transforms.intel.lexicon.role_codes import normalised_title, role_code
from transforms.intel.lexicon.translit import has_cyrillic
from transforms.intel.mentions import Mention, sentence_of
from transforms.intel.titles.demonstrative import posts_named_before
from transforms.intel.titles.earlier import named_before
from transforms.intel.titles.former import is_former, left_post
from transforms.intel.titles.later import named_after
from transforms.intel.titles.possessive import possessive_deputies
from transforms.intel.titles.region import adjective_regions, region_by_adjective, regions_by_adjective
from transforms.intel.titles.scope import complement, earlier_complement, heads_ministry
from transforms.intel.titles.syntax import leaves_post, parsed_titles

TITLE_EN = (
    # "Deputy Economic Development Minister": a deputy's title with the ministry's capitalised words inside
    r"(?:(?:first|acting)\s+)*(?:deputy|vice)\s+(?-i:(?:[A-Z][a-z]+\s+){1,3})minister|"
    r"(?:(?:first|acting)\s+)*(?:(?:deputy|vice|pro)[\s-]+|deputies\s+of\s+(?:the\s+)?(?:[\w’']+\s+)?)?(?:governor|mayor|prime\s+minister|premier|minister|"
    # "Chairman of Russian Government", "Head of the Tatarstan Government"
    r"(?:head|chairman)\s+of\s+(?:the\s+)?(?-i:[A-Z][a-z]+\s+)?government|"
    r"director(?:[\s-]+general)?|general\s+director|ceo|chief\s+executive(?:\s+officer)?|chairman|chairwoman|head|"
    r"chief\s+of\s+staff|"  # "Chief of Staff of the Presidential Executive Office": its head
    r"president|senator|rector|managing\s+director|founder|ambassador|speaker|envoy|member|"
    r"(?:authorized|plenipotentiary)\s+representative|"
    r"rais(?=\s+(?:\(head\)\s+)?of\b))s?"  # "the Rais (Head) of Tatarstan": Rais is a given name too
)
TITLE_RU = (
    # «и.о. первого заместителя»: acting, abbreviated
    r"(?:(?:перв[а-я]+|врио|и\.\s?о\.|временно\s+исполняющ[а-я]+\s+обязанности|исполняющ[а-я]+\s+обязанности)\s+)*"
    # «заместитель прежнего губернатора», «заместителя врио губернатора»: at most two adjectives in the
    # genitive between
    r"(?:(?:заместител[а-я]+|зам\.|вице[\s-]+)\s*(?:(?:[а-яё]+(?:ого|его|ой|ей)|врио|и\.\s?о\.)\s+){0,2})?"
    r"(?:председател[а-я]+\s+правительства|глав[аеуыой]+\s+правительства|премьер[а-я]*(?:-министр[а-я]*)?|"
    r"полномочн[а-я]+\s+представител[а-я]+(?:\s+президента)?|"
    # «зам» fused with a title: замминистра, замгубернатора, заммэра, замглавы, замдиректора, замруководителя
    r"губернатор[а-я]*|министр[а-я]*|гендиректор[а-я]*|"
    r"зам(?:министр|губернатор|мэр|глав|директор|руководител|начальник|гендиректор)[а-я]*|"
    r"генеральн[а-я]+\s+директор[а-я]*|управляющ[а-я]+\s+директор[а-я]*|директор[а-я]*|мэр[а-я]*|глав[аеуыой]|главой|глав(?:ами|ам|ах)|председател(?!ьств)[а-я]+|"
    # посол in its forms but «после» (the preposition "after" far more often than the prepositional)
    r"руководител[а-я]+|начальник[а-я]*|президент[а-я]*|сенатор[а-я]*|проректор[а-я]*|ректор[а-я]*|посл[ау]|послом|посол|"
    r"полпред[а-я]*|спикер[а-я]*|вице-спикер[а-я]*|градоначальник[а-я]*|зампред[а-я]*|(?:со)?учредител[а-я]*|"
    r"(?-i:раис(?:а|у|ом|е)?)|"  # the head of Tatarstan, lower case (Раис is a given name)
    r"(?-i:Раис(?:а|у|ом|е)?(?=\s+(?:Татарстан|Республики\s+Татарстан|РТ)))|"  # capitalised, with its land
    r"городск[а-я]+\s+голов(?:а|ы|е|у|ой)|"  # «Городского Головы Калуги»: the head of a town
    r"возглав(?:ля|и)[а-яё]*|"  # a title given by the verb: «Максут Шадаев, возглавляющий Министерство …»
    # «врио Ярославской области»: the acting governor, the title's word left out
    r"врио(?=\s+[а-яё]+(?:ой|ого)\s+(?:област|кра)[а-яё]*)|"
    r"член[а-я]*\s+(?:комитета\s+)?совета\s+федерации|член[а-я]*)"
)
_TITLE = re.compile(rf"(?i)\b({TITLE_EN}|{TITLE_RU})\b")
# "глава республики", "руководитель региона", "Head of the Region": the head of a region by a common noun
# «глава администрации области»: the head of a region's administration is the head of the region
_OF_REGION = re.compile(
    r"(?i)\s*(?:(?:of\s+)?(?:the\s+)?(?:region|republic|oblast|krai)\b|(?:администрации\s+)?(?:республики|"
    r"региона|области|края|субъекта)\b)"
)
# "Igor Petrishenko, Extraordinary and Plenipotentiary Ambassador of …": capitalised words may open it
_AFTER = re.compile(
    rf"(?i)^\s*[,–—-]\s*(?:the\s+|an?\s+)?(?:(?-i:[A-Z][a-z]+)\s+(?:and\s+)?){{0,3}}?({TITLE_EN}|{TITLE_RU})\b"
)
# a second title after the first one's phrase: "X, director of A and chairman of B", "Иванов, министр
# экономики и губернатор …", "Alexander Uvarov, the pro-rector for …, the director of the Institute …", "X,
# a member of the Association – Director of the Kaluga SEZ" (the dash starts a new title)
_NEXT_AFTER = re.compile(
    rf"(?i)(?:\s*,\s*|\s+(?:and|и)\s+|\s*[–—-]\s+)(?:the\s+|an?\s+)?({TITLE_EN}|{TITLE_RU})\b"
)
_TITLE_START = re.compile(rf"(?i)\s*(?:the\s+|a\s+)?({TITLE_EN}|{TITLE_RU})\b(.*)$", re.S)
_PHRASE_STOP = re.compile(rf"(?i)[,;.–—()]|\s-\s|\s(?:and|и)\s+(?:the\s+|a\s+)?(?:{TITLE_EN}|{TITLE_RU})\b")
# the comma that ends a title joined to the next one ("председатель Совета ректоров Петербурга, ректор …")
_COMMA_END = re.compile(r"\s*,\s*(?:the\s+)?$")
# a body's name: capitalised words (БРИКС+), quoted names (their closing quotes too: «… Тюменской области»),
# of, the
_GAP_WORD = re.compile(r"(?:[A-ZА-ЯЁ«\"“][\w’'&.«»\"“”+-]*|of|the|and|for|,|[а-яё][а-яё-]*[»\"”]*)")
Found = tuple[str, "Mention | None", int, int]  # title, body, where the title ends, where its words end
_BODIES = {"organization", "government_body", "company", "region", "site"}
_NOT_BODY = {
    "said", "says", "told", "tells", "is", "was", "were", "are", "has", "had", "have", "will", "would", "met",
    "meets", "spoke", "noted", "added", "stated", "that", "who", "which", "when", "where", "with", "by", "to",
    "from", "at", "on", "in", "as",
}  # fmt: skip


# a title's English gloss in brackets: "Rais (Head)"
_GLOSS = re.compile(r"^\s*\((?i:head|president|chairman|governor)\)")
_ABBREVIATION = re.compile(r"\([A-ZА-ЯЁ][A-ZА-ЯЁ0-9 .&-]{0,15}\)")
# a dash between a title's words and the name, in a list of officials («министр … Саратовской области –
# Максим Шихалов»)
_DASH_BEFORE_NAME = re.compile(r"\s[–—-]\s*$")


def _gap_ok(gap: str) -> bool:
    """Between a title and a name only a body's name may stand (capitalised words, of, the, Russian words;
    after "of" or "for", lower-case English words too: "the acting head of the city administration Pavel
    Smirnov", "minister for information technology and communication Leonid Reiman")."""
    gap = _DASH_BEFORE_NAME.sub("", gap)  # «директор департамента … области – Леонид Остроумов»
    gap = _GLOSS.sub(" ", gap)  # "the Rais (Head) of Tatarstan Rustam Minnikhanov"
    words = gap.replace(",", " , ").split()
    if len(words) > 16:
        return False
    if words[:1] in (["of"], ["for"]) or has_cyrillic(gap):  # a body's abbreviation in brackets: "of …
        words = _ABBREVIATION.sub(" ", gap).replace(",", " , ").split()  # zone (IP SEZ) JSC", «зоны (ОЭЗ)»
    if words[:1] in (["of"], ["for"]) and "," not in words and len(words) <= 10:
        return all(_gap_word_en(words, i) for i in range(len(words)))
    if _PLACE_EN.fullmatch(gap.strip()):
        return True  # "Russia's Ambassador in Turkey Andrey Karlov", "Ambassador to the Vatican"
    if any(w.islower() and is_verb(w) for w in words):
        return False  # a verb ends the title's clause: «Глава республики поблагодарил Владимира Путина»
    if _TIME_BREAK.search(gap):
        return False  # «… главы Минэка с августа после ухода в отставку Зои Астанковой»: a time, not a body
    return all(_GAP_WORD.fullmatch(w) for w in words)


# a preposition of time opens a phrase of its own, no body's name
_TIME_BREAK = re.compile(r"(?i)(?<![\w-])(?:после|перед|накануне)(?![\w-])")
# a country or town an English title is held in or to: "in Turkey", "to the Russian Federation"
_PLACE_EN = re.compile(r"(?:in|to)\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s*){1,3}")


def _gap_word_en(words: list[str], i: int) -> bool:
    """A word of an English body's name after "of": capitalised, lower case but no verb or preposition, or
    "on" before a capitalised word ("the State Council Commission on Industry")."""
    word = words[i]
    if _GAP_WORD.fullmatch(word) or (word.isascii() and word.isalpha() and word not in _NOT_BODY):
        return True
    return word == "on" and i + 1 < len(words) and words[i + 1][:1].isupper()


def _body(bodies: list[Mention], start: int, end: int, text: str) -> Mention | None:
    """The first body (organisation, company, region, site) mentioned between start and end; a region after
    a capitalised Russian word is inside that body's name («генеральный директор Корпорации развития
    Приморского края»: not the head of the region)."""
    i = bisect_left([m.start for m in bodies], start)
    found = bodies[i] if i < len(bodies) and bodies[i].start < end else None
    if found is not None and found.kind == "region" and _CAPITALISED_RU.search(text, start, found.start):
        return None
    return found


_CAPITALISED_RU = re.compile(r"\b[А-ЯЁ][а-яё]{2,}")


def _role_before(
    text: str, person: Mention, mentions: list[Mention], people: list[Mention]
) -> tuple[list[Found], int] | None:
    """The title nearest before the name with only a body's name between them (and no other person: a
    title is the next name's), joined to the titles dashed before it; the last of the dashed titles is held
    too when its code differs («первый заместитель генерального директора — директор Блока по развитию»:
    deputy general director and director). Where the first title starts."""
    line_start = text.rfind("\n", 0, person.start) + 1  # a headline without a stop ends at its line
    window_start = max(sentence_of(text, person.start)[0], person.start - 160, line_start)
    window = text[window_start : person.start]
    others = [p for p in people if window_start <= p.end <= person.start and p is not person]
    if _after_preposition(window):
        return None  # «первым замминистра … при Вячеславе Шпорте»: the preposition's object holds no title
    for match in reversed(list(_TITLE.finditer(window))):
        gap = window[match.end() :]
        between = [p for p in others if p.start >= window_start + match.end()]
        if between and not (_plural(match.group(1)) and _listed(text, between, person)):
            return None
        after_colon = (
            False  # «пять заместителей председателя правительства: Сергей …»: a list in the nominative
        )
        if _plural(match.group(1)):  # "Deputy Governors Artem Nikitin and …", «зампредами – Александром …»
            to_list = window[match.end() : between[0].start - window_start] if between else gap
            gap, after_colon = _LIST_OPENS.sub("", to_list), _COLON_END.search(to_list) is not None
        if not between and _plural(match.group(1)) and not _list_follows(text, person, people):
            continue  # "Chairman of the Board of Directors of … Albert Karimov": Directors is not his title
        if _inside_name(window, match):
            continue  # "руководителя Администрации Президента РФ Сергея Иванова": he heads the Administration
        acting = _AFTER_ACTING.search(window[: match.start()]) is not None  # its genitive is the acting's
        disagrees = not acting and not after_colon and _case_disagrees(match.group(1), person)
        governed = _governed_apart(text, window[: match.start()], match, person)
        if disagrees or governed or _object_of_preposition(window[: match.start()], match, person):
            continue  # «полпред Президента в ПФО Игорь Комаров»: Президента completes the envoy's title
        if gap.rstrip().endswith(",") and _name_before(text, window_start + match.start(), people):
            return None  # "with Anatoly Artamonov, Governor of Kaluga Region, Vladimir Semashko highlighted"
        if _gap_ok(gap.rstrip(" ,")):
            taken = [p.start - window_start for p in others]
            start = _joined_start(window, match.start(), taken)
            title_end = window_start + match.end()
            body = _body(mentions, title_end, person.start, text)
            roles = [(window[start : match.end()], body, title_end, person.start)]
            if start < match.start() and role_code(roles[0][0]) != role_code(match.group(1)):
                roles.append((match.group(1), body, title_end, person.start))  # «… — директор Блока …»
            return roles, window_start + start
    return None


_LAST_WORD_RU = re.compile(r"(?<![\w-])([а-яё]+)\s+$")


def _after_preposition(window: str) -> bool:
    """A Russian preposition stands right before the name («при», «с», «для»): the name is its object."""
    last = _LAST_WORD_RU.search(window)
    return last is not None and is_preposition(last.group(1))


_NAME_WORD = re.compile(r"[A-ZА-ЯЁ][a-zа-яё-]+")


def _inside_name(window: str, match: re.Match) -> bool:
    """The title word is part of a body's name: in the genitive after a capitalised word ("Администрации
    Президента", "им. Первого Президента России"), or after "of (the)" in English ("the Administration of
    the President")."""
    before = window[: match.start()].rstrip()
    previous = re.search(r"(\S+)$", before)
    if previous is None:
        return False
    title = match.group(1).split()[0]
    if not has_cyrillic(title):  # "the Administration of the President", not "a meeting of Chairman …"
        return re.search(r"\b[A-Z][\w’'-]*\s+of(?:\s+the)?$", before) is not None
    word, earlier = previous.group(1), before[: previous.start()].rstrip()
    if not _NAME_WORD.fullmatch(word) or not earlier or earlier[-1] in ".!?":
        return False  # "Приказом первого замминистра": the sentence's first word; "Мантурова, заместителя"
    return not _TITLE.fullmatch(word) and "gent" in case_of(title)


def _case_disagrees(title: str, person: Mention) -> bool:
    """A Russian title and the name after it stand in no common case (pymorphy2): the title word is another
    title's complement («полпред Президента … Игорь Комаров», «представителем президента»), not the name's
    apposition («губернатора … Сергея Жвачкина»)."""
    first = title.split()[0]
    if not has_cyrillic(first) or not has_cyrillic(person.surface) or _FUSED_DEPUTY.match(first):
        return False
    title_cases, cases = case_of(first), name_cases(person)
    # a complement stands in the genitive; a title in another case is the name's, even if mistyped
    # («Генеральным директором ОЭЗ … Ренат Халимов рассказал»)
    return "gent" in title_cases and bool(cases) and not title_cases & cases


# «и. о. вице-губернаторов Алексеем Суховым, Павлом Серебряковым»: the title in the genitive after «acting»
_AFTER_ACTING = re.compile(r"(?i)(?:\bи\.\s?о\.|\bврио|\bобязанност[ьи])\s*$")


def _governed_apart(text: str, before: str, match: re.Match, person: Mention) -> bool:
    """A Russian title after a preposition stands in a case the name after it does not, and the name is the
    subject of the verb after it («На встрече с главой государства Слюсарь рассказал»): the title is the
    preposition's object, the name the next clause's."""
    first = match.group(1).split()[0]
    previous = re.search(r"([а-яё]+)\s*$", before)
    if previous is None or not has_cyrillic(person.surface) or not is_preposition(previous.group(1)):
        return False
    verb = re.match(r"\s*([а-яё]+)", text[person.end :])
    if verb is None or not is_verb(verb.group(1)):
        return False  # «во главе с Заместителем Директора … господином Лань Юйцзе»: a foreign name's case
    cases, title_cases = name_cases(person), case_of(first)  # «врио» does not decline: no case to compare
    return bool(cases) and bool(title_cases) and not title_cases & cases


def _object_of_preposition(before: str, match: re.Match, person: Mention) -> bool:
    """A Russian title right after a preposition in a case the name after it does not share («полномочный
    представитель Башкирии при президенте РФ от Башкирии Сергей Греков»): it completes the title before."""
    first = match.group(1).split()[0]
    previous = re.search(r"([а-яё]+)\s*$", before)
    if previous is None or not has_cyrillic(person.surface) or not is_preposition(previous.group(1)):
        return False
    if not is_known_given_name(person.surface.split()[0]):
        return False  # a foreign name's case is a guess: «с Заместителем Директора … господином Лань Юйцзе»
    cases, title_cases = name_cases(person), case_of(first)
    return "nomn" in cases and bool(title_cases) and not title_cases & cases


# «замгубернатора», «замглавы», «замминистра»: the genitive is inside the word, which does not decline
_FUSED_DEPUTY = re.compile(r"(?i)зам(?!ест)[а-яё]")


def _plural(title: str) -> bool:
    """Deputies of the Governor, Deputy Governors, заместители губернатора: a title of several people."""
    words = _ACTING_OPENS.sub("", title).split() or title.split()  # «и. о. вице-губернаторов»: its head
    if words[0].isascii():
        return any(w.lower().endswith(("ies", "ors", "ers", "ents", "ads")) for w in words)
    return is_plural(words[0])


_ACTING_OPENS = re.compile(r"(?i)^(?:и\.\s?о\.|врио)\s*")


def _list_follows(text: str, person: Mention, people: list[Mention]) -> bool:
    """Another name follows in a list: "Oleg Frolov and Pavel Zimin"."""
    return any(p.start > person.end and _listed(text, [person], p) for p in people)


def _listed(text: str, between: list[Mention], person: Mention) -> bool:
    """The names after a plural title form one list: "Artem Nikitin and Evgeny Belenetsky"."""
    chain = [*between, person]
    return all(_LIST_JOIN.fullmatch(text[a.end : b.start]) for a, b in pairwise(chain))


# between the names of a list: a comma, "and" / «и», and a note in brackets after a name («Александром
# Цветковым (строительный комплекс) и Иваном Егоровым»)
_LIST_JOIN = re.compile(r"\s*(?:\([^()]{1,60}\)\s*)?(?:,|and|и)\s*(?:and\s+|и\s+)?")
# a dash or a colon opening the list of names after a plural title
_LIST_OPENS = re.compile(r"\s*[:–—-]\s*$")
_COLON_END = re.compile(r":\s*$")


def _joined_start(window: str, start: int, people: list[int]) -> int:
    """Where a compound title begins: the first of the titles joined by dashes before the one at start (not
    across another person's name)."""
    while (joined := _joined_before(window, start)) is not None:
        if any(joined < at < start for at in people):
            break
        start = joined
    return start


def _joined_before(window: str, start: int) -> int | None:
    """Where the title joined to the one at start by a dash begins: the nearest title before the dash
    («обратился Глава республики к заместителю премьер-министра правительства — министру …»: the deputy
    prime minister's title, not «Глава»), or the title fused to it by a hyphen («замгубернатора-глава
    минздрава»)."""
    fused = _FUSED.search(window[:start])
    if fused is not None:
        return fused.start(1)
    dash = _DASH_END.search(window[:start])
    if dash is None:
        return None
    for title in reversed(list(_TITLE.finditer(window, 0, dash.start()))):
        gap = window[title.end() : dash.start()]
        if len(gap) > 80 or "\n" in gap or "–" in gap or "—" in gap:
            return None
        return title.start() if _gap_ok(gap) and _gap_ok(dash.group(1)[: start - dash.start(1)]) else None
    return None


# "вице-премьер – министр экономического развития", "Первый заместитель губернатора – председатель
# правительства", "Deputy Prime Minister - Tatarstan … Minister": a title joined to the next by a dash
_DASH_END = re.compile(r"\s[–—-]\s([^–—\n]{0,80})$")
# a title fused to the next by a hyphen, no spaces: «замгубернатора-глава минздрава»
_FUSED = re.compile(rf"(?i)\b({TITLE_RU})-$")


def _role_after(text: str, person: Mention, mentions: list[Mention], people: list[Mention]) -> Found | None:
    match = _AFTER.match(text[person.end : person.end + 200])
    if match is None:
        return _role_on_next_line(text, person, mentions)
    title_end = person.end + match.end(1)
    if _apposition_disagrees(text, match.group(1), person):
        return None  # «По словам Пескова, глава государства находится …»: the title opens a clause of its own
    if _leads_into_next(text, title_end, people) and not _an_entrys_own(text, person, title_end, people):
        return None  # "Андрей Травников, первый вице-спикер Госдумы Александр Жуков": the next person's title
    end = _phrase_end(text, title_end)
    if _SAYS_IN.search(text, title_end, end) and _OBJECT_BEFORE.search(text, 0, person.start):
        return None  # "Describing … Albert Karimov, head of the Government … noted that": the verb's subject
    return match.group(1), _body(mentions, title_end, end, text), title_end, end


def _apposition_disagrees(text: str, title: str, person: Mention) -> bool:
    """A Russian title in the nominative after a name in another case and a comma is no apposition of the
    name but the subject of the next clause («По словам Пескова, глава государства находится в Кремле»); a
    dash may join a title in a case the name does not share («на Элекчян Елену – первого замминистра»)."""
    first = title.split()[0]
    if not has_cyrillic(first) or not has_cyrillic(person.surface) or _FUSED_DEPUTY.match(first):
        return False
    if not text[person.end :].lstrip().startswith(","):
        return False
    title_cases, cases = case_of(first), name_cases(person)
    return "nomn" in title_cases and bool(cases) and not title_cases & cases


# a title that opens the line after a line holding the name alone (a list of speakers: "Sergey Zhvachkin\n
# Governor of Tomsk Region")
_NEXT_LINE = re.compile(rf"(?i)[ \t]*\n[ \t]*(?:the\s+)?({TITLE_EN}|{TITLE_RU})\b")


def _role_on_next_line(text: str, person: Mention, mentions: list[Mention]) -> Found | None:
    line_start = text.rfind("\n", 0, person.start) + 1
    match = _NEXT_LINE.match(text, person.end)
    if match is None or text[line_start : person.start].strip():
        return None
    title_end = match.end(1)
    line_end = text.find("\n", title_end)
    end = min(_phrase_end(text, title_end), line_end if line_end >= 0 else len(text))
    return match.group(1), _body(mentions, title_end, end, text), title_end, end


# a verb of saying inside an English title's phrase: the title is the verb's subject, not the name's, when the
# name is a preposition's object ("the candidacy of Ivan Orlov, head of … noted"); a name that opens its
# clause is the verb's subject with its title ("…, Magomed Isuev, director of the Fund says")
_OBJECT_BEFORE = re.compile(r"(?i)\b(?:of|with|by|to|for|about|from|on|at|and)\s+$")
_SAYS_IN = re.compile(r"\s(?:said|says|noted|added|told|stated|stressed|emphasi[sz]ed|announced|explained)\b")


def _an_entrys_own(text: str, person: Mention, title_end: int, people: list[Mention]) -> bool:
    """The title after the name is the name's own, though titles lead from it into the next name: a comma
    parts it from the next name's title ("X, title, title Y", not "X, title Y") and the names are entries
    of a list of «title Name, title»."""
    following = next((p for p in people if p.start >= title_end), None)
    return (
        following is not None
        and "," in text[title_end : following.start]
        and _entries_with_titles_after(text, person, people)
    )


def _entries_with_titles_after(text: str, person: Mention, people: list[Mention]) -> bool:
    """The name is one entry of a list whose entries are «title Name, title»: the name before it or the
    name after it in its sentence has a title after it too («… Сергей Самохин, председатель рабочей группы,
    зампред правительства Елена Буняшина, заместитель председателя рабочей группы, министр … Светлана
    Горячкина»), so each title after a name is that name's."""
    start, end = sentence_of(text, person.start)
    at = next(i for i, p in enumerate(people) if p is person)
    neighbours = people[max(0, at - 1) : at] + people[at + 1 : at + 2]
    return any(start <= p.start < end and _AFTER.match(text[p.end : p.end + 200]) for p in neighbours)


def _leads_into_next(text: str, title_end: int, people: list[Mention]) -> bool:
    """The title (with its body) and any titles joined to it by commas lead straight into the next name:
    "Сергей Вязалов, председатель Совета ректоров Петербурга, ректор ИТМО Владимир Васильев" — the titles
    are Vasiliev's."""
    following = next((p for p in people if p.start >= title_end), None)
    if following is None or following.start >= sentence_of(text, title_end)[1]:
        return False  # the next name is in another sentence
    first, *rest = text[title_end : following.start].split(",")
    if re.search(r"\s(?:and|и)\s*$", first if not rest else rest[-1]):
        return False  # "X, director of A, and Y": a list of people
    if not rest:
        return _gap_ok(first)
    joined = [_TITLE_START.match(piece) for piece in rest]
    return _gap_ok(first) and all(m is not None and _gap_ok(m.group(2)) for m in joined)


def _phrase_end(text: str, title_end: int) -> int:
    """Where a title's own words after a name end: the next comma, dash, bracket or sentence end, or a
    second title joined by "and" / "и"."""
    stop = _PHRASE_STOP.search(text, title_end, title_end + 120)
    return stop.start() if stop else min(len(text), title_end + 120)


def _more_after(text: str, first: Found, mentions: list[Mention], people: list[Mention]) -> list[Found]:
    """The titles joined to the first one after a name by a comma or "and", each with its own body
    ("X, director of A and chairman of B"), up to a title that leads into the next name."""
    found, end = [], first[3]
    while (match := _NEXT_AFTER.match(text, end)) is not None:
        title_end = match.end(1)
        if _leads_into_next(text, title_end, people) or any(first[2] <= p.start < end for p in people):
            break  # "X, Deputy Minister … and Timur Shagivaleev, the CEO": the CEO is the next name's
        end = _phrase_end(text, title_end)
        found.append((match.group(1), _body(mentions, title_end, end, text), title_end, end))
    return found


def _more_before(
    text: str, title_start: int, person: Mention, mentions: list[Mention], people: list[Mention]
) -> list[Found]:
    """The titles joined by commas before the title a name follows, each with its own body: "председатель
    Совета ректоров Петербурга, ректор ИТМО Владимир Васильев", "председатель Совета директоров S7 Group,
    генеральный директор … Евгений Елин" — not across another person's name."""
    found, sentence_start = [], sentence_of(text, person.start)[0]
    while (comma := _COMMA_END.search(text, sentence_start, title_start)) is not None:
        title = _title_before(text, sentence_start, comma.start())
        if title is None or any(title.start() <= p.start < title_start for p in people):
            break
        owner = _name_before(text, title.start(), people)
        if owner is not None and _entries_with_titles_after(text, owner, people):
            break  # the title after the name before, in a list of «title Name, title»
        if _bare(text, title.end(), comma.start()):
            break  # «Глава региона, председатель Совета директоров … Максим Кизимов»: one more signer
        words_end = comma.start()
        found.append((title.group(1), _body(mentions, title.end(), words_end, text), title.end(), words_end))
        title_start = title.start()
    return found


def _bare(text: str, title_end: int, words_end: int) -> bool:
    """The title has no words of its own but a region's common noun («Глава региона», «Губернатор»): before
    a comma it stands for a person named before, not for the next name."""
    words = text[title_end:words_end]
    return not words.strip() or _OF_REGION.fullmatch(text, title_end, words_end) is not None


def _title_before(text: str, start: int, end: int) -> re.Match | None:
    """The last title between start and end that only a body's name follows (a plural one is part of a
    name: "Совета директоров")."""
    for title in reversed(list(_TITLE.finditer(text, start, end))):
        if _plural(title.group(1)):
            continue
        return title if _gap_ok(text[title.end() : end]) else None
    return None


# a republic's abbreviation: «глава РК», «Глава РТ», «глава РС(Я)»
_REPUBLIC_ABBREVIATION = re.compile(r"\s+Р[А-ЯЁ]{1,3}(?:\([А-ЯЁ]\))?(?![\w-])")


def _heads_region(text: str, title_end: int, body: Mention | None) -> bool:
    """The title is a region's: the region follows it directly (Head of Mordovia, Глава Республики
    Мордовия) or a region's common noun does (глава республики) — not a department of the region."""
    if _OF_REGION.match(text, title_end) or _REPUBLIC_ABBREVIATION.match(text, title_end):
        return True
    if body is None or body.kind != "region":
        return False
    between = text[title_end : body.start]
    return re.fullmatch(r"(?i)\s*(?:of\s+)?(?:the\s+)?|\s*администрации\s+", between) is not None


# regional titles: a governor's (or a mayor's) region is the article's when the title names none
_REGIONAL_CODES = {
    "governor", "deputy_governor", "head_of_region", "deputy_head_of_region", "mayor", "deputy_mayor",
}  # fmt: skip
_TOWN_CODES = {"mayor", "deputy_mayor"}
# a region named by its common noun inside the title: "губернатор региона", "министр … республики", or its
# government or ministry called regional
# lower-case English words after a region: the region names the body they name ("… region development agency")
_EN_BODY_WORD = r"\s+(?!(?:of|and|or|the|in|on|at|for|to|with|by|as|from|is|was|has|said)\b)[a-z]{3,}\b"
_BODY_AFTER_EN = re.compile(_EN_BODY_WORD)
_REGION_NOUN = re.compile(
    # «руководитель аппарата губернатора»
    # «Глава города»: a town's head is its region's
    # «глава Вытегорского района»: a district's head is its region's
    r"(?i)\b(?:республики|региона|области|края|округа|района|субъекта|губернатора|города|"
    # "Head of the Region" — not a country's name: "Ambassador of the Republic of Belarus", "Belarus Republic"
    rf"of\s+(?:the\s+)?(?:region|republic|oblast|krai)\b(?!\s+of\s+(?-i:[A-Z]))(?!(?-i:{_EN_BODY_WORD})))\b"
    # «регионального Минэка», «областного правительства»
    r"|\b(?i:(?:региональн|областн|краев|республиканск)[а-я]+)\s+(?:Мин[а-яё]+|(?i:министерств|правительств)[а-я]*)"
)
_PLACES = {"region", "location"}
# "the region's Minister for Trade": a title the region is said to own
_REGIONS_OWN = re.compile(r"(?i)\bthe\s+region['’]s\s+$")


def _named_region(text: str, mentions: list[Mention], start: int, end: int) -> str | None:
    """The Russian region (or a town's region) named between start and end: "губернатор Калужской области"
    — not one that opens an English body's name ("director of Novgorod region development agency")."""
    for m in mentions:
        iso = m.attrs.get("iso") or ""
        if start <= m.start < end and m.entity_type in _PLACES and len(iso) == 2 and iso != "RU":
            return None  # "Deputy Prime Minister of Belarus Republic visited Kaluga Region"
        if start <= m.start < end and m.entity_type in _PLACES and iso.startswith("RU-"):
            return None if _BODY_AFTER_EN.match(text, m.end) else iso
    return None


def _role_region(
    text: str,
    title: str,
    span: tuple[int, int],
    code: str | None,
    places: list[Mention],
    main_region: str | None,
) -> str | None:
    """The region of a role: the one its title names (after it, or right before an English one: "Tatarstan
    President"), else, for a regional title ("губернатор", "глава региона", "министр … республики"), the
    region the article is about."""
    start = span[0] - len(title)
    named = _named_region(text, places, *span) or _region_before(text, start, places)
    if named is None and code not in _TOWN_CODES:  # «калужский губернатор»; «казанский мэр» names a town
        named = region_by_adjective(text, start)
    if named is not None:
        return named
    if code in _REGIONAL_CODES or _REGION_NOUN.search(text, *span) or _REGIONS_OWN.search(text, 0, start):
        return main_region
    return None


def _region_before(text: str, title_start: int, places: list[Mention]) -> str | None:
    """The Russian region named right before an English title: "Tatarstan President", "Kaluga Region's
    Governor"."""
    if has_cyrillic(text[title_start : title_start + 1]):
        return None
    for place in places:
        if re.fullmatch(r"(?:'s)?[ \t]+", text[place.end : title_start]) and (  # not a dateline's "Moscow\n"
            place.attrs.get("iso") or ""
        ).startswith("RU-"):
            return place.attrs["iso"]
    return None


def assign_roles(text: str, mentions: list[Mention], main_region: str | None = None) -> None:
    """Set attrs['role'], attrs['role_code'], attrs['role_normalised'], attrs['role_iso'] (the region of the
    role) and attrs['organization'] on the person mentions that state them, from the title nearest the
    name; attrs['roles'] holds every title stated for the person ("председатель комитета …, генеральный
    директор агентства …"), each with its own body and region, and attrs['title_spans'] where their words
    stand (the bodies there are the person's, not the parties of an event). main_region: the ISO code of
    the region the article is about, for regional titles that name none."""
    bodies = [m for m in mentions if m.entity_type in _BODIES]
    places = [m for m in mentions if m.entity_type in _PLACES]
    people = [m for m in mentions if m.entity_type == "person"]
    main_region = main_region or _region_of_titles(text)
    given = _given_titles(text, bodies, people)
    held: dict[int, list[Found]] = {}
    for person in people:
        nearby = bodies[bisect_left([b.start for b in bodies], person.start - 200) :][:40]
        found = _held(_roles_of(text, person, nearby, people), given.get(id(person), []))
        held[id(person)] = [
            f for f in found
            if not is_former(text, f[2] - len(f[0]))  # «бывший министр»
            and not proposed_post(text, f[2] - len(f[0]))  # «кандидата на должность министра»
            and not (f[2] <= person.start and _left_post(text, person))  # «… Павел Рыжий покинул свой пост»
        ]  # fmt: skip
    untitled = [p for p in people if not any(role_code(title) for title, *_ in held[id(p)])]
    for person, title in parsed_titles(text, untitled, _free_titles(text, held, plural=True)):
        if title.end(1) <= person.start and _left_post(text, person):
            continue
        held[id(person)].append(_free_found(text, title, bodies))  # «губернаторы … Юрий Караев и … Олег …»
    for person_id, title in _named_before(text, people, held).items():
        held[person_id].insert(0, _free_found(text, title, bodies))
    for person, found in _named_after(text, people, held, bodies):
        held[id(person)].append(found)
    for person, title in posts_named_before(text, list(_TITLE.finditer(text)), people):  # «в эту должность»
        held[id(person)] = _held(held[id(person)], [_free_found(text, title, bodies)])
    every_roles = {}
    for person in people:
        regional = {f[2] for f in given.get(id(person), [])}  # titles given by a verb: «назначен министром»
        found = held[id(person)]
        every_roles[id(person)] = [_role_attrs(text, role, places, main_region, regional) for role in found]
    _add_possessive_deputies(text, people, held, every_roles)
    _distribute_regions(text, people, held, every_roles)
    named = _regions_named(text, people, held, places, every_roles)
    for person in people:
        found = held[id(person)]
        if not found:
            continue
        roles = _shared_region(_as_named(every_roles[id(person)], named.get(person.key, {}), main_region))
        person.attrs.update(next((r for r in roles if r["role_code"]), roles[0]))  # a known title first
        person.attrs["roles"] = roles
        person.attrs["title_spans"] = [(end - len(title), words_end) for title, _, end, words_end in found]
        body = found[0][1]
        if body is not None and body.kind == "region" and body.attrs["iso"].startswith("RU-"):
            person.attrs["iso"] = body.attrs["iso"]


def _distribute_regions(text: str, people: list[Mention], held: dict, every_roles: dict) -> None:
    """A plural title naming as many regions by their adjectives as the names it is held by gives each name
    its region in turn («с главами Новосибирской и Амурской областей Андреем Травниковым и Василием
    Орловым»)."""
    sharing: dict[int, list[tuple[Mention, int]]] = {}
    for person in people:
        for i, (title, _, title_end, _) in enumerate(held[id(person)]):
            if _plural(title):
                sharing.setdefault(title_end, []).append((person, i))
    for title_end, holders in sharing.items():
        first = min(p.start for p, _ in holders)
        isos = adjective_regions(text, title_end, first) if first > title_end else []
        if len(holders) < 2 or len(isos) != len(holders):
            continue
        for (person, i), iso in zip(sorted(holders, key=lambda h: h[0].start), isos, strict=True):
            every_roles[id(person)][i]["role_iso"] = iso


def _add_possessive_deputies(text: str, people: list[Mention], held: dict, every_roles: dict) -> None:
    """A deputy named by a possessive (transforms/intel/titles/possessive.py) holds his principal's title as
    a deputy, in the principal's region: «… Сушковым, его заместителем – министром … А.И.Седовым»."""

    by_key: dict[str, list[dict]] = {}  # every title of a person, whichever mention of him it stands by
    for person in people:
        by_key.setdefault(person.key, []).extend(every_roles[id(person)])

    def code_of(person: Mention) -> str | None:
        return next((r["role_code"] for r in by_key[person.key] if r["role_code"]), None)

    for deputy, code, principal, match in possessive_deputies(text, people, code_of):
        if any(r["role_code"] == code for r in every_roles[id(deputy)]):
            continue
        title = match.group(2)
        region = next((r["role_iso"] for r in by_key[principal.key] if r["role_code"]), None)
        held[id(deputy)].append((title, None, match.end(2), match.end(2)))
        every_roles[id(deputy)].append({
            "role": title, "role_code": code, "role_normalised": normalised_title(title),
            "organization": None, "organization_surface": None, "organization_key": None, "role_iso": region,
        })  # fmt: skip


def _regions_named(
    text: str, people: list[Mention], held: dict[int, list[Found]], places: list[Mention], every_roles: dict
) -> dict[str, dict[str, str]]:
    """The regions a person's titles name in their own words, by the person's key and role code: the same
    person given the same title twice («Губернатор края Виктор Толоконский …», «Губернатор Красноярского
    края Виктор Толоконский») holds it in the region one of them names."""
    named: dict[str, dict[str, str]] = {}
    for person in people:
        for found, role in zip(held[id(person)], every_roles[id(person)], strict=True):
            iso = _named_region(text, places, found[2], found[3])
            if iso is not None and role["role_code"] and iso == role["role_iso"]:
                named.setdefault(person.key, {}).setdefault(role["role_code"], iso)
    return named


def _as_named(roles: list[dict], named: dict[str, str], main_region: str | None) -> list[dict]:
    """The roles whose region is the article's (their title names none) take the region the same title of
    the same person names elsewhere in the text."""
    for role in roles:
        iso = named.get(role["role_code"] or "")
        if iso is not None and role["role_iso"] in (None, main_region):
            role["role_iso"] = iso
    return roles


def _left_post(text: str, person: Mention) -> bool:
    """The name, in the nominative, is the subject of a verb of leaving the post right after it (not «после
    отставки замгубернатора Сергея Афанасьева покинул пост»: the genitive names someone else), or the parse
    of its sentence says so (transforms/intel/titles/syntax.py: «… Пост … покинул Вячеслав Никонов»)."""
    return ("nomn" in name_cases(person) and left_post(text, person.end)) or leaves_post(text, person)


def _region_of_titles(text: str) -> str | None:
    """The region the article is about when it names none but by an adjective: the region of the first title
    opened by one («Хабаровский губернатор представил 13 персон …»), else the one most often named so
    («калининградской ОЭЗ»)."""
    by_title = (iso for m in _TITLE.finditer(text) if (iso := region_by_adjective(text, m.start(1))))
    return next(by_title, None) or regions_by_adjective(text)


# the titles of a government, whose region is the one of the person's other government title when their
# own words name none: «замгубернатора-глава минздрава», «министра … Бутакова … заместителями
# председателя правительства Омской области» (not "head": the same person may head a company's branch)
_GOVERNMENT_CODES = {
    f"{deputy}{code}" for deputy in ("", "deputy_")
    for code in ("governor", "head_of_region", "prime_minister", "minister", "mayor")
}  # fmt: skip


def _shared_region(roles: list[dict]) -> list[dict]:
    """The person's government titles without a region take the region of his government title that has
    one (one person, one region's government)."""
    regions = {r["role_iso"] for r in roles if r["role_code"] in _GOVERNMENT_CODES and r["role_iso"]}
    if len(regions) != 1:
        return roles
    (iso,) = regions
    for role in roles:
        if role["role_code"] in _GOVERNMENT_CODES and not role["role_iso"]:
            role["role_iso"] = iso
    return roles


def _named_before(text: str, people: list[Mention], held: dict[int, list[Found]]) -> dict[int, re.Match]:
    """The titles named before a person who has none of his own (transforms/intel/titles/earlier.py): a
    title no one holds, not a plural, not inside a body's name, not marked former."""
    free = _free_titles(text, held)
    untitled = [p for p in people if not any(role_code(title) for title, *_ in held[id(p)])]
    # a plural title names a group, not the person («губернатор представил членам правительства»)
    every_title = [m.start(1) for m in _TITLE.finditer(text) if not _plural(m.group(1))]
    return named_before(text, free, people, untitled, every_title)


def _named_after(
    text: str, people: list[Mention], held: dict[int, list[Found]], bodies: list[Mention]
) -> list[tuple[Mention, Found]]:
    """The free titles standing for a person named before them (transforms/intel/titles/later.py)."""
    codes: dict[str, set[str]] = {}
    for person in people:
        codes.setdefault(person.key, set()).update(c for f in held[id(person)] if (c := _code(text, f)[0]))

    def code_of(title: re.Match) -> str | None:
        return _code(text, _free_found(text, title, bodies))[0]

    return [
        (person, _free_found(text, title, bodies))
        for person, title in named_after(text, _free_titles(text, held), people, codes, code_of)
    ]


def _free_titles(text: str, held: dict[int, list[Found]], plural: bool = False) -> list[re.Match]:
    """The titles no one holds: not a plural (unless plural), not inside a body's name, not marked former."""
    spans = [(end - len(title), end) for found in held.values() for title, _, end, _ in found]
    return [
        m for m in _TITLE.finditer(text)
        if not any(a < m.end(1) and m.start(1) < b for a, b in spans) and (plural or not _plural(m.group(1)))
        and not _VERB_TITLE.match(m.group(1))  # a verb («возглавляет») stands for no one
        and not _inside_name(text[: m.end()], m) and not is_former(text, m.start(1))
    ]  # fmt: skip


_VERB_TITLE = re.compile(r"(?i)возглав")


def _free_found(text: str, title: re.Match, bodies: list[Mention]) -> Found:
    """A title no name stands next to, with its own words: its lower-case complement («директор
    департамента»), "of" and the capitalised words of a body or place ("The mayor of Kazan"), up to the end
    of its phrase."""
    title_end = title.end(1)
    of_name = _OF_NAME.match(text, title_end)
    own = of_name.group(0) if of_name else complement(text, title_end)
    end = min(_phrase_end(text, title_end), title_end + len(own))
    region = next(
        (
            b
            for b in bodies
            if b.kind == "region" and b.start >= title_end and not text[title_end : b.start].strip()
        ),
        None,
    )
    if not own.strip() and region is not None and has_cyrillic(title.group(1)):
        end = region.end  # «глава Башкирии дал согласие»: the region named right after the title is its body
    return title.group(1), _body(bodies, title_end, end, text), title_end, end


_OF_NAME = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w’'-]*(?:\s+|$))+")


def _given_titles(text: str, bodies: list[Mention], people: list[Mention]) -> dict[int, list[Found]]:
    """The titles given by a verb or a post (transforms/intel/appointments.py), by the id of their person."""
    given: dict[int, list[Found]] = {}
    last: tuple[int, list[Mention]] | None = None  # where the last given title ends, and its people
    for match in _TITLE.finditer(text):
        holders = title_holders(text, match, people)
        if not holders and last is not None and _JOIN.fullmatch(text, last[0], match.start()):
            holders = last[1]  # «исполняющим обязанности заместителя губернатора и заместителя председателя»
        last = (match.end(1), holders) if holders else None
        end = _phrase_end(text, match.end(1))
        body = _body(bodies, match.end(1), end, text)
        if _VERB_TITLE.match(match.group(1)) and body is not None and body.kind == "region":
            continue  # «возглавляет Калининградскую область»: the governor's post under another name
        for person in holders:
            given.setdefault(id(person), []).append((match.group(1), body, match.end(1), end))
    return given


# a title joined to a given one: "и", a comma, a spaced dash («врио вице-губернатора - руководителя …»)
# (past the first title's lower-case complement: «заместителем руководителя аппарата – руководителем …»)
_JOIN = re.compile(r"(?:\s+[а-яё]+){0,3}\s*(?:,|,?\s+и|\s[–—-])\s*")


def _held(found: list[Found], given: list[Found]) -> list[Found]:
    """The titles next to the name, then those given by a verb or a post whose code is not among them."""
    codes = {role_code(title) for title, *_ in found}
    return found + [g for g in given if role_code(g[0]) not in codes]


def _roles_of(text: str, person: Mention, mentions: list[Mention], people: list[Mention]) -> list[Found]:
    """Every title stated for the person: after the name ("X, director of A and chairman of B"), before it
    with the titles joined to it by commas, or both («первый заместитель председателя правительства Сергей
    Самохин, председатель рабочей группы»), the titles before the name first."""
    after = _role_after(text, person, mentions, people)
    found = [after, *_more_after(text, after, mentions, people)] if after is not None else []
    before = _role_before(text, person, mentions, people)
    if before is None or (found and _name_before(text, before[1], people) is not None):
        return found
    roles, title_start = before
    return [*roles, *_more_before(text, title_start, person, mentions, people), *found]


_COMMA_OR_DASH = re.compile(r"\s*[,–—-]\s*")


def _name_before(text: str, title_start: int, people: list[Mention]) -> Mention | None:
    """The name the title stands right after, past a comma or a dash: the title is that name's ("Иван
    Петров, директор завода, Сергей Сидоров, …")."""
    return next(
        (p for p in people if p.end <= title_start and _COMMA_OR_DASH.fullmatch(text, p.end, title_start)),
        None,
    )


def _bare_complement(text: str, found: Found) -> str:
    """A Russian title with no words of its own (no body, no complement: «двумя другими зампредами –
    Александром Цветковым») takes the complement of the same title named before it."""
    title, body, title_end, words_end = found
    after = text[title_end:words_end].lstrip()
    if body is not None or not has_cyrillic(title) or (after and after[0] not in "–—-:"):
        return ""
    return earlier_complement(text, title_end - len(title), title)


def _code(text: str, found: Found) -> tuple[str | None, str]:
    """The role code of a title with its complement («председателя регионального правительства»), and the
    complement it took from the same title named before, if any."""
    title, body, title_end, _ = found
    own = complement(text, title_end)
    if _VERB_TITLE.match(title) or title.lower() == "врио":  # «возглавила Совет директоров», «врио … области»
        own = " ".join(text[title_end : title_end + 60].split()[:2])
        own = f" {own}" if own else ""
    inherited = "" if own else _bare_complement(text, found)
    words = " ".join(title.split()) + (own or inherited)
    return role_code(words, _heads_region(text, title_end, body), heads_ministry(text, title_end)), inherited


def _role_attrs(
    text: str,
    found: Found,
    places: list[Mention],
    main_region: str | None,
    given: frozenset[int] | set[int] = frozenset(),
) -> dict:
    """given: where the titles given by a verb end (a minister appointed in an article about a region is
    that region's unless his title names a country: «… назначен Михаил Кнауб»)."""
    title, body, title_end, words_end = found
    role = " ".join(title.split())
    code, inherited = _code(text, found)
    if _regional_minister(text, found, code, given):
        inherited = "области"  # the article's region, as for a title that names its region's common noun
    return {
        "role": role, "role_code": code, "role_normalised": normalised_title(role),
        "organization": body.canonical if body is not None else None,
        "organization_surface": body.surface if body is not None else None,
        "organization_key": body.key if body is not None and body.kind == "entity" else None,
        "role_iso": _role_region(text, title, (title_end, words_end), code, places, main_region)
        or (main_region if _REGION_NOUN.search(inherited) else None),
    }  # fmt: skip


_MINISTERS = {"minister", "deputy_minister"}
# a country or the federation in a minister's words: «министр … РФ», «федерального минпромторга», "of Russia"
_FEDERAL = re.compile(r"(?i)\b(?:РФ|России|Российской\s+Федерации|федеральн[а-я]+|Russia[n']?|RF|federal)\b")
# "the regional Minister of Industry and Trade", "regional Prime Minister": the article's region's
_REGIONAL_EN = re.compile(r"(?i)\bregional\s+(?:(?:first|acting|deputy|vice)\s+)*$")


def _regional_minister(text: str, found: Found, code: str | None, given: set[int]) -> bool:
    """A minister's title that names no region is the article's region's when it is given by a verb in the
    article and names no ministry by its own name («назначен министром промышленности и науки»: a region
    appoints its ministers, a federal minister's title names the country or the ministry: Минпромторг), or
    when it is called regional ("the regional Minister of Industry")."""
    title, body, title_end, _ = found
    start = title_end - len(title)
    if _REGIONAL_EN.search(text, max(0, start - 30), start):
        return True
    sentence = sentence_of(text, title_end)
    named = _OWN_MINISTRY.search(text, start, max(found[3], title_end))  # «Глава Минпромторга»: federal
    if (
        code in _CABINET
        and _REGIONAL_CABINET.search(text)
        and not named
        and not _federal(text, sentence, body)
    ):
        return True  # an article about a region's government: its ministers and deputy premiers are its own
    if code not in _MINISTERS or title_end not in given or body is not None:
        return False  # «пост главы Минпромторга занимал …»: a ministry named by its own name
    return not _FEDERAL.search(text, sentence[0], sentence[1])


# a ministry named by its own name: «Минпромторга», "Minpromtorg"
_OWN_MINISTRY = re.compile(r"\b(?:Мин(?!истр|истерств)[а-яё]{3,}|Min(?!ist)[a-z]{3,})\b")
# the titles of a regional government's members
_CABINET = {"minister", "deputy_minister", "prime_minister", "deputy_prime_minister"}
# the article names a region's government: «правительства Калининградской области», «областного
# правительства», "the Government of the Republic of Tatarstan"
_REGIONAL_CABINET = re.compile(
    r"(?i:правительств[а-я]*)\s+(?:[А-ЯЁ][а-яё-]+\s+)?(?:области|края|республики|округа|Республики\s+[А-ЯЁ])|"
    r"(?i:областн|краев|республиканск|региональн)[а-я]+\s+правительств|"
    r"Government\s+of\s+the\s+(?:Republic\s+of\s+[A-Z]|[A-Z]\w+\s+(?:Region|Oblast|Krai|Territory)\b)"
)


def _federal(text: str, sentence: tuple[int, int], body: Mention | None) -> bool:
    """The title's sentence or its body names the country or the federation."""
    return bool(_FEDERAL.search(text, *sentence)) or (
        body is not None and bool(_FEDERAL.search(body.surface))
    )
