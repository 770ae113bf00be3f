"""Events: one per type per sentence that states it (cues in transforms.intel.links.cues), with its date,
whether it is still planned, its participants and their roles, and the amount tied to it.

A negated or hypothetical statement ("can receive a subsidy", "не включена") is no event; a planned one
("is organizing a business mission on May 16-21") is kept only when the text gives its date. "The
business mission" said again later, or the headline and the lead telling one event, give one event."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from transforms.intel.lexicon.nlp_ru import case_of, lemma
from transforms.intel.lexicon.translit import has_cyrillic
from transforms.intel.links.anaphora import region_slots, site_slots
from transforms.intel.links.clauses import event_spans
from transforms.intel.links.cues import ANY_CUE, BRIEFING, COMPILED, HYPOTHETICAL, NEGATED, SETTING_CUES
from transforms.intel.links.dates import event_date
from transforms.intel.links.records import Event
from transforms.intel.links.tense import predicate_plans, states_plan, tells_future, told_by_noun
from transforms.intel.links.text import Article, Sentence, clause_of
from transforms.intel.links.word_order import SETTING, word_order_cue
from transforms.intel.mentions import Mention

MODAL_WINDOW = 60  # characters before the cue in which "will", "can", "не" … change its meaning
PLACE_TYPES = ("region", "location")
FIGURE_METRICS = {  # the figure an event carries: its kind, looked for in the event's sentence
    "subsidy_granted": "money", "agreement_signed": "money", "plant_launch": "money",
    "register_application": "count", "register_entry": "count",
}  # fmt: skip
NOUN_TYPES = ("business_mission",)  # told by a noun: "the business mission" again is the same one
NEAR = 400  # characters between two sentences telling one event
_ANOTHER = re.compile(  # "13 agreements … In particular, X and Y signed …": one among many, another
    r"(?i)\b(?:also|another|too|in\s+particular|также|тоже|ещ[её]|еще\s+одн\w+|в\s+частности)\b"
)
_DEFINITE = re.compile(r"(?i)\b(?:the|this|that|этой|этого|данной|данного)\s+(?:[\w-]+\s+)?$")
_SAME_DAY = re.compile(
    r"(?i)\b(?:(?:on\s+)?(?:this|that|the\s+same)\s+day|в\s+(?:этот|тот)\s+(?:же\s+)?день)\b"
)
_CAPITALISED = re.compile(r"\b[A-ZА-ЯЁ][\w-]+")
_DOCUMENT = ("документ", "document")
_AFTER = re.compile(r"(?i)\b(?:после|after|following)\s+(?:the\s+)?$")
# a wire agency's dateline opening the sentence: «ИНТЕРФАКС - Представители …», "TASS, …"
_DATELINE = re.compile(r"[А-ЯЁA-Z][А-ЯЁA-Z-]+(?:\s+[А-ЯЁA-Z][А-ЯЁA-Z-]+)?\s*(?:[-–—]|,)\s")
_HOSTS = re.compile(r"(?i)\s+(?:hosted|hosts|welcomed|принял[аи]?|принимает)\b")
_IN = re.compile(r"(?i)(?:\bin|\bat|\bв|\bво|\bна)\s+(?:the\s+)?$")
# "в представительстве правительства Ивановской области": a place's noun and its genitive before the name
_IN_PHRASE = re.compile(r"(?:\b[Ii]n|\b[Aa]t|\b[Вв]о?|\b[Нн]а)\s+(?:the\s+)?(?:[а-яёa-z-]+\s+){1,2}$")
_COUNTERPART = re.compile(r"(?i)\b(?:с|со|между|with|between|and|и)\s+(?:the\s+)?$")
_TOWARD = re.compile(r"(?i)(?:\bto|\bв|\bво)\s+(?:the\s+)?$")
_SUPPORT = re.compile(
    r"(?i)(?:support\s+of|collaboration\s+with|поддержке|поддержкой)\s+(?:the\s+)?(?:[\w&-]+\s+)?$"
)
_AUTHORITIES = re.compile(
    r"(?i)(?:\b(?:власт\w*|правительств\w*|администраци\w*|между|с|со)|\b(?:government|authorities|"
    r"administration)\s+of|\bbetween|\bwith)\s+(?:the\s+)?$"
)
_CLAUSE_START = re.compile(r"(?:^|[,;:]|\band)\s*(?:the\s+)?$")
_PRESENCE = re.compile(
    r"(?i)(?:\bв\s+присутствии|\bс\s+участием|\bпри\s+участии|\bin\s+the\s+presence\s+of|\battended\s+by|"
    r"\bwith\s+the\s+participation\s+of)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}$"  # a title the list does not know
)
_AND_OR_COMMA = re.compile(r"(?i)\s*,?\s*(?:and\s+|и\s+)?")
_AND = re.compile(r"(?i)\s*,?\s*(?:and|и)\s+")
_CHAINED = ("destination", "visited", "supporter", "region")  # "между Красноярским краем и Томской областью"
_ORGANISES = re.compile(r"(?i)\s+(?:is\s+organi[sz]ing|organi[sz]ed|organi[sz]es|организ\w+)\b")
_LOWER_WORDS = re.compile(r"\s*(?:[а-яёa-z-]+\s+){0,6}")
_GATHERINGS = ("meeting", "forum")  # a site named at one is where it is held, not a party
_DEFAULT_ROLE = {"agreement_signed": "party", "visit": "visitor", "plant_launch": "company"}


def find_events(
    article: Article, published: date | None, figures: dict[str, list[tuple[int, int]]]
) -> list[Event]:
    found: list[Event] = []
    for sentence in article.sentences:
        for kind, cues in COMPILED.items():
            event = None
            if ANY_CUE[kind].search(article.text, sentence.start, sentence.end):
                event = _first(article, sentence, kind, cues, published)
            if event is None and (cue := word_order_cue(article.text, sentence, kind)) is not None:
                event = _event_at(article, sentence, kind, cue[:2], f"{kind}:{cue[2]}", published)
            if event is None:
                continue
            event.figure = _figure(event, figures.get(FIGURE_METRICS.get(kind, ""), []))
            if found and _SAME_DAY.search(article.text, sentence.start, sentence.end):
                event.date = replace(found[-1].date, text=event.date.text)
            found.append(event)
    return merge_repeats(article.text, _settings(_visits(article.text, found)))


def _visits(text: str, events: list[Event]) -> list[Event]:
    """A meeting told only as the setting of a sentence after a visit («В ходе встречи гостям провели
    экскурсию», «На встрече присутствовали …») is that visit's, not a meeting of its own."""
    kept: list[Event] = []
    for event in events:
        visit = next((e for e in reversed(kept) if e.event_type == "visit"), None)
        told_as_setting = event.rule.endswith(f":{SETTING}") or event.rule in SETTING_CUES
        if event.event_type == "meeting" and told_as_setting and visit and event.start - visit.end <= NEAR:
            continue
        kept.append(event)
    return kept


