"""Titles given by a verb or a post rather than standing next to the name: «Новым руководителем агентства
назначен заместитель главы РосОЭЗ Андрей Алпатов», «Юрий Жданов покидает пост главы РосОЭЗ», «Дмитрий
Верховод вступил в должность директора Технопарка», «исполнять обязанности главы РосОЭЗ будет … Ольга
Маркова». The title is read by its grammatical case (pymorphy2): in the instrumental after an appointment
word of the sentence (назначить, стать, избрать), or in the genitive after пост, должность, обязанности.
An English title right after "as" or an appointing verb ("was appointed RF presidential plenipotentiary
representative", "was introduced as head of Tatarstan") is the last name's before it in its sentence."""

from __future__ import annotations

import re

from transforms.intel.lexicon.nlp_ru import case_of, is_plural, is_preposition, lemma, parses, reads_as
from transforms.intel.lexicon.translit import has_cyrillic
from transforms.intel.mentions import Mention, sentence_of
from transforms.intel.titles.pronoun import pronoun_holder

# the lemmas of the words that give a title in the instrumental: «назначен директором», «стал главой»
_APPOINTING = {
    "назначить", "назначение", "назначаться", "стать", "избрать", "избраться", "утвердить", "переизбрать",
    "переизбраться", "переназначить",
}  # fmt: skip
# the nouns a title in the genitive belongs to: «пост главы», «в должность директора», «обязанности главы»
_POSTS = {"пост", "должность", "обязанность"}
_WORD = re.compile(r"[А-Яа-яЁё]+")
# a clause break: the title's person stands in the title's own clause (a comma inside a body's name, "…
# развития, инвестиций и торговли", is none; one before a relative clause is)
_BREAK = re.compile(r"[;:]|\s[—–-]\s|,\s*(?:котор[а-яё]+|что|а|но|где|когда)\b")

# only the title's complement, then a dash right before the next name: the list of an appointing verb
_DASHED_NAME = re.compile(r"[^,;:.!?()«»\n–—]{0,80}\s[–—-]\s*")


def title_holder(text: str, title: re.Match, people: list[Mention]) -> Mention | None:
    """The person a Russian title given by a verb or a post belongs to: the first name after it in its
    clause, else the name before it in its clause (the sentence's subject), else the person a subject
    pronoun before it stands for (transforms/intel/titles/pronoun.py) — None when the title is not given
    that way."""
    if not has_cyrillic(title.group(0)):
        return _holder_en(text, title, people)
    words = _WORD.findall(title.group(0))
    if not words or not _given(text, title, words) or _proposed(text, title):
        return None
    start, end = _line_sentence(text, title.start())
    if (held_by := _on_post_named_before(text, title, people)) is not None:
        return held_by  # «Каримов на посту замминистра … сменил Александра Морозова»: Каримов's post
    after = next((p for p in people if title.end() <= p.start < end), None)
    dashed = after is not None and _DASHED_NAME.fullmatch(text, title.end(), after.start) is not None
    if dashed and "ablt" in case_of(_head_word(words)):
        return after  # «…, полномочным представителем губернатора в Думе – Тамара Кузяева»: the verb elided
    if after is not None and not _BREAK.search(text, title.end(), after.start):
        if _may_hold(after) or _object_of_noun(text, title, after):
            return after
        if _adjacent(text, title.end(), after.start):
            return None  # «и. о. вице-губернаторов Алексеем Суховым»: the name after it in its case holds it
    before = [p for p in people if start <= p.start and p.end <= title.start()]
    if _word_before(text, title.start()) and lemma(_word_before(text, title.start()) or "") == "назначение":
        before = []  # «Гусев подписал документ о назначении и.о. замгубернатора»: the appointer is no holder
    if _governed(text, title.start()):
        before = []  # «Путин провел встречу с врио губернатора …»: a preposition's object, not the subject's
    if before and not _BREAK.search(text, _past_relative(text, before[-1].end), title.start()):
        return before[-1]  # «Иван Петров назначен директором», «Елена Абдулаева, которая … исполняла
        # обязанности начальника ведомства»
    return pronoun_holder(text, title.start(), people) or _elided_subject(text, title, before)


# a post the name right before it holds: «Каримов на посту замминистра», «Иванов в должности директора»
_ON_POST = re.compile(r"(?i)\s*(?:на\s+посту|на\s+должности|в\s+должности)\s+$")


