"""The watchlists after a run: compare the run's facts with what was known, build each list's digest
(HTML, Markdown, Atom) and POST its summary to the list's webhook. `clusterwatch digest` builds the
same digests by hand.

After a run (`after_run`) nothing here can fail the run: an error is logged and returned in the run's
summary, and a webhook that fails is recorded in watch_delivery."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb

from config.settings import Settings
from config.watch import WatchConfig, WatchList, load_watch
from ingest.netguard import AddressPolicy
from ingest.webhook import post_json
from reports.build import report_path
from reports.digest.view import DigestView, Group
from reports.digest.write import DigestFiles, write_digest
from transforms.watch.digest import grouped, summary
from transforms.watch.kinds import KIND_LABELS
from transforms.watch.match import followed
from transforms.watch.novelty import new_items
from transforms.watch.places import country_lookup, region_lookup
from warehouse.schema import connect
from warehouse.watch.candidates import candidates, uncompared_runs
from warehouse.watch.deliveries import record_delivery
from warehouse.watch.items import (
    items_of_last_runs,
    items_of_run,
    items_since,
    known,
    latest_run,
    run,
    store,
)

LOG = logging.getLogger("clusterwatch.watch")
LAST_RUN = "last-run"


class DigestError(RuntimeError):
    """A digest cannot be built (no database, no completed run); the message says why."""


@dataclass(frozen=True)
class Period:
    """What a digest covers: the items, the run they belong to (None for a date), in words."""

    label: str
    run_id: str | None
    as_of: datetime | None
    items: list[dict[str, Any]]


@dataclass
class Built:
    list_name: str
    files: DigestFiles
    items: list[dict[str, Any]]
    delivery: dict[str, Any] | None = field(default=None)


def _logger() -> logging.Logger | logging.LoggerAdapter:
    """The flow run's logger inside a run (its messages reach the Prefect UI), else clusterwatch.watch."""
    from prefect.exceptions import MissingContextError
    from prefect.logging import get_run_logger

    try:
        return get_run_logger()
    except MissingContextError:
        return LOG


def read_watchlists(path: Path) -> WatchConfig:
    """The watchlists file, with its region and country names resolved to ISO codes."""
    return load_watch(path, region_lookup(), country_lookup())


def compare(con: duckdb.DuckDBPyConnection, run_id: str) -> int:
    """Record the facts of the articles no run has compared yet that were not known, as first seen in
    `run_id`; returns how many."""
    compared = uncompared_runs(con)
    known_items, known_subjects = known(con)
    return store(con, run_id, new_items(candidates(con), known_items, known_subjects), compared)


def _period(con: duckdb.DuckDBPyConnection, since: str | date, run_id: str | None) -> Period:
    latest = run(con, run_id) if run_id else latest_run(con)
    if latest is None:
        raise DigestError("no completed run yet: run `clusterwatch run` (or `clusterwatch demo`) first")
    if uncompared_runs(con):  # runs loaded without the step after them: their facts go to the latest
        compare(con, (latest_run(con) or latest)["run_id"])
    as_of = latest["finished_at"]
    if since == LAST_RUN:
        label = f"New in run {latest['run_id']} (finished {as_of:%Y-%m-%d %H:%M} UTC)"
        return Period(label, latest["run_id"], as_of, items_of_run(con, latest["run_id"]))
    assert isinstance(since, date)
    return Period(f"New since {since.isoformat()}", None, as_of, items_since(con, since))


def _view(
    watchlist: WatchList,
    period: Period,
    items: list[dict[str, Any]],
    feed: list[dict[str, Any]],
    folder: Path,
    home: Path,
) -> DigestView:
    articles = report_path(home).parent / "article"  # the offline article pages, HOME/report/article
    groups = [Group(g.kind, g.label, g.items) for g in grouped(items)]
    return DigestView(
        list_name=watchlist.name,
        heading=watchlist.heading,
        period=period.label,
        as_of=period.as_of,
        groups=groups,
        article_dir=Path(os.path.relpath(articles, folder)).as_posix(),
        recipients=tuple(watchlist.recipients),
        feed_items=tuple(feed),
    )


