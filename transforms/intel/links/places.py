"""located_in (site → region, country or town), part_of (site → the site it lies in), member_of (company,
organisation, person or site → association or cluster) and head_of (person → organisation, region or site,
from the role facts).

"Kaluga SEZ occupies two sites in Lyudinovo and Borovsk Districts of Kaluga Region", "technoparks
Adlershof (Berlin)", "France's biggest pharmaceutical cluster Eurobiomed", "ОЭЗ «Лотос» расположена
в Наримановском районе Астраханской области"; "X is an active participant of cluster Y", "X, a member
of the Association"; "Mikhail Labudin, Director of the Association …"."""

from __future__ import annotations

import re

from transforms.intel.links.anaphora import Slot, link, organisation_slots, site_slots
from transforms.intel.links.records import Relation
from transforms.intel.links.residents import NOT_STATED
from transforms.intel.links.text import Article, Sentence, descriptive, skip_quote, words
from transforms.intel.mentions import Mention

PLACE_TYPES = ("region", "location")
_LOCATED = re.compile(
    r"(?i)^\s*,?\s*(?:(?:is|are|was)\s+)?(?:located|situated|lies|based|occupies\s+(?:[\w-]+\s+){0,3}?in|"
    r"расположен[аоы]?|находится|размещ[её]н[аоы]?|занимает\s+(?:[\w-]+\s+){0,3}?в)\s*(?:in|в|на)?\s+(?:the\s+)?"
)
_JOIN_PLACES = re.compile(
    r"(?i)^(?:\s*(?:,|and|и|of|the|districts?|regions?|район\w*|округ\w*|област\w*|город\w*|г\.)\s*)*\s*$"
)
_BRACKETED = re.compile(r"^\s*\(\s*$")
_DIRECT_IN = re.compile(r"^\s+(?:in|в)\s+(?:the\s+)?$")
_LARGEST_IN = re.compile(
    r"(?i)^,\s+(?:the|a|one\s+of\s+the)\s+(?:[\w-]+\s+){0,3}?(?:technoparks?|parks?|zones?|SEZs?|clusters?|"
    r"технопарк\w*|парк\w*|зон\w*|ОЭЗ|кластер\w*)\s+(?:in|в)\s+(?:the\s+)?$"
)
HEAD_CODES = {
    "prime_minister", "general_director", "governor", "minister", "mayor", "director", "chairman",
    "president", "rector", "head", "head_of_region",
}  # fmt: skip
HEAD_TITLE = re.compile(
    r"(?i)^(?:(?:acting|врио|временно\s+исполняющ\w+\s+обязанности)\s+)?(?:governor|mayor|minister|"
    r"director(?:\s+general)?|general\s+director|managing\s+director|ceo|chief\s+executive|chairman|"
    r"chairwoman|head|president|rector|губернатор\w*|мэр\w*|министр\w*|(?:генеральн\w+\s+)?директор\w*|"
    r"глав\w+|председател\w+|руководител\w+|президент\w*|ректор\w*)$"
)


def locations(article: Article, sentence: Sentence) -> list[Relation]:
    text = article.text
    places = [Slot(m, m.start, m.end) for m in sentence.of(*PLACE_TYPES)]
    found: list[Relation] = []
    for site in sentence.of("site"):
        found += _located(text, site, places)
        for place in places:
            found += _beside(text, site, place)
    return found


def _located(text: str, site: Mention, places: list[Slot]) -> list[Relation]:
    """'S occupies two sites in A and B Districts of R', 'S расположена в … районе R': the places listed
    after the verb, up to the first word that is not part of a list of places."""
    end = skip_quote(text, site.end)
    verb = _LOCATED.match(text[end:])
    if verb is None:
        return []
    found, cursor = [], end + verb.end()
    for place in (p for p in places if p.start >= cursor):
        gap = text[cursor : place.start]
        if gap.strip() and not _JOIN_PLACES.match(gap) and not (cursor == end + verb.end() and _lead(gap)):
            break
        found.append(link("located_in", site, place, "located", site.start, place.end))
        cursor = place.end
    return found


def _lead(gap: str) -> bool:
    """Words between the verb and the first place: 'в Наримановском районе' — adjectives and a district."""
    return len(words(gap)) <= 3 and not NOT_STATED.search(gap) and descriptive(gap)


def _beside(text: str, site: Mention, place: Slot) -> list[Relation]:
    """'Adlershof (Berlin)', "France's biggest pharmaceutical cluster Eurobiomed", 'the Alabuga SEZ in
    Tatarstan'."""
    gap = text[skip_quote(text, site.end) : place.start] if place.start >= site.end else ""
    if place.start >= site.end and (_BRACKETED.match(gap) or _DIRECT_IN.match(gap) or _LARGEST_IN.match(gap)):
        return [link("located_in", site, place, "beside", site.start, place.end)]
    possessive = text[place.end : site.start] if place.end <= site.start else ""
    if re.match(r"[’']s\s", possessive) and descriptive(possessive[2:], limit=4):
        return [link("located_in", site, place, "possessive", place.start, site.end)]
    owner = place.mention.kind == "region" and text[place.start : place.end].endswith(("’s", "'s"))
    if owner and place.end <= site.start and descriptive(text[place.end : site.start], limit=4):
        return [link("located_in", site, place, "possessive", place.start, site.end)]
    return []


