"""Bulk loads of polars frames into the star schema, one transaction per run.

A run's batches are staged as they come in tables of the run's own connection (DuckDB temporary
tables: no other connection sees them, and they are gone with the connection, so a killed run leaves
nothing), each batch committed there so DuckDB may spill it to disk under the connection's
`memory_limit`. `RunLoad.finish` moves them into the star schema in one transaction with
INSERT … SELECT, in the order of the batches, and drops them."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime

import duckdb
import polars as pl

from warehouse.facts import check_references, load_facts
from warehouse.frames import conform
from warehouse.page_state import upsert_page_state
from warehouse.quality import record_results

UPSERT_SOURCES = """
INSERT OR REPLACE INTO dim_source (source_key, source_name, domain, site_name, default_language)
SELECT source_key, source_name, domain, site_name, default_language FROM incoming_sources
"""

FILL_DATES = """
INSERT OR IGNORE INTO dim_date
SELECT CAST(strftime(d, '%Y%m%d') AS INTEGER), d, year(d), quarter(d), month(d), weekofyear(d), isodow(d)
FROM (
    SELECT CAST(unnest(generate_series(min(d), max(d), INTERVAL 1 DAY)) AS DATE) AS d
    FROM (
        SELECT make_date(published_date_key // 10000, published_date_key // 100 % 100,
            published_date_key % 100) AS d
        FROM fact_article WHERE published_date_key IS NOT NULL
    )
)
WHERE d IS NOT NULL
"""

UPSERT_ARTICLES = """
INSERT OR REPLACE INTO fact_article BY NAME
SELECT a.article_key, s.source_key, CAST(strftime(a.published, '%Y%m%d') AS INTEGER) AS published_date_key,
    a.language, a.url, a.title, a.author, a.word_count, a.content_hash, a.duplicate_of, $run_id AS run_id,
    current_timestamp AS loaded_at, a.description, a.tags, a.canonical_url, a.date_source, a.date_inferred,
    a.extraction_method, a.simhash
FROM incoming_articles a JOIN dim_source s USING (source_name)
"""

KNOWN_ARTICLES = """
SELECT article_key, content_hash, simhash, duplicate_of FROM fact_article
"""

UPSERT_TEXT = """
INSERT OR REPLACE INTO article_text (article_key, text) SELECT article_key, text FROM incoming_articles
"""

INSERT_FETCH_LOG = """
INSERT INTO fetch_log BY NAME
SELECT $run_id AS run_id, * FROM incoming_fetch_log
"""

INSERT_QUARANTINE = """
INSERT INTO quarantine (run_id, stage, record_key, reason, record, url, article_key)
SELECT $run_id, stage, record_key, reason, record, json_extract_string(record, '$.url'),
    TRY_CAST(json_extract_string(record, '$.article_key') AS BIGINT)
FROM incoming_quarantine
"""

# The run's staging tables: temporary, so this connection's only. A batch's articles keep only what the
# load reads of them; facts and dimensions are staged as conformed frames (tables made from the first).
STAGE_ARTICLES = """
CREATE TEMP TABLE IF NOT EXISTS stage_articles (
    batch INTEGER NOT NULL, article_key BIGINT, source_name VARCHAR, published DATE, language VARCHAR,
    url VARCHAR, title VARCHAR, author VARCHAR, word_count BIGINT, content_hash VARCHAR, duplicate_of BIGINT,
    text VARCHAR, description VARCHAR, tags VARCHAR[], canonical_url VARCHAR, date_source VARCHAR,
    date_inferred BOOLEAN, extraction_method VARCHAR, simhash BIGINT
)
"""
STAGE_QUARANTINE = """
CREATE TEMP TABLE IF NOT EXISTS stage_quarantine (
    batch INTEGER NOT NULL, stage VARCHAR, record_key VARCHAR, reason VARCHAR, record VARCHAR
)
"""
STAGED_ARTICLE_COLUMNS = (
    "article_key", "source_name", "published", "language", "url", "title", "author", "word_count",
    "content_hash", "duplicate_of", "text", "description", "tags", "canonical_url", "date_source",
    "date_inferred", "extraction_method", "simhash",
)  # fmt: skip
STAGED_QUARANTINE_COLUMNS = ("stage", "record_key", "reason", "record")
# the run's articles as the load reads them: a key staged by two batches keeps the later one's row
STAGED_ARTICLES_VIEW = """
CREATE OR REPLACE TEMP VIEW incoming_articles AS
SELECT * EXCLUDE (batch) FROM stage_articles
SEMI JOIN (SELECT article_key, max(batch) AS batch FROM stage_articles GROUP BY article_key)
    USING (article_key, batch)
