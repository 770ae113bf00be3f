"""End to end: the flow crawls the sample site over real HTTP on loopback into a real DuckDB file."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from flows.news_etl import news_etl


@pytest.fixture(scope="module")
def demo_run(prefect_harness: None, sample_site: str, tmp_path_factory: pytest.TempPathFactory) -> dict:
    from samples.server import sources_yaml

    home = tmp_path_factory.mktemp("home")
    sources = home / "sources.yaml"
    sources.write_text(sources_yaml(sample_site), encoding="utf-8")
    return news_etl(str(sources), str(home))


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
        skipped = con.execute("SELECT url, reason FROM fetch_log WHERE outcome = 'skipped'").fetchall()
    assert reason.startswith("not an article")
    assert skipped == [(skipped[0][0], "disallowed by robots.txt")] and skipped[0][0].endswith("/admin/")


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
