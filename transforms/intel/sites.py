"""Industrial sites: clusters, technoparks, industrial parks and SEZs, with name, industry and region.

A site is kept when it has a name ("Vorsino industrial park", ОЭЗ «Калуга», technopark Azarovsky) or
an industry (фармацевтический кластер, cluster of food products). Its region is the one its name
names, else the nearest region in its sentence, else the article's main region.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import pairwise

from transforms.intel.lexicon.gazetteer import Token, cities, industry_names, matcher, regions, site_labels
from transforms.intel.lexicon.nlp_ru import (
    agrees_as_adjective,
    nominative_phrase,
    parses,
    reads_as,
)
from transforms.intel.lexicon.role_codes import role_code
from transforms.intel.lexicon.site_registry import (
    Registered,
    lookup,
    lookup_near,
    lookup_short,
    lookup_spelling,
    only_zone_in,
    registry,
    standalone_hits,
)
from transforms.intel.lexicon.translit import fold_lookalikes, has_cyrillic, to_latin
from transforms.intel.mentions import Mention, nearest, sentence_of, site_key
from transforms.intel.site_names import (
    SUCH_AS,
    abbreviation_after,
    bare_name_after,
    bracketed_park_name,
    compound_names,
    followed_by_body,
    inside_quotes,
    latin_name_after,
    listed_after_colon,
    names_in_list,
    names_listed_after,
    names_placed_after,
    quoted_after,
    quoted_before,
    registered_apposition,
    registered_before,
    title_case_line,
)
from transforms.intel.site_places import (
    after_region,
    at_sentence_start,
    english_town_in,
    in_town,
    is_place,
    of_place,
    on_town_territory,
    plural,
    proper_regional,
    the_zone_in_region,
    tokens_of,
    town_after,
    town_name,
    town_of_verb,
    university_after,
)

_APPOSITIVE = re.compile(r"(?:[ \t]+[a-z]+){0,3},[ \t]+([A-Z][\w.-]+(?:\s[A-Z][\w.-]+)?),")
_NAME_AFTER = re.compile(
    r"[ \t\u00a0]+([A-Z]{3,}[ \t\u00a0]+[A-Z][a-z]+|[A-Z][\w.-]*[A-Za-z](?:\.[A-Z])?\.?)(?=[\s,;)(]|$)"
    r"(?!\s+(?:SEZ|industrial\s+park|technopark|cluster))"
)
_NOT_NAMES = {
    "The", "A", "An", "This", "That", "In", "Of", "And", "Russian", "Federal", "Regional", "New",
    "Industrial", "Special", "European", "International", "National", "State", "Our", "Its",
    "On", "For", "About", "Is", "Are", "Was", "Were", "Has", "Have", "Will", "At", "To", "By", "From", "With",
    "Any", "Every", "Each", "Such", "Another", "Some", "No",
}  # fmt: skip
# capitalised words describing a site before its noun, not naming it: "Kama Innovative Territorial … Cluster"
_DESCRIPTORS = {
    "Innovative", "Innovation", "Territorial", "Production", "Industrial", "Technology", "Technological",
    "Scientific", "Science", "Research", "Economic", "Special", "High-Tech", "Hi-Tech", "Engineering",
    "Information", "Technologies", "Educational", "Education",
}  # fmt: skip
_COMMON_ADJECTIVES = {
    "российский", "национальный", "федеральный", "международный", "региональный", "новый", "муниципальный",
    "государственный", "первый", "крупный", "крупнейший", "частный", "единый", "областной", "городской",
    "собственный", "отечественный", "технологический", "промышленный", "инновационный", "территориальный",
}  # fmt: skip
_LEGAL_TECHNOPARK = re.compile(r"промышленн\w*[ \t\u00a0]+технопарк|industrial[ \t\u00a0]+technopark", re.I)
_COUNTED = re.compile(r"(?<![\w-])(?:два|две|три|четыре|оба|обе|полтора)[ \t\u00a0]+$", re.IGNORECASE)
# "в том числе в сфере …", "including in the field of …": a sphere, not the members of a set
_SPHERE_AFTER = re.compile(
    r"[\s,]*(?:в[ \t\u00a0]+(?:сфер|област|отрасл)|in[ \t\u00a0]+the[ \t\u00a0]+(?:sphere|field))", re.I
)
_ENUMERATION = re.compile(r"\b(?:including|such as|among them|в том числе|включая|среди них)\b", re.I)
WINDOW = 8
_SITE_WORDS = {"sez", "оэз", "technopark", "cluster", "park"}
_LINK_WORDS = {"of", "in", "the", "field", "sphere", "area", "for", "and", "a", "an", "technopark", "cluster",
               "including", "such", "as", "namely", "like"}  # fmt: skip
_CONTINUE = re.compile(
    r"(?:\s*\([^)]{1,40}\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+и\s+)([A-Z][\w.&-]*[A-Za-z]\.?)(?=[\s,;)(]|$)"
)
_QUOTED_MORE = re.compile(
    r"[»\"”“]?[ \t\u00a0]*"
    r"(?:,[ \t\u00a0]*(?:и[ \t\u00a0]+|and[ \t\u00a0]+)?|[ \t\u00a0]+(?:и|and)[ \t\u00a0]+)"
    r"[«\"“„]([^»\"”“\n]{2,60})(?=[»\"”“])"
)
_CLOSING = '»"”“'
_LIST_OPEN = re.compile(r"\s*[(:]")
_LIST_NAME = re.compile(r"([A-Z][\w.-]*[A-Za-z](?:[ \t][A-Z][\w.-]*[A-Za-z])?)")
_LISTED_BEFORE = re.compile(
    r"(?:[A-Z][\w.-]*[A-Za-z](?:[ \t][A-Z][\w.-]*[A-Za-z])?,[ \t]+)*"
    r"[A-Z][\w.-]*[A-Za-z](?:[ \t][A-Z][\w.-]*[A-Za-z])?,?[ \t]+and[ \t]+$"
)
# a company word right before the site noun: «компания-резидент технопарка «…»»
_COMPANY_BEFORE = re.compile(
    r"(?<![\w-])(?:компани[\w-]*|фирм[\w-]*|предприяти[\w-]*|стартап[\w-]*|холдинг[\w-]*|концерн[\w-]*"
    r"|ООО|ЗАО|ОАО|ПАО|АО|ГК|НПО)[ \t\u00a0]+$",
    re.IGNORECASE,
)
# an unnamed site word that names a kind: "статус технопарка", "the status of an industrial park", "any
# industrial park", "a high-tech cluster" (the words between the cue and the site word are its adjectives)
_STATUS_OF = re.compile(
    r"(?:\bстатус[а-яё]*|\bstatus(?:\s+of)?)(?:[ \t\u00a0]+(?:an?|the))?"
    r"[ \t\u00a0]+(?:[\w-]+[ \t\u00a0]+){0,3}$",
    re.IGNORECASE,
)
_INDEFINITE = re.compile(
    r"(?<![\w-])(?:(?:[Aa]ny|[Ee]very|[Ee]ach|[Ss]uch\s+an?)[ \t\u00a0]+(?:[a-z][\w-]*[ \t\u00a0]+){0,3}"
    r"|an?[ \t\u00a0]+(?:[a-z][\w-]*[ \t\u00a0]+){0,2}hi(?:gh)?[ \t\u00a0-]tech(?:nology)?[ \t\u00a0]+)$"
)
# the names listed between a colon and the last of them: "Biomedicine, Biotechnology, Marine Engineering, and"
_LIST_BETWEEN = re.compile(
    r"(?:[ \t\u00a0]*[\w&-]+(?:[ \t\u00a0]+[\w&-]+){0,3}[ \t\u00a0]*,)+[ \t\u00a0]*(?:(?:and|и)[ \t\u00a0]+)?"
)
_TITLE_BEFORE = re.compile(r"[A-Z][\w-]*(?:[ \t]+(?:for|of|on|and|the))?[ \t]+$")
_NESTED_QUOTE = re.compile(r"[ \t\u00a0]+[«\"“„]\w")
_QUOTED_NAME = re.compile(r"[«\"“„]([^«»\"”“„\n]{2,60})[»\"”“]")
_PLACE_AFTER = re.compile(r"[»\"”“]?[\s.]*\(([^()]{2,40})\)")  # «Масловский» (Воронежская область)
_ITEM = re.compile(r"([a-z][a-z &-]{2,40}?)\s+[-–—]\s+([A-Z][\w.&-]*\w)")


def _name_before(text: str, tokens: list[Token], i: int) -> str | None:
    """'Vorsino industrial park', 'Kaluga SEZ', 'Moscow State University Science Park', 'Kama Innovative
    Territorial Production Cluster': capitalised words just before the site noun and the words describing
    it."""
    k = _skip_descriptors(text, tokens, _before_industry(text, tokens, i) - 1)
    words: list[str] = []
    while k >= 0 and tokens[k].text[:1].isupper() and not has_cyrillic(tokens[k].text) and len(words) < 4:
        if tokens[k].norm in _SITE_WORDS or tokens[k].text.endswith(("’s", "'s")):
            break
        if text[tokens[k].end : tokens[k + 1].start].strip():
            break
        words.insert(0, tokens[k].text)
        k -= 1
    while words and words[0] in _NOT_NAMES:
        words.pop(0)
    if not words or words[-1] in _NOT_NAMES:
        return None
    return " ".join(words).removesuffix("’s").removesuffix("'s")


def _describes(token: Token) -> bool:
    """A capitalised word describing a site, not naming it: Innovative, Research, Bio-pharmaceutical."""
    if token.text in _DESCRIPTORS:
        return True
    if not token.text[:1].isupper() or has_cyrillic(token.text):
        return False
    words = tokens_of(token.text.replace("-", ""))
    return any(i == 0 and j == len(words) for i, j, _ in matcher().find(words, {"industry"}))


def _skip_descriptors(text: str, tokens: list[Token], k: int) -> int:
    """The token before the words describing a site, from token k back: "Kama Innovative Territorial and
    Production", "Ulyanovsk-Avia Research, Educational, and Production" → Kama, Ulyanovsk-Avia."""
    while k >= 0:
        gap = text[tokens[k].end : tokens[k + 1].start].strip()
        describing = _describes(tokens[k]) and gap in ("", ",")
        joining = tokens[k].text == "and" and k > 0 and _describes(tokens[k - 1]) and not gap
        if not (describing or joining):
            break
        k -= 1
    return k


