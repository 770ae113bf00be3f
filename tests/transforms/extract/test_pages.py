"""extract_pages: every page ends up either as an article or held back with a reason."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import polars as pl
import pytest

import transforms.extract.pages as pages_module
from tests.processes import REPO
from transforms.extract.article import ExtractOptions
from transforms.extract.encoding import decode_html
from transforms.extract.pages import extract_pages, failed_stage
from transforms.held import HELD_BACK_SCHEMA
from transforms.normalise.articles import ARTICLE_SCHEMA, key_url, normalise_articles

SITE = REPO / "samples" / "site"
BASE = "http://example.test"


def site_bytes(path: str) -> bytes:
    return (SITE / path.lstrip("/")).read_bytes().replace(b"__BASE_URL__", BASE.encode())


def test_article_listing_and_empty_page() -> None:
    article_path = "/en/news/act-rf-omsk-industrial-clusters.html"
    pages = pl.DataFrame(
        {
            "url": [BASE + article_path, BASE + "/", BASE + "/empty"],
            "source_name": ["sample", "sample", "sample"],
            "body": [site_bytes(article_path), site_bytes("/index.html"), b""],
            "charset": ["utf-8", "utf-8", None],
        },
        schema={"url": pl.String, "source_name": pl.String, "body": pl.Binary, "charset": pl.String},
    )
    articles, held = extract_pages(pages)

    assert articles.schema == pl.Schema(ARTICLE_SCHEMA)
    assert articles["url"].to_list() == [BASE + article_path]
    assert articles["source_name"].to_list() == ["sample"]
    assert articles.item(0, "title").startswith("AC&T RF continues cooperation")

    assert held.schema == pl.Schema(HELD_BACK_SCHEMA)
    assert held["record_key"].to_list() == [BASE + "/", BASE + "/empty"]
    assert held["stage"].to_list() == ["extract", "extract"]
    assert all(reason.startswith("not an article") for reason in held["reason"])
    assert held["reason"][1] == "not an article: empty page"
    assert json.loads(held["record"][1]) == {"url": BASE + "/empty", "source_name": "sample", "bytes": 0}
    assert json.loads(held["record"][0])["bytes"] == len(site_bytes("/index.html"))


def test_null_body_is_held_back() -> None:
    pages = pl.DataFrame(
        {"url": ["u"], "source_name": ["s"], "body": [None], "charset": [None]},
        schema={"url": pl.String, "source_name": pl.String, "body": pl.Binary, "charset": pl.String},
    )
    articles, held = extract_pages(pages)
    assert articles.height == 0
    assert held["reason"].to_list() == ["not an article: empty page"]


def test_empty_batch() -> None:
    pages = pl.DataFrame(
        schema={"url": pl.String, "source_name": pl.String, "body": pl.Binary, "charset": pl.String}
    )
    articles, held = extract_pages(pages)
    assert (articles.height, held.height) == (0, 0)
    assert articles.columns == list(ARTICLE_SCHEMA)


ARTICLE_PATH = "/en/news/labudin-kaluga-visit.html"
PARAGRAPHS = [
    "Калужская область и Ассоциация кластеров и технопарков России подписали соглашение о создании "
    "промышленного технопарка в Людиново. На площадке разместятся не менее пятнадцати резидентов.",
    "Общая площадь технопарка составит двенадцать гектаров, инвестиции в инфраструктуру оцениваются "
    "в 1,2 млрд рублей. Часть затрат компенсирует Фонд развития промышленности.",
    "Резиденты смогут получить налоговые льготы и субсидии по постановлению Правительства РФ № 1119.",
]


def article_html(extra_head: str = "", extra_body: str = "", paragraphs: list[str] = PARAGRAPHS) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<html lang="ru"><head><meta charset="utf-8"><title>Технопарк в Людиново</title>{extra_head}</head>'
        f"<body><article><h1>Технопарк в Людиново</h1>{body}</article>{extra_body}</body></html>"
    )


def batch(bodies: dict[str, bytes | None], fetched_at: datetime | None = None) -> pl.DataFrame:
    schema = {
        "url": pl.String,
        "source_name": pl.String,
        "body": pl.Binary,
        "charset": pl.String,
        "fetched_at": pl.Datetime("us", "UTC"),
    }
    rows = {
        "url": [BASE + "/" + name for name in bodies],
        "source_name": ["s"] * len(bodies),
        "body": list(bodies.values()),
        "charset": [None] * len(bodies),
        "fetched_at": [fetched_at] * len(bodies),
    }
    return pl.DataFrame(rows, schema=schema)


def reasons(held: pl.DataFrame) -> dict[str, str]:
    return {
        key.removeprefix(BASE + "/"): reason for key, reason in held.select("record_key", "reason").rows()
    }


def link_list_page() -> bytes:
    links = "".join(
        f'<li><a href="/news/{i}">Новость номер {i} о развитии промышленных кластеров региона</a></li>'
        for i in range(30)
    )
    return f"<html><body><h1>Все новости</h1><ul>{links}</ul></body></html>".encode()


def five_megabyte_markup() -> bytes:
    row = "<tr><td>Калуга</td><td>кластер</td><td>1042</td></tr>"
    table = row * (5_000_000 // len(row.encode()) + 1)
    return article_html(extra_body=f"<table>{table}</table>").encode()


def five_megabyte_inline_image() -> bytes:
    blob = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg"
    image = f'<img src="data:image/png;base64,{blob * (5_000_000 // len(blob))}">'
    return article_html(extra_body=image).encode()


def double_encoded() -> bytes:
    """UTF-8 bytes once read as cp1251 and saved again as UTF-8: the classic "РљР°Р»СѓРіР°"."""
    return article_html().encode("utf-8").decode("cp1251", errors="replace").encode("utf-8")


def mixed_encodings() -> bytes:
    """A UTF-8 template around a text pasted in cp1251."""
    head, tail = article_html(paragraphs=["<<TEXT>>"]).split("<<TEXT>>")
    return head.encode("utf-8") + " ".join(PARAGRAPHS).encode("cp1251") + tail.encode("utf-8")


def test_bad_input_is_held_back_with_its_reason() -> None:
    pages = batch(
        {
            "empty": b"",
            "links": link_list_page(),
            "png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40,
            "zip": b"PK\x03\x04" + bytes(range(256)) * 40,
            "noise": bytes(range(256)) * 40,
            "huge": five_megabyte_markup(),
            "tags-only": b"<html><head></head><body><div><span></span></div></body></html>",
            "garbled": double_encoded(),
        }
    )
    articles, held = extract_pages(pages)
    assert articles.height == 0
    got = reasons(held)
    assert got["empty"] == "not an article: empty page"
    assert got["links"].startswith("not an article: a list of links")
    assert got["png"] == "not an article: binary body (PNG image), not HTML"
    assert got["zip"].startswith("not an article: binary body (ZIP archive")
    assert got["noise"].startswith("not an article: binary body (binary data")
    assert got["huge"].startswith("not an article: page too large")
    assert got["tags-only"].startswith("not an article: main text too short (0 <")
    assert got["garbled"].startswith("not an article: garbled encoding")
    assert set(held["stage"]) == {"extract"}


def test_pages_that_can_be_saved_are() -> None:
    broken = article_html().replace("</p>", "").replace("</article>", "").replace("</body></html>", "<div><b")
    pages = batch(
        {
            "inline-image": five_megabyte_inline_image(),
            "broken": broken.encode("utf-8"),
            "mixed": mixed_encodings(),
        }
    )
    articles, held = extract_pages(pages)
    assert held.height == 0, held["reason"].to_list()
    for text in articles["text"]:
        assert "Людиново" in text and "1119" in text
        assert "iVBORw0KGgo" not in text and "\ufffd" not in text


def test_http_last_modified_dates_a_day_without_a_year_and_the_fetch_date_does_not() -> None:
    pages = pl.DataFrame(
        {
            "url": [BASE + ARTICLE_PATH],
            "source_name": ["s"],
            "body": [site_bytes(ARTICLE_PATH)],
            "charset": [None],
        }
    ).with_columns(pl.lit(datetime(2026, 2, 1, tzinfo=UTC)).dt.cast_time_unit("us").alias("fetched_at"))
    articles, _ = extract_pages(pages)
    assert articles.select("published", "date_source").row(0) == (None, None)
    served = pages.with_columns(pl.lit("Tue, 17 Jan 2012 10:00:00 GMT").alias("last_modified"))
    articles, _ = extract_pages(served)
    assert articles.select("published", "date_source").row(0) == ("2011-07-03", "inferred")
    listed = pages.with_columns(pl.lit("2025-08-01").alias("lastmod"))
    articles, _ = extract_pages(listed)
    assert articles.select("published", "date_source").row(0) == ("2025-07-03", "inferred")


def test_today_option_when_there_is_no_fetch_date() -> None:
    pages = batch({"a": site_bytes(ARTICLE_PATH)}).drop("fetched_at")
    pages = pages.with_columns(pl.lit("2031-07-05").alias("lastmod"))
    articles, _ = extract_pages(pages, ExtractOptions(today=date(2026, 11, 23)))
    assert articles.item(0, "published") is None  # the sitemap date is in the future of "today"
    articles, _ = extract_pages(pages)
    assert articles.item(0, "published") == "2031-07-03"  # no reference date: nothing is in the future


def test_dates_in_the_future_are_held_back_and_dates_before_1991_passed_over() -> None:
    future = article_html('<meta property="article:published_time" content="2031-05-01">')
    past = article_html('<meta property="article:published_time" content="1985-03-01">')
    pages = batch({"future": future.encode(), "past": past.encode()}, datetime(2026, 11, 23, tzinfo=UTC))
    articles, held = extract_pages(pages)
    assert reasons(held) == {
        "future": "implausible date: publication date 2031-05-01 is in the future"
        " (reference date 2026-11-23)",
    }
    assert articles["url"].to_list() == [f"{BASE}/past"]
    assert articles.item(0, "date_source") != "page"


def test_second_page_with_the_same_canonical_url_is_held_back() -> None:
    canonical = f'<link rel="canonical" href="{BASE}/news/1">'
    page = article_html(canonical).encode()
    articles, held = extract_pages(batch({"news/1": page, "news/1/print": page}))
    assert articles["url"].to_list() == [BASE + "/news/1"]
    assert reasons(held) == {"news/1/print": f"same article as {BASE}/news/1 (same canonical URL)"}


def test_the_sample_site_listing_is_held_back_and_articles_come_out() -> None:
    paths = [ARTICLE_PATH, "/index.html", "/news/2021/04/27/kaluga-industrial-clusters.html"]
    pages = batch({p.lstrip("/"): site_bytes(p) for p in paths}, datetime(2026, 11, 23, tzinfo=UTC))
    articles, held = extract_pages(pages)
    assert articles["language"].to_list() == ["en", "ru"]
    assert reasons(held) == {
        "index.html": "not an article: a listing of other pages (5 linked headlines with teasers)"
    }


def test_syndicated_copy_on_another_site_is_marked_as_a_duplicate() -> None:
    own = REPO / "tests" / "data" / "extraction" / "own_pages"
    pages = batch(
        {
            "original": site_bytes(ARTICLE_PATH),
            "ru-original": site_bytes("/news/2021/04/27/kaluga-industrial-clusters.html"),
            "copy": (own / "en_syndicated_labudin.html").read_bytes(),
            "ru-copy": (own / "ru_syndicated_shapsha.html").read_bytes(),
        }
    )
    articles = normalise_articles(extract_pages(pages)[0])
    keys = dict(zip(articles["url"], articles["article_key"], strict=True))
    assert articles["title"][2] != articles["title"][0]  # a different title, the same story
    assert articles["duplicate_of"].to_list() == [
        None,
        None,
        keys[BASE + "/original"],
        keys[BASE + "/ru-original"],
    ]


def test_a_page_whose_processing_raises_is_held_back_with_the_error_and_the_batch_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Any exception while one page is processed (here: a fault put into the extractor for one URL)
    holds back that page with the stage and the error; the other pages go on."""
    real = pages_module.extract_article

    def faulty(html: bytes, url: str, *args: Any) -> dict[str, Any]:
        if url.endswith("/poison"):
            raise RuntimeError("boom on\nthis page")
        return real(html, url, *args)

    monkeypatch.setattr(pages_module, "extract_article", faulty)
    body = article_html().encode()
    articles, held = extract_pages(batch({"good": body, "poison": body, "after": body}))
    assert articles["url"].to_list() == [BASE + "/good", BASE + "/after"]
    assert held.select("stage", "record_key", "reason").rows() == [
        ("extract", BASE + "/poison", "extract failed (RuntimeError: boom on this page)")
    ]


def test_the_stage_of_an_error_is_decode_when_decoding_the_bytes_raised() -> None:
    with pytest.raises(AttributeError) as decoding:
        decode_html(None)  # type: ignore[arg-type]
    assert failed_stage(decoding.value) == "decode"
    with pytest.raises(AttributeError) as keying:
        key_url(12345)  # type: ignore[arg-type]
    assert failed_stage(keying.value) == "extract"
