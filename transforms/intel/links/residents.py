"""resident_of (company → site) and invests_in (company → site or region, with the amount).

"HAYAT is an anchor resident", "Vorsino industrial park houses a plant of … L'Oreal", "MAHLE RUS LLC,
a warehousing complex … based in Vorsino industrial park", "компанией «Закорд», резидентом индустриального
парка «Рязанский»", "German investment projects implemented in Kaluga Region include X; Y", "X will invest
RUB 5 billion in the Alabuga SEZ"."""

from __future__ import annotations

import re
from dataclasses import replace

from transforms.intel.links.anaphora import Slot, link, region_slots, site_slots
from transforms.intel.links.origins import INTRODUCER
from transforms.intel.links.records import Relation
from transforms.intel.links.text import (
    FIRMS,
    Article,
    Sentence,
    clause_of,
    list_items,
    masked,
    skip_quote,
    words,
)
from transforms.intel.mentions import Mention

RESIDENT = r"(?:residents?|anchor|резидент\w*|якорн\w+\s+резидент\w*)"
_RESIDENT_BEFORE_SITE = re.compile(
    rf"(?i){RESIDENT}(?:\s+(?:company|компани\w*))?(?:\s+(?:of|in|at|on\s+the\s+territory\s+of))?\s+(?:the\s+)?$"
)
_RESIDENT_AFTER_FIRM = re.compile(
    rf"(?i)^[»\"”]?(?:\s+(?:LLC|JSC|Ltd|GmbH|AG))?\s*(?:[,–—-]|\s(?:is|was|became|has\s+become|стал\w*|"
    rf"явля\w+))\s*(?:(?:an?|the|one\s+of\s+the)\s+)?(?:[\w-]+\s+){{0,4}}{RESIDENT}"
)
_LIST_AFTER_SITE = re.compile(
    r"(?i)^[»\"”]?\s*(?:[–—:]|\s-\s|is|are|was|were|became|include[sd]?|including|such\s+as|стал\w*|явля\w+|"
    r"это|—)\s*"
)
_HOUSES = re.compile(r"(?i)\s*(?:houses|hosts|is\s+home\s+to|accommodates|has\s+welcomed)\b")
_LOCATED = re.compile(
    r"(?i)\b(?:based|located|situated|operating|registered|headquartered|расположенн\w*|размещенн\w*|"
    r"работающ\w*)\s+(?:in|at|on\s+the\s+territory\s+of|в|на\s+территории|на\s+площадке)\s+(?:the\s+)?$"
)
_OPENED = re.compile(
    r"(?i)\b(?:opened|launched|commissioned|inaugurated|built|set\s+up|placed|открыл[аи]?|запустил[аи]?|"
    r"построил[аи]?|разместил[аи]?|ввел[аи]?\s+в\s+эксплуатацию|дан\s+старт)\b"
)
_PLANT = re.compile(
    r"(?i)\b(?:plant|factory|production|facility|facilities|enterprise|mill|завод\w*|производств\w*|"
    r"предприяти\w*|фабрик\w*|цех\w*|комбинат\w*)\b"
)
_AT_SITE = re.compile(
    r"(?i)(?:\bin|\bat|\bon\s+the\s+territory\s+of|\bв|\bна\s+территории|\bна)\s+(?:the\s+)?$"
)
# "Five new residents of the SEZ": a count of residents, not the company before it being one
COUNTED = re.compile(
    r"(?i)\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|new|два|две|три|четыре|пять|шесть|"
    r"семь|восемь|девять|десять|несколько|много|новых|новые)\b"
)
NOT_STATED = re.compile(
    r"(?i)\b(?:will|would|plans?|planned|planning|intends?|intended|expected|could|can|(?-i:may)|might|not|"
    r"намерен\w*|планир\w*|будет|будут|станет|может|могут|не|нет|пока)\b"
)


def residents(article: Article, sentence: Sentence) -> list[Relation]:
    text = article.text
    firms = sentence.of(*FIRMS)
    if not firms:
        return []
    slots = site_slots(text, sentence, article.sites)
    found: list[Relation] = []
    for slot in slots:
        found += _resident_word(text, sentence, firms, slot)
        found += _among_residents(text, firms, slot)
        found += _houses(text, firms, slot)
        found += _based_in(text, firms, slot)
    found += _opened_plant(text, sentence, firms, slots)
    found += _plant_in(text, firms, slots)
    return found


