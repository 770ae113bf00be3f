"""`clusterwatch run` and `clusterwatch demo`: a pipeline run, its progress and its summary."""

from __future__ import annotations

import atexit
import gc
import logging
import os
import signal
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from cli.common import HomeOpt, SourcesOpt, check_settings, check_sources, console, error, fail, notices
from cli.prefect_api import QUIET_ENV

if TYPE_CHECKING:
    from config.settings import Settings

QUIET_LOGGERS = ("trafilatura", "htmldate", "courlan", "great_expectations")
# what the flow and its tasks log (a source that gave no page, a report not built) the summary says
# again: on the terminal it is said once, by the summary; a Prefect server still receives the logs
# (unless PREFECT_LOGGING_LEVEL was set: then Prefect's own lines are shown as asked)
RUN_LOGGERS = ("prefect.flow_runs", "prefect.task_runs")
PREFECT_LEVEL_ASKED = "PREFECT_LOGGING_LEVEL" in os.environ  # before _quiet sets its own
ALL_SOURCES_FAILED = 3  # the exit code of a run in which no source gave a page


def _iso_time(moment: datetime) -> Text:
    """A progress line's time stamp: ISO 8601, local time with its offset, e.g. 2026-12-07T02:15:31+00:00."""
    return Text(moment.astimezone().isoformat(timespec="seconds"))


SILENT_SHOWN = 30  # sources that gave no pages listed by name; past this, a count
TOLD_IN_SUMMARY = "source %s gave no pages"  # the flow's warning, which the summary says once