"""
STAGED_QUARANTINE_VIEW = (
    "CREATE OR REPLACE TEMP VIEW incoming_quarantine AS FROM stage_quarantine ORDER BY batch"
)
STAGED_TABLES = "SELECT table_name FROM duckdb_tables() WHERE temporary AND starts_with(table_name, 'stage_')"
MEMORY_LIMIT = "SELECT current_setting('memory_limit')"
STAGED_BATCH = "SELECT * EXCLUDE (batch) FROM {table} WHERE batch = $batch"
STAGED_KEYS = "SELECT article_key FROM stage_articles WHERE batch = $batch"

UPSERT_RUN = """
INSERT OR REPLACE INTO etl_run (run_id, flow_run_id, started_at, finished_at, status, pages_discovered,
    pages_fetched, pages_not_modified, pages_skipped, pages_failed, articles_extracted, articles_loaded,
    articles_held_back, duplicates, host, pid, process_started_at)
VALUES ($run_id, $flow_run_id, $started_at, $finished_at, $status, $pages_discovered, $pages_fetched,
    $pages_not_modified, $pages_skipped, $pages_failed, $articles_extracted, $articles_loaded,
    $articles_held_back, $duplicates, $host, $pid, $process_started_at)
"""


@dataclass(frozen=True)
class RunRecord:
    run_id: str
    flow_run_id: str | None
    started_at: datetime
    finished_at: datetime | None
    status: str
    pages_discovered: int = 0
    pages_fetched: int = 0
    pages_not_modified: int = 0
    pages_skipped: int = 0
    pages_failed: int = 0
    articles_extracted: int = 0
    articles_loaded: int = 0
    articles_held_back: int = 0
    duplicates: int = 0
    host: str | None = None  # the process that executes the run: host name, id and start time
    pid: int | None = None
    process_started_at: datetime | None = None


@dataclass(frozen=True)
class RunBatch:
    """Everything one run writes: the frames are registered as views and inserted set-wise."""

    run: RunRecord
    sources: pl.DataFrame
    fetch_log: pl.DataFrame
    articles: pl.DataFrame
    quarantine: pl.DataFrame
    page_state: pl.DataFrame = field(default_factory=pl.DataFrame)  # rows to upsert (ingest.records)
    facts: dict[str, pl.DataFrame] = field(default_factory=dict)  # warehouse/frames.py names the frames
    stage_seconds: dict[str, float] = field(default_factory=dict)  # wall time per stage, for etl_run


SET_STAGE_SECONDS = """
UPDATE etl_run SET stage_seconds = MAP(CAST($names AS VARCHAR[]), CAST($seconds AS DOUBLE[]))
WHERE run_id = $run_id
"""


def record_run(
    con: duckdb.DuckDBPyConnection, run: RunRecord, stage_seconds: dict[str, float] | None = None
) -> None:
    con.execute(UPSERT_RUN, run.__dict__)
    if stage_seconds:
        record_stage_seconds(con, run.run_id, stage_seconds)


def record_stage_seconds(
    con: duckdb.DuckDBPyConnection, run_id: str, stage_seconds: dict[str, float]
) -> None:
    """The wall time per stage of a recorded run (replacing what it had)."""
    params = {"run_id": run_id, "names": list(stage_seconds), "seconds": list(stage_seconds.values())}
    con.execute(SET_STAGE_SECONDS, params)


def record_failed_run(con: duckdb.DuckDBPyConnection, run: RunRecord, dq: pl.DataFrame) -> None:
    """A run that stopped: its etl_run row and the quality results gathered until then, in one transaction."""
    con.begin()
    try:
        record_run(con, run)
        record_results(con, run.run_id, dq)
        con.commit()
    except Exception:
        con.rollback()
        raise


# Article columns loaded when the extractor gives them; NULL otherwise.
OPTIONAL_ARTICLE_COLUMNS: dict[str, pl.DataType] = {
    "description": pl.String(),
    "tags": pl.List(pl.String()),
    "canonical_url": pl.String(),
    "date_source": pl.String(),
    "date_inferred": pl.Boolean(),
    "extraction_method": pl.String(),
    "simhash": pl.Int64(),
}


def _with_optional_columns(articles: pl.DataFrame) -> pl.DataFrame:
    missing = {n: t for n, t in OPTIONAL_ARTICLE_COLUMNS.items() if n not in articles.columns}
    return articles.with_columns(pl.lit(None, dtype).alias(name) for name, dtype in missing.items())


KNOWN_ARTICLES_SCHEMA = {
    "article_key": pl.Int64,
    "content_hash": pl.String,
    "simhash": pl.Int64,
    "duplicate_of": pl.Int64,
}


def known_articles(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Articles of earlier runs, for duplicate detection across runs."""
    return pl.from_arrow(con.sql(KNOWN_ARTICLES).to_arrow_table()).cast(KNOWN_ARTICLES_SCHEMA)