def _resident_word(text: str, sentence: Sentence, firms: list[Mention], slot: Slot) -> list[Relation]:
    """'X is an anchor resident of S', 'X, резидент S' — and 'residents of S include X, Y'."""
    found = []
    for firm in (f for f in firms if f.end <= slot.start):
        gap = text[firm.end : slot.start]
        stated = (
            len(words(gap)) <= 10 and _RESIDENT_AFTER_FIRM.match(gap) and _RESIDENT_BEFORE_SITE.search(gap)
        )
        alone = not any(firm.end < f.start < slot.start for f in firms)
        if stated and alone and not NOT_STATED.search(gap) and not COUNTED.search(gap):
            found.append(link("resident_of", firm, slot, "resident", firm.start, slot.end))
    before = text[max(sentence.start, slot.start - 40) : slot.start]
    after = _LIST_AFTER_SITE.match(text[slot.end : sentence.end])
    if _RESIDENT_BEFORE_SITE.search(before) and after and not NOT_STATED.search(before):
        end = clause_of(text, sentence, slot.end)[1]
        for firm in list_items(text, slot.end + after.end(), end, firms):
            found.append(link("resident_of", firm, slot, "residents_list", slot.start, firm.end))
    return found


_AMONG = re.compile(
    r"(?i)^[\s,]*(?:among\s+(?:which|them|whom)|where|in\s+which|of\s+which|среди\s+которых|где|"
    r"в\s+которо[йм])\s*$"
)
_IS_RESIDENT = re.compile(
    rf"(?i)^\s+(?:is|was|became|является|стал\w*)\s+(?:(?:an?|the)\s+)?(?:[\w-]+\s+){{0,2}}{RESIDENT}\b"
)


def _among_residents(text: str, firms: list[Mention], slot: Slot) -> list[Relation]:
    """'the objects of the special economic zone, among which HAYAT is an anchor resident'."""
    found = []
    for firm in (f for f in firms if f.start >= slot.end):
        if _AMONG.match(text[slot.end : firm.start]) and _IS_RESIDENT.match(text[firm.end : firm.end + 60]):
            found.append(link("resident_of", firm, slot, "among_residents", slot.start, firm.end + 30))
    return found


def _houses(text: str, firms: list[Mention], slot: Slot) -> list[Relation]:
    """'Vorsino industrial park houses a plant of cosmetics giant L'Oreal'."""
    verb = _HOUSES.match(text, skip_quote(text, slot.end))
    if verb is None:
        return []
    firm = next((f for f in firms if f.start >= verb.end()), None)
    if firm is None or len(words(text[verb.end() : firm.start])) > 6 or "," in text[verb.end() : firm.start]:
        return []
    return [link("resident_of", firm, slot, "houses", slot.start, firm.end)]


def _based_in(text: str, firms: list[Mention], slot: Slot) -> list[Relation]:
    """'MAHLE RUS LLC, a warehousing complex … based in Vorsino industrial park'."""
    located = _LOCATED.search(text, max(0, slot.start - 60), slot.start)
    if located is None:
        return []
    firm = next((f for f in reversed(firms) if f.end <= located.start()), None)
    if firm is None:
        return []
    gap = text[firm.end : located.start()]
    if len(words(gap)) > 14 or re.search(r"[;.]|\b(?:is|are|was|were|has|have|will)\b", gap):
        return []
    return [link("resident_of", firm, slot, "based_in", firm.start, slot.end)]


def _opened_plant(text: str, sentence: Sentence, firms: list[Mention], slots: list[Slot]) -> list[Relation]:
    """One company and one site in a clause that says a plant was opened there: 'we launched the Great
    Wall car plant in the SEZ Uzlovaya', 'свое производство на этой территории открыла компания X'."""
    found = []
    for slot in slots:
        start, end = clause_of(text, sentence, slot.start)
        inside = [f for f in firms if start <= f.start < end]
        verb = _OPENED.search(text, start, end)
        if len(inside) != 1 or verb is None or not _PLANT.search(text, start, end):
            continue
        if not _AT_SITE.search(text[max(start, slot.start - 25) : slot.start]):
            continue
        if NOT_STATED.search(text[max(start, verb.start() - 40) : verb.start()]):
            continue
        found.append(link("resident_of", inside[0], slot, "opened_plant", verb.start(), verb.end()))
    return found


PLANT_WORDS = _PLANT.pattern.removeprefix("(?i)")
_PLANT_OF = re.compile(rf"(?i){PLANT_WORDS}\s+(?:of\s+)?(?:[\w-]+\s+){{0,2}}$")
_PLANT_IN = re.compile(
    rf"(?i)^[»\"”]?\s+(?:(?:[\w-]+\s+){{0,2}}{PLANT_WORDS}\s+)?(?:in|at|on\s+the\s+territory\s+of|в|на\s+территории)"
    r"\s+(?:the\s+)?$"
)


