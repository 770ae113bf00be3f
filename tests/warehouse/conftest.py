"""A small hand-written star: three articles, their regions, entities, sites, acts, figures and roles,
in the shapes the intelligence stage hands over (warehouse/frames.py), loaded through load_batch."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import polars as pl
import pytest

from ingest.crawl import fetch_log_frame
from transforms.held import held_back_frame
from transforms.runs.sources import sources_frame
from warehouse.frames import FRAMES
from warehouse.load import RunBatch, RunRecord, load_batch
from warehouse.schema import apply_schema, connect

NOW = datetime(2024, 5, 1, 12, tzinfo=UTC)
KLU, TA, DE = 11, 12, 13
# dim_site's registry columns: registry_id, zone_type, year_created, status, is_registered
UNREGISTERED = (None, None, None, None, False)
IPT = "industrial_production"
SHAPSHA, LABUDIN, CONTINENTAL, MINPROMTORG, ACT_RF = 21, 22, 23, 24, 25
PHARMA, KALUGA_SEZ, VORSINO, ALABUGA = 31, 32, 33, 34
DECREE_779, DECREE_1659 = 41, 42
MONEY, AREA, COUNT = 51, 52, 53

ROWS: dict[str, list[tuple]] = {
    "dim_region": [
        (KLU, "RU-KLU", "Kaluga Region", "Калужская область", "Central", "oblast"),
        (TA, "RU-TA", "Republic of Tatarstan", "Республика Татарстан", "Volga", "republic"),
        (DE, "DE", "Germany", "Германия", None, "country"),
    ],
    "dim_entity": [
        (SHAPSHA, "person", "Vladislav Shapsha", "Vladislav Shapsha", "Владислав Шапша", KLU),
        (LABUDIN, "person", "Mikhail Labudin", "Mikhail Labudin", "Михаил Лабудин", None),
        (CONTINENTAL, "company", "Continental", "Continental", "Континенталь", DE),
        (MINPROMTORG, "government_body", "Ministry of Industry and Trade", None, "Минпромторг России", None),
        (
            ACT_RF,
            "organization",
            "AC&T RF",
            "Association of Clusters, Technoparks and SEZ of Russia",
            "Ассоциация кластеров, технопарков и ОЭЗ России",
            None,
        ),
    ],
    "dim_site": [
        (PHARMA, "cluster", "Kaluga pharmaceutical cluster", "pharmaceutical", KLU, *UNREGISTERED),
        (KALUGA_SEZ, "sez", "Kaluga SEZ", None, KLU, "sez-kaluga", IPT, 2012, "active", True),
        (VORSINO, "industrial_park", "Vorsino industrial park", "automotive", KLU, *UNREGISTERED),
        (ALABUGA, "sez", "Alabuga SEZ", None, TA, "sez-alabuga", IPT, 2005, "active", True),
    ],
    "dim_legal_act": [
        (DECREE_779, "government_decree", "779", "On industrial clusters", "federal"),
        (DECREE_1659, "government_decree", "1659", None, "federal"),
    ],
    "dim_metric": [(MONEY, "money", "RUB"), (AREA, "area", "ha"), (COUNT, "count", "items")],
    "fact_mention": [
        (1, None, None, KLU, None, 3, 0),
        (1, None, PHARMA, None, None, 2, 40),
        (1, SHAPSHA, None, None, None, 1, 120),
        (1, None, None, None, DECREE_779, 1, 200),
        (2, None, KALUGA_SEZ, None, None, 2, 0),
        (2, CONTINENTAL, None, None, None, 1, 30),
        (2, None, None, DE, None, 1, 45),
        (2, LABUDIN, None, None, None, 1, 90),
        (2, None, ALABUGA, None, None, 1, 150),
        (3, None, None, KLU, None, 1, 10),
        (3, None, None, None, DECREE_1659, 2, 60),
        (3, None, VORSINO, None, None, 1, 80),
        (3, LABUDIN, None, None, None, 1, 99),
        (3, None, PHARMA, None, None, 1, 130),
    ],
    "fact_figure": [
        (
            101,
            1,
            MONEY,
            9.0e8,
            "RUB",
            "up_to",
            KLU,
            PHARMA,
            DECREE_779,
            "subsidy",
            "Субсидия составит до 900 млн рублей.",
            300,
            318,
        ),
        (
            102,
            1,
            COUNT,
            8.0,
            "items",
            "about",
            KLU,
            None,
            None,
            "industrial parks",
            "В регионе около 8 индустриальных парков.",
            350,
            357,
        ),
        (
            103,
            2,
            COUNT,
            30.0,
            "items",
            "over",
            None,
            KALUGA_SEZ,
            None,
            "residents",
            "The SEZ has over 30 residents.",
            60,
            72,
        ),
        (
            104,
            3,
            MONEY,
            3.0e9,
            "RUB",
            "exact",
            KLU,
            None,
            DECREE_1659,
            "subsidy",
            "A subsidy of 3 billion rubles under Decree No. 1659.",
            20,
            38,
        ),
        (
            105,
            3,
            AREA,
            1042.0,
            "ha",
            "exact",
            None,
            VORSINO,
            None,
            "industrial park",
            "The park covers 1,042 hectares.",
            100,
            114,
        ),
        (
            106,
            3,
            COUNT,
            12.0,
            "items",
            "exact",
            KLU,
            None,
            None,
            "industrial parks",
            "The region now has 12 industrial parks.",
            140,
            157,
        ),
    ],
    "fact_person_role": [
        (1, SHAPSHA, "губернатор", "governor", None, "Калужская область", "губернатор", KLU),
        (2, LABUDIN, "Director", "director", ACT_RF, None, "director", None),
        (3, LABUDIN, "Director of the Association", "director", ACT_RF, None, "director", None),
    ],
    # relation_key, relation_id, article, relation, subject entity / site, object entity / site / region /
    # country, figure, sentence, offsets, rule
    "fact_relation": [
        (
            201,
            901,
            2,
            "resident_of",
            CONTINENTAL,
            None,
            None,
            KALUGA_SEZ,
            None,
            None,
            None,
            "Continental is an anchor resident of the Kaluga SEZ.",
            30,
            60,
            "resident_of:resident",
        ),
        (
            202,
            902,
            2,
            "from_country",
            CONTINENTAL,
            None,
            None,
            None,
            None,
            "DE",
            None,
            "The German company Continental grows.",
            20,
            41,
            "from_country:adjective",
        ),
        (
            203,
            902,
            3,
            "from_country",
            CONTINENTAL,
            None,
            None,
            None,
            None,
            "DE",
            None,
            "German Continental invests.",
            0,
            18,
            "from_country:adjective",
        ),
        (
            204,
            903,
            3,
            "invests_in",
            CONTINENTAL,
            None,
            None,
            VORSINO,
            None,
            None,
            104,
            "Continental will invest 3 billion rubles in the Vorsino industrial park.",
            10,
            60,
            "invests_in:invest",
        ),
        (
            205,
            904,
            2,
            "head_of",
            LABUDIN,
            None,
            ACT_RF,
            None,
            None,
            None,
            None,
            "Mikhail Labudin, Director of the Association",
            90,
            130,
            "head_of:role",
        ),
    ],
    # event_key, event_id, article, type, date, precision, date as written, planned, region, figure, sentence,
    # offsets, rule
    "fact_event": [
        (
            301,
            951,
            1,
            "agreement_signed",
            date(2021, 4, 27),
            "inferred",
            "27 апреля",
            False,
            KLU,
            None,
            "27 апреля губернатор подписал соглашение.",
            10,
            30,
            "agreement_signed:4",
        ),
        (
            302,
            952,
            3,
            "plant_launch",
            date(2022, 3, 1),
            "month",
            "March 2022",
            False,
            KLU,
            104,
            "In March 2022 Continental launched its plant in the Vorsino industrial park.",
            14,
            40,
            "plant_launch:1",
        ),
        (
            303,
            953,
            2,
            "register_application",
            None,
            None,
            None,
            False,
            TA,
            None,
            "The cluster applied for inclusion in the register.",
            12,
            40,
            "register_application:2",
        ),
    ],
    "fact_event_participant": [
        (301, 1, SHAPSHA, None, None, "party", 10, 20),
        (301, 1, None, None, KLU, "party", 0, 9),
        (302, 3, CONTINENTAL, None, None, "company", 14, 25),
        (302, 3, None, VORSINO, None, "site", 45, 60),
        (303, 2, None, ALABUGA, None, "site", 0, 11),
        (303, 2, MINPROMTORG, None, None, "registrar", 20, 30),
    ],
}
PUBLISHED = [date(2021, 4, 27), date(2021, 5, 12), date(2022, 3, 3)]


def star_frames() -> dict[str, pl.DataFrame]:
    return {name: pl.DataFrame(rows, schema=FRAMES[name], orient="row") for name, rows in ROWS.items()}


def star_articles(published: list[date | None] | None = None) -> pl.DataFrame:
    published = PUBLISHED if published is None else published
    n = len(published)
    return pl.DataFrame(
        {
            "article_key": list(range(1, n + 1)),
            "source_name": ["kaluga-news"] * n,
            "published": published,
            "language": ["ru", "en", "en", "en"][:n],
            "url": [f"http://news.test/{i}" for i in range(1, n + 1)],
            "title": [f"title {i}" for i in range(1, n + 1)],
            "author": [None] * n,
            "word_count": [100] * n,
            "content_hash": [f"h{i}" for i in range(1, n + 1)],
            "duplicate_of": [None] * n,
            "text": ["Калужская область создаёт фармацевтический кластер"] * n,
        },
        schema_overrides={"published": pl.Date, "author": pl.String, "duplicate_of": pl.Int64},
    )


def star_batch(
    run_id: str = "r1", facts: dict[str, pl.DataFrame] | None = None, articles: pl.DataFrame | None = None
) -> RunBatch:
    articles = star_articles() if articles is None else articles
    run = RunRecord(run_id, None, NOW, NOW, "completed", articles_loaded=articles.height)
    sources = sources_frame(
        [{"name": "kaluga-news", "site_name": "Kaluga News", "allowed_domains": ["news.test"]}]
    )
    fetch_log = fetch_log_frame([])  # the crawler's own (empty) frame: its columns are not ours
    held = held_back_frame([])
    return RunBatch(run, sources, fetch_log, articles, held, facts=star_frames() if facts is None else facts)


@pytest.fixture
def star_db(memory_db: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    load_batch(memory_db, star_batch())
    return memory_db


@pytest.fixture(scope="module")
def star_shared() -> Iterator[duckdb.DuckDBPyConnection]:
    """The star in memory, shared by the tests of a module that only read it."""
    con = duckdb.connect(":memory:")
    apply_schema(con)
    load_batch(con, star_batch())
    yield con
    con.close()


@pytest.fixture(scope="session")
def star_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("star") / "clusterwatch.duckdb"
    with connect(path) as con:
        load_batch(con, star_batch())
    return path


@pytest.fixture
def star_file(star_template: Path, tmp_path: Path) -> Path:
    """A working database file holding the hand-written star (a copy of one built per session)."""
    path = tmp_path / "home" / "clusterwatch.duckdb"
    path.parent.mkdir()
    shutil.copyfile(star_template, path)
    return path


@pytest.fixture(scope="session")
def demo(sample_run: dict, sample_rerun: dict) -> dict:
    """Two identical runs of the demo flow into one home (the session's `sample_run`, then `sample_rerun`
    on a copy of its home); the counts after each, for every test of the demo database."""
    from warehouse.queries import table_counts

    counts = []
    for summary in (sample_run, sample_rerun):
        with duckdb.connect(summary["database"], read_only=True) as con:
            counts.append(table_counts(con))
    return {"database": sample_rerun["database"], "counts": counts}


@pytest.fixture
def demo_db(demo: dict) -> Iterator[duckdb.DuckDBPyConnection]:
    con = duckdb.connect(demo["database"], read_only=True)
    yield con
    con.close()


@pytest.fixture
def make_batch() -> Callable[..., RunBatch]:
    return star_batch


@pytest.fixture
def frames() -> Callable[[], dict[str, pl.DataFrame]]:
    return star_frames
