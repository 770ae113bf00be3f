"""Full-text search on the database a real demo run builds (the sample site's articles): the stems
match every form of a word, the results are the articles that hold it, ranked, with a snippet."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import pytest

from warehouse.analyst import AnalystDatabase, connect_read_only
from warehouse.search import (
    BadSearch,
    SearchRequest,
    SearchUnavailable,
    build_search_index,
    has_search_index,
    load_fts,
    search,
)

# the `demo` fixture (two runs of the demo flow over the sample site) is in conftest.py


@pytest.fixture
def snapshot(demo: dict) -> Iterator[duckdb.DuckDBPyConnection]:
    """The published snapshot of the demo runs, opened as `clusterwatch sql` and `search` open it:
    read-only, no extension loadable, configuration locked."""
    published = Path(demo["database"]).parent / "published" / "clusterwatch.duckdb"
    con = connect_read_only(AnalystDatabase(published, True))
    yield con
    con.close()


def _articles_with(con: duckdb.DuckDBPyConnection, pattern: str, lang: str) -> set[str]:
    """URLs of the original articles whose title or text matches PATTERN, found without the index."""
    rows = con.execute(
        "SELECT a.url, a.title, t.text FROM fact_article AS a JOIN article_text AS t USING (article_key) "
        "WHERE a.duplicate_of IS NULL AND a.language = $lang",
        {"lang": lang},
    ).fetchall()
    word = re.compile(pattern, re.I)
    return {url for url, title, text in rows if word.search(f"{title}\n{text}")}


def _urls(con: duckdb.DuckDBPyConnection, query: str, **options: object) -> list[str]:
    result = search(con, SearchRequest(query, **options))  # type: ignore[arg-type]
    return [row[result.columns.index("url")] for row in result.rows]


def test_every_form_of_a_russian_word_finds_the_articles_holding_any_form(
    snapshot: duckdb.DuckDBPyConnection,
) -> None:
    holding = _articles_with(snapshot, r"\bтехнопарк\w*", "ru")
    assert holding  # the sample's Russian article speaks of технопарки, технопарков, технопарках
    for form in ("технопарк", "технопарка", "технопарке", "Технопарками"):
        assert set(_urls(snapshot, form)) == holding, form


def test_english_words_are_stemmed_and_results_hold_them(snapshot: duckdb.DuckDBPyConnection) -> None:
    holding = _articles_with(snapshot, r"\bclusters?\b", "en")
    assert len(holding) >= 2
    found = _urls(snapshot, "cluster", lang="en")
    assert set(found) >= holding
    assert set(found) <= _articles_with(snapshot, r"\bcluster", "en")


def test_results_are_ranked_with_a_snippet_around_the_word(snapshot: duckdb.DuckDBPyConnection) -> None:
    result = search(snapshot, SearchRequest("кластеров"))
    assert result.columns == ["title", "published_date", "language", "url", "score", "snippet"]
    assert result.rows
    scores = [row[4] for row in result.rows]
    assert scores == sorted(scores, reverse=True)
    for title, _, language, url, score, snippet in result.rows:
        assert title and url.startswith("http://127.0.0.1:") and score > 0 and language == "ru"
        assert "кластер" in snippet.lower() and len(snippet) <= 230


def test_every_word_of_the_query_must_occur(snapshot: duckdb.DuckDBPyConnection) -> None:
    both = _articles_with(snapshot, r"\bclusters?\b", "en") & _articles_with(snapshot, r"\bomsk\b", "en")
    assert both and set(_urls(snapshot, "Omsk clusters")) == both
    assert _urls(snapshot, "clusters zzzyxw") == []


def test_language_date_and_limit_narrow_the_results(snapshot: duckdb.DuckDBPyConnection) -> None:
    assert _urls(snapshot, "кластеров", lang="en") == []
    everywhere = search(snapshot, SearchRequest("cluster", limit=100))
    assert any(row[1] is None for row in everywhere.rows)  # most English sample articles are undated
    since = date(2014, 1, 1)
    later = search(snapshot, SearchRequest("cluster", since=since, limit=100))
    assert later.rows and len(later.rows) < len(everywhere.rows)  # the undated ones are left out
    assert all(row[1] is not None and row[1] >= since for row in later.rows)
    assert search(snapshot, SearchRequest("cluster", since=date(2015, 1, 1))).rows == []  # 2014-04-08
    assert len(search(snapshot, SearchRequest("cluster", limit=1)).rows) == 1


@pytest.mark.parametrize(
    ("request_", "message"),
    [
        (SearchRequest("   "), "the query is empty"),
        (SearchRequest("x", lang="de"), "unknown language 'de': choose one of ru, en"),
        (SearchRequest("x", limit=0), "limit must be between 1 and"),
        (SearchRequest("x" * 501), "at most 500"),
    ],
)
def test_a_request_that_cannot_run_says_why(
    snapshot: duckdb.DuckDBPyConnection, request_: SearchRequest, message: str
) -> None:
    with pytest.raises(BadSearch, match=message):
        search(snapshot, request_)


def test_search_needs_no_extension_on_the_locked_connection(snapshot: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(duckdb.PermissionException, match="disabled"):
        load_fts(snapshot)  # nothing can be loaded here, and the search above ran all the same
    assert search(snapshot, SearchRequest("технопарке")).rows  # and a search still runs


QUERIES = ["технопарке", "кластеров Калужской", "industrial clusters", "tax benefits"]


@pytest.mark.parametrize("query", QUERIES)
def test_scores_are_the_fts_extensions_bm25(demo: dict, query: str) -> None:
    """search_articles computes BM25 in plain SQL; the extension's own match_bm25 gives the same."""
    with duckdb.connect(demo["database"], read_only=True) as con:
        load_fts(con)
        ours = dict(con.execute("SELECT article_key, score FROM search_articles(?)", [query]).fetchall())
        theirs = {}
        for lang in ("ru", "en"):
            theirs |= dict(
                con.execute(
                    f"SELECT article_key, fts_main_search_document_{lang}.match_bm25(article_key, $q, "
                    f"conjunctive := 1) AS score FROM search_document_{lang} WHERE score IS NOT NULL",
                    {"q": query},
                ).fetchall()
            )
    assert ours and ours.keys() == theirs.keys()
    assert all(ours[k] == pytest.approx(theirs[k], rel=1e-9) for k in ours)


