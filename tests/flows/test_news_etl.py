"""End to end: the flow crawls the sample site over real HTTP on loopback into a real DuckDB file."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pytest

from flows.news_etl import news_etl
from samples.server import SITE_DIR


@pytest.fixture(scope="module")
def demo_run(sample_run: dict) -> dict:
    """One run over the sample site (the session's, shared with the other tests that only read it)."""
    return sample_run


def _db(summary: dict) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(summary["database"], read_only=True)


def test_counts_reconcile(demo_run: dict) -> None:
    assert demo_run["status"] == "completed"
    assert demo_run["pages_discovered"] == 7  # 5 articles, the listing page, /admin/ (robots.txt)
    assert demo_run["pages_fetched"] == 6
    assert demo_run["pages_skipped"] == 1
    assert demo_run["articles_loaded"] == 5
    assert demo_run["articles_held_back"] == 1  # the listing page


def test_tables_hold_the_five_articles(demo_run: dict) -> None:
    run = {"r": demo_run["run_id"]}
    with _db(demo_run) as con:
        assert con.execute("SELECT count(*) FROM fact_article").fetchone() == (5,)
        assert con.execute("SELECT count(*) FROM article_text").fetchone() == (5,)
        assert con.execute("SELECT count(*) FROM dim_source").fetchone() == (1,)
        pages = "SELECT count(*) FROM fetch_log WHERE run_id = $r AND kind = 'page'"
        assert con.execute(pages, run).fetchone() == (7,)
        assert con.execute("SELECT status FROM etl_run WHERE run_id = $r", run).fetchone() == ("completed",)


def test_each_seed_has_its_row_and_every_source_gave_pages(demo_run: dict) -> None:
    query = "SELECT via, outcome, reason FROM fetch_log WHERE run_id = $r AND kind = 'seed' ORDER BY via"
    with _db(demo_run) as con:
        seeds = con.execute(query, {"r": demo_run["run_id"]}).fetchall()
    assert [(via, outcome) for via, outcome, _ in seeds] == [
        ("feed", "fetched"),
        ("sitemap", "fetched"),
        ("start_page", "fetched"),
    ]
    assert all(reason.startswith("listed ") for _, _, reason in seeds)
    assert demo_run["sources_without_pages"] == {} and demo_run["seeds_not_read"] == 0


def test_listing_page_and_robots_are_explained(demo_run: dict) -> None:
    with _db(demo_run) as con:
        reason = con.execute("SELECT reason FROM quarantine WHERE record_key LIKE '%/'").fetchone()[0]
        skipped = con.execute(
            "SELECT url, reason FROM fetch_log WHERE outcome = 'skipped' AND kind = 'page'"
        ).fetchall()
        dropped = dict(con.execute("SELECT url, reason FROM fetch_log WHERE kind = 'dropped'").fetchall())
    assert reason.startswith("not an article")
    assert skipped == [(skipped[0][0], "disallowed by robots.txt")] and skipped[0][0].endswith("/admin/")
    assert dropped["mailto:newsroom@kaluga-industrial-news.example"] == "not an absolute http(s) URL"


def test_russian_article_title_date_language_text(demo_run: dict, site_truth: list[dict]) -> None:
    truth = next(t for t in site_truth if t["language"] == "ru")
    with _db(demo_run) as con:
        row = con.execute(
            """SELECT f.title, d.date, f.language, t.text FROM fact_article f
               JOIN dim_date d ON d.date_key = f.published_date_key JOIN article_text t USING (article_key)
               WHERE f.url LIKE '%' || $path""",
            {"path": truth["path"]},
        ).fetchone()
    title, published, language, text = row
    assert title == truth["title"]
    assert published.isoformat() == truth["published"] == "2021-04-27"
    assert language == "ru"
    assert text.startswith(truth["first_sentence"]) and text.endswith(truth["last_sentence"])


def test_no_page_noise_reaches_the_warehouse(demo_run: dict, site_truth: list[dict]) -> None:
    with _db(demo_run) as con:
        query = "SELECT f.url, t.text FROM fact_article f JOIN article_text t USING (article_key)"
        texts = dict(con.execute(query).fetchall())
    for truth in site_truth:
        text = next(v for k, v in texts.items() if k.endswith(truth["path"]))
        leaked = [noise for noise in truth["noise"] if noise in text]
        assert not leaked, f"{truth['path']}: {leaked}"


def test_bad_sources_file_fails_clearly(prefect_harness: None, tmp_path: Path) -> None:
    from config.sources import SourcesError

    with pytest.raises(SourcesError, match="not found"):
        news_etl(str(tmp_path / "missing.yaml"), str(tmp_path))


def test_domain_facts_of_the_samples_are_in_the_warehouse(demo_run: dict) -> None:
    with _db(demo_run) as con:
        subsidy = con.execute(
            """SELECT f.qualifier, f.unit, a.act_type, a.number, f.subject FROM fact_figure f
               JOIN dim_legal_act a USING (act_key) WHERE f.value = 900000000"""
        ).fetchall()
        sez_area = con.execute(
            """SELECT r.iso_code FROM fact_figure f JOIN dim_region r USING (region_key)
               WHERE f.value = 1042 AND f.unit = 'ha'"""
        ).fetchall()
        kaluga = con.execute(
            """SELECT count(DISTINCT m.article_key) FROM fact_mention m JOIN dim_region r USING (region_key)
               WHERE r.iso_code = 'RU-KLU'"""
        ).fetchone()
    assert subsidy == [("up_to", "RUB", "government_decree", "1659", "subsidy")]
    assert sez_area == [("RU-KLU",)]
    assert kaluga == (4,)  # the Russian article and three English ones, one region key


def test_one_row_per_real_person_and_body_across_articles_and_languages(demo_run: dict) -> None:
    query = """SELECT e.entity_type, count(DISTINCT e.entity_key), count(DISTINCT m.article_key),
                      count(DISTINCT a.language)
               FROM dim_entity e JOIN fact_mention m USING (entity_key)
               JOIN fact_article a USING (article_key)
               WHERE e.canonical_name = $name GROUP BY ALL"""
    with _db(demo_run) as con:
        labudin = con.execute(query, {"name": "Mikhail Labudin"}).fetchall()
        ministry = con.execute(query, {"name": "Ministry of Industry and Trade"}).fetchall()
    assert labudin == [("person", 1, 2, 1)]
    assert ministry == [("government_body", 1, 4, 2)]  # Минпромторг in Russian, the Ministry in English


def test_every_suite_is_recorded_and_every_hold_back_explained(demo_run: dict) -> None:
    run = {"r": demo_run["run_id"]}
    with _db(demo_run) as con:
        suites = {
            r[0]
            for r in con.execute("SELECT DISTINCT suite FROM dq_result WHERE run_id = $r", run).fetchall()
        }
        unexplained = con.execute(
            "SELECT count(*) FROM quarantine WHERE run_id = $r AND coalesce(reason, '') = ''", run
        ).fetchone()
        critical = con.execute(
            "SELECT count(*) FROM dq_result WHERE run_id = $r AND severity = 'critical' AND NOT success", run
        ).fetchone()
    expected = {"raw_pages", "articles", "entities", "figures", "mentions", "foreign_keys", "reconciliation"}
    assert expected | {"warehouse"} <= suites
    assert unexplained == (0,) and critical == (0,)
    assert Path(demo_run["data_docs"]).is_file()
    assert demo_run["quality"].validation_share is not None  # reported with every run


# ---------------------------------------------------------------- poison pages

PARAGRAPHS = (
    "Калужская область и Ассоциация кластеров и технопарков России подписали соглашение о создании "
    "промышленного технопарка в Людиново. На площадке разместятся не менее пятнадцати резидентов.",
    "Общая площадь технопарка составит двенадцать гектаров, инвестиции в инфраструктуру оцениваются "
    "в 1,2 млрд рублей. Часть затрат компенсирует Фонд развития промышленности.",
)
POISON = {  # page → its first sentence
    "tangut": "Губернатор A\U00017000 сказал.",  # a letter pymorphy2 cannot name (unicodedata.name raises)
    "intel-fault": "Маркер сбоя анализа фактов.",
    "normalise-fault": "Маркер сбоя нормализации текста.",
}


def _ru_page(name: str, first: str) -> str:
    body = "".join(f"<p>{p.replace('Людиново', name)}</p>" for p in (first, *PARAGRAPHS))
    return (
        f'<html lang="ru"><head><meta charset="utf-8"><title>Технопарк: {name}</title>'
        f'<meta name="date" content="2024-05-0{len(name) % 9 + 1}"></head>'
        f"<body><article><h1>Технопарк: {name}</h1>{body}</article></body></html>"
    )


def _poisoned_site(folder: Path) -> Path:
    """The sample site with three more Russian articles: one with a letter pymorphy2 cannot name, two
    whose analysis or normalisation will fail on purpose."""
    site = folder / "site"
    shutil.copytree(SITE_DIR, site)
    entries = []
    for name, first in POISON.items():
        (site / "news" / f"{name}.html").write_text(_ru_page(name, first), encoding="utf-8")
        entries.append(f"<url><loc>__BASE_URL__/news/{name}.html</loc></url>")
    sitemap = site / "sitemap.xml"
    sitemap.write_text(sitemap.read_text().replace("</urlset>", "".join(entries) + "</urlset>"))
    return site


def _fault(real: Callable[..., Any], marker: str, message: str) -> Callable[..., Any]:
    def faulty(text: Any, *args: Any) -> Any:
        if isinstance(text, str) and marker in text:
            raise RuntimeError(message)
        return real(text, *args)

    return faulty


@pytest.fixture(scope="module")
def poisoned_run(prefect_harness: None, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A run over the poisoned site, with faults put into one article's analysis and another's
    normalisation (as an unknown bug in either stage would)."""
    import transforms.intel.frames as frames
    import transforms.normalise.articles as articles
    from samples.server import serve_site, sources_yaml

    home = tmp_path_factory.mktemp("poisoned")
    with serve_site(_poisoned_site(home)) as base_url, pytest.MonkeyPatch.context() as patch:
        patch.setattr(frames, "find_mentions", _fault(frames.find_mentions, "сбоя анализа", "intel bug"))
        patch.setattr(articles, "simhash", _fault(articles.simhash, "сбоя нормализации", "normalise bug"))
        sources = home / "sources.yaml"
        sources.write_text(sources_yaml(base_url), encoding="utf-8")
        # one worker: the stages run in this process, where the faults are patched in
        return news_etl(str(sources), str(home / "home"), workers=1)


def test_one_poison_page_does_not_stop_the_run(poisoned_run: dict) -> None:
    assert poisoned_run["status"] == "completed"
    assert (poisoned_run["pages_discovered"], poisoned_run["pages_fetched"]) == (10, 9)
    assert (poisoned_run["articles_loaded"], poisoned_run["articles_held_back"]) == (7, 2)
    with duckdb.connect(poisoned_run["published"], read_only=True) as snapshot:
        run = {"r": poisoned_run["run_id"]}
        assert snapshot.execute("SELECT count(*) FROM fact_article").fetchone() == (7,)
        pages = "SELECT count(*) FROM fetch_log WHERE run_id = $r AND kind = 'page'"
        assert snapshot.execute(pages, run).fetchone() == (10,)
        assert snapshot.execute("SELECT status FROM etl_run WHERE run_id = $r", run).fetchone() == (
            "completed",
        )


def test_the_unnameable_letter_article_loads_with_its_facts(poisoned_run: dict) -> None:
    with _db(poisoned_run) as con:
        mentions = con.execute(
            """SELECT count(*) FROM fact_mention m JOIN fact_article a USING (article_key)
               WHERE a.url LIKE '%/news/tangut.html'"""
        ).fetchone()
    assert mentions[0] > 0


def test_a_failing_record_is_quarantined_with_its_stage_and_error(poisoned_run: dict) -> None:
    with _db(poisoned_run) as con:
        held = con.execute(
            "SELECT regexp_extract(record_key, '[^/]+$'), stage, reason FROM quarantine WHERE run_id = $r "
            "AND stage IN ('normalise', 'intel') ORDER BY stage",
            {"r": poisoned_run["run_id"]},
        ).fetchall()
        loaded = dict(
            con.execute("SELECT regexp_extract(url, '[^/]+$'), article_key FROM fact_article").fetchall()
        )
        facts = con.execute(
            "SELECT count(*) FROM fact_mention WHERE article_key = $k", {"k": loaded.get("intel-fault.html")}
        ).fetchone()
    assert [(page, stage) for page, stage, _ in held] == [
        ("intel-fault.html", "intel"),
        ("normalise-fault.html", "normalise"),
    ]
    assert held[0][2] == "intel failed (RuntimeError: intel bug)"
    assert held[1][2].startswith("normalise failed (RuntimeError: normalise bug")
    assert "normalise-fault.html" not in loaded  # held back: not loaded
    assert "intel-fault.html" in loaded and facts == (0,)  # loaded, without facts