def _described_in_place(text: str, tokens: list[Token], start: int, end: int) -> tuple | None:
    """ "the Information Technologies Cluster in the Republic of Tatarstan", "the Innovative … Technologies
    Cluster in the Novosibirsk Region": a capitalised site noun after words that only describe it is named by
    the region after it."""
    if start == 0 or not tokens[start].text[:1].isupper() or not _describes(tokens[start - 1]):
        return None
    if has_cyrillic(tokens[start].text) or end >= len(tokens) or tokens[end].norm != "in":
        return None
    first = end + 2 if end + 1 < len(tokens) and tokens[end + 1].norm == "the" else end + 1
    for i, j, entry in matcher().find(tokens[first : first + 5], {"region"}):
        if i == 0:
            return _place_name(entry.ident), (tokens[start].start, tokens[first + j - 1].end), None
    return None


def _region_before_industry(
    text: str, tokens: list[Token], start: int, end: int, site_type: str
) -> str | None:
    """ "Udmurt machine-building cluster": a region's adjective in English (a word its name or alias begins
    with, not a name of its own: Udmurt of Udmurt Republic and Udmurtia) right before the industry's words in
    lower case names the singular site by its region, as «Удмуртский машиностроительный кластер» does; a
    place's own name there is where the site is ("the Kaluga pharmaceutical cluster", of Kaluga Oblast). When
    the registry lists a site of the type by the region's name, only if it lists the whole phrase too."""
    k = start - 1
    while k >= 0 and tokens[k].text.islower() and _industry_of(tokens[k].text.replace("-", " ")) is not None:
        k -= 1
    if k == start - 1 or k < 0 or has_cyrillic(tokens[k].text) or plural(tokens[end - 1]):
        return None
    word = tokens[k]
    if len(word.text) < 5 or not word.text[:1].isupper() or text[word.end : tokens[k + 1].start].strip():
        return None
    isos = {iso for iso, row in regions().items()
            if row["region_type"] != "country" and _first_word_starts(row, word.text)}  # fmt: skip
    if len(isos) != 1 or any(True for _ in matcher().find([word], {"region", "city", "country"})):
        return None
    iso = isos.pop()
    row = regions()[iso]
    own = word.text in _alt_en(row) or (
        word.text == _place_name(iso) and not row["name_en"].endswith(" Republic")
    )
    if own:
        return None  # "Kaluga" of Kaluga Oblast: the place, not an adjective
    single = [n for n in _alt_en(regions()[iso]) if " " not in n and n.startswith(word.text)]
    name = single[0] if single else _place_name(iso)
    if lookup(name, site_type) is not None:
        whole = text[word.start : tokens[end - 1].end]
        return name if lookup(whole, site_type) is not None else None
    return name


def _first_word_starts(row: dict, word: str) -> bool:
    return any(name.split(" ")[0].startswith(word) for name in [row["name_en"], *_alt_en(row)])


def _alt_en(row: dict) -> list[str]:
    return [n for n in row["alt_en"].split("|") if n]


def _place_name(iso: str) -> str:
    """A region as a site's name: Republic of Tatarstan → Tatarstan, Novosibirsk Oblast → Novosibirsk."""
    name = regions()[iso]["name_en"].removeprefix("Republic of ")
    return re.sub(r"\s+(?:Oblast|Krai|Region|Republic|Autonomous Okrug)$", "", name)


def _registered_with_noun(
    text: str, tokens: list[Token], start: int, end: int, site_type: str
) -> tuple | None:
    """ "the high-tech IT Park", "Kazan IT Park": capitalised words ending in the site noun that the registry
    lists as a name of this type."""
    if not all(token.text[:1].isupper() for token in tokens[start:end]):
        return None
    for first in range(max(0, start - 2), start + 1):
        words = tokens[first:end]
        gaps = [text[a.end : b.start] for a, b in pairwise(words)]
        if any(gap.strip() for gap in gaps) or not all(t.text[:1].isupper() for t in words):
            continue
        if (entry := lookup(text[words[0].start : words[-1].end], site_type)) is not None:
            if first == start and _named_before(text, tokens, start):
                return None  # "Zelenodolsk IT Park": another IT park, named by the word before
            if first == start and _town_elsewhere(text, tokens, start, entry.region_iso):
                return None  # «в Ярославле появится IT-парк»: a park of the kind, not Kazan's IT-парк
            return entry.name_en, (words[0].start, words[-1].end), None
    return None


def _town_elsewhere(text: str, tokens: list[Token], start: int, iso: str | None) -> bool:
    """The site word's sentence places something «в» a town outside the region a registered name of that
    word alone lies in («в Ярославле появится IT-парк»: not the IT-парк of Kazan)."""
    sentence = sentence_of(text, tokens[start].start)
    for k in range(len(tokens) - 1):
        word = tokens[k + 1]
        if tokens[k].norm not in ("в", "во") or not sentence[0] <= word.start < sentence[1]:
            continue
        if not word.text[:1].isupper() or (town := town_name(word.text)) is None:
            continue
        rows = [row for row in cities().values() if row["name_ru"] == town]
        if not rows or rows[0]["region_iso"] != iso:
            return True
    return False


def _named_before(text: str, tokens: list[Token], start: int) -> bool:
    before = tokens[start - 1] if start > 0 else None
    if before is None or text[before.end : tokens[start].start].strip():
        return False
    return before.text[:1].isupper()


def _before_industry(text: str, tokens: list[Token], i: int) -> int:
    """The first token of the capitalised English industry words right before token i ("Kaluga Pharmaceutical
    Cluster Association": the name is Kaluga, the industry the cluster's), else i. In lower case ("the Kaluga
    pharmaceutical cluster") the words stay an industry and Kaluga the place."""
    if i == 0 or has_cyrillic(tokens[i - 1].text):
        return i
    low = max(0, i - 4)
    for start, end, _ in matcher().find(tokens[low:i], {"industry"}):
        gap = text[tokens[low + start].start : tokens[i].start]
        capitalised = all(token.text[:1].isupper() for token in tokens[low + start : i])
        if low + end == i and capitalised and "," not in gap and "\n" not in gap:
            return low + start
    return i


def _name_after(text: str, end: int, bare: bool = True) -> tuple[str | None, int]:
    """The name after a site word: quoted, set off by commas, or (``bare``) a capitalised word."""
    if (quoted := quoted_after(text, end)) is not None:
        return quoted
    for pattern in (_APPOSITIVE, _NAME_AFTER) if bare else (_APPOSITIVE,):
        match = pattern.match(text, end)
        if match and match.group(1) not in _NOT_NAMES and not match.group(1).islower():
            if role_code(match.group(1)) is not None:
                return None, end  # "Technopark Director Artem Stolyarov": a title, not a site's name
            if _industry_of(match.group(1)) is not None:
                return None, end  # «кластера IT»: the cluster's industry, not its name
            if pattern is _NAME_AFTER and followed_by_body(text, match.start(1) - 1):
                return None, end  # "SEZ Investment Board": a body, not a site
            if pattern is _NAME_AFTER and title_case_line(text, end):
                return None, end  # "Uzlovaya Industrial Park Expands Capacity": a headline's capitals
            return match.group(1).strip(" .") or None, match.end(1)
    return None, end