def _on_post_named_before(text: str, title: re.Match, people: list[Mention]) -> Mention | None:
    """The name right before «на посту» / «в должности» and the title: the name holds it (a name after it is
    another clause's object: «… сменил Александра Морозова»)."""
    before = [p for p in people if p.end <= title.start()]
    if before and _ON_POST.fullmatch(text, before[-1].end, title.start()) and _nominative(before[-1]):
        return before[-1]
    return None


def _adjacent(text: str, title_end: int, name_start: int) -> bool:
    """Only the title's complement stands between it and the name: no word in lower case but a body's."""
    gap = text[title_end:name_start]
    return (
        len(gap) <= 80
        and not re.search(r"[,;:.!?]", gap)
        and not any(
            w.islower() and "ablt" not in case_of(w) and "gent" not in case_of(w) for w in _WORD.findall(gap)
        )
    )


# «…, а 31 октября назначен заместителем министра»: a second predicate of the same subject
_AND_THEN = re.compile(r",\s*а\s")


def _elided_subject(text: str, title: re.Match, before: list[Mention]) -> Mention | None:
    """The subject of the clause before, when the title's clause opens with «, а» and names no subject of
    its own (no word in the nominative but the verb's participle): «Иван Орлов был освобожден от должности,
    а 31 октября назначен заместителем министра»."""
    joins = list(_AND_THEN.finditer(text, 0, title.start()))
    if not joins or not before:
        return None
    join = joins[-1]
    subject = next((p for p in reversed(before) if p.end <= join.start() and _nominative(p)), None)
    if subject is None or _BREAK.search(text, subject.end, join.start()):
        return None
    clause = _WORD.findall(text[join.end() : title.start()])
    return None if any(_names_subject(w) for w in clause) else subject


def _nominative(person: Mention) -> bool:
    return "nomn" in case_of(person.surface.split()[0])


def _names_subject(word: str) -> bool:
    """A noun or pronoun in the nominative that may be the clause's own subject."""
    return any(p.tag.POS in {"NOUN", "NPRO"} and p.tag.case == "nomn" for p in parses(word)[:1])


_RELATIVE = re.compile(r"\s*,\s*котор(?:ый|ая)\b")


def _past_relative(text: str, name_end: int) -> int:
    """Where the clause after a name begins, past a relative pronoun standing for the name (its subject)."""
    found = _RELATIVE.match(text, name_end)
    return found.end() if found else name_end


# an English title given by a verb or "as": "was appointed RF presidential plenipotentiary representative",
# "was introduced as head of Tatarstan", "has been working as deputy prime minister"
_GIVEN_EN = re.compile(
    r"(?i)\b(?:as|appointed|named|elected|became)\s+(?:the\s+|an?\s+)?"
    r"(?:(?-i:[A-Z]{2,})\s+|(?:new|presidential|regional|federal|interim)\s+){0,2}$"
)
_BREAK_EN = re.compile(r"[;:]|\s[—–-]\s|,\s*(?:which|but|while)\b")


def _holder_en(text: str, title: re.Match, people: list[Mention]) -> Mention | None:
    """The person an English title given by a verb or "as" belongs to: the last name before it in its
    sentence, with no clause break between."""
    if not _GIVEN_EN.search(text, max(0, title.start() - 60), title.start()):
        return _object_en(text, title, people)
    start = sentence_of(text, title.start())[0]
    before = [p for p in people if start <= p.start and p.end <= title.start()]
    if before and not _BREAK_EN.search(text, before[-1].end, title.start()):
        return before[-1]
    return None


# an appointing verb with its object before the title: "appointing Oleg Kozhemyako Acting Governor of …"
_APPOINTS_EN = re.compile(r"(?i)\b(?:appoint(?:s|ed|ing)?|nam(?:es|ed|ing)|elect(?:s|ed|ing)?)\s+$")


def _object_en(text: str, title: re.Match, people: list[Mention]) -> Mention | None:
    """The name right before an English title that is the object of an appointing verb before it: "signed
    executive orders appointing Oleg Kozhemyako Acting Governor of Sakhalin Region"."""
    before = (p for p in people if p.end <= title.start() and not text[p.end : title.start()].strip())
    person = next(before, None)
    if person is None or not _APPOINTS_EN.search(text, max(0, person.start - 30), person.start):
        return None
    return person


