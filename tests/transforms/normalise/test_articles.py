"""normalise_articles: clean Unicode and whitespace, word counts, stable keys, hashes and exact duplicates."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import polars as pl
import pytest
from polars.testing import assert_frame_equal

import transforms.normalise.articles as articles_module
import transforms.normalise.dedup as dedup_module
from transforms.keys import content_hash, stable_key
from transforms.normalise.articles import SPAN, articles_frame, key_url, normalise_articles, normalise_batch


def frame(*records: dict[str, Any]) -> pl.DataFrame:
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
            "description": pl.String,
            "tags": pl.List(pl.String),
            "canonical_url": pl.String,
            "date_source": pl.String,
            "extraction_method": pl.String,
            "date_inferred": pl.Boolean,
            "text_plain": pl.String,
            "word_count": pl.Int32,
            "article_key": pl.Int64,
            "content_hash": pl.String,
            "simhash": pl.Int64,
            "paragraphs": pl.List(SPAN),
            "sentences": pl.List(SPAN),
            "duplicate_of": pl.Int64,
        }
    )


def test_frame_without_the_optional_columns() -> None:
    bare = pl.DataFrame({"url": ["https://e.com/a"], "source_name": ["s"], "title": ["T"], "text": ["x y"]})
    bare = bare.with_columns(pl.lit(None, pl.String).alias(c) for c in ("author", "published", "language"))
    out = normalise_articles(bare)
    assert out.item(0, "word_count") == 2 and out.item(0, "date_inferred") is False


def test_quotes_and_dashes_get_one_form_in_text_plain() -> None:
    text = "«Ёлки» — „Tannen“ – ‘trees’ \u2212 “pines” \u2012 end"
    out = normalise_articles(frame(one(text)))
    assert out.item(0, "text") == "«Ёлки» — „Tannen“ – ‘trees’ \u2212 “pines” – end"
    assert out.item(0, "text_plain") == '"Ёлки" - "Tannen" - \'trees\' - "pines" - end'
    assert len(out.item(0, "text_plain")) == len(out.item(0, "text"))


def test_hyphen_lookalikes_and_line_breaks() -> None:
    out = normalise_articles(frame(one("Северо\u2011Запад\r\nвторой\u2028третий\u2029\u2029четвёртый")))
    assert out.item(0, "text") == "Северо-Запад\nвторой\nтретий\nчетвёртый"


def test_paragraph_and_sentence_offsets() -> None:
    text = "Губернатор В. В. Шапша провёл сессию. Её провёл А. Шпиленко.\nВторой абзац."
    out = normalise_articles(frame(one(text)))
    clean = out.item(0, "text")
    sentences = [clean[s["start"] : s["end"]] for s in out.item(0, "sentences")]
    paragraphs = [clean[p["start"] : p["end"]] for p in out.item(0, "paragraphs")]
    assert sentences == ["Губернатор В. В. Шапша провёл сессию.", "Её провёл А. Шпиленко.", "Второй абзац."]
    assert paragraphs == clean.split("\n")


def test_article_key_from_the_canonical_url_on_the_same_host() -> None:
    records = [
        {**one("a"), "url": "https://e.com/news/1?utm_source=tg", "canonical_url": "https://e.com/news/1"},
        {**one("b"), "url": "https://copy.org/story", "canonical_url": "https://e.com/news/1"},
        {**one("c"), "url": "https://E.com/news/2#comments"},
    ]
    out = normalise_articles(frame(*records))
    assert out["article_key"].to_list() == [
        stable_key("https://e.com/news/1"),
        stable_key("https://copy.org/story"),  # a canonical on another host is not ours to take
        stable_key("https://e.com/news/2"),
    ]
    assert key_url("https://e.com/a?b=2&a=1#x") == "https://e.com/a?a=1&b=2"


def test_date_source_and_inferred_flag() -> None:
    records = [
        {**one("a"), "date_source": "inferred"},
        {**one("b", url="https://e.com/b"), "date_source": "page"},
    ]
    out = normalise_articles(frame(*records))
    assert out["date_inferred"].to_list() == [True, False]


def test_near_duplicate_points_at_the_first_copy() -> None:
    story = " ".join(f"Калужская область создаёт кластер номер {i} с резидентами." for i in range(12))
    records = [
        one(story, url="https://e.com/a"),
        one(story + "\nИсточник: правительство области.", title="Другой заголовок", url="https://x.org/b"),
    ]
    out = normalise_articles(frame(*records))
    assert out["duplicate_of"].to_list() == [None, stable_key("https://e.com/a")]
    assert out.schema["simhash"] == pl.Int64


def test_known_articles_from_earlier_runs() -> None:
    story = " ".join(f"Технопарк в Калуге получит субсидию номер {i} на инфраструктуру." for i in range(12))
    first = normalise_articles(frame(one(story, url="https://e.com/a")))
    later = normalise_articles(frame(one(story, url="https://other.org/copy")), known=first)
    assert later["duplicate_of"].to_list() == [first.item(0, "article_key")]


def test_a_record_that_raises_is_held_back_and_the_batch_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any exception while one record is normalised (here: a fault put into the SimHash for one text)
    holds that record back with the stage and the error; the other records are normalised as usual."""
    real = articles_module.simhash

    def faulty(text: str | None) -> int | None:
        if text and "poison" in text:
            raise ValueError("cannot hash this")
        return real(text)

    monkeypatch.setattr(articles_module, "simhash", faulty)
    records = [one("First text.", url="https://e.com/1"), one("A poison text.", url="https://e.com/2")]
    records.append(one("First text.", url="https://e.com/3"))  # a copy of the first
    articles, held = normalise_batch(frame(*records))
    assert articles["url"].to_list() == ["https://e.com/1", "https://e.com/3"]
    assert articles["duplicate_of"].to_list() == [None, articles.item(0, "article_key")]
    assert held.select("stage", "record_key").rows() == [("normalise", "https://e.com/2")]
    assert held.item(0, "reason").startswith("normalise failed (ValueError: cannot hash this")
    assert json.loads(held.item(0, "record"))["title"] == "T"


def test_a_batch_without_trouble_holds_nothing_back() -> None:
    records = [one("First text.", url="https://e.com/1"), one("Second text.", url="https://e.com/2")]
    articles, held = normalise_batch(frame(*records))
    assert_frame_equal(articles, normalise_articles(frame(*records)))
    assert held.height == 0


def test_a_record_whose_duplicate_check_raises_is_held_back_at_dedup(monkeypatch: pytest.MonkeyPatch) -> None:
    real = dedup_module._Seen.match
    poison = stable_key(key_url("https://e.com/2"))

    def faulty(self: Any, key: int, *args: Any) -> int | None:
        if key == poison:
            raise RuntimeError("comparison failed")
        return real(self, key, *args)

    monkeypatch.setattr(dedup_module._Seen, "match", faulty)
    records = [one("First text.", url=f"https://e.com/{i}") for i in (1, 2, 3)]
    articles, held = normalise_batch(frame(*records))
    assert articles["url"].to_list() == ["https://e.com/1", "https://e.com/3"]
    assert articles["duplicate_of"].to_list() == [None, articles.item(0, "article_key")]
    assert held.select("stage", "record_key", "reason").rows() == [
        ("dedup", "https://e.com/2", "dedup failed (RuntimeError: comparison failed)")
    ]