class RunLoad:
    """One run's load, batch by batch: each batch's articles, texts, facts and quarantine rows are
    staged as soon as the batch is ready, in tables only this connection sees, and committed there so
    DuckDB may spill them to disk (`memory_limit_mb` bounds what it keeps in memory; unset: DuckDB's
    default). `finish` moves them into the star schema in one transaction; nothing is visible to another
    connection (or left behind by a crashed run) until it commits. Not thread-safe: the caller adds one
    batch at a time."""

    def __init__(
        self, con: duckdb.DuckDBPyConnection, run_id: str, memory_limit_mb: int | None = None
    ) -> None:
        self.con, self.params = con, {"run_id": run_id}
        self.memory_limit_mb = memory_limit_mb
        self._sources = pl.DataFrame()
        self._batches: list[set[str]] = []  # what each batch staged: "articles" and the fact frames' names
        self._memory_before: str | None = None  # the memory limit before `begin` set the run's

    def begin(self, sources: pl.DataFrame) -> None:
        """Checkpoint first: what is committed so far goes from the write-ahead log into the file, so a
        run killed before its commit leaves no log for DuckDB to replay (DuckDB 1.5.5 fails to replay
        the schema's column comments from a log); set the memory limit, and empty the staging tables."""
        if self.memory_limit_mb is not None:
            (self._memory_before,) = self.con.execute(MEMORY_LIMIT).fetchone() or (None,)
            self.con.execute(f"SET memory_limit = '{int(self.memory_limit_mb)}MiB'")
        with suppress(duckdb.Error):  # another connection is writing: its commit checkpoints in turn
            self.con.execute("CHECKPOINT")
        self._drop_staged()
        self.con.execute(STAGE_ARTICLES)
        self.con.execute(STAGE_QUARANTINE)
        self._sources, self._batches = sources, []

    def add(
        self, articles: pl.DataFrame, quarantine: pl.DataFrame, facts: dict[str, pl.DataFrame] | None = None
    ) -> None:
        """Stage one batch: its articles (and texts), the facts of those articles, its quarantine rows."""
        batch, staged = len(self._batches), set()
        if articles.height:
            incoming = _with_optional_columns(articles).select(STAGED_ARTICLE_COLUMNS)
            self._stage("stage_articles", batch, incoming)
            staged.add("articles")
        for name, frame in (facts or {}).items():
            conformed = conform(name, frame)
            if conformed.height:
                self._stage(f"stage_{name}", batch, conformed, create=True)
                staged.add(name)
        if quarantine.height:
            self._stage("stage_quarantine", batch, quarantine.select(STAGED_QUARANTINE_COLUMNS))
        self._batches.append(staged)

    def finish(
        self,
        fetch_log: pl.DataFrame,
        page_state: pl.DataFrame,
        run: RunRecord,
        stage_seconds: dict[str, float] | None = None,
        before_commit: Callable[[duckdb.DuckDBPyConnection], None] | None = None,
    ) -> None:
        """In one transaction: the sources, the staged batches moved into the star schema, the run's
        fetch_log, page_state and etl_run rows, `before_commit` (post-load checks: raising there rolls
        everything back), then the commit; the staging tables are dropped and the memory limit is what
        it was before `begin`. DuckDB keeps the new rows of a table with a primary key (the run's
        article texts) in memory until the commit: a move that does not fit in the run's limit is
        rolled back and moved again without it, rather than failing the run at its last step."""
        try:
            self._move()
        except duckdb.OutOfMemoryException:
            self.con.rollback()
            self._restore_limit()
            self._move()
        self._with(INSERT_FETCH_LOG, incoming_fetch_log=fetch_log)
        upsert_page_state(self.con, page_state)
        record_run(self.con, run, stage_seconds)
        if before_commit is not None:
            before_commit(self.con)
        self.con.commit()
        self._restore_limit()
        self._drop_staged()

    def abandon(self) -> None:
        """Drop every batch staged so far (and roll back `finish` if it was under way)."""
        with suppress(duckdb.TransactionException):  # no transaction open: nothing to roll back
            self.con.rollback()
        self._restore_limit()
        self._drop_staged()

    def _stage(self, table: str, batch: int, frame: pl.DataFrame, create: bool = False) -> None:
        """The frame's rows into the staging table, tagged with the batch (committed at once)."""
        self.con.register("incoming_batch", frame.to_arrow())
        try:
            if create:
                self.con.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} AS FROM incoming_batch LIMIT 0")
                self.con.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS batch INTEGER")
            self.con.execute(
                f"INSERT INTO {table} BY NAME SELECT $batch AS batch, * FROM incoming_batch", {"batch": batch}
            )
        finally:
            self.con.unregister("incoming_batch")

    def _move(self) -> None:
        self.con.begin()
        self._with(UPSERT_SOURCES, incoming_sources=self._sources)
        self._move_staged()

    def _restore_limit(self) -> None:
        if self._memory_before is not None:  # (RESET leaves DuckDB 1.5.5's buffer pool at the limit)
            self.con.execute(f"SET memory_limit = '{self._memory_before}'")
            self._memory_before = None

    def _move_staged(self) -> None:
        """The staged articles and texts at once (a key staged twice keeps its later batch's row), the
        facts batch by batch in their order (a batch replaces the facts of its articles), the quarantine
        rows at once; then every key must resolve."""
        self.con.execute(STAGED_ARTICLES_VIEW)
        for sql in (UPSERT_ARTICLES, FILL_DATES, UPSERT_TEXT):
            self.con.execute(sql, self.params if "$run_id" in sql else None)
        for batch, staged in enumerate(self._batches):
            if staged:
                self._move_facts(batch, staged)
        self.con.execute(STAGED_QUARANTINE_VIEW)
        self.con.execute(INSERT_QUARANTINE, self.params)
        check_references(self.con)

    def _move_facts(self, batch: int, staged: set[str]) -> None:
        frames = {name: self._staged(f"stage_{name}", batch) for name in staged - {"articles"}}
        keys = [k for (k,) in self.con.execute(STAGED_KEYS, {"batch": batch}).fetchall()]
        load_facts(self.con, frames, keys, check=False)

    def _staged(self, table: str, batch: int) -> pl.DataFrame:
        result = self.con.execute(STAGED_BATCH.format(table=table), {"batch": batch})
        return pl.from_arrow(result.to_arrow_table())

    def _drop_staged(self) -> None:
        for view in ("incoming_articles", "incoming_quarantine"):
            self.con.execute(f"DROP VIEW IF EXISTS temp.{view}")
        for (table,) in self.con.execute(STAGED_TABLES).fetchall():
            self.con.execute(f"DROP TABLE IF EXISTS temp.{table}")

    def _with(self, *statements: str, **frames: pl.DataFrame) -> None:
        for name, frame in frames.items():
            self.con.register(name, frame.to_arrow())
        try:
            for sql in statements:
                self.con.execute(sql, self.params if "$run_id" in sql else None)
        finally:
            for name in frames:
                self.con.unregister(name)


def load_batch(
    con: duckdb.DuckDBPyConnection,
    batch: RunBatch,
    before_commit: Callable[[duckdb.DuckDBPyConnection], None] | None = None,
) -> None:
    """Write the whole run in one transaction: a failure leaves the warehouse as it was. `before_commit`
    runs inside the transaction after the writes (post-load checks); raising there rolls it all back."""
    load = RunLoad(con, batch.run.run_id)
    load.begin(batch.sources)
    try:
        load.add(batch.articles, batch.quarantine, batch.facts)
        load.finish(batch.fetch_log, batch.page_state, batch.run, batch.stage_seconds, before_commit)
    except Exception:
        load.abandon()
        raise
