"""Furniture out before extraction, residue out after it, link measures."""

from __future__ import annotations

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.extract.boilerplate import (
    ANY_NAMED_CLASS,
    COMMENT_CLASS,
    COMMENT_TOKENS,
    CONTENT_CLASS,
    CONTENT_TOKENS,
    WIDGET_CLASS,
    WIDGET_TOKENS,
)
from transforms.extract.htmlclean import (
    BrokenMarkup,
    anchor_texts,
    clean_tree,
    link_share,
    linked_headlines,
    parse_html,
    strip_residue,
)

TEXT = "Калужская область развивает промышленные кластеры и технопарки. " * 5


def cleaned_text(html: str, include_comments: bool = False) -> str:
    return clean_tree(parse_html(html), include_comments).text_content()


def test_hidden_widgets_and_comments_go() -> None:
    html = (
        f"<html><body><h1>Кластеры</h1><p>{TEXT}</p>"
        '<div hidden>blob-one</div><div style="display: none">blob-two</div>'
        '<div class="cookie-banner">Мы используем файлы cookie</div>'
        '<section class="sidebar__block--related">Related</section>'
        '<div class="comments"><p>Комментарий читателя</p></div>'
        '<img src="data:image/png;base64,AAAA"></body></html>'
    )
    text = cleaned_text(html)
    assert "Калужская область" in text
    assert [n for n in ("blob", "cookie", "Related", "Комментарий") if n in text] == []
    assert "Комментарий читателя" in cleaned_text(html, include_comments=True)
    assert "data:" not in lxml.html.tostring(clean_tree(parse_html(html)), encoding="unicode")


def test_the_article_is_never_dropped_whatever_its_class() -> None:
    wrapped = f'<div class="page menu-open"><div class="content"><p>{TEXT}</p></div></div>'
    html = f"<html><body>{wrapped}</body></html>"
    assert "Калужская область" in cleaned_text(html)
    html = f'<html><body><div class="footer"><h1>Заголовок</h1><p>{TEXT}</p></div></body></html>'
    assert "Калужская область" in cleaned_text(html)


def test_input_tree_is_not_modified() -> None:
    tree = parse_html(f'<html><body><p>{TEXT}</p><div class="share">Поделиться</div></body></html>')
    clean_tree(tree)
    assert "Поделиться" in tree.text_content()


def test_broken_markup_is_repaired_or_refused() -> None:
    assert "кластеры" in parse_html("<html><body><p>кластеры<div><b>и <i>парки</body>").text_content()
    with pytest.raises(BrokenMarkup):
        parse_html("")


def test_residue_is_stripped() -> None:
    text = "\n".join(
        [
            "Первый абзац статьи.",
            "eyJpdiI6IlF2b0E0R2VzS0N6dHB6SXlnS1pLSmc9PSIsInZhbHVlIjoiN2Jh",
            'window.kinStatCounter.push(["init", {siteId: 480117}]);',
            "Поделиться:",
            "—",
            "Второй абзац, где есть слово internationalisation и id 2021-04-27.",
        ]
    )
    assert (
        strip_residue(text)
        == "Первый абзац статьи.\nВторой абзац, где есть слово internationalisation и id 2021-04-27."
    )


def test_link_measures() -> None:
    tree = parse_html(
        '<html><body><a href="/1">Первая новость о кластерах</a><a href="/2">Вторая новость о парках</a>'
        '<a href="/3">Ещё</a></body></html>'
    )
    anchors = anchor_texts(tree)
    assert anchors == {"Первая новость о кластерах", "Вторая новость о парках"}
    listing = "Первая новость о кластерах\nАнонс первой.\nВторая новость о парках\nАнонс второй."
    assert linked_headlines(listing, anchors) == 2
    assert link_share(listing, anchors) == pytest.approx(49 / 75)
    assert link_share("", anchors) == 0.0


NAME_PARTS = [
    *(WIDGET_TOKENS + "|" + COMMENT_TOKENS + "|" + CONTENT_TOKENS).replace("s?", "s").split("|"),
    "SHARE", "Main", "sidebar", "x", "relationship", "postal", "", " ", "_", "-", "--", "__",
]  # fmt: skip


@settings(database=None, deadline=None)
@given(st.lists(st.sampled_from(NAME_PARTS), max_size=8))
def test_one_search_finds_a_name_exactly_when_one_of_the_three_does(parts: list[str]) -> None:
    """The screen before the three searches of each class and id passes over no name they would find."""
    names = "".join(parts)
    any_kind = any(p.search(names) for p in (WIDGET_CLASS, COMMENT_CLASS, CONTENT_CLASS))
    assert bool(ANY_NAMED_CLASS.search(names)) == any_kind


def test_a_reply_word_in_capitals_still_marks_a_thread() -> None:
    article = "<h1>Заголовок</h1>" + "<p>Текст статьи о технопарке и его резидентах.</p>" * 20
    comments = "".join(
        f"<div class='c{n}'>Мнение гостя {n}. <a href='#'>ОТВЕТИТЬ</a></div>" for n in range(3)
    )
    text = cleaned_text(f"<html><body><div>{article}</div>{comments}</body></html>")
    assert "Текст статьи" in text and "Мнение гостя" not in text
    plain = cleaned_text(f"<html><body><div>{article}</div><div>Мнение гостя.</div></body></html>")
    assert "Мнение гостя" in plain  # no reply word, no thread