def title_holders(text: str, title: re.Match, people: list[Mention]) -> list[Mention]:
    """The people a Russian title given by a verb belongs to (title_holder): a plural title after a list of
    objects gives it to each of them («назначил министра … Бутакова, главу Минстроя … Гребенщикова и
    министра экономики … Триппеля заместителями председателя правительства»), one after a list of names
    before the verb to each of those («Д.А. Матвеев и С.В. Щерчков … назначены заместителями …»)."""
    holder = title_holder(text, title, people)
    words = _WORD.findall(title.group(0))
    if holder is None or holder.start > title.start() or not words or not is_plural(_head_word(words)):
        return [holder] if holder is not None else []
    start = _line_sentence(text, title.start())[0]
    words_before = _WORD.finditer(text, start, holder.start)
    verb = max((w.end() for w in words_before if lemma(w.group(0)) in _APPOINTING), default=None)
    if verb is None:  # the names stand before the verb: «Д.А. Матвеев и С.В. Щерчков … назначены …»
        return _subjects(text, holder, people)
    listed = [p for p in people if verb <= p.start and p.end <= holder.start and _object(p)]
    return [*listed, holder]


# between the names of a list of subjects: a comma, «и»
_SUBJECTS_JOIN = re.compile(r"\s*(?:,|и)\s*")


def _subjects(text: str, last: Mention, people: list[Mention]) -> list[Mention]:
    """The names listed before the last one, joined to it by commas and «и»: the subjects a plural title
    given after them belongs to."""
    before = [p for p in people if p.end <= last.start]
    found = [last]
    for person in reversed(before):
        if not _SUBJECTS_JOIN.fullmatch(text, person.end, found[0].start):
            break
        found.insert(0, person)
    return found


def _object(person: Mention) -> bool:
    """The name stands in the accusative (an appointing verb's object)."""
    return "accs" in case_of(person.surface.split()[-1])


# a post someone is proposed or runs for is not held: «предложил кандидатуру Алиханова на должность главы
# Минпромторга», «назвал кандидата на пост главы министерства»
_PROPOSING = {
    "кандидат", "кандидатура", "предложить", "претендовать", "претендент", "выдвинуть", "рекомендовать",
}  # fmt: skip


def _proposed(text: str, title: re.Match) -> bool:
    return proposed_post(text, title.start())


def proposed_post(text: str, title_start: int) -> bool:
    """The title follows «пост» / «должность» in a sentence that proposes someone for it («представил
    кандидата на должность министра … — заместителя гендиректора … Андрея Мельникова»: not his title)."""
    before = _word_before(text, title_start)
    if before is None or lemma(before) not in {"пост", "должность"}:
        return False
    start = _line_sentence(text, title_start)[0]
    return any(lemma(w) in _PROPOSING for w in _WORD.findall(text[start:title_start]))


def _may_hold(person: Mention) -> bool:
    """A name after the title holds it as the subject («назначен … Андрей Алпатов») or the object
    («назначить директором Иванова»), not in another case («после ухода в отставку Зои Астанковой»)."""
    cases = name_cases(person)
    return not cases or bool(cases & {"nomn", "accs"})


def _object_of_noun(text: str, title: re.Match, person: Mention) -> bool:
    """«о назначении первым заместителем … Марины Авиловой»: after the noun of appointing its object stands
    in the genitive."""
    return (
        _word_before(text, title.start()) is not None
        and lemma(_word_before(text, title.start()) or "") == "назначение"
        and "gent" in name_cases(person)
    )


def name_cases(person: Mention) -> set[str]:
    """The grammatical cases a Russian name stands in: the cases its words share (Зои: nomn, gent;
    Астанковой: gent → gent; Владислав, read as a plural genitive too, and Ефанов → nomn), read from its
    words that read as names (a surname may read as a place only: Мантурова, the genitive of a village);
    empty when no word declines."""
    cases: set[str] = set()
    words = person.surface.split()
    named = [w for w in words if any(reads_as(w, g) for g in ("Name", "Surn", "Patr"))]
    for word in named or words:
        found = case_of(word)
        if not cases or not found:
            cases = cases or found
        elif cases & found:
            cases &= found
    return cases


# verbs that give the title of the body after them: «Юрий Дроздов возглавил особую экономическую зону»
_HEADING = {"возглавлять", "возглавить"}