def _settings(events: list[Event]) -> list[Event]:
    """A forum told in the sentence of another event ("соглашение … подписано в рамках форума") is that
    event's setting: its participants are the names of its own words only."""
    for forum in (e for e in events if e.event_type == "forum"):
        if any(e.sentence == forum.sentence and e.event_type != "forum" for e in events):
            forum.participants = [(m, r) for m, r in forum.participants if forum.start <= m.start < forum.end]
    return events


def _first(
    article: Article, sentence: Sentence, kind: str, cues: tuple, published: date | None
) -> Event | None:
    for number, cue in enumerate(cues, 1):
        match = cue.search(article.text, sentence.start, sentence.end)
        if match is not None:
            return _event_at(article, sentence, kind, match.span(), f"{kind}:{number}", published)
    return None


def _event_at(
    article: Article, sentence: Sentence, kind: str, span: tuple[int, int], rule: str, published: date | None
) -> Event | None:
    """The event stated by the words at span, unless negated or hypothetical; planned when its words or
    the words before it say so (transforms.intel.links.tense)."""
    text = article.text
    clause = clause_of(text, sentence, span[0])
    window = text[max(clause[0], span[0] - MODAL_WINDOW) : span[0]]
    before = f"{window} {text[span[0] : span[1]]}"
    if NEGATED.search(before) or HYPOTHETICAL.search(before):
        return None
    if kind == "meeting" and BRIEFING.search(text, span[0], min(clause[1], span[1] + 40)):
        return None  # a meeting with journalists, a press conference: the news is told, nothing happens
    setting = rule.endswith(f":{SETTING}")
    # a word of planning before the event's words, a verb in the future among them ("agreed | to sign"), or
    # for a setting or a noun («Подписание соглашения … состоится») the verb after them
    planned = states_plan(window) or tells_future(before)
    if not planned and (setting or told_by_noun(text, span)):
        planned = predicate_plans(text, span[1], clause[1])
    when = event_date(text, (sentence.start, sentence.end), span[0], published, planned)
    event = Event(kind, span[0], span[1], (sentence.start, sentence.end), rule, when, planned)
    # an event that is only the setting of its sentence ("в рамках форума …") has the names of its own
    # words as participants, not those of the sentence's main event
    scope = [span] if setting else event_spans(text, clause, span)
    event.participants = participants(article, sentence, event, scope)
    return event


