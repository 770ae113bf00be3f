"""extract_article on the bundled sample site, checked against tests/data/sample_site_truth.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from transforms.extract import ARTICLE_KEYS, ExtractOptions, NotAnArticle, extract_article

ROOT = Path(__file__).parents[2]
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
    assert tuple(article) == ARTICLE_KEYS
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
    with pytest.raises(NotAnArticle, match="main text too short"):
        extract_article(site_bytes("/index.html"), BASE + "/")


@pytest.mark.parametrize("body", [b"", b"  \n\t ", ""])
def test_empty_page_is_not_an_article(body: bytes | str) -> None:
    with pytest.raises(NotAnArticle, match="empty page"):
        extract_article(body, BASE + "/empty")


def test_min_text_chars_option() -> None:
    body = site_bytes("/en/news/labudin-kaluga-visit.html")
    with pytest.raises(NotAnArticle, match=r"< 100000 characters"):
        extract_article(body, options=ExtractOptions(min_text_chars=100_000))
