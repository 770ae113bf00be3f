"""Russian news pages of the 2000s, one per failure class, written for these tests
(tests/data/extraction/ru_failures/, labelled in manifest.json): a cp1251 page with a comment thread
whose classes name nothing, a koi8-r page set in nested tables, "Читайте также" blocks and a timed news
feed, a "rate this article" poll, a side widget whose 1963 date a date finder takes for the page's, and
a site's legal footer (notice, address, registration) set in the article's table cell.
Each assertion failed before the rule it checks."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import lxml.html
import pytest

from tests.processes import REPO
from transforms.extract.article import ExtractOptions, extract_article
from transforms.extract.comments import drop_reply_threads, reply_markers
from transforms.extract.htmlclean import clean_tree, parse_html
from transforms.extract.layout import is_layout_table, unwrap_layout_tables
from transforms.extract.links import cut_news_feeds, cut_related_tail

ROOT = REPO
LABELLED = ROOT / "tests" / "data" / "extraction"
MANIFEST = json.loads((LABELLED / "manifest.json").read_text("utf-8"))
FETCHED = date(2026, 11, 23)


def extracted(name: str, options: ExtractOptions | None = None) -> dict[str, Any]:
    entry = next(p for p in MANIFEST["pages"] if p["html"].endswith(f"ru_failures/{name}.html"))
    return extract_article((ROOT / entry["html"]).read_bytes(), entry["url"], None, options, FETCHED)


def test_the_failure_pages_are_in_their_period_encodings() -> None:
    folder = LABELLED / "ru_failures"
    assert "windows-1251" in (folder / "cp1251_comment_thread.html").read_bytes().decode("cp1251")
    koi8 = (folder / "koi8r_table_layout.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        koi8.decode("utf-8")
    assert "Людиново" in koi8.decode("koi8-r")


def test_a_comment_thread_found_by_its_reply_links_is_left_out() -> None:
    text = extracted("cp1251_comment_thread")["text"]
    assert text.startswith("Технопарк «Кванториум-Тамбов» принял первых резидентов: договоры")
    assert "120 миллионов рублей" in text
    for comment in ("Опять обещания", "Мой брат", "Сто двадцать миллионов", "ответить", "Сергей_68"):
        assert comment not in text


def test_the_thread_stays_in_the_cleaned_page_when_comments_are_asked_for() -> None:
    entry = next(p for p in MANIFEST["pages"] if p["html"].endswith("cp1251_comment_thread.html"))
    tree = parse_html((ROOT / entry["html"]).read_bytes().decode("cp1251"))
    assert "Мой брат пытался" in clean_tree(tree, include_comments=True).text_content()
    assert "Мой брат пытался" not in clean_tree(tree).text_content()


def test_an_article_in_a_table_layout_comes_without_menu_feed_and_footer() -> None:
    article = extracted("koi8r_table_layout")
    text = article["text"]
    assert text.startswith("Калуга, 17 января 2012 года. Особая экономическая зона «Людиново»")
    assert "ещё пять резидентов" in text
    for furniture in (
        "Политика",
        "Калужский автокластер",
        "10:17",
        "Все права защищены",
        "Версия для печати",
    ):
        assert furniture not in text
    assert (article["language"], article["published"]) == ("ru", "2012-01-17")


def test_read_also_blocks_and_the_news_feed_are_cut() -> None:
    text = extracted("utf8_read_also_feed")["text"]
    assert text.endswith("до двух тысяч человек.")
    for other in ("Читайте также", "крановый завод", "второй индустриальный парк", "Анекдоты дня", "09:21"):
        assert other not in text


def test_a_poll_with_its_heading_and_the_counters_are_left_out() -> None:
    text = extracted("cp1251_poll_counter")["text"]
    assert text.endswith("вузов и научных организаций.")
    for furniture in ("Оцените", "Статья легко читается", "Затрудняюсь ответить", "Рейтинг@Mail.ru"):
        assert furniture not in text


def test_a_1963_date_in_a_side_widget_does_not_hold_the_article_back() -> None:
    article = extracted("utf8_holiday_date")
    assert (article["published"], article["date_source"]) == ("2012-01-06", "text")
    assert "центр коллективного пользования" in article["text"]


def test_the_site_legal_footer_under_the_article_is_cut() -> None:
    article = extracted("cp1251_legal_footer")
    assert article["text"].endswith("около 200 гектаров с подведёнными сетями.")
    for furniture in ("© 2012", "Все права", "Адрес редакции", "Свидетельство", "Мнение авторов"):
        assert furniture not in article["text"]
    assert (article["language"], article["published"]) == ("ru", "2012-01-17")


def _tree(body: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(f"<html><body>{body}</body></html>")


def test_layout_tables_become_blocks_and_data_tables_stay() -> None:
    long_cell = "Резиденты парка вложили в оборудование почти два миллиарда рублей. " * 7
    data = "<table><tr><td>Калуга</td><td>12</td></tr><tr><td>Тула</td><td>7</td></tr></table>"
    tree = _tree(f"<table id='page'><tr><td>{long_cell}</td><td>{data}</td></tr></table>")
    tables = list(tree.iter("table"))
    assert [is_layout_table(t) for t in tables] == [True, False]
    assert unwrap_layout_tables(tree) == 1
    assert [t.get("id") for t in tree.iter("table")] == [None]  # the data table, whole
    assert tree.get_element_by_id("page").tag == "div"
    assert len(list(tree.iter("td"))) == 4


def test_short_cells_with_paragraphs_are_not_layout() -> None:
    tree = _tree("<table><tr><td><p>Калуга</p></td><td><p>12 резидентов</p></td></tr></table>")
    assert not is_layout_table(next(tree.iter("table")))


def test_one_reply_link_is_no_thread_and_a_thread_never_takes_the_article() -> None:
    single = _tree("<p>Текст статьи о технопарке.</p><div><b>Гость</b> <a href='#'>Ответить</a></div>")
    assert len(reply_markers(single)) == 1 and drop_reply_threads(single) == 0
    article = "<h1>Заголовок</h1>" + "<p>Текст статьи о технопарке и его резидентах.</p>" * 20
    inside = _tree(f"<div>{article}<a href='#'>ответить</a><a href='#'>ответить</a></div>")
    assert drop_reply_threads(inside) == 2
    assert "Текст статьи" in inside.text_content()


def test_related_tail_needs_text_before_it() -> None:
    lead = "Индустриальный парк получил резидентов. " * 6
    assert cut_related_tail(f"{lead}\nЧитайте также:\nДругая новость", 200) == lead
    assert cut_related_tail("Коротко.\nПо теме\nТекст дальше.", 200) == "Коротко.\nПо теме\nТекст дальше."
    assert cut_related_tail("Абзац.\nЧитайте также: Другая новость\nЕщё абзац.", 0) == "Абзац.\nЕщё абзац."


def test_a_timed_feed_is_cut_and_a_chronicle_of_sentences_stays() -> None:
    feed = "Текст статьи.\n09:21 // Анекдоты дня\n09:12 // Студенты на каникулах\n08:48 // Трасса перекрыта"
    assert cut_news_feeds(feed) == "Текст статьи."
    teasers = "Текст.\n- 10:17 Город\n- Подтверждён.\n- 10:15 Охрана\n- Усилена.\n- 10:10 Курс\n- Вырос."
    assert cut_news_feeds(teasers) == "Текст."
    chronicle = (
        "10:00 Заседание открыл губернатор.\n11:30 Резиденты доложили о планах.\n12:00 Подписано соглашение."
    )
    assert cut_news_feeds(chronicle) == chronicle
    assert cut_news_feeds("Родился 10.04.1963.\n11.05.1970 год.\n12.06.1980 год.") == (
        "Родился 10.04.1963.\n11.05.1970 год.\n12.06.1980 год."
    )


def test_a_comment_heading_with_its_count_ends_the_text() -> None:
    lead = "Индустриальный парк получил резидентов. " * 6
    assert cut_related_tail(f"{lead}\nКомментарии (12)\nГость: отличная новость", 200) == lead
    assert cut_related_tail(f"{lead}\nКомментарии (12)\nГость", 200, keep_comments=True).endswith("Гость")
    short = "Коротко.\nКомментарии\nТекст дальше."
    assert cut_related_tail(short, 200) == short
