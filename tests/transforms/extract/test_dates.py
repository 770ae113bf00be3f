"""Publication dates: from the page, from the lead of the text, inferred years, implausible dates."""

from __future__ import annotations

from datetime import date

import pytest

from transforms.extract.dates import (
    DateHints,
    ImplausibleDate,
    Published,
    TextDate,
    implausible_reason,
    is_dateline,
    published_from_text,
    resolve_published,
    text_dates,
)

FETCHED = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Калуга, 27.04.2021. Губернатор провёл сессию.", (27, 4, 2021)),
        ("14:48 27.04.2021 Губернатор провёл сессию.", (27, 4, 2021)),
        ("27 апреля 2021 года в Калуге прошла сессия.", (27, 4, 2021)),
        ("27 апреля 2021 г. в Калуге прошла сессия.", (27, 4, 2021)),
        ("On April 8, 2014 Moscow hosted the forum.", (8, 4, 2014)),
        ("On 8 April 2014 Moscow hosted the forum.", (8, 4, 2014)),
        ("Published 2023-06-20 by the ministry.", (20, 6, 2023)),
        ("On July 3, a meeting was held in Kaluga.", (3, 7, None)),
        ("Во вторник, 27 апреля, в Калуге прошла сессия.", (27, 4, None)),
        ("On May 16-21, the ministry organises a mission.", (16, 5, None)),
        ("С 16–21 мая пройдёт бизнес-миссия.", (16, 5, None)),
    ],
)
def test_text_date_forms(text: str, expected: tuple[int, int, int | None]) -> None:
    found = text_dates(text)
    assert [(d.day, d.month, d.year) for d in found] == [expected]


def test_may_the_verb_is_not_a_month() -> None:
    assert text_dates("Companies may 5 times apply for a subsidy.") == []


def test_positions_are_in_order() -> None:
    found = text_dates("27.04.2021 и 3 мая, затем 1 June 2022")
    assert [d.start for d in found] == sorted(d.start for d in found)
    assert found[0] == TextDate(27, 4, 2021, 0)


def test_full_date_in_the_lead_is_the_text_date() -> None:
    assert published_from_text("27 апреля 2021 года в Калуге прошла сессия.", FETCHED) == Published(
        date(2021, 4, 27), "text"
    )


def test_date_far_into_the_text_is_not_the_publication_date() -> None:
    text = "Губернатор провёл сессию. " * 30 + "Соглашение подписано 12.05.2020."
    assert published_from_text(text, FETCHED) == Published(None, None)


def test_the_fetch_year_is_never_given_to_a_date_without_one() -> None:
    # an archived 2012 page fetched in 2026 said "On July 3": 2026-07-03 would be wrong; none is better
    assert published_from_text("On July 3, a meeting was held.", FETCHED) == Published(None, None)


def test_year_inferred_from_the_sitemap_or_http_date() -> None:
    archived = DateHints(http_last_modified="Tue, 17 Jan 2012 10:00:00 GMT")
    assert resolve_published(None, "On July 3, a meeting was held.", FETCHED, archived) == Published(
        date(2011, 7, 3), "inferred"
    )
    in_sitemap = DateHints(sitemap_lastmod="2012-07-05T09:00:00+04:00")
    assert resolve_published(None, "On July 3, a meeting was held.", FETCHED, in_sitemap) == Published(
        date(2012, 7, 3), "inferred"
    )


def test_sitemap_date_then_http_date_when_the_text_has_none() -> None:
    text = "A meeting was held in the park."
    both = DateHints("2012-01-16", "Tue, 17 Jan 2012 10:00:00 GMT")
    assert resolve_published(None, text, FETCHED, both) == Published(date(2012, 1, 16), "sitemap")
    http_only = DateHints(None, "Tue, 17 Jan 2012 10:00:00 GMT")
    assert resolve_published(None, text, FETCHED, http_only) == Published(date(2012, 1, 17), "last_modified")
    garbage = DateHints("yesterday", "not a date")
    assert resolve_published(None, text, FETCHED, garbage) == Published(None, None)


def test_crawl_dates_in_the_future_are_not_used() -> None:
    future = DateHints("2031-01-01", "Wed, 01 Jan 2031 00:00:00 GMT")
    assert resolve_published(None, "A meeting was held.", FETCHED, future) == Published(None, None)


def test_year_inferred_from_the_pages_other_dates() -> None:
    text = "On July 3, a meeting was held. " + "Words. " * 80 + "The agreement of 12.05.2019 was recalled."
    assert published_from_text(text, FETCHED) == Published(date(2019, 7, 3), "inferred")


def test_no_year_and_no_reference_gives_no_date() -> None:
    assert published_from_text("On July 3, a meeting was held.", None) == Published(None, None)


def test_future_deadline_in_the_lead_is_not_the_publication_date() -> None:
    text = "До 31 декабря 2030 года в регионе создадут три технопарка."
    assert published_from_text(text, FETCHED) == Published(None, None)


def test_page_date_wins_over_the_text() -> None:
    assert resolve_published("2021-04-27T14:48:00", "On July 3, a meeting.", FETCHED) == Published(
        date(2021, 4, 27), "page"
    )


@pytest.mark.parametrize(
    ("page_date", "reason"),
    [
        ("2031-05-01", "publication date 2031-05-01 is in the future (reference date 2026-11-23)"),
    ],
)
def test_implausible_page_dates_are_refused_with_a_reason(page_date: str, reason: str) -> None:
    with pytest.raises(ImplausibleDate) as caught:
        resolve_published(page_date, "Some text.", FETCHED)
    assert str(caught.value) == reason


def test_a_page_date_before_1991_is_passed_over_for_the_text() -> None:
    assert resolve_published("1963-04-10", "Алматы, 06.01.2012. Учёные выяснили.", FETCHED) == Published(
        date(2012, 1, 6), "text"
    )
    assert resolve_published("1985-03-01", "Some text.", FETCHED) == Published(None, None)
    assert implausible_reason(date(1985, 3, 1), FETCHED) == "publication date 1985-03-01 is before 1991"


def test_tomorrow_is_allowed_for_time_zones() -> None:
    assert implausible_reason(date(2026, 11, 24), FETCHED) is None
    assert implausible_reason(date(2026, 11, 25), FETCHED) is not None
    assert implausible_reason(date(2040, 1, 1), None) is None  # no reference: only the 1991 floor


def test_unparseable_page_date_falls_back_to_the_text() -> None:
    assert resolve_published("not a date", "27.04.2021 в Калуге.", FETCHED) == Published(
        date(2021, 4, 27), "text"
    )


def test_impossible_day_is_skipped() -> None:
    assert published_from_text("On February 30, nothing happened.", FETCHED) == Published(None, None)


@pytest.mark.parametrize(
    "line",
    [
        "Posted: Jan 16, 2012 12:00 PM ET",
        "14 December 2011 Last updated at 11:32 GMT",
        "Updated: Wednesday, 11 Jan 2012, 8:32 PM EST",
        "Last updated at 3:23 PM on 11th January 2012",
        "Published: January 11, 2012",
    ],
)
def test_an_english_dateline_is_not_text(line: str) -> None:
    assert is_dateline(line)


@pytest.mark.parametrize(
    "line",
    [
        "January 12, 2012, 6:44 AM EST",  # no label: it may be a line of the article
        "Posted on May 3, the report said the park would open.",
        "Published: 12 января 2012",
        "Updated: Kaluga Technopark",
        "Last updated 1 hour and 49 minutes ago",
    ],
)
def test_lines_that_are_more_than_a_dateline_stay(line: str) -> None:
    assert not is_dateline(line)