def participants(article: Article, sentence: Sentence, event: Event, scope: list[tuple[int, int]]) -> list:
    """The people, bodies, sites and places of the event's words (scope: its clause without the clause
    reporting it, transforms.intel.links.clauses; and 'the region' pointing back at one named before),
    each with a role."""
    text = article.text
    people = sentence.of("person")
    guests = _guests(text, people)
    signers = [m for m in people if m not in guests]
    affiliations = {r.get("organization_surface") for m in signers for r in m.attrs.get("roles", [m.attrs])}
    titles = [span for m in people for span in m.attrs.get("title_spans", ())]
    named = [(m, m.start, m.end) for m in sentence.mentions if m.kind != "act" and _specific(m)]
    slots = region_slots(text, sentence, article.regions) + site_slots(text, sentence, article.sites)
    pointed = [(s.mention, s.start, s.end) for s in slots if s.pointer]
    chosen: list[tuple[Mention, str]] = []
    previous_end = -1
    dateline = _DATELINE.match(text, sentence.start)
    for mention, start, end in sorted(named + pointed, key=lambda x: x[1]):
        part = next((a for a, b in scope if a <= start < b), None)
        if part is None or (dateline and start < dateline.end()):
            continue  # out of the event's words, or the agency telling the news
        before = text[max(part, start - 40) : start]
        before = before if start - 40 <= part else "…" + before  # "…": not the clause's start
        role = _role(event, mention, before, text[end : end + 20])
        if chosen and _AND.fullmatch(text[previous_end:start]) and chosen[-1][1] in _CHAINED:
            role = chosen[-1][1]  # "to Germany and France"
        if event.event_type in _GATHERINGS and _names_gathering(text, event, mention):
            continue  # «ИнПарк» in "форум территорий развития и инвестиций «ИнПарк»": the forum itself
        if mention.entity_type != "person" and any(a <= start < b for a, b in titles):
            role = "affiliation"  # "председатель президиума УрО РАН Валерий Чарушин": the body he speaks for
        if mention.surface in affiliations and mention.entity_type != "person":
            # a signer's body is a party of the agreement (he signs for it)
            role = "party" if event.event_type == "agreement_signed" else "affiliation"
        if mention in guests and role == "party":
            role = "participant"  # "прошло в присутствии …": a guest of the signing, not a party
        chosen.append((mention, role))
        previous_end = end
    return _distinct(chosen)


def _guests(text: str, people: list[Mention]) -> list[Mention]:
    """The people an event took place in the presence of («в присутствии», «с участием», "in the presence
    of", "attended by"), and the names listed after them."""
    guests: list[Mention] = []
    for person in people:
        start = min([person.start, *(a for a, _ in person.attrs.get("title_spans", ()))])
        follows = guests and _AND_OR_COMMA.fullmatch(text[guests[-1].end : start])
        if _PRESENCE.search(text, max(0, start - 80), start) or follows:
            guests.append(person)
    return guests


