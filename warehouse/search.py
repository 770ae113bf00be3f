"""Full-text search over article titles and texts, indexed with DuckDB's `fts` extension.

Before every publish, `build_search_index` copies the original (not duplicate) Russian and English
articles into `search_document_ru` and `search_document_en`, indexes each with the extension and its
Snowball stemmer (технопарк, технопарка and технопарке share one stem; so do cluster and clusters),
keeps every indexed word with its stem in `search_word`, and defines the table macro
`search_articles(query)`: one row per article holding every word of the query, ranked by BM25, with a
snippet around the first word found. The snapshot is a copy of the working database, so it carries
the index, the words and the macro.

The extension is needed to build the index only: it ships as the `duckdb-extension-fts` package,
built for one DuckDB release, and `load_fts` loads it from there (nothing is downloaded). The macro is
plain SQL: it stems the query with `search_word` (a word no article uses gets the longest known stem
it starts with) and computes BM25 over the index's tables as the extension's `match_bm25` does, so
it runs on a locked analyst connection (no extension can be loaded there) and in any DuckDB client.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

LANGUAGES = {"ru": "russian", "en": "english"}
STOPWORDS = {"ru": "none", "en": "english"}  # BM25 weighs common Russian words down by itself
IGNORE = r"[^\p{L}\p{N}]+"  # anything but letters and digits separates words («Калуга» → калуга)
SNIPPET_BEFORE, SNIPPET_LENGTH = 60, 220
BM25_K, BM25_B = 1.2, 0.75  # the fts extension's defaults
MIN_STEM, MAX_SUFFIX = 3, 4  # a word the articles never use: the longest stem that starts it
MAX_QUERY_CHARS = 500
MAX_LIMIT = 10_000

FILL_DOCUMENTS = """
INSERT INTO search_document_{lang}
SELECT a.article_key, a.title, t.text
FROM fact_article AS a
JOIN article_text AS t ON t.article_key = a.article_key
WHERE a.language = '{lang}' AND a.duplicate_of IS NULL
"""
CREATE_INDEX = (
    "PRAGMA create_fts_index('search_document_{lang}', 'article_key', 'title', 'text', "
    "stemmer = '{stemmer}', stopwords = '{stopwords}', ignore = '{ignore}', overwrite = 1)"
)
INDEX_TABLE_COMMENTS = {
    "docs": "One row per indexed article: its key and length in words.",
    "terms": "One row per word of an indexed article: the word's stem and field.",
    "dict": "The stems the index knows, with their id and document frequency.",
    "stats": "The index's statistics: documents and their average length (BM25).",
    "fields": "The indexed columns: title and text.",
    "stopwords": "Words left out of the index.",
}
INDEX_TABLES = "SELECT table_name FROM duckdb_tables() WHERE schema_name = $schema"
FILL_WORDS = """
INSERT INTO search_word
SELECT DISTINCT '{lang}', word, stem(word, '{stemmer}')
FROM (
    SELECT unnest(fts_main_search_document_{lang}.tokenize(coalesce(title, '') || ' ' || text)) AS word
    FROM search_document_{lang}
)
WHERE word <> ''
"""
# One language's hits: the query's stems (search_word's, else the longest stem of the language that
# starts the word and leaves at most MAX_SUFFIX letters: технопарками → технопарк), the articles holding
# every one of them, and BM25 over the index tables, as the fts extension's match_bm25 computes it.
HITS = """
SELECT docs.name AS article_key, '{lang}' AS language, bm25.score, bm25.stems
FROM (
    SELECT tf.docid, list_distinct(list(tf.stem)) AS stems,
        sum(
            log((stats.num_docs - tf.df + 0.5) / (tf.df + 0.5) + 1)
            * tf.tf * ({k} + 1)
            / (tf.tf + {k} * (1 - {b} + {b} * tf.len / stats.avgdl))
        ) AS score
    FROM (
        SELECT terms.docid, dict.termid, dict.term AS stem, dict.df, docs.len, count(*) AS tf
        FROM fts_main_search_document_{lang}.terms AS terms
        JOIN fts_main_search_document_{lang}.dict AS dict ON dict.termid = terms.termid
        JOIN fts_main_search_document_{lang}.docs AS docs ON docs.docid = terms.docid
        WHERE dict.term IN (SELECT stem FROM stems WHERE language = '{lang}')
        GROUP BY ALL
    ) AS tf, fts_main_search_document_{lang}.stats AS stats
    GROUP BY tf.docid
    HAVING count(DISTINCT tf.termid) = (SELECT count(DISTINCT stem) FROM stems WHERE language = '{lang}')
) AS bm25
JOIN fts_main_search_document_{lang}.docs AS docs ON docs.docid = bm25.docid
"""
SEARCH_MACRO = """
CREATE OR REPLACE MACRO search_articles(query_string) AS TABLE
WITH words AS (
    SELECT DISTINCT word
    FROM (SELECT unnest(fts_main_search_document_ru.tokenize(query_string)) AS word)
    WHERE word <> ''
),
stems AS (
    SELECT l.language, w.word,
        coalesce(
            (SELECT any_value(s.stem) FROM search_word AS s
                WHERE s.language = l.language AND s.word = w.word),
            (SELECT arg_max(s.stem, length(s.stem)) FROM search_word AS s
                WHERE s.language = l.language AND starts_with(w.word, s.stem)
                    AND length(s.stem) >= greatest({min_stem}, length(w.word) - {max_suffix})),
            w.word
        ) AS stem
    FROM words AS w, (VALUES {languages}) AS l (language)
),
hits AS ({hits}),
placed AS (
    SELECT h.*, t.text,
        list_min(list_filter(
            list_transform(h.stems, s -> strpos(lower(strip_accents(t.text)), s)), p -> p > 0
        )) AS first_at
    FROM hits AS h
    JOIN article_text AS t ON t.article_key = h.article_key
)
SELECT
    a.title,
    d.date AS published_date,
    p.language,
    a.url,
    p.score,
    regexp_replace(
        CASE WHEN coalesce(p.first_at, 1) > {before} THEN '…' ELSE '' END
        || substr(p.text, greatest(coalesce(p.first_at, 1) - {before}, 1), {length})
        || CASE WHEN length(p.text) >= greatest(coalesce(p.first_at, 1) - {before}, 1) + {length}
            THEN '…' ELSE '' END,
        '\\s+', ' ', 'g'
    ) AS snippet,
    a.article_key
