"""The date of an event: as stated, completed from the publication date, or unknown."""

from __future__ import annotations

from datetime import date

from transforms.intel.links.dates import event_date

PUBLISHED = date(2023, 9, 1)


def _date(sentence: str, published: date | None = PUBLISHED, planned: bool = False) -> tuple:
    found = event_date(sentence, (0, len(sentence)), len(sentence) // 2, published, planned)
    return found.value, found.precision, found.text


def test_stated_day_month_and_year() -> None:
    assert _date("On April 8, 2014 Moscow hosted the forum.") == (date(2014, 4, 8), "day", "April 8, 2014")
    assert _date("In July 2023 they signed an agreement.")[:2] == (date(2023, 7, 1), "month")
    assert _date("в мае 2014 года запустили завод")[:2] == (date(2014, 5, 1), "month")
    assert _date("The plant was launched in 2015.")[:2] == (date(2015, 1, 1), "year")


def test_a_day_without_a_year_takes_the_publications() -> None:
    assert _date("On July 3, a meeting was held.")[:2] == (date(2023, 7, 3), "inferred")
    assert _date("On December 3, a meeting was held.")[:2] == (date(2022, 12, 3), "inferred")
    assert _date("On December 3, a forum will be held.", planned=True)[:2] == (date(2023, 12, 3), "inferred")
    assert _date("On July 3, a meeting was held.", published=None) == (None, None, "July 3")


def test_relative_words_and_no_date() -> None:
    assert _date("Yesterday the plant was opened.")[:2] == (date(2023, 8, 31), "inferred")
    assert _date("Вчера открыли завод.")[:2] == (date(2023, 8, 31), "inferred")
    assert _date("The plant was opened.") == (PUBLISHED, "inferred", None)
    assert _date("The plant was opened.", published=None) == (None, None, None)


def test_a_decree_date_or_a_deadline_is_not_the_events() -> None:
    assert _date("Согласно постановлению от 31 июля 2015 г. № 779 кластер вошёл в реестр.")[0] == PUBLISHED
    assert _date("The plant will be built by 2030.")[0] == PUBLISHED


def test_an_impossible_date_is_unknown() -> None:
    assert _date("On 2023-02-30 they met.", published=None)[:2] == (None, None)