def _role(event: Event, mention: Mention, before: str, after: str) -> str:
    kind, place = event.event_type, mention.entity_type in PLACE_TYPES
    if kind == "business_mission" and place and _TOWARD.search(before):
        return "destination"
    if (
        kind == "visit"
        and (mention.start >= event.end or _TOWARD.search(before))
        and (place or mention.kind == "site")
    ):
        return "visited"
    if _SUPPORT.search(before):
        return "supporter"
    if mention.entity_type == "government_body" and kind.startswith("register"):
        return "registrar"
    if _ORGANISES.match(after):
        return "organiser"
    if place and _HOSTS.match(after):
        return "host"
    if place:
        return "region" if _acts(mention, before) else "place"
    if mention.kind == "entity" and mention.entity_type != "person" and _where(before):
        return "place"  # "в Минэкономразвития РФ", "in the State Duma", "в представительстве правительства …"
    if mention.kind == "site" and kind in _GATHERINGS:
        return "place"  # a meeting in a park
    if mention.kind == "site":
        return "site"
    return _DEFAULT_ROLE.get(kind, "participant")


def _names_gathering(text: str, event: Event, mention: Mention) -> bool:
    """The name in quotes right after the forum's or meeting's own words (only lower-case words between)."""
    gap = text[event.end : mention.start]
    quoted = mention.surface[:1] in '«"“'
    return mention.start >= event.end and quoted and _LOWER_WORDS.fullmatch(gap) is not None


def _where(before: str) -> bool:
    """A body named after in/at/в/на (with at most two lower-case words between, none of them "с" or
    "between") is where the event happened."""
    return bool(_IN.search(before) or (_IN_PHRASE.search(before) and not _COUNTERPART.search(before)))


def _specific(mention: Mention) -> bool:
    """A kind of site ("промышленным кластером", "the chemicals cluster") names no party."""
    return mention.kind != "site" or mention.attrs.get("named", True)


def _acts(place: Mention, before: str) -> bool:
    """A place that is a party of the event, not where it happened: its name in the nominative
    ("Республика заключила соглашение"), after a word for its authorities ("Власти Удмуртии", "the
    Government of Tatarstan") or after "между" / "с" ("между правительством и Калужской областью"), or in
    English at the start of its clause; a place after "в", "на", "in", "at", or inside another name, is
    where the event happened (role place)."""
    if _where(before):
        return False
    if _AUTHORITIES.search(before):
        return True
    first = place.surface.split()[0]
    if has_cyrillic(first):
        return "nomn" in case_of(first) and not re.search(r"[а-яё]\s*$", before)
    return bool(_CLAUSE_START.search(before))


def _distinct(chosen: list[tuple[Mention, str]]) -> list[tuple[Mention, str]]:
    seen, kept = set(), []
    for mention, role in chosen:
        if (mention.kind, mention.key) not in seen:
            seen.add((mention.kind, mention.key))
            kept.append((mention, role))
    return kept


def _figure(event: Event, figures: list[tuple[int, int]]) -> tuple[int, int] | None:
    inside = [f for f in figures if event.sentence[0] <= f[0] < event.sentence[1]]
    return min(inside, key=lambda f: abs(f[0] - event.start), default=None)


def region_of(event: Event) -> str | None:
    """Where the event happened: a Russian region taking part, else a town's, else a site's region."""
    for kinds in (("region",), ("location",), ("site",)):
        for mention, _ in event.participants:
            iso = mention.attrs.get("iso") or ""
            if mention.entity_type in kinds and iso.startswith("RU-"):
                return iso
    return None


def merge_repeats(text: str, events: list[Event]) -> list[Event]:
    """One event when an article tells the same one twice: its headline and its lead, or "the signing
    took place on 16 November" after "signed an agreement" (same type and date, and someone in common,
    or nobody named, or told in the next sentence but one — unless it says "also"); 'the business
    mission' again with no date of its own is the one told before."""
    kept: list[Event] = []
    for event in events:
        definite = (
            event.event_type in NOUN_TYPES
            and _DEFINITE.search(text[max(0, event.start - 30) : event.start])
            and not event.date.text
        )
        if definite and any(e.event_type == event.event_type for e in kept):
            continue  # a reference back to an event already told: its details are not participants
        if _refers_back(text, event, kept) or _after_it(text, event, kept):
            continue
        twin = _document_of(text, event, kept) or next((e for e in kept if _same(text, e, event)), None)
        if twin is None:
            kept.append(event)
        else:
            if twin.date.text is None and event.date.text is not None:
                twin.date = event.date  # the headline without a date, the lead with it
            known = twin.participant_keys()
            twin.participants += [(m, r) for m, r in event.participants if (m.kind, m.key) not in known]
    return kept