# "технопарк H2O, который находится на территории ОЭЗ «Кулибин»", "Innopark, located on the territory of
# the Innopolis SEZ", "площадка «Уктус» входит в состав ОЭЗ «Титановая долина»"
_WITHIN = re.compile(
    r"(?i)^\s*,?\s*(?:(?:который|которая|которое|которые|which|that)\s+)?(?:(?:is|are|was)\s+)?"
    r"(?:(?:находится|находятся|расположен\w*|размещ\w+|работает|строится|создан\w*|located|situated|based|"
    r"built|being\s+built)\s+)?(?:на\s+территории|(?:on|in|within)\s+the\s+territory\s+of|входит\s+в\s+"
    r"состав|(?:is|are)\s+part\s+of)\s+(?:the\s+)?$"
)


def parts(article: Article, sentence: Sentence) -> list[Relation]:
    """part_of: a site that the sentence places on another site's territory (a technopark in an SEZ)."""
    text, found = article.text, []
    sites = sentence.of("site")
    for site in sites:
        end = skip_quote(text, site.end)
        host = next((s for s in sites if s.start >= end and s.key != site.key), None)
        if (
            host is not None
            and _WITHIN.match(text[end : host.start])
            and not NOT_STATED.search(text[end : host.start])
        ):
            found.append(
                link("part_of", site, Slot(host, host.start, host.end), "territory", site.start, host.end)
            )
    return found


MEMBER = re.compile(
    r"(?i)^(?:\s+(?:LLC|JSC|Ltd))?(?:\s*,\s*|\s+(?:is|are|was|became|has\s+become|является|являются|стал\w*)\s+)"
    r"(?:(?:an?|the|one\s+of\s+the)\s+)?(?:[\w-]+\s+)?(?:member|participant|part|участник\w*|член\w*)"
    r"(?:\s+of)?\s+(?:the\s+)?"
)
JOINED = re.compile(
    r"(?i)^\s+(?:joined|вош[её]л|вошл[аи]|входит|входят)\s+(?:в\s+(?:состав\s+)?)?(?:the\s+)?"
)


def memberships(article: Article, sentence: Sentence) -> list[Relation]:
    """'X is an active participant of France's biggest pharmaceutical cluster Eurobiomed', 'X, a member
    of the Association', 'X joined cluster Y', 'X вошла в состав кластера Y'."""
    text = article.text
    groups = [
        s for s in site_slots(text, sentence, article.sites) if s.mention.attrs["site_type"] == "cluster"
    ]
    groups += [s for s in organisation_slots(text, sentence, article.bodies) if _is_group(s.mention)]
    members = [m for m in sentence.mentions if m.entity_type in ("company", "organization", "person", "site")]
    found = []
    for group in groups:
        member = next(
            (m for m in reversed(members) if m.end <= group.start and m.key != group.mention.key), None
        )
        if member is None:
            continue
        gap = text[skip_quote(text, member.end) : group.start]
        joined = MEMBER.match(gap) or JOINED.match(gap)
        if joined and _tail_ok(gap[joined.end() :]) and not NOT_STATED.search(gap):
            found.append(link("member_of", member, group, "member", member.start, group.end))
    return found


def _tail_ok(tail: str) -> bool:
    """What may stand between 'member of' and the group's name: "France's biggest pharmaceutical"."""
    tail = re.sub(r"^\w+[’']s\s+", "", tail)
    return not tail.strip() or descriptive(tail, limit=4)


def _is_group(mention: Mention) -> bool:
    names = (
        " ".join(str(mention.attrs.get(k) or "") for k in ("name_en", "name_ru")) + " " + mention.canonical
    )
    return bool(re.search(r"(?i)association|cluster|union|ассоциац|кластер|союз", names))


def heads(article: Article, sentence: Sentence) -> list[Relation]:
    """A person whose role (transforms.intel.roles, its role code) is the head of the body it names:
    'Director of the Association …', 'Governor of the Omsk Region', 'губернатор Рязанской области' — not
    a deputy."""
    found = []
    for person in sentence.of("person"):
        if not _is_head(person):
            continue
        body = _body(article, person)
        if body is not None and body.key != person.key and not _next_persons(article, person, body):
            slot = Slot(body, body.start, body.end)
            found.append(link("head_of", person, slot, "role", person.start, body.end))
    return found


def _is_head(person: Mention) -> bool:
    """The role layer's role code when it gives one (deputies are deputy_…), else the title as written."""
    code, role = person.attrs.get("role_code"), person.attrs.get("role")
    if code:
        return code in HEAD_CODES
    return bool(role) and bool(HEAD_TITLE.match(" ".join(role.split())))


def _next_persons(article: Article, person: Mention, body: Mention) -> bool:
    """'Denis Manturov, governor of St Petersburg Georgy Poltavchenko': a title and body after the
    name that lead into the next name are that person's."""
    if body.start < person.end:
        return False
    return any(m.entity_type == "person" and 0 <= m.start - body.end <= 2 for m in article.mentions)


def _body(article: Article, person: Mention) -> Mention | None:
    """The mention the role layer took as the person's body: same surface, nearest to the person."""
    surface = person.attrs.get("organization_surface")
    if not surface:
        return None
    near = [m for m in article.mentions if m.surface == surface and abs(m.start - person.start) <= 300]
    return min(near, key=lambda m: abs(m.start - person.start), default=None)