FROM placed AS p
JOIN fact_article AS a ON a.article_key = p.article_key
LEFT JOIN dim_date AS d ON d.date_key = a.published_date_key
ORDER BY p.score DESC, a.article_key
"""
SEARCH = """
SELECT title, published_date, language, url, round(score, 4) AS score, snippet
FROM search_articles($query)
WHERE ($lang IS NULL OR language = $lang)
    AND ($since IS NULL OR published_date >= $since)
LIMIT $limit
"""


HAS_INDEX = """
SELECT
    (SELECT count(DISTINCT schema_name) FROM duckdb_schemas() WHERE list_contains($schemas, schema_name)),
    (SELECT count(*) > 0 FROM duckdb_functions() WHERE function_name = 'search_articles')
"""


class SearchUnavailable(RuntimeError):
    """The fts extension cannot be loaded, or the database has no search index yet."""


class BadSearch(ValueError):
    """The search request cannot be run as given (empty query, unknown language, limit out of range)."""


@dataclass(frozen=True)
class SearchRequest:
    query: str
    lang: str | None = None
    since: date | None = None
    limit: int = 20

    def checked(self) -> SearchRequest:
        """This request, or BadSearch saying what does not fit."""
        query = " ".join(self.query.split())
        if not query:
            raise BadSearch("the query is empty: give one or more words, e.g. технопарк")
        if len(query) > MAX_QUERY_CHARS:
            raise BadSearch(f"the query has {len(query)} characters; at most {MAX_QUERY_CHARS}")
        if self.lang is not None and self.lang not in LANGUAGES:
            raise BadSearch(f"unknown language {self.lang!r}: choose one of {', '.join(LANGUAGES)}")
        if not 1 <= self.limit <= MAX_LIMIT:
            raise BadSearch(f"limit must be between 1 and {MAX_LIMIT}, not {self.limit}")
        return SearchRequest(query, self.lang, self.since, self.limit)


@dataclass(frozen=True)
class SearchResult:
    columns: list[str]
    rows: list[tuple[Any, ...]]


def fts_extension() -> Path:
    """The fts extension file of the `duckdb-extension-fts` package for the running DuckDB."""
    try:
        import duckdb_extension_fts
    except ImportError as exc:
        raise SearchUnavailable(
            "full-text search needs the duckdb-extension-fts package (pip install duckdb-extension-fts)"
        ) from exc
    path = (
        Path(duckdb_extension_fts.__file__).parent
        / "extensions"
        / f"v{duckdb.__version__}"
        / "fts.duckdb_extension"
    )
    if not path.is_file():
        raise SearchUnavailable(f"no fts extension for DuckDB {duckdb.__version__} at {path}")
    return path


def load_fts(con: duckdb.DuckDBPyConnection) -> None:
    """Load the fts extension into CON from the installed package (nothing is downloaded)."""
    path = str(fts_extension()).replace("'", "''")
    con.execute(f"LOAD '{path}'")


def build_search_index(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Rebuild the search documents, their indexes, the words' stems and the search_articles macro in
    CON (a writable connection on the working database); returns the articles indexed per language."""
    load_fts(con)
    indexed: dict[str, int] = {}
    con.execute("DELETE FROM search_word")
    for lang, stemmer in LANGUAGES.items():
        con.execute(f"DELETE FROM search_document_{lang}")
        con.execute(FILL_DOCUMENTS.format(lang=lang))
        con.execute(CREATE_INDEX.format(lang=lang, stemmer=stemmer, stopwords=STOPWORDS[lang], ignore=IGNORE))
        con.execute(FILL_WORDS.format(lang=lang, stemmer=stemmer))
        _comment_index(con, f"fts_main_search_document_{lang}", lang)
        indexed[lang] = con.execute(f"SELECT count(*) FROM search_document_{lang}").fetchone()[0]
    con.execute(search_macro())
    return indexed