def test_search_articles_is_a_macro_analysts_call_from_sql(snapshot: duckdb.DuckDBPyConnection) -> None:
    rows = snapshot.execute(
        "SELECT language, count(*) FROM search_articles('технопарков') GROUP BY language"
    ).fetchall()
    assert rows == [("ru", len(_articles_with(snapshot, r"\bтехнопарк\w*", "ru")))]


def test_a_database_without_the_index_says_so(star_file: Path) -> None:
    con = connect_read_only(AnalystDatabase(star_file, False))
    try:
        with pytest.raises(SearchUnavailable, match="no search index yet"):
            search(con, SearchRequest("кластер"))
    finally:
        con.close()


def test_the_index_follows_the_data_and_leaves_duplicates_out(star_file: Path) -> None:
    with duckdb.connect(str(star_file)) as con:
        assert build_search_index(con) == {"ru": 1, "en": 2}
        con.execute("UPDATE fact_article SET duplicate_of = 2 WHERE article_key = 3")
        assert build_search_index(con) == {"ru": 1, "en": 1}
        found = con.execute("SELECT url FROM search_articles('фармацевтический')").fetchall()
    assert sorted(url for (url,) in found) == ["http://news.test/1", "http://news.test/2"]


def test_a_database_knows_whether_it_holds_the_index(star_file: Path) -> None:
    # a run that fetched nothing new rebuilds the index only when it is missing
    with duckdb.connect(str(star_file)) as con:
        assert not has_search_index(con)
        build_search_index(con)
        assert has_search_index(con)
        con.execute("DROP SCHEMA fts_main_search_document_en CASCADE")
        assert not has_search_index(con)