def _region_of_name(name: str) -> str | None:
    """The place a name names: 'Kaluga SEZ' → RU-KLU; 'AutoCluster.NRW' → DE (its parts count too)."""
    for _, _, entry in matcher().find(tokens_of(name.replace(".", " ")), {"region", "country", "city"}):
        return cities()[entry.ident]["region_iso"] if entry.kind == "city" else entry.ident
    return None


def _place_after(text: str, end: int) -> str | None:
    """'Adlershof (Berlin)', 'E.S.T.E.R. (France)': a place in brackets right after a name is the site's."""
    match = _PLACE_AFTER.match(text, end)
    return _region_of_name(match.group(1)) if match else None


_FROM = re.compile(r"(?<![\w-])(?:from|из)[ \t\u00a0]+$", re.IGNORECASE)


def _origin(text: str, place: Mention) -> bool:
    """ "a businessman from Istanbul is expanding his business at Tyulyachy industrial park", «инвестор из
    Турции»: a foreign place after "from" or «из» is where someone comes from, not where the site is."""
    iso = place.attrs.get("iso") or ""
    return not iso.startswith("RU-") and _FROM.search(text, max(0, place.start - 8), place.start) is not None


def _attributed(text: str, place: Mention) -> bool:
    """A place in brackets of its own, '(France)', belongs to the name before it, not to the sentence."""
    return text[max(0, place.start - 1) : place.start] == "(" and text[place.end : place.end + 1] == ")"


def _shared(isos: list[str | None]) -> list[str | None]:
    """Items of one list with no place of their own take the place the others agree on, if they agree."""
    known = {iso for iso in isos if iso is not None}
    return [iso or next(iter(known)) for iso in isos] if len(known) == 1 else isos


def _nearest_region(text: str, offset: int, places: list[Mention], starts: list[int]) -> str | None:
    found = nearest(places, text, offset, starts)
    return found.attrs["iso"] if found is not None else None


def _site(site_type: str, span: tuple[int, int], text: str, name: str | None, industry: str | None,
          iso: str | None) -> Mention:  # fmt: skip
    """One site; a name the registry lists under this type takes the registry's entry (key, name, region); of
    two entries sharing the name, the one in the site's region. Look-alike letters of other scripts in the
    name are folded first («Станκомаш» is Станкомаш)."""
    named = name is not None
    name = fold_lookalikes(name) if name is not None else None
    entry = (
        None
        if name is None
        else (
            lookup(name, site_type, iso)
            or _named_with_noun(text, span, name)
            or _zone_of_place(name, site_type)
            or lookup_short(name, site_type)
            or lookup_spelling(name, site_type, iso)
            or _other_park(name, site_type, iso, text[span[0] : span[1]])
        )
    )
    if entry is not None:
        return _registered_site(entry, span, text, industry)
    if name is None:
        name = f"{industry_names()[industry]} {site_labels()[site_type]['label_en']}"
    name = _title_words(to_latin(name)) if has_cyrillic(name) else name
    attrs = {"site_type": site_type, "name": name, "industry": industry, "iso": iso, "named": named,
             "registry_id": None}  # fmt: skip
    if iso is not None and iso in regions():
        attrs["region_name"] = regions()[iso]["name_en"]
    key = site_key(site_type, name, iso)
    return Mention("site", "site", span[0], span[1], text[span[0] : span[1]], name, key, attrs)


def _named_with_noun(text: str, span: tuple[int, int], name: str) -> Registered | None:
    """технополиса «Москва»: the site word and the name together are a registered name («Технополис Москва»,
    an SEZ), whose own type wins over the one the word gives."""
    words = tokens_of(text[span[0] : span[1]])
    if not words or words[0].norm in ("park", "парк"):
        return None
    return next(filter(None, (lookup(f"{words[0].norm} {name}", kind) for kind in _ALL_TYPES)), None)


def _other_park(name: str, site_type: str, iso: str | None, surface: str) -> Registered | None:
    """«Три технопарка Калужской области: "Грабцево", "Ворсино" и "Росва"»: the press calls an industrial park
    a technopark and back; a name the registry lists under the other park type only, in the region the text
    places the site in, is that registered park (its own type wins). Never without a region, never a
    cluster's or a zone's, and not for an industrial technopark, a type of its own under Decree 1119
    (промышленный технопарк «Ока-Полимер» stays a technopark)."""
    if site_type not in _PARKS or iso is None or _LEGAL_TECHNOPARK.search(surface):
        return None
    return lookup(name, _PARKS[1 - _PARKS.index(site_type)], iso)


def _zone_of_place(name: str, site_type: str) -> Registered | None:
    """ "the Moscow SEZ", «Московская ОЭЗ»: an SEZ named by a region (a federal city included) alone is the
    one zone the registry lists in the region, if it lists one only. A town's name is not enough: "SEZ
    Zelenograd" and "the Orenburg SEZ" may name a zone of their own (Zelenograd's was one until it joined
    Technopolis)."""
    if site_type != "sez":
        return None
    tokens = tokens_of(name)
    whole = [e.ident for i, j, e in matcher().find(tokens, {"region"}) if i == 0 and j == len(tokens)]
    return only_zone_in(whole[0]) if whole else None


def _registered_site(entry: Registered, span: tuple[int, int], text: str, industry: str | None) -> Mention:
    attrs = {"site_type": entry.site_type, "name": entry.name_en, "industry": industry,
             "iso": entry.region_iso, "named": True, "registry_id": entry.registry_id,
             "zone_type": entry.zone_type, "year": entry.year, "status": entry.status}  # fmt: skip
    if entry.region_iso in regions():
        attrs["region_name"] = regions()[entry.region_iso]["name_en"]
    key = site_key(entry.site_type, entry.name_en, entry.region_iso)  # the name's key before the registry
    return Mention("site", "site", span[0], span[1], text[span[0] : span[1]], entry.name_en, key, attrs)


def _title_words(name: str) -> str:
    """'Titanovaya dolina' → 'Titanovaya Dolina', as English texts write transliterated names."""
    return " ".join(word[:1].upper() + word[1:] for word in name.split())


def _industries_near(tokens: list[Token], hits: list, nouns: list[int], i: int, sentence: tuple) -> list:
    """Industry hits (in token order) whose nearest site noun (same sentence, within WINDOW) is noun i."""
    chosen = []
    for start, end, entry in _industry_hits(hits, i):
        if not sentence[0] <= tokens[start].start < sentence[1]:
            continue
        nearest = min(nouns, key=lambda n: min(abs(n - start), abs(n - end + 1)))
        distance = min(abs(i - start), abs(i - end + 1))
        if nearest == i and distance <= WINDOW and _attached(tokens, i, start, hits):
            chosen.append((start, end, entry))
    return chosen


def _industry_hits(hits: list, i: int) -> list:
    """The industry hits within WINDOW tokens of token i (hits: industry hits only, in token order)."""
    low = bisect_left(hits, i - WINDOW - 4, key=lambda h: h[0])
    high = bisect_right(hits, i + WINDOW, key=lambda h: h[0])
    return hits[low:high]


def _attached(tokens: list[Token], noun: int, start: int, hits: list) -> bool:
    """An English industry after its noun only through 'of', 'in the field of' …; Russian genitives freely."""
    if start < noun or has_cyrillic(tokens[noun].text):
        return True
    in_industry = {k for s, e, _ in _industry_hits(hits, noun) for k in range(s, e)}
    gap = [k for k in range(noun + 1, start) if k not in in_industry]
    return all(tokens[k].norm in _LINK_WORDS or tokens[k].norm == "industrial" for k in gap)


@dataclass(frozen=True)
class _Context:
    text: str
    tokens: list[Token]
    industry: list  # industry hits (first token, end token, Entry), in token order
    nouns: list[int]  # first tokens of the site nouns
    places: list[Mention]  # regions, countries and towns, by start
    place_starts: list[int]
    main_region: str | None


