"""normalise_articles: clean Unicode and whitespace, word counts, stable keys, hashes and exact duplicates."""

from __future__ import annotations

from datetime import date

import polars as pl
from polars.testing import assert_frame_equal

from transforms.keys import content_hash, stable_key
from transforms.normalise import articles_frame, mark_exact_duplicates, normalise_articles


def frame(*records: dict[str, str | None]) -> pl.DataFrame:
    return articles_frame(records)


def one(text: str, title: str = "T", url: str = "https://e.com/a") -> dict[str, str | None]:
    return {
        "url": url,
        "source_name": "s",
        "title": title,
        "published": "2024-01-02",
        "language": "EN",
        "text": text,
    }


def test_text_and_title_are_cleaned() -> None:
    dirty = one(
        "  Cafe\u0301\u00a0is open\u200b.\n\n\n \n Second\u00adpara\u2009\u2009here. \n\n\nThird\ufeff ",
        title=" Cafe\u0301\u00a0news\u200d ",
    )
    out = normalise_articles(frame(dirty))
    assert out.item(0, "text") == "Café is open.\nSecondpara here.\nThird"
    assert out.item(0, "title") == "Café news"


def test_types_and_simple_columns() -> None:
    out = normalise_articles(frame(one("Калуга и Обнинск: 2 кластера.")))
    assert out.item(0, "published") == date(2024, 1, 2)
    assert out.item(0, "language") == "en"
    assert out.item(0, "word_count") == 5
    assert out.item(0, "content_hash") == content_hash("Калуга и Обнинск: 2 кластера.")
    assert out.item(0, "article_key") == stable_key("https://e.com/a")
    assert out.schema["word_count"] == pl.Int32
    assert out.schema["article_key"] == pl.Int64


def test_bad_published_date_becomes_null() -> None:
    record = {**one("text"), "published": "27.04.2021"}
    assert normalise_articles(frame(record)).item(0, "published") is None


def test_article_key_stable_and_distinct() -> None:
    records = [one("x", url="https://e.com/a"), one("y", url="https://e.com/b")]
    first = normalise_articles(frame(*records))
    again = normalise_articles(frame(*reversed(records)))
    keys = dict(zip(first["url"], first["article_key"], strict=True))
    assert keys == dict(zip(again["url"], again["article_key"], strict=True))
    assert keys["https://e.com/a"] != keys["https://e.com/b"]
    assert all(key > 0 for key in keys.values())


def test_exact_duplicates_point_at_the_first_copy() -> None:
    records = [
        one("Same text.", url="https://e.com/a"),
        one("Other text.", url="https://e.com/b"),
        # equal once cleaned: the no-break space and extra blank lines go
        one("Same\u00a0text.\n\n", url="https://e.com/c"),
    ]
    out = normalise_articles(frame(*records))
    assert out["content_hash"][0] == out["content_hash"][2] != out["content_hash"][1]
    expected = pl.Series("duplicate_of", [None, None, stable_key("https://e.com/a")], dtype=pl.Int64)
    assert_frame_equal(out.select("duplicate_of"), expected.to_frame())


def test_mark_exact_duplicates_on_its_own() -> None:
    keyed = pl.DataFrame({"article_key": [3, 1, 2, 4], "content_hash": ["h", "g", "h", "h"]})
    expected = keyed.with_columns(pl.Series("duplicate_of", [None, None, 3, 3], dtype=pl.Int64))
    assert_frame_equal(mark_exact_duplicates(keyed), expected)


def test_input_frame_is_not_modified() -> None:
    original = frame(one("a\u00a0b"))
    copy = original.clone()
    normalise_articles(original)
    assert_frame_equal(original, copy)


def test_empty_frame() -> None:
    out = normalise_articles(frame())
    assert out.height == 0
    assert out.schema == pl.Schema(
        {
            "url": pl.String,
            "source_name": pl.String,
            "title": pl.String,
            "author": pl.String,
            "published": pl.Date,
            "language": pl.String,
            "sitename": pl.String,
            "text": pl.String,
            "word_count": pl.Int32,
            "article_key": pl.Int64,
            "content_hash": pl.String,
            "duplicate_of": pl.Int64,
        }
    )