def _plant_in(text: str, firms: list[Mention], slots: list[Slot]) -> list[Relation]:
    """'the Great Wall car plant in the SEZ Uzlovaya', 'a plant of X at S', 'завод Haier в индустриальном
    парке S': a plant of the company, then the site."""
    found = []
    for slot in slots:
        firm = next((f for f in reversed(firms) if f.end <= slot.start), None)
        if firm is None or slot.start - firm.end > 60:
            continue
        after = _PLANT_IN.match(text[firm.end : slot.start])
        if after is None:
            continue
        plant_after = bool(_PLANT.search(text[firm.end : slot.start]))
        if plant_after or _PLANT_OF.search(text[max(0, firm.start - 40) : firm.start]):
            found.append(link("resident_of", firm, slot, "plant_in", firm.start, slot.end))
    return found


# invests_in ---------------------------------------------------------------------------------------

PROJECTS = r"(?:investment\s+)?projects?|инвестиционн\w+\s+проект\w*|проект\w*"
_PROJECTS_IN = re.compile(
    rf"(?i)\b(?:{PROJECTS})\s+(?:(?:being\s+)?(?:implemented|realized|carried\s+out|реализуем\w*|"
    r"реализованн\w*)\s+)?(?:in|в)\s+(?:the\s+)?$"
)
_PROJECT_BY = re.compile(
    rf"(?i)\b(?:{PROJECTS})\s+(?:(?:is|are|was|were|has\s+been|have\s+been)\s+)?(?:being\s+)?"
    r"(?:implemented|realized|carried\s+out)\s+by\s+$"
)
_INVEST = re.compile(
    r"(?i)\b(?:invest(?:s|ed|ing)?|(?:will|plans\s+to|intends\s+to)\s+invest|инвестир\w+|вложит|вложил\w*|"
    r"вкладыва\w+|инвестирова\w+)\b"
)
_INTO = re.compile(r"(?i)^[^.;]{0,60}?\b(?:in|into|в|во)\s+(?:the\s+)?$")


def investments(article: Article, sentence: Sentence, figures: list[tuple[int, int]]) -> list[Relation]:
    text = article.text
    firms = sentence.of(*FIRMS)
    if not firms:
        return []
    places = region_slots(text, sentence, article.regions) + site_slots(text, sentence, article.sites)
    found: list[Relation] = []
    for place in places:
        found += _projects_list(text, sentence, firms, place)
        found += _invested(text, firms, place, figures)
    return found


def _projects_list(text: str, sentence: Sentence, firms: list[Mention], place: Slot) -> list[Relation]:
    """'investment projects implemented in Kaluga Region include X: Y; Z', 'projects implemented in the
    region by French brands – X and Y', "the region's biggest investment project is implemented by X"."""
    view = masked(text[: sentence.end])
    found = []
    if _PROJECTS_IN.search(view[max(sentence.start, place.start - 60) : place.start]):
        opener = re.compile(rf"{INTRODUCER.pattern}|\bby\b").search(view, place.end, sentence.end)
        if opener is not None and not NOT_STATED.search(view[place.end : opener.start()]):
            for firm in list_items(text, opener.end(), sentence.end, firms):
                found.append(link("invests_in", firm, place, "projects", place.start, firm.end))
    for firm in (f for f in firms if f.start > place.end):
        if _PROJECT_BY.search(view[max(place.end, firm.start - 60) : firm.start]) and _possessive(
            text, place
        ):
            found.append(link("invests_in", firm, place, "project_by", place.start, firm.end))
    return found


def _possessive(text: str, place: Slot) -> bool:
    """ "The region's …", "Kaluga Region's …": the place owns what follows."""
    return text[place.start : place.end].endswith(("'s", "’s")) or text.startswith(("'s", "’s"), place.end)


def _invested(text: str, firms: list[Mention], place: Slot, figures: list[tuple[int, int]]) -> list[Relation]:
    """'X will invest RUB 5 billion in S', 'X вложит 2 млрд рублей в S'."""
    firm = next((f for f in reversed(firms) if f.end <= place.start), None)
    if firm is None:
        return []
    verb = _INVEST.search(text, firm.end, place.start)
    if verb is None or len(words(text[firm.end : verb.start()])) > 4:
        return []
    if not _INTO.match(text[verb.end() : place.start]) or re.search(
        r"\b(?:not|не)\b", text[firm.end : verb.end()]
    ):
        return []
    amount = next((f for f in figures if verb.end() <= f[0] < place.start), None)
    relation = link("invests_in", firm, place, "invest", firm.start, place.end)
    return [replace(relation, figure=amount)]