def find_sites(
    text: str, tokens: list[Token], hits: list, places: list[Mention], main_region: str | None
) -> list[Mention]:
    """Sites from the site nouns among the gazetteer hits (first token, end token, entry)."""
    nouns = [start for start, _, entry in hits if entry.kind == "site_type"]
    industry = [hit for hit in hits if hit[2].kind == "industry"]
    places = [p for p in places if not _attributed(text, p) and not _origin(text, p)]
    context = _Context(text, tokens, industry, nouns, places, [m.start for m in places], main_region)
    found: list[Mention] = []
    for start, end, entry in hits:
        if (
            entry.kind == "site_type"
            and _outside_names(text, tokens, start, end)
            and not _member_of_other_kind(context, hits, start, entry.ident)
        ):
            found += _sites_at(context, start, end, entry.ident)
    found += _regional_park_lists(context, found)
    found += _registered_quoted(context, hits, found)
    found += _bare_parks(context, hits, found)
    found += _named_zones(context, hits, found)
    found += _such_as_lists(context, hits, found)
    found += _typed_zones(context, hits, found)
    found += _sites_in_towns(context, hits, found)
    found += _sites_by_verb_town(context, hits, found)
    found += _registered_inside_quotes(context, hits, found)
    found += _abbreviated_parks(context, found)
    found = _registered(context, found + _compound_sites(context, hits, found), _types_named(tokens, hits))
    return [_noun_span(m) for m in found]


def _types_named(tokens: list[Token], hits: list) -> set[str]:
    """The types of the text's site words; a bare «парк» or "park" stands for both park types."""
    bare = any(token.norm in ("парк", "park") for token in tokens)
    named = {entry.ident for _, _, entry in hits if entry.kind == "site_type"}
    return named | set(_PARKS) if bare else named


_IN_PLACE = re.compile(r"[ \t\u00a0]+(?:in|в|во)[ \t\u00a0]+[A-ZА-ЯЁ][^\n]*$")


def _noun_span(site: Mention) -> Mention:
    """ "the technology park in Skolkovo": a registered site named by the place after its word spans the word
    alone, so the place (or the body of the same name) keeps its own mention."""
    match = _IN_PLACE.search(site.surface)
    if site.attrs.get("registry_id") is None or match is None or match.start() == 0:
        return site
    cut = match.start()
    end, surface = site.start + cut, site.surface[:cut]
    return Mention(site.kind, "site", site.start, end, surface, site.canonical, site.key, site.attrs)


def _member_of_other_kind(ctx: _Context, hits: list, start: int, site_type: str) -> bool:
    """ "four clusters are planned within the centre: Biomedicine, Biotechnology, Marine Engineering, and IT
    Park": a site word listed among the names after a colon that follows a plural site word of another type
    names a member of that kind (a cluster called IT Park), not a site of its own type."""
    at = ctx.tokens[start].start
    sentence = sentence_of(ctx.text, at)
    colon = ctx.text.rfind(":", sentence[0], at)
    if colon < 0 or not _LIST_BETWEEN.fullmatch(ctx.text, colon + 1, at):
        return False
    return any(
        entry.kind == "site_type"
        and entry.ident != site_type
        and sentence[0] <= ctx.tokens[i].start < colon
        and plural(ctx.tokens[j - 1])
        for i, j, entry in hits
    )


def _outside_names(text: str, tokens: list[Token], start: int, end: int) -> bool:
    """A site word inside an organisation's quoted name (компании «Индустриально-логистический парк») is not a
    site, unless the word is followed by its own quoted name: НИИ "Технопарк "Родина"", CJSC “Innovational
    production Technopark “Idea”” name the technopark they are named after."""
    if not inside_quotes(text, tokens[start].start) or _quoted_site(text, tokens, start, end):
        return True
    nested = _NESTED_QUOTE.match(text, tokens[end - 1].end)  # not the name's own closing quote: Park" secured
    return nested is not None and quoted_after(text, tokens[end - 1].end) is not None


_OWN_NAME_IN_QUOTE = re.compile(r"[ \t\u00a0]+[A-ZА-ЯЁ][\w-]*(?:[ \t\u00a0]+[A-ZА-ЯЁ][\w-]*)?[»\"”]")
_QUOTE_LISTED = re.compile(
    r"[»\"”][ \t\u00a0]*(?:,|и|and)[ \t\u00a0]*$|(?:named|called|названием)[ \t\u00a0]*$"
)


def _quoted_site(text: str, tokens: list[Token], start: int, end: int) -> bool:
    """Руководство «Технопарка Пермь»: a quote holding nothing but one site word (singular) and a capitalised
    name after it names that site, unless a company word or a legal form stands before the quote (ООО
    «Технопарк Пермь»), the quote is one of a list of quoted names («Начало» и «Технопарк Прикамья») or
    another site's name (парк с рабочим названием «Технополис Метмаш»)."""
    at = tokens[start].start
    if at == 0 or text[at - 1] not in '«"“„' or plural(tokens[end - 1]):
        return False
    if _OWN_NAME_IN_QUOTE.match(text, tokens[end - 1].end) is None:
        return False
    before = text[max(0, at - 41) : at - 1]
    return _COMPANY_BEFORE.search(before) is None and _QUOTE_LISTED.search(before) is None


def _name_in_own_quote(text: str, tokens: list[Token], start: int, end: int) -> tuple[str, int] | None:
    """The name of a site so quoted («Технопарка Пермь» → Пермь), as written up to the closing quote."""
    if not inside_quotes(text, tokens[start].start) or not _quoted_site(text, tokens, start, end):
        return None
    match = _OWN_NAME_IN_QUOTE.match(text, tokens[end - 1].end)
    return match.group().strip(' \t\u00a0»"”'), match.end() - 1


def _registered(ctx: _Context, found: list[Mention], types: set[str]) -> list[Mention]:
    """Names distinctive enough to name a registered site alone («Алабуга», "Technopolis Moscow") take the
    registry's entry, over the sites found around them, unless a site word of another type stands beside the
    name outside it (металлургический кластер «Титановая долина» is the cluster, not the SEZ). Of a name the
    registry lists both as a zone and as a park, the text's site words pick the entry (types: the types of the
    text's site words): «Ступино Квадрат» with «парка» and no zone word is the park."""
    for i, j, entry in standalone_hits(ctx.tokens):
        start, end = ctx.tokens[i].start, ctx.tokens[j - 1].end
        entry = _entry_of_named_type(ctx.text[start:end], entry, types)
        if _part_of_other_name(ctx, i, j):
            continue
        overlapping = [m for m in found if m.start < end and start < m.end]
        own_word = any(i <= n < j for n in ctx.nouns)  # «Технополис Москва»: the site word is in the name
        if any(m.attrs["site_type"] != entry.site_type and not own_word for m in overlapping):
            continue
        span = (min([start, *(m.start for m in overlapping)]), max([end, *(m.end for m in overlapping)]))
        industry = next((m.attrs["industry"] for m in overlapping if m.attrs["industry"]), None)
        found = [m for m in found if m not in overlapping]
        found.append(_registered_site(entry, span, ctx.text, industry))
    return sorted(found, key=lambda m: m.start)


def _entry_of_named_type(name: str, entry: Registered, types: set[str]) -> Registered:
    if entry.site_type in types:
        return entry
    others = [lookup(name, kind) for kind in _ALL_TYPES if kind in types and kind != entry.site_type]
    return next((other for other in others if other is not None), entry)


def _part_of_other_name(ctx: _Context, i: int, j: int) -> bool:
    """ "Alabuga Polytech", компания «Алабуга Машинери»: a registered name inside a longer name is not the
    site."""
    tokens, text = ctx.tokens, ctx.text
    if (
        j < len(tokens)
        and tokens[j].text[:1].isupper()
        and not title_case_line(text, tokens[j].start)
        and j not in ctx.nouns
        and not text[tokens[j - 1].end : tokens[j].start].strip()
    ):
        return True
    before = text[max(0, tokens[i].start - 1) : tokens[i].start]
    after = text[tokens[j - 1].end : tokens[j - 1].end + 1]
    if j in ctx.nouns:
        return False  # "Alabuga Special Economic Area (the quote left open): the site word is the name's own
    return bool(before) and before in '«„"“' and after not in '»“”"'  # «Алабуга машиностроение»


def _regional_park_lists(ctx: _Context, found: list[Mention]) -> list[Mention]:
    """ "четыре самых крупных парка Калужской области: «Ворсино», «Грабцево» …": the bare word парк, then a
    region and a colon, then quoted names: the region's industrial parks."""
    sites = []
    for k, token in enumerate(ctx.tokens[:-1]):
        if token.norm != "парк":
            continue
        after = after_region(ctx.text, ctx.tokens, k + 1)
        if after == token.end:
            continue
        for name, span in listed_after_colon(ctx.text, after, sentence_of(ctx.text, token.start)[1]):
            if not any(m.start <= span[0] < m.end for m in found):
                iso = _region_of_name(ctx.text[token.end : after])
                sites.append(_site("industrial_park", span, ctx.text, name, None, iso))
    return sites


