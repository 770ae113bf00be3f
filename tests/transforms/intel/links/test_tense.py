"""Whether an event's words state it done or only planned: Russian tense by pymorphy2, words of planning,
English modals (transforms.intel.links.tense)."""

from __future__ import annotations

import pytest

from transforms.intel.links.tense import predicate_plans, states_plan


@pytest.mark.parametrize(
    "words",
    [
        "Губернаторы подпишут",  # a perfective verb in the future
        "Соглашение будет",
        "В ходе визита планируется подписать",
        "Стороны готовятся подписать",
        "Ожидается подписание",
        "The sides will sign",
        "They agreed to sign",
    ],
)
def test_words_that_state_a_plan(words: str) -> None:
    assert states_plan(words)


@pytest.mark.parametrize(
    "words",
    [
        "Губернаторы подписали",
        "Соглашение было подписано",
        "Стороны подписывают",
        "Напомним, стороны подписали",
        "The sides signed",
    ],
)
def test_words_that_state_it_done(words: str) -> None:
    assert not states_plan(words)


def test_the_predicate_after_a_setting_gives_its_tense() -> None:
    future = "В ходе форума также будет подписан меморандум."
    assert predicate_plans(future, len("В ходе форума"), len(future))
    past = "В ходе форума был подписан меморандум."
    assert not predicate_plans(past, len("В ходе форума"), len(past))
    # a plan stated in the present says nothing of the forum, which may be under way
    present = "В рамках форума планируется подписать соглашения."
    assert not predicate_plans(present, len("В рамках форума"), len(present))
