"""Which pass holds the article (its core line, the page's lead) and the legal footer cut off the text:
texts modelled on the real pages where each rule was found (other pages' teasers above a radio station's
article, a news agency's editorial address under its notice, photo credits inside a German article)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.extract.choice import (
    Lead,
    can_prefer_precise,
    cut_edge_rows,
    cut_legal_footer,
    cut_sign_off,
    longest_line,
    prefer_precise,
    with_dropped_paragraphs,
)
from transforms.extract.links import cut_related_tail

LEAD = (
    "Технопарк «Академпарк» в Новосибирске отобрал восемь новых резидентов в сфере микроэлектроники, "
    "сообщила управляющая компания технопарка."
)
ARTICLE = "\n".join(
    (
        LEAD,
        "Резиденты займут около трёх тысяч квадратных метров в новом корпусе центра.",
        "Компании получат налоговые льготы и доступ к оборудованию центра.",
    )
)
TEASERS = "\n".join(
    (
        "Второй технопарк Тульской области принял первых резидентов: пять компаний разместят в нём "
        "лаборатории и опытные производства, сообщили в правительстве региона, а к концу года их будет 15.",
        "Участниками кластера композитных материалов стали ещё четыре предприятия из трёх регионов, "
        "теперь в нём двадцать шесть участников.",
    )
)
PAGE_TEXT = f"Главное\n{TEASERS}\n{ARTICLE}\nНовости регионов, 2012"


def test_a_description_counts_only_when_long_enough_and_on_the_page() -> None:
    assert Lead.of(LEAD, PAGE_TEXT) is not None
    assert Lead.of("Новости Новосибирска", PAGE_TEXT) is None  # too short to recognise anything by
    site = "Сайт о новостях науки и технологий Сибири: технопарки, вузы, стартапы."
    assert Lead.of(site, PAGE_TEXT) is None  # the site's description, not the article's
    assert Lead.of(None, PAGE_TEXT) is None
    assert Lead.of(LEAD, PAGE_TEXT, title=f"{LEAD} — Новости регионов") is None  # the headline again
    lead = Lead.of(LEAD, PAGE_TEXT)
    assert lead is not None and lead.kept_by(ARTICLE) and not lead.kept_by(TEASERS)
    assert lead.lost_by(TEASERS) and not lead.lost_by(ARTICLE)
    half = " ".join(LEAD.split()[:8])  # part of the lead (a heading that quotes it): not lost, not kept
    assert not lead.lost_by(half) and not lead.kept_by(half)


def test_precision_text_below_teasers_is_preferred_when_it_keeps_the_lead() -> None:
    balanced = f"{TEASERS}\n{ARTICLE}"
    assert longest_line(balanced) not in ARTICLE  # a teaser is the longest line: the core rule fails
    assert prefer_precise(balanced, ARTICLE, Lead.of(LEAD, PAGE_TEXT))
    assert not prefer_precise(balanced, ARTICLE, None)  # without a lead, the balanced text stays


def test_precision_text_keeping_the_core_is_preferred_unless_it_lost_the_lead() -> None:
    core = (
        "Компании получат налоговые льготы и доступ к оборудованию центра коллективного пользования, а "
        "технопарк рассчитывает, что к 2014 году их выручка превысит полмиллиарда рублей."
    )
    balanced = f"{LEAD}\n{core}\nПодписаться на рассылку"
    assert prefer_precise(balanced, f"{LEAD}\n{core}", Lead.of(LEAD, PAGE_TEXT + core))
    assert not prefer_precise(balanced, core, Lead.of(LEAD, PAGE_TEXT + core))  # lost the lead
    assert prefer_precise(balanced, core, None)
    assert not prefer_precise(balanced, balanced, None)


BODY = "Резиденты индустриального парка вложили в производство почти два миллиарда рублей. " * 4


@pytest.mark.parametrize(
    "notice",
    [
        "© 2012, «Новый Регион – Дальний Восток»",
        "2002-2010 © Информационное агентство «Экспертный канал ФедералПресс»",
        "© ЗАО ИД «Комсомольская правда», 2013.",
        "Copyright © 2011 The Press Association. All rights reserved.",
        "Copyright: Medical News Today",
        "Все права защищены. Перепечатка только с разрешения редакции.",
    ],
)
def test_a_legal_notice_after_the_article_ends_the_text(notice: str) -> None:
    text = f"{BODY}\n{notice}\nАдрес редакции: 248000, г. Калуга, ул. Ленина, д. 1"
    assert cut_legal_footer(text) == BODY.rstrip()


@pytest.mark.parametrize(
    "line",
    [
        "Johannes Thingnes Bø will für Furore sorgen. © AFP / MARCO BERTORELLO",  # a photo credit
        "©iStock",
        "Buchtitel-Copyright liegt bei Präsident Erdogan",  # a headline
        "Benjamin's father, Christian CÃ´tÃ©, said in 2011 that the infections stopped.",  # mojibake, not ©
    ],
)
def test_credits_headlines_and_mojibake_are_no_notice(line: str) -> None:
    text = f"{BODY}\n{line}\n{BODY}"
    assert cut_legal_footer(text) == text


def test_a_notice_in_the_first_half_of_the_text_stays() -> None:
    text = f"Фото: © РИА Новости, 2012\n{BODY}\n{BODY}"
    assert cut_legal_footer(text) == text


def test_a_few_menu_rows_at_either_end_are_cut() -> None:
    top = "| Публикации за 06.01.12 | РИА Новый Регион – Дальний Восток |\n| Обсудить | Версия для печати |"
    bottom = "| Рубрики: | Общество / Россия / Экономика |"
    assert cut_edge_rows(f"{top}\n{BODY}\n{bottom}") == BODY


def test_a_data_table_and_a_row_of_long_cells_stay() -> None:
    rows = "\n".join(f"| Длина в см | {n} |" for n in range(478, 483))  # five rows: a table of data
    assert cut_edge_rows(f"{BODY}\n{rows}") == f"{BODY}\n{rows}"
    headline = "|  | В Амурской области сошел с рельсов вагон состава с углем 06.01.12 08:49 |"
    assert cut_edge_rows(f"{headline}\n{BODY}") == f"{headline}\n{BODY}"
    inside = f"{BODY}\n| Калуга | 12 |\n{BODY}"
    assert cut_edge_rows(inside) == inside


WIRE = (
    "The Kaluga technopark took in eight new residents in microelectronics, its managing company said.\n"
    "The residents will take about three thousand square metres in the centre's new building."
)


@pytest.mark.parametrize(
    "sign_off",
    [
        "dabma@postmedia.com",
        "--Editors: Reg Gale, Angela Zimm\n"
        "To contact the reporter on this story: Jo Doe in Moscow at jdoe@wire.net\n"
        "To contact the editor responsible for this story: Reg Gale at rgale@wire.net",
        "Posted in: Business, News Tags: Kaluga, technoparks",
    ],
)
def test_the_newsrooms_sign_off_is_cut_off_the_end(sign_off: str) -> None:
    assert cut_sign_off(f"{WIRE}\n{sign_off}\n") == WIRE


def test_contact_words_inside_the_text_stay() -> None:
    text = f"To contact the reporter, readers wrote in.\n{WIRE}\nWrite to press@kaluga.example for more."
    assert cut_sign_off(text) == text


@pytest.mark.parametrize(
    "notice",
    [
        "Comments are now closed for this story",
        "If you are commenting using a Facebook account, your profile…",
    ],
)
def test_a_closed_or_facebook_comment_notice_ends_the_text(notice: str) -> None:
    article = "\n".join([WIRE] * 2)
    assert cut_related_tail(f"{article}\n{notice}\nJoe: Junk science.", 200) == article


@settings(database=None, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab «»\n.-|©2013 технопарк"), max_size=400), st.booleans())
def test_an_empty_balanced_text_is_never_left_for_a_precise_one(precise: str, with_lead: bool) -> None:
    """What lets the extractor skip precision mode when the balanced text is empty."""
    lead = Lead.of(LEAD, f"{LEAD}\n{precise}") if with_lead else None
    assert not can_prefer_precise("")
    assert not prefer_precise("", precise, lead)
    assert not prefer_precise("", f"{LEAD}\n{precise}", lead)
    assert can_prefer_precise(ARTICLE)
    assert prefer_precise(f"{TEASERS}\n{ARTICLE}", ARTICLE, Lead.of(LEAD, PAGE_TEXT))


DROPPED = (
    "Резиденты технопарка получат налоговые льготы на десять лет, а для малых компаний управляющая "
    "компания снизит арендную плату вдвое; первые договоры аренды подпишут уже в феврале, сообщили в "
    "правительстве области."
)


def test_a_paragraph_precision_mode_dropped_inside_the_article_goes_back_in_place() -> None:
    lines = ARTICLE.splitlines()
    balanced = "\n".join([lines[0], DROPPED, *lines[1:]])
    assert with_dropped_paragraphs(balanced, ARTICLE) == balanced
    # the same line spaced apart by the other pass is no dropped line: it is not put back twice
    spaced = "\n".join([lines[0], DROPPED.replace(" ", "  "), *lines[1:]])
    assert with_dropped_paragraphs(balanced, spaced) == spaced


@pytest.mark.parametrize(
    "line",
    [
        "Фото: пресс-служба технопарка",  # a caption: short
        DROPPED.rstrip("."),  # a long line that ends no sentence (a contact line, a list of links)
    ],
)
def test_short_lines_and_unfinished_sentences_are_not_put_back(line: str) -> None:
    lines = ARTICLE.splitlines()
    balanced = "\n".join([lines[0], line, *lines[1:]])
    assert with_dropped_paragraphs(balanced, ARTICLE) == ARTICLE


def test_paragraphs_outside_what_precision_mode_kept_are_not_put_back() -> None:
    """Above its first line or below its last, the balanced text holds teasers and appended stories."""
    assert with_dropped_paragraphs(f"{DROPPED}\n{ARTICLE}\n{DROPPED}", ARTICLE) == ARTICLE
    assert with_dropped_paragraphs(f"{TEASERS}\n{DROPPED}", ARTICLE) == ARTICLE
