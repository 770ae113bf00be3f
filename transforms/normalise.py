"""Articles as a typed polars frame: clean Unicode and whitespace, word counts, keys and hashes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import polars as pl

from transforms.keys import content_hash, stable_key

ARTICLE_SCHEMA: dict[str, pl.DataType] = {
    "url": pl.String(),
    "source_name": pl.String(),
    "title": pl.String(),
    "author": pl.String(),
    "published": pl.String(),
    "language": pl.String(),
    "sitename": pl.String(),
    "text": pl.String(),
}

INVISIBLE = r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]"
HORIZONTAL_SPACE = r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+"


def articles_frame(records: Iterable[Mapping[str, Any]]) -> pl.DataFrame:
    rows = [{name: record.get(name) for name in ARTICLE_SCHEMA} for record in records]
    return pl.DataFrame(rows, schema=ARTICLE_SCHEMA)


def clean_text(column: str) -> pl.Expr:
    """NFC, invisible characters dropped, spaces collapsed, paragraphs kept as single blank-line breaks."""
    return (
        pl.col(column)
        .str.normalize("NFC")
        .str.replace_all(INVISIBLE, "")
        .str.replace_all(HORIZONTAL_SPACE, " ")
        .str.replace_all(r" *\n *", "\n")
        .str.replace_all(r"\n{2,}", "\n")
        .str.strip_chars()
    )


def mark_exact_duplicates(frame: pl.DataFrame) -> pl.DataFrame:
    """duplicate_of: the article_key of the first article in the frame with the same content_hash."""
    first = pl.col("article_key").first().over("content_hash")
    return frame.with_columns(
        pl.when(first != pl.col("article_key")).then(first).otherwise(None).alias("duplicate_of")
    )


def normalise_articles(frame: pl.DataFrame) -> pl.DataFrame:
    """A new frame with clean text and title, `published` as a date, word_count, article_key, content_hash
    and duplicate_of."""
    normalised = frame.with_columns(
        clean_text("text").alias("text"),
        clean_text("title").alias("title"),
        pl.col("published").str.to_date("%Y-%m-%d", strict=False).alias("published"),
        pl.col("language").str.to_lowercase(),
    ).with_columns(
        pl.col("text").str.count_matches(r"\w+").cast(pl.Int32).alias("word_count"),
        pl.col("url").map_elements(stable_key, return_dtype=pl.Int64).alias("article_key"),
        pl.col("text").map_elements(content_hash, return_dtype=pl.String).alias("content_hash"),
    )
    return mark_exact_duplicates(normalised)
