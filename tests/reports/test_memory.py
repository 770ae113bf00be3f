"""The report within the analysts' memory limit: articles with long texts are read a chunk at a time, so
a snapshot whose texts together pass the limit still gets its report; a limit too low for even that is
one clear line naming the setting to raise."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from reports.build import ReportError, build_home_report
from tests.reports.conftest import _articles
from tests.warehouse.conftest import star_batch
from warehouse.analyst import AnalystLimits
from warehouse.load import load_batch
from warehouse.publish import publish, published_path
from warehouse.report_content import chunks
from warehouse.schema import connect

LONG_ARTICLES, LONG_WORDS = 30, 200_000  # 30 articles of 1 MB: their texts at once pass 48 MB in DuckDB
LIMIT_MB = 48  # the report read every linked article's text in one query: it needed about 110 MB here


@pytest.fixture(scope="module")
def long_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile star's articles and 30 more of 200,000 words each, published."""
    home = tmp_path_factory.mktemp("long-texts")
    star = _articles()
    extra = (
        pl.DataFrame({"article_key": range(100, 100 + LONG_ARTICLES)})
        .join(star.drop("article_key").head(1), how="cross")
        .with_columns(
            pl.format("http://news.test/long/{}", "article_key").alias("url"),
            pl.format("long-{}", "article_key").alias("content_hash"),
            (pl.col("text") + " word" * LONG_WORDS).alias("text"),
            pl.lit(LONG_WORDS, dtype=pl.Int64).alias("word_count"),
        )
        .select(star.columns)
    )
    with connect(home / "clusterwatch.duckdb") as con:
        load_batch(con, star_batch(articles=pl.concat([star, extra], how="vertical_relaxed")))
    publish(home / "clusterwatch.duckdb", published_path(home))
    return home


def test_long_texts_get_their_report_within_a_low_memory_limit(long_home: Path, tmp_path: Path) -> None:
    report = build_home_report(long_home, tmp_path / "index.html", AnalystLimits(memory_mb=LIMIT_MB))
    pages = sorted(p.name for p in (tmp_path / "article").glob("*.html"))
    assert len(pages) == 4 + LONG_ARTICLES and report.articles_rendered == 4 + LONG_ARTICLES
    page = (tmp_path / "article" / "100.html").read_text(encoding="utf-8")
    assert page.count(" word") >= LONG_WORDS  # the whole text, not a part of it


def test_a_limit_too_low_names_the_setting_to_raise(long_home: Path, tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="limit of 8 MB: raise CLUSTERWATCH_ANALYST__MEMORY_LIMIT_MB"):
        build_home_report(long_home, tmp_path / "index.html", AnalystLimits(memory_mb=8))


def test_chunks_hold_at_most_so_many_articles_and_words() -> None:
    sizes = [(1, 10), (2, 10), (3, 50), (4, 500), (5, 1), (6, 1), (7, 1)]
    assert list(chunks(sizes, articles=2, max_words=100)) == [[1, 2], [3], [4], [5, 6], [7]]
    assert list(chunks(sizes, articles=10, max_words=1000)) == [[1, 2, 3, 4, 5, 6, 7]]
    assert list(chunks([], articles=2, max_words=100)) == []
