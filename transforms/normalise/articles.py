"""Articles as a typed polars frame: clean Unicode and whitespace, paragraphs and sentences as offsets,
word counts, keys, hashes and duplicates."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from contextlib import suppress
from typing import Any
from urllib.parse import urlsplit

import polars as pl
from courlan import normalize_url

from transforms.held import failure_reason, held_back_frame, held_back_row
from transforms.keys import content_hash, stable_key
from transforms.normalise.dedup import duplicate_marks, mark_duplicates, simhash
from transforms.normalise.sentences import paragraph_spans, split_sentences

ARTICLE_SCHEMA: dict[str, pl.DataType] = {
    "url": pl.String(),
    "source_name": pl.String(),
    "title": pl.String(),
    "author": pl.String(),
    "published": pl.String(),
    "language": pl.String(),
    "sitename": pl.String(),
    "text": pl.String(),
    "description": pl.String(),
    "tags": pl.List(pl.String()),
    "canonical_url": pl.String(),
    "date_source": pl.String(),
    "extraction_method": pl.String(),
}
SPAN = pl.Struct({"start": pl.Int32(), "end": pl.Int32()})

INVISIBLE = r"[\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff]"
HORIZONTAL_SPACE = r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+"
LINE_BREAKS = r"\r\n?|[\u2028\u2029\u0085\u000b\u000c]"
# Characters written in place of the ordinary ones; text keeps its typography, these only unify look-alikes.
LOOKALIKES = {"\u2010": "-", "\u2011": "-", "\u2012": "\u2013", "\u2015": "\u2014"}
# text_plain: one form of quote and dash, character for character with text (offsets stay valid).
PLAIN_QUOTES = {c: '"' for c in "«»„“”‟″〝〞＂"} | {c: "'" for c in "‘’‚‛′"}
PLAIN_DASHES = {c: "-" for c in "\u2013\u2014\u2212\u2043"}


def articles_frame(records: Iterable[Mapping[str, Any]]) -> pl.DataFrame:
    rows = [{name: record.get(name) for name in ARTICLE_SCHEMA} for record in records]
    return pl.DataFrame(rows, schema=ARTICLE_SCHEMA)


def clean_text(column: str) -> pl.Expr:
    """NFC, invisible characters dropped, look-alike hyphens unified, spaces collapsed, one paragraph
    per line."""
    return (
        pl.col(column)
        .str.normalize("NFC")
        .str.replace_all(LINE_BREAKS, "\n")
        .str.replace_all(INVISIBLE, "")
        .str.replace_many(list(LOOKALIKES), list(LOOKALIKES.values()))
        .str.replace_all(HORIZONTAL_SPACE, " ")
        .str.replace_all(r" *\n *", "\n")
        .str.replace_all(r"\n{2,}", "\n")
        .str.strip_chars()
    )


def plain_text(column: str) -> pl.Expr:
    """The text with one form of quotes and dashes, the same length as the text."""
    table = PLAIN_QUOTES | PLAIN_DASHES
    return pl.col(column).str.replace_many(list(table), list(table.values()))


def key_url(url: str | None, canonical: str | None = None) -> str:
    """The URL an article is known by: its canonical URL when on the same host, normalised (no
    tracking parameters, no fragment, sorted query, lower-case host)."""
    chosen = url or ""
    if canonical and url and _host(canonical) == _host(url):
        chosen = canonical
    with suppress(ValueError, TypeError):
        chosen = normalize_url(chosen)
    return chosen.split("#", 1)[0]


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


def _spans(spans: list[tuple[int, int]]) -> list[dict[str, int]]:
    return [{"start": start, "end": end} for start, end in spans]


def _with_optional_columns(frame: pl.DataFrame) -> pl.DataFrame:
    missing = {name: dtype for name, dtype in ARTICLE_SCHEMA.items() if name not in frame.columns}
    return frame.with_columns(pl.lit(None, dtype=dtype).alias(name) for name, dtype in missing.items())


def _keyed(frame: pl.DataFrame) -> pl.DataFrame:
    keys = pl.struct("url", "canonical_url").map_elements(
        lambda r: stable_key(key_url(r["url"], r["canonical_url"])), return_dtype=pl.Int64
    )
    return frame.with_columns(
        pl.col("text").str.count_matches(r"\w+").cast(pl.Int32).alias("word_count"),
        keys.alias("article_key"),
        pl.col("text").map_elements(content_hash, return_dtype=pl.String).alias("content_hash"),
        pl.col("text").map_elements(simhash, return_dtype=pl.Int64).alias("simhash"),
        pl.col("text")
        .map_elements(lambda t: _spans(paragraph_spans(t)), return_dtype=pl.List(SPAN))
        .alias("paragraphs"),
        pl.col("text")
        .map_elements(lambda t: _spans(split_sentences(t)), return_dtype=pl.List(SPAN))
        .alias("sentences"),
    )


def _normalised(frame: pl.DataFrame) -> pl.DataFrame:
    """Clean text and title, `published` as a date, text_plain, word_count, keys, hashes and offsets."""
    cleaned = (
        _with_optional_columns(frame)
        .with_columns(
            clean_text("text").alias("text"),
            clean_text("title").alias("title"),
            clean_text("description").alias("description"),
            pl.col("published").str.to_date("%Y-%m-%d", strict=False).alias("published"),
            pl.col("language").str.to_lowercase(),
            (pl.col("date_source") == "inferred").fill_null(False).alias("date_inferred"),
        )
        .with_columns(plain_text("text").alias("text_plain"))
    )
    return _keyed(cleaned)


def normalise_articles(frame: pl.DataFrame, known: pl.DataFrame | None = None) -> pl.DataFrame:
    """A new frame with clean text and title, `published` as a date, text_plain, word_count,
    article_key, content_hash, simhash, paragraph and sentence offsets, and duplicate_of (against
    `known`, earlier runs' articles, and the rows before in the frame). Raises when a record cannot
    be normalised; `normalise_batch` holds such a record back instead."""
    return mark_duplicates(_normalised(frame), known)


def _held_article(stage: str, row: Mapping[str, Any], exc: Exception) -> dict[str, Any]:
    record = {name: row.get(name) for name in ("url", "source_name", "title", "language")}
    return held_back_row(stage, row.get("url"), failure_reason(stage, exc), record)


def _row_by_row(frame: pl.DataFrame) -> tuple[pl.DataFrame, list[dict[str, Any]]]:
    """_normalised one record at a time: a record that raises is held back (stage `normalise`)."""
    parts, held = [_normalised(frame.clear())], []
    for index, row in enumerate(frame.iter_rows(named=True)):
        try:
            parts.append(_normalised(frame.slice(index, 1)))
        except Exception as exc:  # one record never stops the batch
            held.append(_held_article("normalise", row, exc))
    return pl.concat(parts, how="vertical"), held


def normalise_batch(
    frame: pl.DataFrame, known: pl.DataFrame | None = None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(normalise_articles of the frame, records held back): a record that raises while it is
    normalised (stage `normalise`) or compared for duplicates (stage `dedup`) is held back with the
    error, and the others go on."""
    try:
        normalised, held = _normalised(frame), []
    except Exception:  # find the record(s) at fault; the whole frame at once is the common case
        normalised, held = _row_by_row(frame)
    marks, failed = duplicate_marks(normalised, known)
    held += [_held_article("dedup", normalised.row(i, named=True), exc) for i, exc in failed.items()]
    kept = pl.Series([i not in failed for i in range(normalised.height)], dtype=pl.Boolean)
    marked = normalised.with_columns(pl.Series("duplicate_of", marks, dtype=pl.Int64))
    return marked.filter(kept), held_back_frame(held)