def _given(text: str, title: re.Match, words: list[str]) -> bool:
    if lemma(words[0]) in _HEADING:
        return True
    cases = _title_cases(words[-1])
    if "gent" in cases and _after_post(text, title, words):
        return True
    if "ablt" not in cases | case_of(_head_word(words)):  # «назначен первым заместителем министра»
        return False
    if _agent_of_passive(text, title.start()):
        return False
    start, end = _line_sentence(text, title.start())
    appointing = [
        w
        for w in _WORD.finditer(text, start, end)
        if lemma(w.group(0)) in _APPOINTING and not _impersonal(w.group(0))
    ]
    if not appointing:
        return False
    nearest = min(appointing, key=lambda w: min(abs(w.start() - title.end()), abs(title.start() - w.end())))
    return not _future(nearest.group(0))  # «… заместителями губернатора станут Иван Куцевляк»: to come


_FUSED_DEPUTY = re.compile(r"(?i)^зам(?!ест)(?=[а-яё]{4})")


def _title_cases(word: str) -> set[str]:
    """The cases of a title word; a title fused with «зам» that pymorphy2 does not know takes the cases of
    the title after «зам» («на должность замглавы Минпромторга»: главы, the genitive)."""
    found = case_of(word)
    return found or (case_of(word[3:]) if _FUSED_DEPUTY.match(word) else found)


def _agent_of_passive(text: str, at: int) -> bool:
    """The title right after a passive participle of another verb is its agent, not a post given
    («Пересторонин назначен главой минпрома, сам документ был подписан губернатором»)."""
    before = _word_before(text, at)
    found = parses(before)[:1] if before else []
    return bool(found) and found[0].tag.POS == "PRTS" and lemma(before) not in _APPOINTING


def _impersonal(word: str) -> bool:
    """A verb in the neuter: an impersonal use («стало известно»), no one's post."""
    found = parses(word)
    return bool(found) and found[0].tag.POS == "VERB" and "neut" in found[0].tag


def _future(word: str) -> bool:
    """A verb in the future tense: a post to be taken («станет», «станут»), not held yet."""
    found = parses(word)
    return bool(found) and "futr" in found[0].tag


# the words that open a title before its head: «первым заместителем», «врио губернатора»
_OPENING = {"первый", "врио"}


def _head_word(words: list[str]) -> str:
    """The title's head: its first word past «первый» / «врио» («первым заместителем министра»: заместителем,
    whose case says how the title is given; the last word, министра, is its complement)."""
    return next((w for w in words if lemma(w) not in _OPENING), words[-1])


def _after_post(text: str, title: re.Match, words: list[str]) -> bool:
    """The title stands after a post word («пост главы», «на должность врио вице-губернатора»), or says
    acting itself («исполняющим обязанности заместителя губернатора», «врио губернатора»)."""
    before = _word_before(text, title.start())
    inner = [w.lower() for w in words[:-1]]
    acting = "врио" in inner or _ACTING.match(title.group(0)) is not None  # «и.о. первого заместителя»
    posted = any(lemma(w) in _POSTS for w in [*inner, *([before] if before else [])])
    return posted or (acting and not _complements_noun(text, title.start()))


def _complements_noun(text: str, at: int) -> bool:
    """The word right before an acting title (a space apart) is a noun it completes, not a post
    («пресс-служба врио Главы РБ», «пресс-секретарь врио главы региона»: the acting head's service, not
    the post of the name before)."""
    found = re.search(r"([А-Яа-яЁё-]+)\s+$", text[max(0, at - 40) : at])
    first = parses(found.group(1))[:1] if found else []
    return bool(first) and first[0].tag.POS == "NOUN" and lemma(found.group(1)) not in _POSTS | {"назначение"}


_ACTING = re.compile(r"(?i)и\.\s?о\.")


def _line_sentence(text: str, at: int) -> tuple[int, int]:
    """The sentence around at, within its line: a headline without a stop is a sentence of its own."""
    start, end = sentence_of(text, at)
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    return max(start, line_start), min(end, line_end) if line_end >= 0 else end


def _governed(text: str, at: int) -> bool:
    """The word right before the title is a preposition (pymorphy2): «встречу с врио губернатора»."""
    before = _word_before(text, at)
    return before is not None and is_preposition(before)


def _word_before(text: str, at: int) -> str | None:
    found = re.search(r"([А-Яа-яЁё]+)[^\w]*$", text[max(0, at - 40) : at])
    return found.group(1) if found else None
