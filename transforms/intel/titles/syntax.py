"""Titles attached to a Russian name by the dependency parse of its sentence (natasha's NewsSyntaxParser),
for a person the surface rules give no title: the name is an apposition of the title («губернаторы
Гродненской области Юрий Караев и Пензенской - Олег Мельниченко»: both are governors; «ректор … им. Первого
Президента России Б.Н. Ельцина Виктор Кокшаров»: the rector is Кокшаров), one of the names a plural title
lists («глав двух государств, Владимира Путина и Эмомали Рахмона»), or the subject of a verb whose place is
a post («В кресле заместителя председателя правительства края — министра финансов края остается Александр
Кацуба»: both titles; not when the verb leaves it: «ушел с поста»)."""

from __future__ import annotations

import re

from transforms.intel.lexicon.nlp_ru import SyntaxToken, case_of, lemma, parses, syntax
from transforms.intel.lexicon.translit import has_cyrillic
from transforms.intel.mentions import Mention, sentence_of

# the relations that join a name to the title it stands for: an apposition, a member of the title's list
_JOINED = {"appos", "conj"}
# the nouns of a post a subject holds by the verb's place: «в кресле министра», «на посту главы»
_POSTS = {"кресло", "пост", "должность"}
# verbs whose subject leaves the post: «ушел с поста губернатора», «покинул свой пост»
_LEAVING = {"уйти", "уходить", "покинуть", "покидать", "оставить", "сложить"}
_MAX_SENTENCE = 600  # characters: a longer "sentence" is a list or a table, not parsed


def parsed_titles(text: str, people: list[Mention], titles: list[re.Match]) -> list[tuple[Mention, re.Match]]:
    """(person, title) for each of the people whose name the parse joins to one of the titles (matches whose
    group 1 is the title's words) in its sentence."""
    found = []
    for person in people:
        if not has_cyrillic(person.surface):
            continue
        start, end = _sentence(text, person.start)
        if end - start > _MAX_SENTENCE:
            continue
        tokens = syntax(text[start:end])
        near = [t for t in titles if start <= t.start(1) and t.end(1) <= end]
        found.extend((person, title) for title in _titles_of(tokens, person, near, start))
    return found


# the nouns of a post left: «покинул свой пост», «сложил полномочия», «ушел в отставку»
_LEFT = {"пост", "должность", "кресло", "полномочие", "отставка"}


# the nouns of a post's end a title depends on: «принял отставку министра», «подписал увольнение директора»
_ENDING = {"отставка", "увольнение", "освобождение"}


def leaves_post(text: str, person: Mention) -> bool:
    """The name, or the title it is an apposition of («Министр … Сергей Новиченко 25 марта официально покинул
    свой пост»), is the subject of a verb of leaving in the past whose object or place is a post, or the title
    is the one a resignation or a dismissal ends («принял отставку министра … Дениса Гончарова»): the titles
    next to the name are no longer held (a post to be left, «покинет пост 6 октября», is held until then)."""
    if not has_cyrillic(person.surface):
        return False
    start, end = _sentence(text, person.start)
    if end - start > _MAX_SENTENCE:
        return False
    tokens = syntax(text[start:end])
    head = _name_head(tokens, person, start)
    if head is not None and head.rel == "appos" and head.head >= 0:
        head = tokens[head.head]
    if head is not None and head.rel == "nmod" and head.head >= 0 and _ends(tokens[head.head]):
        return True  # «принял отставку министра … Дениса Гончарова»
    if head is None or head.rel != "nsubj" or head.head < 0:
        return False
    verb = tokens[head.head]
    if lemma(verb.text) not in _LEAVING or not _past(verb.text):
        return False
    return any(t.head == verb.index and t.rel in {"obj", "obl"} and lemma(t.text) in _LEFT for t in tokens)


def _ends(token: SyntaxToken) -> bool:
    """A resignation or a dismissal that is the object of the sentence's verb («принял отставку»), not a
    time before something else («после отставки замгубернатора … покинул пост»: another's leaving)."""
    return token.rel == "obj" and lemma(token.text) in _ENDING


def _past(word: str) -> bool:
    found = parses(word)
    return bool(found) and "past" in found[0].tag


def _name_head(tokens: tuple[SyntaxToken, ...], person: Mention, offset: int) -> SyntaxToken | None:
    """The token of the name whose head stands outside it."""
    inside = [t for t in tokens if person.start <= t.start + offset and t.end + offset <= person.end]
    indices = {t.index for t in inside}
    return next((t for t in inside if t.head not in indices), None)


def _sentence(text: str, at: int) -> tuple[int, int]:
    """The sentence around at, within its line."""
    start, end = sentence_of(text, at)
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    return max(start, line_start), (min(end, line_end) if line_end >= 0 else end)


def _titles_of(tokens: tuple[SyntaxToken, ...], person: Mention, titles: list[re.Match], offset: int) -> list:
    head = _name_head(tokens, person, offset)
    if head is None or head.head < 0:
        return []
    if head.rel in _JOINED:
        joined = tokens[_through_names(tokens, head)]
        title = _title_at(joined, titles, offset)
        return [title] if title is not None and _agree(head, joined) else []
    if head.rel == "nsubj":
        return _post_titles(tokens, tokens[head.head], titles, offset)
    return []


def _through_names(tokens: tuple[SyntaxToken, ...], token: SyntaxToken) -> int:
    """The index of what a name is joined to, past the other names of its list («Владимира Путина и
    Эмомали Рахмона»: Рахмона's conj is Путина, whose apposition is the title)."""
    seen = 0
    while token.rel == "conj" and seen < 5 and _listed_name(tokens[token.head]):
        token, seen = tokens[token.head], seen + 1
    return token.head


def _listed_name(token: SyntaxToken) -> bool:
    """A capitalised word joined to what it stands by as an apposition or a list's member."""
    return token.rel in _JOINED and token.text[:1].isupper()


def _agree(name: SyntaxToken, title: SyntaxToken) -> bool:
    """An apposition stands in its title's case («губернатора … Юрия», «губернаторы … Юрий»): not «с главой
    государства Петр Седов», a subject the parse joined to the title before it."""
    name_cases, title_cases = case_of(name.text), case_of(title.text)
    return not name_cases or not title_cases or bool(name_cases & title_cases)


def _title_at(token: SyntaxToken, titles: list[re.Match], offset: int) -> re.Match | None:
    """The title whose words hold the token."""
    at = token.start + offset
    return next((t for t in titles if t.start(1) <= at < t.end(1)), None)


def _post_titles(
    tokens: tuple[SyntaxToken, ...], verb: SyntaxToken, titles: list[re.Match], offset: int
) -> list[re.Match]:
    """The titles of the post that is the verb's place («В кресле … остается Александр Кацуба»), each title
    in the genitive joined to the post noun; not when the verb leaves the post or has an object (its subject
    moves someone else: «Фрадков уволил Жданова с должности главы …»)."""
    if lemma(verb.text) in _LEAVING or any(t.head == verb.index and t.rel == "obj" for t in tokens):
        return []
    found = []
    for post in (t for t in tokens if t.head == verb.index and t.rel == "obl" and lemma(t.text) in _POSTS):
        for token in (t for t in tokens if t.head == post.index and t.rel == "nmod"):
            title = _title_at(token, titles, offset)
            if title is not None and title not in found:
                found.append(title)
    return found
