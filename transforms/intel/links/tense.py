"""Whether the words of an event state it done or only planned: the tense of its Russian verbs by
pymorphy2's tags («подпишут», «состоится», «запустят»: a perfective verb in the future), a word of planning
or expectation by its lemma («планируется подписать», «запланировано подписание», «ожидается», «готовятся
подписать»), and in English the words of `cues.FUTURE` ("will sign", "agreed to sign", "is to be held").

A forum or a meeting named as the setting of its sentence («в ходе форума … подпишут»), and an event told
by a noun («Подписание соглашения … состоится во время форума»), take the tense of the verb after it."""

from __future__ import annotations

import re

from transforms.intel.lexicon.nlp_ru import parses
from transforms.intel.links.clauses import SAYING_RU
from transforms.intel.links.cues import FUTURE

PLANNING_RU = frozenset({
    "планировать", "планироваться", "запланировать", "запланированный", "намереваться", "намеренный",
    "ожидаться", "ожидать", "предстоять", "предстоящий", "готовиться", "собираться", "предполагаться",
    "договориться", "рассчитывать", "анонсировать", "намерение",
})  # fmt: skip
_WORD = re.compile(r"[а-яёА-ЯЁ]+(?:-[а-яёА-ЯЁ]+)?")
_FINITE = {"VERB", "PRTS"}  # a finite verb or a short participle («подписан»): the predicate
# the author's words in the future («Напомним, …», «Отметим, что …»): not the event's
_DISCOURSE = SAYING_RU | {"напомнить", "заметить", "подчеркнуть"}


def _future(word: str) -> bool:
    """A perfective verb in the future («подпишут», «пройдет») or «будет»; not the author's «напомним»."""
    found = parses(word)
    return (
        bool(found)
        and found[0].tag.POS == "VERB"
        and found[0].tag.tense == "futr"
        and (found[0].normal_form.replace("ё", "е") not in _DISCOURSE)
    )


def _plans(word: str) -> bool:
    """A verb in the future, or a word of planning or expectation."""
    found = parses(word)
    return bool(found) and (found[0].normal_form.replace("ё", "е") in PLANNING_RU or _future(word))


def states_plan(words: str) -> bool:
    """True when the words say the event is still to come."""
    if FUTURE.search(words):
        return True
    return any(_plans(match.group()) for match in _WORD.finditer(words))


def tells_future(words: str) -> bool:
    """True when the event's own words are in the future («подпишут ряд соглашений», "will be signed"); a
    word of planning there names the thing agreed («Документ о намерении создать … подписали»), not a plan."""
    return bool(FUTURE.search(words)) or any(_future(match.group()) for match in _WORD.finditer(words))


def predicate_plans(text: str, start: int, end: int) -> bool:
    """True when the first finite verb in text[start:end] (the predicate after a setting: «в ходе форума
    также будет подписан меморандум») is in the future; in English, a word of `cues.FUTURE` there. A plan
    stated in the present («в рамках форума планируется подписать …») says nothing of the setting: the
    forum may be under way."""
    for match in _WORD.finditer(text, start, end):
        found = parses(match.group())
        if found and found[0].tag.POS in _FINITE:
            return _future(match.group())
    return bool(FUTURE.search(text, start, end))


def told_by_noun(text: str, span: tuple[int, int]) -> bool:
    """The event's words open with a Russian noun («Подписание соглашения», «запуск производства»)."""
    first = _WORD.search(text, span[0], span[1])
    found = parses(first.group()) if first is not None else []
    return bool(found) and found[0].tag.POS == "NOUN"
