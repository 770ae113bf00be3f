"""extract_article on the bundled sample site, checked against tests/data/sample_site_truth.json."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bench.extraction_quality import labelled_pages, score, scores_by_set
from tests.processes import REPO
from transforms.extract.article import ARTICLE_KEYS, EXTRA_KEYS, ExtractOptions, NotAnArticle, extract_article

ROOT = REPO
SITE = ROOT / "samples" / "site"
BASE = "http://example.test"
TRUTH: list[dict[str, Any]] = json.loads(
    (ROOT / "tests" / "data" / "sample_site_truth.json").read_text("utf-8")
)
CP1251_PAGE = "/news/2021/04/27/kaluga-industrial-clusters.html"


def site_bytes(path: str) -> bytes:
    return (SITE / path.lstrip("/")).read_bytes().replace(b"__BASE_URL__", BASE.encode())


@pytest.fixture(params=TRUTH, ids=[t["path"] for t in TRUTH])
def truth(request: pytest.FixtureRequest) -> dict[str, Any]:
    return request.param


def test_sample_article_matches_truth(truth: dict[str, Any]) -> None:
    article = extract_article(site_bytes(truth["path"]), BASE + truth["path"])
    assert tuple(article) == ARTICLE_KEYS + EXTRA_KEYS
    assert article["url"] == BASE + truth["path"]
    assert article["title"] == truth["title"]
    assert article["published"] == truth["published"]
    assert article["language"] == truth["language"]
    assert article["author"] == truth["author"]
    text = article["text"]
    assert text.startswith(truth["first_sentence"])
    assert text.endswith(truth["last_sentence"])
    assert [noise for noise in truth["noise"] if noise in text] == []


def test_cp1251_page_is_correct_russian() -> None:
    body = site_bytes(CP1251_PAGE)
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    for charset in (None, "windows-1251"):
        article = extract_article(body, BASE + CP1251_PAGE, charset=charset)
        assert "Калуге губернатор Владислав ШАПША" in article["text"]
        assert "\ufffd" not in article["text"]
        assert article["title"].startswith("Владислав Шапша")


def test_str_input_is_accepted() -> None:
    path = "/en/news/labudin-kaluga-visit.html"
    expected = next(t["title"] for t in TRUTH if t["path"] == path)
    assert extract_article(site_bytes(path).decode("utf-8"))["title"] == expected


def test_listing_page_is_not_an_article() -> None:
    with pytest.raises(NotAnArticle, match="a listing of other pages"):
        extract_article(site_bytes("/index.html"), BASE + "/")


@pytest.mark.parametrize("body", [b"", b"  \n\t ", ""])
def test_empty_page_is_not_an_article(body: bytes | str) -> None:
    with pytest.raises(NotAnArticle, match="empty page"):
        extract_article(body, BASE + "/empty")


def test_min_text_chars_option() -> None:
    body = site_bytes("/en/news/labudin-kaluga-visit.html")
    with pytest.raises(NotAnArticle, match=r"< 100000 characters"):
        extract_article(body, options=ExtractOptions(min_text_chars=100_000))


LABELLED = ROOT / "tests" / "data" / "extraction"
MANIFEST = json.loads((LABELLED / "manifest.json").read_text("utf-8"))
REFERENCE = date.fromisoformat(MANIFEST["reference_date"])


def labelled(page: dict[str, Any]) -> tuple[bytes, str]:
    html = (ROOT / page["html"]).read_bytes().replace(b"__BASE_URL__", MANIFEST["base_url"].encode())
    return html, (LABELLED / page["expected"]).read_text("utf-8")


@pytest.fixture(params=MANIFEST["pages"], ids=[Path(p["html"]).stem for p in MANIFEST["pages"]])
def page(request: pytest.FixtureRequest) -> dict[str, Any]:
    return request.param


def test_labelled_page_text_language_and_date(page: dict[str, Any]) -> None:
    html, expected = labelled(page)
    article = extract_article(html, page["url"], reference_date=REFERENCE)
    assert score(article["text"], expected).f1 >= 0.97
    assert (article["language"], article["published"], article["date_source"]) == (
        page["language"],
        page["published"],
        page["date_source"],
    )


def test_project_is_not_worse_than_plain_trafilatura_on_any_set() -> None:
    pages = labelled_pages()
    totals = scores_by_set(pages)
    for set_name in {p.set for p in pages}:
        ours, plain = totals[(set_name, "clusterwatch")], totals[(set_name, "trafilatura.extract")]
        assert ours.f1 >= plain.f1, set_name
        assert ours.precision >= plain.precision, set_name


def test_recall_fallback_recovers_what_precision_loses() -> None:
    entry = next(p for p in MANIFEST["pages"] if "registry" in p["html"])
    html = labelled(entry)[0]
    precise = ExtractOptions(favor_precision=True)  # the default first pass (balanced) keeps the list
    article = extract_article(html, entry["url"], options=precise)
    assert article["extraction_method"] == "recall_fallback"
    assert "Ульяновский авиационный кластер" in article["text"]
    assert "Ассоциация провела стратегическую сессию" not in article["text"]  # the sidebar stays out
    with pytest.raises(NotAnArticle, match="main text too short"):
        extract_article(
            html, entry["url"], options=ExtractOptions(favor_precision=True, recall_fallback=False)
        )
    default = extract_article(html, entry["url"])
    assert default["extraction_method"] == "balanced" and "Ульяновский авиационный кластер" in default["text"]


def test_metadata_description_tags_and_canonical() -> None:
    entry = next(p for p in MANIFEST["pages"] if "alabuga" in p["html"])
    article = extract_article(labelled(entry)[0], entry["url"])
    assert article["title"] == "Alabuga SEZ signs four new resident agreements"
    assert article["author"] == "Rustam Gilfanov"
    assert article["sitename"] == "Tatarstan Investment Review"
    assert article["description"].startswith("Investments of 38 billion rubles")
    assert article["tags"] == ["SEZ", "Tatarstan"]
    assert article["extraction_method"] == "balanced"  # the default first pass since real pages said so


def test_comments_cookie_banner_and_residue_stay_out() -> None:
    for name, noise in [
        ("ru_uzlovaya_comments", ["Хорошо бы", "Ответить", "файлы cookie", "Читайте также", "Поделиться"]),
        ("en_alabuga_cookie", ["We value your privacy", "morning briefing", "Innopolis"]),
        ("ru_vorsino_widgets", ["eyJpdiI6", "kinStatCounter", "Продам гараж", "dataLayer"]),
    ]:
        entry = next(p for p in MANIFEST["pages"] if name in p["html"])
        text = extract_article(labelled(entry)[0], entry["url"])["text"]
        assert [n for n in noise if n in text] == [], name


def test_comments_kept_when_asked_for() -> None:
    entry = next(p for p in MANIFEST["pages"] if "uzlovaya" in p["html"])
    article = extract_article(labelled(entry)[0], options=ExtractOptions(include_comments=True))
    assert "Дорогу до промзоны" in article["text"]


def test_lang_attribute_does_not_override_the_text() -> None:
    html = site_bytes("/en/news/labudin-kaluga-visit.html").replace(b'<html lang="en"', b'<html lang="ru"')
    assert extract_article(html)["language"] == "en"


def test_str_with_only_spaces_is_empty() -> None:
    with pytest.raises(NotAnArticle, match="empty page") as caught:
        extract_article("   ")
    assert caught.value.kind == "not an article"


def test_binary_and_garbled_input_is_not_an_article() -> None:
    with pytest.raises(NotAnArticle, match=r"binary body \(PDF document\), not HTML"):
        extract_article(b"%PDF-1.7\n" + bytes(range(256)) * 10)
    # UTF-8 read as cp1251 leaves no C1 control characters to tell which bytes were which: held back
    text = "<html><body>" + "<p>" + "РљР°Р»СѓРіР° " * 80 + "</p></body></html>"
    with pytest.raises(NotAnArticle, match="garbled encoding"):
        extract_article(text)


def test_utf8_read_as_latin1_is_put_right_not_held_back() -> None:
    text = "<html><body>" + "<p>" + "Ð\u009aÐ°Ð»Ñ\u0083Ð³Ð° " * 80 + "</p></body></html>"
    assert extract_article(text)["text"] == " ".join(["Калуга"] * 80)


# Regression pages for the defects found on real pages: each reproduces the shape of the real page.
BODY_EN = " ".join(
    f"Paragraph {n}: the Kaluga industrial park signed {n} new residents this year, the governor said."
    for n in range(1, 7)
)


def html_page(body: str, head: str = "<title>Kaluga park</title>") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize("control", ["\x08", "\x1b", "\x07", "\x0b"])
def test_a_control_character_in_the_body_does_not_empty_the_article(control: str) -> None:
    html = html_page(f"<h1>Kaluga park</h1><p>{BODY_EN[:90]}{control}{BODY_EN[90:]}</p>")
    for body in (html, html.encode("utf-8")):
        text = extract_article(body, "https://news.example/a")["text"]
        assert "Paragraph 6" in text and control not in text


def test_xhtml_page_with_an_xml_declaration_is_parsed() -> None:
    xhtml = (
        '<?xml version="1.0" encoding="iso-8859-1"?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Kaluga park</title></head>'
        f"<body><h1>Kaluga park</h1><p>{BODY_EN} Größe: 12 ha.</p></body></html>"
    )
    for body in (xhtml, xhtml.encode("utf-8")):
        text = extract_article(body, "https://news.example/a", charset="utf-8")["text"]
        assert "Paragraph 6" in text and "Größe" in text


@pytest.mark.parametrize(
    "classes", ["main-with-sidebar", "layout-sidebar-sticky story-body", "post-body pagination-1"]
)
def test_furniture_removal_keeps_an_article_whose_container_has_a_widget_class(classes: str) -> None:
    paragraphs = "".join(f"<p>{sentence}.</p>" for sentence in BODY_EN.split(". "))
    links = "".join(f'<li><a href="/section/{n}">Section number {n} of the site</a></li>' for n in range(60))
    footer = f"<footer><ul>{links}</ul><p>Contacts and the terms of use of the site.</p></footer>"
    title = '<div class="header-title">Kaluga park</div>'
    html = html_page(f'{title}<div class="{classes}">{paragraphs}</div>{footer}')
    text = extract_article(html, "https://news.example/a")["text"]
    assert "Paragraph 1" in text and "Paragraph 6" in text
    assert "terms of use" not in text


def related_block(count: int) -> str:
    """Linked headlines, each followed by its teaser (with a "more" link), as news sites list them."""
    items = "".join(
        f'<li><a href="/news/{n}">Industrial park number {n} opens its gates</a></li>'
        f"<li>Residents of park {n} will employ a thousand people by next year. "
        f'<a href="/news/{n}">more</a></li>'
        for n in range(count)
    )
    return f"<h3>Latest news</h3><ul>{items}</ul>"


@pytest.mark.parametrize("count", [3, 6])
def test_an_article_with_a_related_news_block_is_loaded_without_it(count: int) -> None:
    body = "".join(f"<p>{sentence}.</p>" for sentence in BODY_EN.split(". "))
    html = html_page(f"<article><h1>Kaluga park</h1>{body}{related_block(count)}</article>")
    text = extract_article(html, "https://news.example/a")["text"]
    assert "Paragraph 6" in text
    assert "opens its gates" not in text and "thousand people" not in text


def test_a_page_of_headlines_is_still_a_listing() -> None:
    html = html_page(f"<h1>News</h1>{related_block(6)}")
    with pytest.raises(NotAnArticle, match="a listing of other pages"):
        extract_article(html, "https://news.example/")


def test_a_broken_script_closing_tag_or_a_script_in_json_ld_does_not_eat_the_article() -> None:
    body = "".join(f"<p>{sentence}.</p>" for sentence in BODY_EN.split(". "))
    unclosed = '<script src="/a.js"></script\n\n<!-- a plugin --><div id="x"></div>'
    json_ld = (
        '<script type="application/ld+json">{"articleBody": "<script>document.createElement(\\"audio\\");'
        '<\\/script><p>teaser<\\/p>", "@type": "NewsArticle"}</script>'
    )
    for head in (unclosed, json_ld):
        html = html_page(f"{head}<article><h1>Kaluga park</h1>{body}</article><script>var a = 1;</script>")
        text = extract_article(html, "https://news.example/a")["text"]
        assert "Paragraph 1" in text and "Paragraph 6" in text and "var a" not in text


def test_a_thread_after_a_comment_notice_is_cut_and_kept_when_asked_for() -> None:
    """Comments without reply links, after a moderation notice (as on a real Canadian news site)."""
    entry = next(p for p in MANIFEST["pages"] if "comment_notice" in p["html"])
    html, _ = labelled(entry)
    text = extract_article(html, entry["url"])["text"]
    assert text.endswith("due to open at the end of the year.")
    for comment in ("Submitted comments", "Lindsay Gray", "Ten residents in three years", "subsidies"):
        assert comment not in text
    kept = extract_article(html, entry["url"], options=ExtractOptions(include_comments=True))["text"]
    assert "the rent in the new building" in kept.lower()