def _registered_quoted(ctx: _Context, hits: list, found: list[Mention]) -> list[Mention]:
    """ "…новые индустриальные парки – «Подгоренский», «Богучарский» и расширить «Масловский»": a quoted name
    anywhere in a site noun's sentence that the registry lists under the noun's type (in the region the text
    gives it) is that site, unless a company word stands before it (компания «…»)."""
    sites: list[Mention] = []
    seen: set[tuple[int, str]] = set()
    for start, _, entry in hits:
        if entry.kind != "site_type" or inside_quotes(ctx.text, ctx.tokens[start].start):
            continue
        sentence = sentence_of(ctx.text, ctx.tokens[start].start)
        if (sentence[0], entry.ident) in seen:
            continue
        seen.add((sentence[0], entry.ident))
        for match in _QUOTED_NAME.finditer(ctx.text, sentence[0], _next_sentence_end(ctx, sentence)):
            span = match.span(1)
            if any(m.start < span[1] and span[0] < m.end for m in found + sites):
                continue
            if _COMPANY_BEFORE.search(ctx.text[max(0, match.start() - 40) : match.start()]):
                continue
            iso = _nearest_region(ctx.text, span[0], ctx.places, ctx.place_starts) or ctx.main_region
            name = match.group(1).strip(" .")
            registered = lookup(name, entry.ident, iso) or lookup_near(name, entry.ident, iso)
            if registered is not None:
                sites.append(_registered_site(registered, span, ctx.text, None))
    return sites


def _next_sentence_end(ctx: _Context, sentence: tuple[int, int], reach: int = 2) -> int:
    """Where the quoted names a site noun's sentence reaches end: the sentence's end, or that of the next one
    or two when they have no site noun of their own and the paragraph goes on ("Пять индустриальных парков
    получили знак качества. … Его получили две площадки — «Богородкий» и «М7-М12».")."""
    end = sentence[1]
    for _ in range(reach):
        if end >= len(ctx.text) or "\n" in ctx.text[end : end + 2]:
            break
        following = sentence_of(ctx.text, min(len(ctx.text) - 1, end + 1))
        if following[0] < end or any(following[0] <= ctx.tokens[n].start < following[1] for n in ctx.nouns):
            break
        end = following[1]
    return end


def _registered_inside_quotes(ctx: _Context, hits: list, found: list[Mention]) -> list[Mention]:
    """the consortium "Ulyanovsk-Avia Research, Educational, and Production Cluster": a quoted name ending in
    the site word and led by a name the registry lists under that type is the registered site, an
    organisation's name though it is."""
    sites: list[Mention] = []
    for _, end, entry in hits:
        close = ctx.tokens[end - 1].end
        if entry.kind != "site_type" or ctx.text[close : close + 1] not in _CLOSING or close == len(ctx.text):
            continue
        line_start = ctx.text.rfind("\n", 0, close) + 1
        opening = max(ctx.text.rfind(q, max(line_start, close - 100), close) for q in '«"“„')
        if opening < 0 or any(m.start < close and opening < m.end for m in found + sites):
            continue
        words = ctx.text[opening + 1 : close].split()
        for n in range(min(3, len(words) - 1), 0, -1):
            if (registered := lookup(" ".join(words[:n]).rstrip(",;:"), entry.ident)) is not None:
                sites.append(_registered_site(registered, (opening + 1, close), ctx.text, None))
                break
    return sites


_IP_NAME = re.compile(r"(?<![\w-])IP[-‐ ]([A-Z][a-z]+(?:[- ][A-Z][a-z]+)?)\b")


def _abbreviated_parks(ctx: _Context, found: list[Mention]) -> list[Mention]:
    """ "IP-Uzlovaya", "IP Vorsino": IP (industrial park) before a name the registry lists as an industrial
    park of the region."""
    sites: list[Mention] = []
    for match in _IP_NAME.finditer(ctx.text):
        if any(m.start < match.end() and match.start() < m.end for m in found):
            continue
        iso = _nearest_region(ctx.text, match.start(), ctx.places, ctx.place_starts) or ctx.main_region
        if (registered := lookup(match.group(1), "industrial_park", iso)) is not None:
            sites.append(_registered_site(registered, match.span(), ctx.text, None))
    return sites


_PARKS = ("industrial_park", "technopark")
_ALL_TYPES = ("sez", "technopark", "industrial_park", "cluster")


def _bare_parks(ctx: _Context, hits: list, found: list[Mention]) -> list[Mention]:
    """ "Himgrad and Master parks have received…", «парк «Химград»»: the bare word park with names before it
    (or a quoted name after it) that the registry lists as an industrial park or a technopark of the
    region."""
    typed = {k for start, end, entry in hits if entry.kind == "site_type" for k in range(start, end)}
    sites: list[Mention] = []
    for k, token in enumerate(ctx.tokens):
        if token.norm not in ("park", "парк") or k in typed:
            continue
        for name, span in _names_at_park(ctx.text, ctx.tokens, k):
            if any(m.start < span[1] and span[0] < m.end for m in found + sites):
                continue
            iso = _nearest_region(ctx.text, span[0], ctx.places, ctx.place_starts) or ctx.main_region
            entry = lookup(name, "industrial_park", iso) or lookup(name, "technopark", iso)
            if entry is not None:
                sites.append(_registered_site(entry, span, ctx.text, None))
    return sites


def _named_zones(ctx: _Context, hits: list, found: list[Mention]) -> list[Mention]:
    """ "The businesses based in the Zelenograd Zone will specialize in microelectronics": the capitalised
    word Zone after a Russian place's name, in a text that names special economic zones, is the SEZ of that
    name; so is "the Lipetsk zone" in lower case when the registry lists a zone of that name."""
    typed = {k for start, end, entry in hits if entry.kind == "site_type" for k in range(start, end)}
    if not any(entry.kind == "site_type" and entry.ident == "sez" for _, _, entry in hits):
        return []
    sites: list[Mention] = []
    for k, token in enumerate(ctx.tokens):
        if token.text not in ("Zone", "zone") or k in typed:
            continue
        if (before := _name_before(ctx.text, ctx.tokens, k)) is None:
            continue
        if token.text == "zone" and lookup(before, "sez") is None:
            continue
        at = ctx.text.rfind(before, max(0, token.start - 120), token.start)
        if at < 0 or any(m.start < token.end and at < m.end for m in found + sites):
            continue
        iso = _region_of_name(before)
        if iso is None or not iso.startswith("RU-"):
            continue  # "the Euro Zone": a zone named by a Russian place only
        sites.append(_site("sez", (at, token.end), ctx.text, before, None, iso))
    return sites


_ZONE_TYPE = re.compile(
    r"[ \t\u00a0]*(?:\([^()\n]{1,12}\)[ \t\u00a0]*)?(портового|туристско-рекреационного|"
    r"промышленно-производственного|технико-внедренческого)[ \t\u00a0]+типа",
    re.IGNORECASE,
)
_ZONE_TYPE_WORDS = {"портового": "port", "туристско-рекреационного": "tourist_recreational",
                    "промышленно-производственного": "industrial_production",
                    "технико-внедренческого": "technology_innovation"}  # fmt: skip
_TO_CREATE = re.compile(r"(?<![\w-])(?:создани|формировани|организаци)[яеию][ \t\u00a0]+$", re.IGNORECASE)
_SUCH_ZONES = re.compile(r"\s*(?:Такие|Эти|Все)[ \t\u00a0]+(?:зоны|ОЭЗ)\b")


def _typed_zones(ctx: _Context, hits: list, found: list[Mention]) -> list[Mention]:
    """«в Ульяновской области создали особую экономическую зону портового типа»: an SEZ word with its zone's
    type after it and no name is the zone of the region its sentence names (one region only); «семи особых
    экономических зон (ОЭЗ) туристско-рекреационного типа. Такие зоны будут созданы в Краснодарском и
    Ставропольском краях, …»: a plural one, the zones of the regions listed in its sentence or in the next
    one that opens with «Такие зоны». A singular one to be created («проект создания особой экономической
    зоны … типа в регионе») is none yet. Each is the registry's zone of that type in the region when it lists
    one only, else a zone named by its region."""
    sites: list[Mention] = []
    for i, j, entry in hits:
        if entry.kind != "site_type" or entry.ident != "sez":
            continue
        span = (ctx.tokens[i].start, ctx.tokens[j - 1].end)
        if (kind := _ZONE_TYPE.match(ctx.text, span[1])) is None:
            continue
        if any(m.start < kind.end() and span[0] < m.end for m in found + sites):
            continue
        many = plural(ctx.tokens[j - 1])
        for region in _zone_regions(ctx, span, many):
            at = (region.start, region.end) if many else (span[0], kind.end())
            sites.append(_zone_in(ctx.text, at, region.attrs["iso"], _ZONE_TYPE_WORDS[kind.group(1).lower()]))
    return sites