def has_search_index(con: duckdb.DuckDBPyConnection) -> bool:
    """True when CON holds the search_articles macro and the index of every language."""
    schemas = [f"fts_main_search_document_{lang}" for lang in LANGUAGES]
    found = con.execute(HAS_INDEX, {"schemas": schemas}).fetchone()
    return bool(found and found[0] == len(schemas) and found[1])


def search_macro() -> str:
    """The CREATE MACRO statement of search_articles: plain SQL over the index tables and search_word,
    so that it runs on any connection, the extension loaded or not."""
    hits = " UNION ALL ".join(HITS.format(lang=lang, k=BM25_K, b=BM25_B) for lang in LANGUAGES)
    languages = ", ".join(f"('{lang}')" for lang in LANGUAGES)
    return SEARCH_MACRO.format(
        hits=hits,
        languages=languages,
        min_stem=MIN_STEM,
        max_suffix=MAX_SUFFIX,
        before=SNIPPET_BEFORE,
        length=SNIPPET_LENGTH,
    )


def _comment_index(con: duckdb.DuckDBPyConnection, schema: str, lang: str) -> None:
    """Say what each table of the fts extension's index schema holds (the catalogue has a comment for
    every table)."""
    for (table,) in con.execute(INDEX_TABLES, {"schema": schema}).fetchall():
        meaning = INDEX_TABLE_COMMENTS.get(table, "Part of the full-text index.")
        text = f"Full-text index of search_document_{lang} (fts extension). {meaning}".replace("'", "''")
        con.execute(f"COMMENT ON TABLE {schema}.{table} IS '{text}'")
        for (column,) in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE schema_name = $s AND table_name = $t",
            {"s": schema, "t": table},
        ).fetchall():
            con.execute(f"COMMENT ON COLUMN {schema}.{table}.{column} IS 'Kept by the fts extension.'")


def search(con: duckdb.DuckDBPyConnection, request: SearchRequest) -> SearchResult:
    """The articles holding every word of the request's query, best first (see search_articles)."""
    request = request.checked()
    params = {"query": request.query, "lang": request.lang, "since": request.since, "limit": request.limit}
    try:
        cursor = con.execute(SEARCH, params)
    except duckdb.CatalogException as exc:
        raise SearchUnavailable(
            f"this database has no search index yet ({exc}); a run builds it before it publishes"
        ) from exc
    return SearchResult([d[0] for d in cursor.description or []], cursor.fetchall())