class _ToldInSummary(logging.Filter):
    """Leaves out the flow's per-source "gave no pages" warnings: the summary lists those sources."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(TOLD_IN_SUMMARY)


def _show_progress() -> None:
    """Progress lines of long stages (pages done, rate, time left) on stderr."""
    from rich.logging import RichHandler

    logger = logging.getLogger("clusterwatch.progress")
    if not logger.handlers:
        handler = RichHandler(
            console=Console(stderr=True),
            show_path=False,
            show_level=False,
            log_time_format=_iso_time,
            omit_repeated_times=False,  # every line carries its time stamp
        )
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False


def _quiet() -> None:
    """Keep the terminal for progress and the summary: library chatter goes to errors only."""
    _show_progress()
    for name, value in QUIET_ENV.items():
        os.environ.setdefault(name, value)
    if not os.environ.get("PREFECT_API_URL"):  # a temporary server, gone before the last logs are sent
        os.environ.setdefault("PREFECT_LOGGING_TO_API_ENABLED", "false")
    for name in RUN_LOGGERS:
        logging.getLogger(name).propagate = PREFECT_LEVEL_ASKED
    for name in [*QUIET_LOGGERS, *logging.root.manager.loggerDict]:
        if name.startswith(QUIET_LOGGERS):
            logging.getLogger(name).setLevel(logging.ERROR)
    flow_log = logging.getLogger("prefect.flow_runs")
    if not any(isinstance(f, _ToldInSummary) for f in flow_log.filters):
        flow_log.addFilter(_ToldInSummary())


class Runner(StrEnum):
    threads = "threads"
    dask = "dask"


RunnerOpt = Annotated[
    Runner, typer.Option("--runner", help="Where extraction and intelligence run: threads or dask.")
]
DaskOpt = Annotated[
    str | None, typer.Option("--dask-address", help="An existing Dask scheduler [a local cluster].")
]
DEMO_PORT = 8765
BatchOpt = Annotated[int | None, typer.Option("--batch-size", min=1, help="Pages per task, at most [200].")]
WorkersOpt = Annotated[
    int | None,
    typer.Option(
        "--workers",
        min=1,
        help="Processes for extraction and intelligence with --runner threads "
        "[one per core; 1: in the run's own process].",
    ),
]


def _check_database(path: Path) -> None:
    """Fail in one line, before anything starts, when the working database cannot be opened for the
    run: held by another process, damaged, or written by a newer release."""
    from warehouse.schema import DatabaseDamaged, DatabaseLocked, SchemaError, connect

    try:
        with connect(path, wait_seconds=0):
            pass  # migrated now
    except (SchemaError, DatabaseLocked, DatabaseDamaged) as exc:
        fail(str(exc))


def _run_flow(sources: Path, home: Path | None, options: dict[str, Any]) -> dict[str, Any]:
    from flows.lease import LeaseHeld, run_lease

    settings = check_settings(home)
    check_sources(sources)
    try:
        with run_lease(settings.home, settings.run.lease_wait_seconds):  # the flow takes it again
            _check_database(settings.database_path)
            try:
                recorded = _precheck(sources, settings)
                return recorded if recorded is not None else _start_flow(sources, home, options, settings)
            finally:
                _forget_precheck(settings)
    except LeaseHeld as exc:
        fail(str(exc))


def _forget_precheck(settings: Settings) -> None:
    """What the check handed to the flow, dropped when the flow did not take it (it did not start)."""
    if settings.run.precheck:
        from flows.precheck.handoff import drop

        drop(settings)


def _precheck(sources: Path, settings: Settings) -> dict[str, Any] | None:
    """The run recorded without a flow when no page is new or changed (flows/precheck/), with the line
    that says so; None when the flow must run (or the pre-check is off)."""
    if not settings.run.precheck:
        return None
    _quiet()
    from flows.precheck.check import precheck
    from warehouse.schema import DatabaseDamaged, DatabaseLocked, SchemaError

    try:
        unchanged = precheck(sources, settings)
    except (SchemaError, DatabaseLocked, DatabaseDamaged) as exc:
        fail(str(exc))
    if unchanged is None:
        return None
    count = f"{unchanged.sources} source{'' if unchanged.sources == 1 else 's'}"
    told = f"nothing changed at {count}; run {unchanged.summary['run_id']} recorded, no flow started"
    console.print(told, soft_wrap=True)
    return {**unchanged.summary, "flow_started": False}


def _start_flow(
    sources: Path, home: Path | None, options: dict[str, Any], settings: Settings
) -> dict[str, Any]:
    # cached task results (extraction, keyed by content hash) live with the rest of the run's output
    os.environ.setdefault("PREFECT_LOCAL_STORAGE_PATH", str(settings.home / "cache"))
    _quiet()
    # the last thing before the interpreter's own teardown (atexit runs the handlers Prefect registers
    # later first): the collector would walk every object of Prefect and the run again, module by module
    atexit.register(gc.freeze)
    from cli.prefect_api import KeptServer, ServerError, prefect_api_starting
    from warehouse.schema import DatabaseDamaged, DatabaseLocked, SchemaError

    try:
        kept = KeptServer.of(settings.home, settings.run.server_keep_seconds)
        with prefect_api_starting(kept) as ready:  # the server starts while the flow's modules import
            from flows.news_etl import news_etl

            gc.freeze()  # the modules' objects: the collector's passes during the run skip them
            _quiet()  # again: importing Prefect resets logger levels
            ready()
            return news_etl(str(sources), str(home) if home else None, **options)
    except (SchemaError, DatabaseLocked, DatabaseDamaged, ServerError) as exc:
        fail(str(exc))


def _options(
    batch_size: int | None, runner: Runner, dask_address: str | None, workers: int | None
) -> dict[str, Any]:
    return {
        "batch_size": batch_size,
        "runner": runner.value,
        "dask_address": dask_address,
        "workers": workers,
    }


def _print_summary(summary: dict[str, Any], seconds: float) -> None:
    if summary.get("flow_started") is False:  # the pre-check said it in one line
        _print_silent_sources(summary)
        return
    table = Table(title="clusterwatch run", show_header=False)
    rows = [
        ("pages found", summary["pages_discovered"]),
        ("fetched", summary["pages_fetched"]),
        ("not modified", summary["pages_not_modified"]),
        ("skipped", summary["pages_skipped"]),
        ("failed", summary["pages_failed"]),
        ("articles loaded", summary["articles_loaded"]),
        ("  of which duplicates", summary["duplicates"]),
        ("held back", summary["articles_held_back"]),
        *_time_rows(summary, seconds),
    ]
    for name, value in rows:
        table.add_row(name, str(value))
    console.print(table)
    _print_silent_sources(summary)
    console.print(f"run id:   {summary['run_id']}", soft_wrap=True)
    console.print(f"database: {summary['database']}", soft_wrap=True)
    if summary.get("published"):
        console.print(f"analysts: open {summary['published']} (read-only snapshot)", soft_wrap=True)
    if summary.get("quality"):
        _print_quality(summary)
    _print_report(summary)


def _time_rows(summary: dict[str, Any], seconds: float) -> list[tuple[str, str]]:
    """One run time, the command's, and what it went to: the run itself (from its start to its snapshot,
    as etl_run records it), the validation inside it, and the rest (Prefect's server, imports, the report)."""
    rows = [("time taken", f"{seconds:.1f} s")]
    started, finished = summary.get("started_at"), summary.get("finished_at")
    if started is None or finished is None:
        return rows
    run = (finished - started).total_seconds()
    rows.append(("  the run", f"{run:.1f} s (crawl to publish)"))
    quality = summary.get("quality")
    if quality is not None:
        validation = quality.validation_seconds + (quality.docs_seconds or 0.0)
        rows.append(("    of which validation", f"{validation:.1f} s"))
    rows.append(("  the rest", f"{max(seconds - run, 0.0):.1f} s (Prefect, imports, the report)"))
    return rows


def _print_report(summary: dict[str, Any]) -> None:
    """Where the report is (charts, tables and the data-quality report of this run), or why it is not."""
    if summary.get("report"):
        console.print(f"report:   {summary['report']} (open it in a browser; works offline)", soft_wrap=True)
    elif summary.get("report_error"):
        error(summary["report_error"], label="report not built:")


def _print_silent_sources(summary: dict[str, Any]) -> None:
    """Sources that gave no page, each with what its feeds, sitemaps and start pages answered."""
    silent = summary.get("sources_without_pages") or {}
    if silent:
        console.print(Text(f"{len(silent)} source(s) gave no pages:", style="yellow"))
    for name, reason in list(silent.items())[:SILENT_SHOWN]:
        console.print(Text(f"  {name}: {reason}"), soft_wrap=True)
    if len(silent) > SILENT_SHOWN:
        more = f"  … and {len(silent) - SILENT_SHOWN} more (fetch_log rows with kind = 'seed' say why)"
        console.print(Text(more), soft_wrap=True)
    if summary.get("seeds_not_read"):
        note = f"seed URLs not read: {summary['seeds_not_read']} (fetch_log rows with kind = 'seed')"
        console.print(Text(note), soft_wrap=True)


def _print_quality(summary: dict[str, Any]) -> None:
    from cli.quality import checks_table, stage_table
    from expectations.summary import summary_rows

    quality = summary["quality"]
    console.print(stage_table(summary_rows(quality)))
    if quality.failed_checks:
        console.print(checks_table(quality.failed_checks))


def run(
    sources: SourcesOpt,
    home: HomeOpt = None,
    batch_size: BatchOpt = None,
    runner: RunnerOpt = Runner.threads,
    dask_address: DaskOpt = None,
    workers: WorkersOpt = None,
) -> None:
    """Crawl the sources listed in SOURCES and load HOME/clusterwatch.duckdb."""
    started = time.perf_counter()
    with _stopped_cleanly():
        summary = _run_flow(sources, home, _options(batch_size, runner, dask_address, workers))
    _print_summary(summary, time.perf_counter() - started)
    _fail_when_signalled_during_commit(summary)
    _fail_when_no_source_answered(summary)


def _fail_when_signalled_during_commit(summary: dict[str, Any]) -> None:
    """A signal that came once the run's commit had begun: the run finished first (flows/stopping.py);
    the command says so and exits as stopped (130 for SIGINT, 143 for SIGTERM)."""
    from flows.stopping import held_signal

    signum = held_signal()
    if signum is not None:
        name = signal.Signals(signum).name
        told = f"stopped by signal {name} during run {summary['run_id']}'s commit: the run finished first"
        fail(told, 128 + signum, out=notices)


@contextmanager
def _stopped_cleanly() -> Iterator[None]:
    """The block (a run) stopped cleanly by SIGTERM or Ctrl-C: one line, exit code 143 or 130
    (flows/stopping.py)."""
    from flows.stopping import RunStopped, handled

    try:
        with handled():
            yield
    except RunStopped as exc:
        fail(exc.told(), exc.exit_code, out=notices)


def _fail_when_no_source_answered(summary: dict[str, Any]) -> None:
    """Exit with ALL_SOURCES_FAILED when no source gave a page, new or unchanged, so that a monitor
    can alert on the exit status (the run itself is recorded and published as usual)."""
    if summary["pages_fetched"] + summary["pages_not_modified"] == 0:
        silent = len(summary.get("sources_without_pages") or {})
        failed = summary["pages_failed"]
        told = f"no source gave a page ({silent} source(s) without pages, {failed} pages failed)"
        fail(told, ALL_SOURCES_FAILED)


def demo(
    home: HomeOpt = None,
    batch_size: BatchOpt = None,
    runner: RunnerOpt = Runner.threads,
    dask_address: DaskOpt = None,
    workers: WorkersOpt = None,
    port: Annotated[
        int, typer.Option("--port", help="Port of the sample site (0: any free one).")
    ] = DEMO_PORT,
    serve_only: Annotated[
        bool,
        typer.Option(
            "--serve-only", help="Only serve the sample site (and write its sources file) until Ctrl-C."
        ),
    ] = False,
) -> None:
    """Serve the bundled sample site on 127.0.0.1, crawl it and load the warehouse.

    The site keeps the same port from one demo to the next when it is free, so a second demo finds
    the same URLs unchanged (HTTP 304) and loads nothing new. With --serve-only the site is served
    alone, for a scheduled or Dask run to crawl (see docs/scheduling.md)."""
    from samples.server import serve_site, sources_yaml

    if serve_only:
        _serve_only(home, port)
        return
    os.environ.setdefault("CLUSTERWATCH_FETCH__PER_HOST_DELAY", "0")  # our own site on loopback
    started = time.perf_counter()
    with _stopped_cleanly(), serve_site(port=port) as base_url, tempfile.TemporaryDirectory() as tmp:
        console.print(f"serving the sample site at {base_url}")
        sources = Path(tmp) / "sources.yaml"
        sources.write_text(sources_yaml(base_url), encoding="utf-8")
        summary = _run_flow(sources, home, _options(batch_size, runner, dask_address, workers))
    _print_summary(summary, time.perf_counter() - started)
    _fail_when_signalled_during_commit(summary)
    from cli.digest import print_digests
    from config.watch import EXAMPLE

    print_digests(home, EXAMPLE)  # the demo ends with the digests of the bundled example watchlists
    _fail_when_no_source_answered(summary)


SAMPLE_SOURCES = "sample-sources.yaml"


def _serve_only(home: Path | None, port: int) -> None:
    """Serve the sample site until Ctrl-C; its sources file goes to HOME/sample-sources.yaml."""
    from config.settings import load_settings
    from samples.server import serve_site, sources_yaml

    sources = load_settings(home=home).home.resolve() / SAMPLE_SOURCES
    sources.parent.mkdir(parents=True, exist_ok=True)
    with serve_site(port=port) as base_url:
        sources.write_text(sources_yaml(base_url), encoding="utf-8")
        try:  # Ctrl-C right after the lines below stops the site as cleanly as any later one
            console.print(f"serving the sample site at {base_url}", soft_wrap=True)
            told = f"sources:  {sources}  (pass it to --sources; Ctrl-C stops the site)"
            console.print(told, soft_wrap=True)
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            console.print("stopped")


def register(app: typer.Typer) -> None:
    """Add the `run` and `demo` commands to the clusterwatch CLI."""
    app.command(name="run")(run)
    app.command(name="demo")(demo)