def _document_of(text: str, event: Event, kept: list[Event]) -> Event | None:
    """«Документ подписал …», "the document was signed by …": the agreement told last, its signers named."""
    first = re.match(r"\w+", text[event.start : event.end])
    if event.event_type != "agreement_signed" or first is None or lemma(first.group()) not in _DOCUMENT:
        return None
    return next(
        (e for e in reversed(kept) if e.event_type == event.event_type and e.planned == event.planned), None
    )


def _after_it(text: str, event: Event, kept: list[Event]) -> bool:
    """«После подписания Меморандума председатель … сказал», "after the meeting": an event told before,
    named as the time of what its sentence tells; the names there are not its parties."""
    told = any(e.event_type == event.event_type for e in kept)
    return told and _AFTER.search(text, max(0, event.start - 20), event.start) is not None


def _refers_back(text: str, event: Event, kept: list[Event]) -> bool:
    """An event told again with nothing of its own after one of its type: no participant, no name the
        first did not have, and (unless it is only the setting of its sentence) no date — «в ходе форума» or
        «на Гайдаровском форуме» after «в рамках Гайдаровского форума», «Соглашение заключено на срок до пяти
        лет» after «подпишут соглашение». "Also" / «также» tells another one, unless the event is only the
    setting of its sentence."""
    earlier = next((e for e in reversed(kept) if e.event_type == event.event_type), None)
    if earlier is None or event.participants:
        return False
    if event.rule.endswith(f":{SETTING}"):  # «в ходе форума также будет подписан …»: "also" is the signing's
        return _names(text, event) <= _names(text, earlier)
    if _ANOTHER.search(text, *event.sentence) or event.date.text is not None:
        return False
    return _names(text, event) <= _names(text, earlier)


def _names(text: str, event: Event) -> set[str]:
    """The capitalised words of an event's own words (not the first of its sentence), by lemma."""
    start = event.start + 1 if event.start == event.sentence[0] else event.start
    return _capitalised(text, start, event.end)


def _capitalised(text: str, start: int, end: int) -> set[str]:
    """The lemmas of the capitalised words in text[start:end]."""
    return {lemma(m.group()) for m in _CAPITALISED.finditer(text, start, end)}


def _same(text: str, first: Event, second: Event) -> bool:
    if first.event_type != second.event_type or first.planned != second.planned:
        return False
    stated = first.date.text is not None and second.date.text is not None
    if stated and first.date.value != second.date.value:
        return False  # an event told without a date takes the date of its other telling
    if _ANOTHER.search(text, second.sentence[0], second.sentence[1]) or _elsewhere(text, first, second):
        return False
    core, other = _core(first), _core(second)
    near = second.sentence[0] - first.sentence[1] <= NEAR
    return bool(core & other) or not other or near or (not core and region_of(first) == region_of(second))


def _elsewhere(text: str, first: Event, second: Event) -> bool:
    """A visit to a site the first one's sentence does not name ("The delegation visited Hi-Tech Park
    Zhiguli valley" after "… visited Togliatti"): the next stop of a trip, another visit."""
    if first.event_type != "visit":
        return False
    told = _capitalised(text, *first.sentence)
    sites = [m for m, _ in second.participants if m.kind == "site"]
    return any(not _capitalised(text, m.start, m.end) & told for m in sites)


def _core(event: Event) -> set[tuple[str, int]]:
    """Who and what takes part, places left out (two meetings in one town are not one meeting)."""
    return {(m.kind, m.key) for m, _ in event.participants if m.entity_type not in PLACE_TYPES}
