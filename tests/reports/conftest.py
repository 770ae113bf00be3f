"""Home folders to build reports from: the hand-written star with hostile titles and sentences, real
validation results of a bad batch and held-back records, published as the snapshot analysts open."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from expectations.results import dq_frame
from expectations.runner import validate
from expectations.suites import ARTICLES
from tests.warehouse.conftest import star_articles, star_batch, star_frames
from transforms.extract.pages import held_back_frame
from warehouse.load import load_batch
from warehouse.publish import publish, published_path
from warehouse.quality import record_results
from warehouse.schema import connect

SCRIPT_TITLE = "<script>window.__pwned = 1</script>Kaluga opens a park"
BAD_TITLES = [
    SCRIPT_TITLE,
    "He said \"yes\" & 'no' <b>bold</b> </table></td>",
    "**Markdown** [a link](http://evil.test) # not a heading",
    "A very long title " + "x" * 5000,
]
BAD_SENTENCE = (
    '<img src="http://evil.test/x.png" onerror="window.__pwned = 2"> A subsidy of 900 million rubles.'
)
BAD_SITE = "Kaluga <svg onload=window.__pwned=3> cluster"
HOSTILE = ' <script>window.__pwned = 4</script> <img src=x onerror="window.__pwned = 5"> & "quotes". '
# article 1's text: the words its facts name, at the offsets the star stores, with hostile text between
PLACED = {
    0: "Калужская область",
    40: "фармацевтический кластер",
    120: "Владислав Шапша",
    200: "постановление № 779",
    300: "до 900 млн рублей",
    330: "В Калужской области.",
}


def placed_text(parts: dict[int, str], filler: str = HOSTILE) -> str:
    """A text holding each part at its offset, the gaps filled with (repeated) filler."""
    text = ""
    for offset, part in sorted(parts.items()):
        gap = offset - len(text)
        text += (filler * (gap // len(filler) + 1))[:gap] + part
    return text


BAD_TEXT = placed_text(PLACED)


def _articles() -> pl.DataFrame:
    articles = star_articles([date(2021, 4, 27), date(2021, 5, 12), date(2022, 3, 3), None])
    texts = [BAD_TEXT, *articles["text"].to_list()[1:]]
    return articles.with_columns(title=pl.Series(BAD_TITLES), text=pl.Series(texts))


def _facts() -> dict[str, pl.DataFrame]:
    facts = star_frames()
    facts["fact_figure"] = facts["fact_figure"].with_columns(sentence=pl.lit(BAD_SENTENCE))
    facts["dim_site"] = facts["dim_site"].with_columns(
        name=pl.when(pl.col("site_key") == 31).then(pl.lit(BAD_SITE)).otherwise(pl.col("name"))
    )
    return facts


def _held_back() -> pl.DataFrame:
    def row(stage: str, url: str, reason: str) -> dict:
        return {"stage": stage, "record_key": url, "reason": reason, "record": json.dumps({"url": url})}

    return held_back_frame(
        [
            row("extract", "http://news.test/short-1", "text too short (123 characters)"),
            row("extract", "http://news.test/short-2", "text too short (45 characters)"),
            row("articles", "http://news.test/bad-lang", "failed ExpectColumnValuesToBeInSet(language)"),
        ]
    )


def _bad_batch_results() -> pl.DataFrame:
    """Real Great Expectations results of a batch with one wrong language and one missing title."""
    frame = pl.DataFrame(
        {
            "article_key": [7, 8],
            "url": ["http://news.test/bad-lang", "http://news.test/no-title"],
            "text": ["text", "text"],
            "language": ["xx", "en"],
            "title": ["t", None],
            "published": [date(2021, 4, 27), date(2021, 4, 27)],
        }
    )
    return dq_frame([validate(frame, ARTICLES, run_date=date(2024, 5, 1))])


def build_home(home: Path) -> Path:
    """HOME with a working database and its published snapshot; returns HOME."""
    batch = dataclasses.replace(star_batch(articles=_articles(), facts=_facts()), quarantine=_held_back())
    with connect(home / "clusterwatch.duckdb") as con:
        load_batch(con, batch)
        record_results(con, batch.run.run_id, _bad_batch_results())
    publish(home / "clusterwatch.duckdb", published_path(home))
    return home


@pytest.fixture(scope="session")
def bad_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_home(tmp_path_factory.mktemp("bad-home"))