_IN_TOWNS = re.compile(
    r"(?:[ \t\u00a0]+[а-яё]+){0,3}[ \t\u00a0]+во?[ \t\u00a0]+([А-ЯЁ][\w-]+)"
    r"((?:,[ \t\u00a0]*(?:во?[ \t\u00a0]+)?[А-ЯЁ][\w-]+)*)"
    r"[ \t\u00a0]+и[ \t\u00a0]+(?:во?[ \t\u00a0]+)?([А-ЯЁ][\w-]+)"
)
_TOWN_WORD = re.compile(r"[А-ЯЁ][\w-]+")


def _sites_in_towns(ctx: _Context, hits: list, found: list[Mention]) -> list[Mention]:
    """«Строительство технопарков намечено в Дмитрове и Черноголовке»: a plural site word with no name, then
    (three lower-case words at most between) «в» and two or more towns joined by «и», is one site in each
    town, named by it (the convention for a site known by its town). One town is not enough: «создание
    технопарков в Казани» is a kind; a region («в Татарстане и Башкирии») is no town."""
    sites: list[Mention] = []
    for i, j, entry in hits:
        word = ctx.tokens[j - 1]
        if entry.kind != "site_type" or not has_cyrillic(ctx.tokens[i].text) or not _plural_noun(word):
            continue
        end = ctx.tokens[j - 1].end
        if any(m.start < end and ctx.tokens[i].start < m.end for m in found + sites):
            continue
        match = _IN_TOWNS.match(ctx.text, end)
        if match is None:
            continue
        words = [match.group(1), *_TOWN_WORD.findall(match.group(2)), match.group(3)]
        towns = [town_name(word) for word in words]
        if None in towns:
            continue
        at = match.start(1)
        for word, town in zip(words, towns, strict=True):
            at = ctx.text.index(word, at)
            span, at = (at, at + len(word)), at + len(word)
            iso = _nearest_region(ctx.text, span[0], ctx.places, ctx.place_starts) or ctx.main_region
            sites.append(_site(entry.ident, span, ctx.text, town, None, iso))
    return sites


def _sites_by_verb_town(ctx: _Context, hits: list, found: list[Mention]) -> list[Mention]:
    """«В Челябинске появится индустриальный парк»: a singular site word with no name, no industry and no
    kind, whose verb has «в» and a town, is the site known by that town (`town_of_verb`), unless the text
    names a site of its type itself («В Белоярке появится агропарк. … агропромышленный парк «Шипелово»»:
    the same park by its own name)."""
    named_types = {m.attrs["site_type"] for m in found if m.attrs.get("named")}
    sites: list[Mention] = []
    for start, end, entry in hits:
        if entry.kind != "site_type" or entry.ident in named_types:
            continue
        span = (ctx.tokens[start].start, ctx.tokens[end - 1].end)
        if any(m.start < span[1] and span[0] < m.end for m in found + sites):
            continue
        if not _outside_names(ctx.text, ctx.tokens, start, end) or _generic(ctx.text, ctx.tokens, start, []):
            continue
        if _kind_of_sites(ctx.text, ctx.tokens, (start, end), []):
            continue
        town = town_of_verb(ctx.text, ctx.tokens, start, end, entry.ident)
        if town is not None:
            iso = _nearest_region(ctx.text, span[0], ctx.places, ctx.place_starts) or ctx.main_region
            sites.append(_site(entry.ident, span, ctx.text, town[0], None, iso))
    return sites


def _plural_noun(token: Token) -> bool:
    """The site noun is plural in its own lemma's reading («парков» of парк, read first as парковый)."""
    return plural(token) or any(
        p.normal_form == token.norm and p.tag.number == "plur" for p in parses(token.text)
    )


def _zone_regions(ctx: _Context, span: tuple[int, int], many: bool) -> list[Mention]:
    sentence = sentence_of(ctx.text, span[0])
    regions_in = [m for m in ctx.places if m.kind == "region" and sentence[0] <= m.start < sentence[1]]
    if not many:
        if _TO_CREATE.search(ctx.text, max(0, span[0] - 20), span[0]):
            return []  # «проект создания особой экономической зоны … в регионе»: a zone not made yet
        return regions_in if len({m.attrs["iso"] for m in regions_in}) == 1 else []
    if regions_in or not _SUCH_ZONES.match(ctx.text, sentence[1]):
        return []
    following = sentence_of(ctx.text, _SUCH_ZONES.match(ctx.text, sentence[1]).end())
    return [m for m in ctx.places if m.kind == "region" and following[0] <= m.start < following[1]]


def _zone_in(text: str, span: tuple[int, int], iso: str, zone_type: str) -> Mention:
    zones = [e for e in registry().values() if e.site_type == "sez" and e.region_iso == iso]
    typed = [e for e in zones if e.zone_type == zone_type]
    if len(typed) == 1:
        return _registered_site(typed[0], span, text, None)
    return _site("sez", span, text, regions()[iso]["name_ru"], None, iso)


def _such_as_lists(ctx: _Context, hits: list, found: list[Mention]) -> list[Mention]:
    """ "6 technoparks out of 33 are located in the capital, moreover, such facilities as ELMA and POLYUS are
    among the top three": names listed after "such facilities as" («такие площадки, как») are sites of the
    type of the site word before them in the sentence."""
    sites: list[Mention] = []
    for match in SUCH_AS.finditer(ctx.text):
        sentence = sentence_of(ctx.text, match.start())
        nouns = [(ctx.tokens[i].start, e.ident) for i, _, e in hits
                 if e.kind == "site_type" and sentence[0] <= ctx.tokens[i].start < match.start()]  # fmt: skip
        if not nouns:
            continue
        site_type = max(nouns)[1]
        for name, span in names_in_list(ctx.text, match.end(), sentence[1]):
            if any(m.start < span[1] and span[0] < m.end for m in found + sites):
                continue
            if is_place(name) and lookup(name, site_type) is None:
                continue
            iso = _nearest_region(ctx.text, span[0], ctx.places, ctx.place_starts) or ctx.main_region
            sites.append(_site(site_type, span, ctx.text, name, None, iso))
    return sites


def _names_at_park(text: str, tokens: list[Token], k: int) -> list[tuple[str, tuple[int, int]]]:
    if (quoted := quoted_after(text, tokens[k].end)) is not None:
        return [(quoted[0], (tokens[k].start, quoted[1]))]
    for site_type in _PARKS:  # «ПНК парк Белый Раст»: a registered name, unquoted, right after the word
        if (bare := _cyrillic_name_after(text, tokens, k + 1, site_type)) is not None:
            return [(bare[0], (tokens[k].start, bare[1]))]
    # "the largest operating parks are Vorsino in Kaluga Region, “Sheksna” in Vologda Region"
    limit = sentence_of(text, tokens[k].start)[1]
    if plural(tokens[k]) and (placed := names_placed_after(text, tokens[k].end, limit)):
        return placed
    before = _name_before(text, tokens, k)
    if before is None:
        return []
    at = text.rfind(before, max(0, tokens[k].start - 120), tokens[k].start)
    if at < 0:
        return []
    listed = _listed_before(text, at) if plural(tokens[k]) else []
    # "Tyulyachi Business Park": the registry's industrial park Tyulyachi, "Business" its developer's word
    name = before.removesuffix(" Business") if before.endswith(" Business") else before
    return [(name, span) for name, span, _ in listed] + [(name, (at, tokens[k].end))]


def _compound_sites(ctx: _Context, hits: list, found: list[Mention]) -> list[Mention]:
    """Академпарк, Иннопарк: a name holding the site word; its type is the site noun nearest in its
    sentence that the word allows (a park's name is a technopark or an industrial park, never an SEZ or
    a cluster), a technopark when there is none."""
    sites = []
    for word, start, end in compound_names(ctx.text):
        if any(m.start < end and start < m.end for m in found):
            continue
        sentence = sentence_of(ctx.text, start)
        allowed = _PARKS if word.lower().endswith("park") or word.lower().endswith("парк") else None
        nouns = [(abs(ctx.tokens[i].start - start), e.ident) for i, _, e in hits
                 if e.kind == "site_type" and sentence[0] <= ctx.tokens[i].start < sentence[1]
                 and (allowed is None or e.ident in allowed)]  # fmt: skip
        site_type = min(nouns)[1] if nouns else "technopark"
        iso = _nearest_region(ctx.text, start, ctx.places, ctx.place_starts) or ctx.main_region
        if not nouns and _after_abbreviation(ctx.text, start) and lookup(word, site_type) is None:
            continue  # «ИТМО Хайпарк»: a body's project, named after its abbreviation
        sites.append(_site(site_type, (start, end), ctx.text, word, None, iso))
    return sites


def _after_abbreviation(text: str, start: int) -> bool:
    return re.search(r"\b[А-ЯЁA-Z]{2,}[ \t\u00a0]+$", text[max(0, start - 20) : start]) is not None