def build_digests(
    home: Path,
    watch: WatchConfig,
    out: Path | None = None,
    since: str | date = LAST_RUN,
    list_name: str | None = None,
    run_id: str | None = None,
) -> tuple[Period, list[Built]]:
    """Write the digest of each list (or of `list_name`) to OUT/<list>/; OUT is HOME/digest."""
    database = home / "clusterwatch.duckdb"
    if not database.is_file():
        raise DigestError(f"no database at {database}: run `clusterwatch run` (or `clusterwatch demo`) first")
    lists = [watch.named(list_name)] if list_name else watch.lists
    out = out or home / "digest"
    with connect(database) as con:
        period = _period(con, since, run_id)
        feed = items_of_last_runs(con, watch.feed_runs, period.as_of) if period.as_of else []
    built = []
    for watchlist in lists:
        folder = out / watchlist.name
        mine = [dict(i) for i in followed(period.items, watchlist)]
        view = _view(watchlist, period, mine, [dict(i) for i in followed(feed, watchlist)], folder, home)
        built.append(Built(watchlist.name, write_digest(view, folder, KIND_LABELS), mine))
    return period, built


def deliver(home: Path, watch: WatchConfig, period: Period, built: list[Built]) -> None:
    """POST each list's summary to its webhook (retries included) and record how it went."""
    policy = AddressPolicy(allow_private=watch.allow_private_networks)
    for digest in built:
        watchlist = watch.named(digest.list_name)
        if not watchlist.webhook:
            continue
        as_of = period.as_of.replace(tzinfo=UTC).isoformat() if period.as_of else None
        period_fields = {"run_id": period.run_id, "period": period.label, "as_of": as_of}
        document = summary(
            watchlist.name,
            watchlist.heading,
            watchlist.recipients,
            period_fields,
            digest.items,
            digest.files.as_dict(),
        )
        outcome = post_json(
            watchlist.webhook, document, policy, retries=watch.webhook_retries, timeout=watch.webhook_timeout
        ).as_dict()
        digest.delivery = outcome
        if outcome["status"] != "sent":
            _logger().warning("webhook of list %s failed: %s", watchlist.name, outcome["error"])
        with connect(home / "clusterwatch.duckdb") as con:
            record_delivery(
                con,
                period.run_id or "",
                watchlist.name,
                watchlist.webhook,
                outcome,
                len(digest.items),
                datetime.now(UTC).replace(tzinfo=None),
            )


def _outcome(period: Period, built: list[Built]) -> dict[str, Any]:
    return {
        "run_id": period.run_id,
        "lists": {
            b.list_name: {"items": len(b.items), "html": str(b.files.html), "delivery": b.delivery}
            for b in built
        },
    }


def after_run(settings: Settings, run_id: str, watch_file: Path | None = None) -> dict[str, Any]:
    """The step after a completed run: compare its facts, then (when the watchlists file exists) build
    the digests and call the webhooks. Returns {"watch": …} for the run's summary, with `error` set
    when something failed; never raises."""
    path = watch_file or settings.watch_file
    try:
        with connect(settings.database_path) as con:
            new = compare(con, run_id)
        if not path.is_file():
            return {"watch": {"new_items": new, "lists": {}, "error": None, "watch_file": None}}
        watch = read_watchlists(path)
        period, built = build_digests(settings.home, watch, run_id=run_id)
        deliver(settings.home, watch, period, built)
        return {
            "watch": {"new_items": new, **_outcome(period, built), "error": None, "watch_file": str(path)}
        }
    except Exception as exc:  # the run is loaded and published: a digest that fails is told, not raised
        _logger().warning("watchlist digests failed after run %s: %s", run_id, exc)
        return {"watch": {"error": f"{type(exc).__name__}: {exc}"}}