def _sites_at(ctx: _Context, start: int, end: int, site_type: str) -> list[Mention]:
    text, tokens, hits = ctx.text, ctx.tokens, ctx.industry
    regions_found, main_region = ctx.places, ctx.main_region
    sentence = sentence_of(text, tokens[start].start)
    low = bisect_left(ctx.nouns, start - 3 * WINDOW)
    nearby = ctx.nouns[low : bisect_right(ctx.nouns, start + 3 * WINDOW)]
    same_sentence = [n for n in nearby if sentence[0] <= tokens[n].start < sentence[1]]
    listed = listed_after_colon(text, after_region(text, tokens, end), sentence[1])
    if not listed and plural(tokens[end - 1]):
        listed = names_listed_after(text, tokens[end - 1].end, sentence[1])
        if any(is_place(name) and lookup(name, site_type) is None for name, _ in listed):
            listed = []  # "industrial parks (Moscow, Kaluga)": where they are, not their names
    items = _listed_items(text, tokens[end - 1].end, sentence[1]) or [(n, span, None) for n, span in listed]
    named = items or _named(text, tokens, start, end, site_type)
    line = _line(text, sentence, tokens[start].start)
    industries = [] if items else _industries_near(tokens, hits, same_sentence, start, line)
    industries += [(start, end, e) for _, _, e in matcher().find(tokens[start:end], {"industry"})]
    if not named and not industries:
        return []
    kind = _kind_of_sites(text, tokens, (start, end), named)
    if not items and (kind or _generic(text, tokens, start, named)):
        return []
    found = []
    own = [_place_after(text, span[1]) or _region_of_name(name) for name, span, _ in named]
    for (name, span, industry), iso in zip(named, _shared(own) if items else own, strict=True):
        industry = industry or (industries[0][2].ident if industries else None)
        iso = iso or _nearest_region(text, span[0], regions_found, ctx.place_starts) or main_region
        found.append(_site(site_type, span, text, name, industry, iso))
    if named:
        return found
    span = (tokens[start].start, tokens[end - 1].end)
    iso = _nearest_region(text, span[0], regions_found, ctx.place_starts) or main_region
    return [_site(site_type, _widen(span, tokens, ind), text, None, ind[2].ident, iso) for ind in industries]


def _line(text: str, sentence: tuple[int, int], at: int) -> tuple[int, int]:
    """The sentence cut at the line breaks round offset at: a headline without its full stop ("High Tech
    Plantations") lends no industry to a site word on the next line."""
    before, after = text.rfind("\n", sentence[0], at), text.find("\n", at, sentence[1])
    return (before + 1 if before >= 0 else sentence[0]), (after if after >= 0 else sentence[1])


def _kind_of_sites(text: str, tokens: list[Token], span: tuple[int, int], named: list) -> bool:
    """A plural or counted site word with no name of its own after it names a kind of site, not one:
    "субсидии на создание технопарков в сфере высоких технологий", "the microelectronics, IT and medicine
    clusters", «Московские технопарки», "два технопарка, в том числе в сфере электронной промышленности";
    unless the sentence lists them as the members of a set ("over 10 clusters, including automotive,
    pharmaceutical … clusters") or names them one by one ("the Lipetsk and Tambov SEZs")."""
    start, end = span
    before = tokens[start].start
    if not plural(tokens[end - 1]) and not _COUNTED.search(text, max(0, before - 20), before):
        return False
    sentence = text[slice(*sentence_of(text, tokens[end - 1].start))]
    listing = _ENUMERATION.search(sentence)
    if listing and not _SPHERE_AFTER.match(sentence, listing.end()):
        return False
    return len(named) < 2 and not any(name[1][1] > tokens[end - 1].end for name in named)


def _generic(text: str, tokens: list[Token], start: int, named: list) -> bool:
    """An unnamed site word that names its kind: "правовой статус технопарка в сфере высоких технологий",
    "the status of an industrial park", "any industrial park", "under the guise of creating a high-tech
    cluster" (the category of the law on high-tech technoparks); "to create a pharmaceutical cluster" stays a
    site."""
    if named:
        return False
    before = text[max(0, tokens[start].start - 80) : tokens[start].start]
    return _STATUS_OF.search(before) is not None or _INDEFINITE.search(before) is not None


def _named(text: str, tokens: list[Token], start: int, end: int, site_type: str) -> list[tuple]:
    """Names after the noun (with a list continuing them), else a name before it."""
    after = (
        _name_in_own_quote(text, tokens, start, end)
        or bracketed_park_name(text, tokens[end - 1].end, site_type)
        or _cyrillic_name_after(text, tokens, end, site_type)
        or in_town(text, tokens, start, end, site_type)
        or on_town_territory(text, tokens, start, end)
        or of_place(text, tokens, end, site_type)
        or university_after(text, tokens, end, site_type)
        or english_town_in(text, tokens, start, end, site_type)
        or the_zone_in_region(text, tokens, start, end, site_type)
        or _abbreviation_after(text, tokens, end, site_type)
        or _registered_run_after(text, tokens, end, site_type)
        or latin_name_after(text, tokens, end)
        or bare_name_after(text, tokens, end)
        or registered_apposition(text, tokens[end - 1].end, site_type)
    )
    if after is not None:
        return [(after[0], (tokens[start].start, after[1]), None)]
    name, name_end = _name_after(text, tokens[end - 1].end, not _title_cased_inside(text, tokens, start, end))
    if (
        name is not None
        and _COMPANY_BEFORE.search(text[max(0, tokens[start].start - 40) : tokens[start].start])
        and lookup(name, site_type) is None
    ):
        return []  # «компания-резидент технопарка «Облачные технологии»»: the quoted name is the company's
    if name is not None:
        found = [(name, (tokens[start].start, name_end), None)]
        more = _QUOTED_MORE if text[name_end : name_end + 1] in _CLOSING else _CONTINUE
        for match in _continued(text, name_end, more):
            found.append((match.group(1).strip(" ."), match.span(1), None))
        return found
    if (quoted := quoted_before(text, tokens[start].start)) is not None:
        return [(quoted[0], (quoted[1], tokens[end - 1].end), None)]
    if (region := proper_regional(text, tokens, start, end, site_type)) is not None:
        return [region]
    if (own := _registered_with_noun(text, tokens, start, end, site_type)) is not None:
        return [own]
    before = (
        registered_before(text, tokens, start, site_type)
        or _name_before(text, tokens, start)
        or _adjective_name(text, tokens, start, end, site_type)
        or _region_before_industry(text, tokens, start, end, site_type)
    )
    if before is None:
        described = _described_in_place(text, tokens, start, end)
        return [described] if described is not None else []
    at = text.rfind(before, max(0, tokens[start].start - 120), tokens[start].start)
    first = at if at >= 0 else tokens[max(0, start - 1)].start
    found = [(before, (min(first, tokens[start].start), tokens[end - 1].end), None)]
    return _listed_before(text, first) + found if plural(tokens[end - 1]) and at >= 0 else found


def _abbreviation_after(text: str, tokens: list[Token], end: int, site_type: str) -> tuple[str, int] | None:
    """«технопарк МФТИ»: an abbreviation after технопарк names it; after an industrial park's word only when
    the registry lists the abbreviation as a park («Промышленный парк ЗЭМ» is the ZEM technopark)."""
    if site_type not in _PARKS or (found := abbreviation_after(text, tokens, end)) is None:
        return None
    if site_type == "technopark" or any(lookup(found[0], kind) is not None for kind in _PARKS):
        return found
    return None


_LATIN_RUN_AFTER = re.compile(r"[ \t\u00a0]+([A-Z][\w&-]*(?:[ \t\u00a0]+[A-Z][\w&-]*){1,2})")


def _registered_run_after(text: str, tokens: list[Token], end: int, site_type: str) -> tuple[str, int] | None:
    """ "on the territory of industrial park Morion Digital (Perm)": two or three capitalised Latin words
    right after an English site word name the site whole when the registry lists them (for a park, as either
    park type: the entry's own type wins)."""
    match = _LATIN_RUN_AFTER.match(text, tokens[end - 1].end)
    if has_cyrillic(tokens[end - 1].text) or match is None:
        return None
    words = list(re.finditer(r"\S+", match.group(1)))
    types = _PARKS if site_type in _PARKS else (site_type,)
    for n in range(len(words), 1, -1):
        name = " ".join(word.group() for word in words[:n])
        if any(lookup(name, kind) is not None for kind in types):
            return name, match.start(1) + words[n - 1].end()
    return None


def _title_cased_inside(text: str, tokens: list[Token], start: int, end: int) -> bool:
    """ "the Center for Cluster Development", "The Cluster Path to Innovation", "Innovation Clusters
    Presented": an English site word written Title-case that goes on a capitalised phrase begun before it, or
    a plural one, is a word of a title or of a body's name, so a bare capitalised word after it does not name
    the site ("alongside …, Technopark Strogino and …" still does; so do quoted names and names set off by
    commas)."""
    words = text[tokens[start].start : tokens[end - 1].end].split()
    if not all(w[:1].isupper() and w[1:].islower() and w.isascii() for w in words):
        return False
    return plural(tokens[end - 1]) or _TITLE_BEFORE.search(text, 0, tokens[start].start) is not None


def _listed_before(text: str, first: int) -> list[tuple]:
    """ "the Lipetsk and Tambov SEZs", "the Kaluga, Lipetsk and Tambov SEZs": the names before the last."""
    match = _LISTED_BEFORE.search(text, max(0, first - 120), first)
    if match is None:
        return []
    found = []
    for item in _LIST_NAME.finditer(text, match.start(), match.end()):
        words = item.group(1).split()
        while words and words[0] in _NOT_NAMES:  # "The Kaluga, …"
            words.pop(0)
        if words:
            name = " ".join(words)
            found.append((name, (item.end(1) - len(name), item.end(1)), None))
    return found


def _cyrillic_name_after(text: str, tokens: list[Token], end: int, site_type: str) -> tuple[str, int] | None:
    """«ОЭЗ Алабуга», «индустриальный парк Ворсино»: a capitalised Russian name right after the site word,
    without quotes, when the registry lists it under this type (an unlisted word there is as often a subject
    or a place: «в технопарке Минпромторг провёл…», «технопарк Татарстана»), or a region where the registry
    lists one zone only («ОЭЗ Москвы» is Technopolis Moscow; «ОЭЗ Татарстана» none)."""
    if end >= len(tokens) or not has_cyrillic(tokens[end].text) or not tokens[end].text[:1].isupper():
        return None
    if text[tokens[end - 1].end : tokens[end].start].strip():
        return None
    for last in range(min(end + 3, len(tokens)) - 1, end - 1, -1):
        if text[tokens[end].start : tokens[last].end].count("\n") or any(
            text[tokens[k].end : tokens[k + 1].start].strip() for k in range(end, last)
        ):
            continue
        words = text[tokens[end].start : tokens[last].end]
        if lookup(words, site_type) is not None or _zone_of_place(words, site_type) is not None:
            return words, tokens[last].end  # «особой экономической зоны Москвы»: the region's one zone
    return town_after(text, tokens, end)


def _continued(text: str, end: int, pattern: re.Pattern = _CONTINUE) -> list[re.Match]:
    """'technoparks Adlershof (Berlin) and E.S.T.E.R. (France)', «в технопарках «Идея» и «Химград»»: the names
    after the first."""
    found = []
    while (match := pattern.match(text, end)) and not is_place(match.group(1)):
        found.append(match)
        end = match.end(1)
    return found


def _listed_items(text: str, end: int, limit: int) -> list[tuple[str, tuple[int, int], str]]:
    """'clusters (automotive - AutoCluster.NRW, aerospace - ASTech …)': one named site per item."""
    if not _LIST_OPEN.match(text, end):
        return []
    items = []
    for match in _ITEM.finditer(text[:limit], end):
        industry = _industry_of(match.group(1))
        if industry is not None:
            items.append((match.group(2).strip(" ."), match.span(2), industry))
    return items


def _industry_of(words: str) -> str | None:
    for _, _, entry in matcher().find(tokens_of(words), {"industry"}):
        return entry.ident
    return None


def _adjective_name(text: str, tokens: list[Token], start: int, end: int, site_type: str) -> str | None:
    """«Томская ОЭЗ», «Калужский технопарк», «в липецкой особой экономической зоне»: a region's adjective
    names the site after its capital (Московский → Moscow); «Столыпинского индустриального парка»: another
    capitalised adjective inside a sentence is the site's name, in the nominative (Столыпинский). The
    industry's words between them are skipped («Калужского фармацевтического кластера», «Уральским
    фармацевтическим кластером»); a cluster named by its industry (those words, or a cluster word holding
    them: фармакластер) keeps a region's adjective at a sentence's start too («Калужский фармакластер
    пополняется»: a region's clusters are named so), where a park's is no name."""
    by_industry = _industry_before(tokens, start) < start or tokens[end - 1].norm in _INDUSTRY_CLUSTERS
    start = _industry_before(tokens, start)
    word = tokens[start - 1] if start > 0 else None
    if word is None or not has_cyrillic(word.text) or text[word.end : tokens[start].start].strip():
        return None
    if not reads_as(word.text, "ADJF"):
        return None  # "в Подмосковье индустриальные парки": a place, not an adjective naming the site
    capital = _region_adjective(word.text)
    if capital is not None and (site_type == "sez" or _shares_stem(word.text, capital)):
        keeps = site_type == "sez" or (site_type == "cluster" and by_industry)  # «Калужский фармакластер …»
        if word.text[:1].isupper() and (keeps or not at_sentence_start(text, word.start)):
            return capital  # «Тюменский индустриальный парк включили…»: a sentence's first capital, no name
        # «в липецкой особой экономической зоне»: a region has one SEZ of its own, but many parks and clusters
        return capital if site_type == "sez" and not plural(tokens[end - 1]) else None
    town = _registered_town(word.text, site_type)
    at_start = at_sentence_start(text, word.start)
    if town is not None and word.text[:1].isupper() and (site_type == "sez" or not at_start):
        return town  # «Тольяттинская ОЭЗ»: the zone the registry lists by the town's name
    if not word.text[:1].isupper() or at_sentence_start(text, word.start) or word.norm in _COMMON_ADJECTIVES:
        return None
    if not agrees_as_adjective(word.text, tokens[end - 1].text):
        return None
    # the noun's lemma carries its gender (pymorphy2 reads «парке» as a form of the coat «парка» too); the
    # first part of a compound adjective stays as written (Южно-Уральского → Южно-Уральский)
    prefix, _, last = word.text.rpartition("-")
    name = nominative_phrase(f"{last} {tokens[end - 1].norm}").split()[0]
    return f"{prefix}-{name}" if prefix else name


# cluster words that hold their industry (фармакластер is a pharmaceutical cluster), lemmas
_INDUSTRY_CLUSTERS = {"фармакластер", "агрокластер", "автокластер", "биокластер", "it-кластер", "ит-кластер"}


def _industry_before(tokens: list[Token], start: int) -> int:
    """The first token of the Russian industry words in lower case that end right before token start
    («фармацевтического» before «кластера»), else start."""
    for first in (start - 2, start - 1):
        words = tokens[max(0, first) : start]
        if first < 0 or not all(has_cyrillic(t.text) and t.text[:1].islower() for t in words):
            continue
        if any(i == 0 and j == len(words) for i, j, _ in matcher().find(words, {"industry"})):
            return first
    return start


def _shares_stem(adjective: str, capital: str) -> bool:
    """Томская and Tomsk, Московский and Moscow share a stem; Сахалинский and Yuzhno-Sakhalinsk do not, and
    a park so called («Сахалинский индустриальный парк») is named by its adjective, not by the region's
    centre."""
    row = cities().get(capital)  # a federal city's adjective names the city itself
    return row is None or row["name_ru"].lower().startswith(adjective[:4].lower())


def _registered_town(adjective: str, site_type: str) -> str | None:
    """The town a town's adjective names when the registry lists a site of this type by the town's name:
    Тольяттинская (ОЭЗ) → Тольятти. None when no town, or more than one, shares the adjective's stem so."""
    stem = adjective[:5].lower()
    towns = {row["name_ru"] for row in cities().values() if row["name_ru"].lower().startswith(stem)}
    named = [town for town in towns if lookup(town, site_type) is not None]
    return named[0] if len(named) == 1 else None


def _region_adjective(word: str) -> str | None:
    """The city a region's (or a federal city's) adjective names: Томская → Tomsk, московский → Moscow."""
    stem = word[:4].lower()
    for row in regions().values():
        if row["region_type"] == "federal_city" and any(
            name.lower().startswith(stem) for name in [row["name_ru"], *row["alt_ru"].split("|")] if name
        ):
            return row["name_en"]
    for _, _, entry in matcher().find(tokens_of(f"{word[:1].upper()}{word[1:]} область"), {"region"}):
        in_region = [n for n, row in cities().items() if row["region_iso"] == entry.ident]
        same_stem = [n for n in in_region if cities()[n]["name_ru"].lower().startswith(stem)]
        return (same_stem or in_region or [None])[0]
    return None


def _widen(span: tuple[int, int], tokens: list[Token], hit: tuple) -> tuple[int, int]:
    return min(span[0], tokens[hit[0]].start), max(span[1], tokens[hit[1] - 1].end)
