"""The watchlists as a reader meets them, after real runs of the flow on a copy of the sample site: one
page changes between the first and the second run, nothing between the second and the third. The
digests hold exactly the new facts of the changed page, a feed reader (feedparser) shows each item
once across the runs, a webhook on loopback receives each run's summary (after a retry), a webhook
that cannot be reached is recorded without failing the run, and the page opens in headless Chromium
with nothing fetched from elsewhere."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import feedparser
import pytest
from pytest_httpserver import HTTPServer

from flows.watch import build_digests, read_watchlists
from samples.server import SITE_DIR, serve_site, sources_yaml
from tests.reports.browser import Browser, chromium_path

CHANGED = "en/news/labudin-kaluga-visit.html"
ADDED = (
    "The Kaluga SEZ houses a plant of Samsung Electronics.",
    "The Azarovsky technopark can receive a subsidy of up to 450 million rubles.",
    "Under the decree of the Government of the Russian Federation No. 1659, an industrial technopark in the "
    "field of electronic industry can now receive a subsidy of up to 1.2 billion rubles.",
)
NEW_AMOUNT = ADDED[2]  # the subsidy of the page's electronics technopark, up to 900 million rubles before
ANCHOR = "the Director of the Association summed up.</p>"


def _watch_yaml(hook: str, dead: str) -> str:
    return f"""\
allow_private_networks: true
webhook_retries: 2
webhook_timeout: 5
lists:
  - name: everything
    title: Everything new
    recipients: [desk@example.org]
    webhook: {hook}
  - name: kaluga
    regions: [Калужская область]
    kinds: [foreign_investor, support_measure]
    webhook: {dead}
  - name: korea
    investor_countries: [Korea]
"""


def _change_page(site: Path) -> None:
    page = site / CHANGED
    html = page.read_text(encoding="utf-8")
    assert ANCHOR in html
    added = "".join(f"\n        <p>{sentence}</p>" for sentence in ADDED)
    page.write_text(html.replace(ANCHOR, ANCHOR + added), encoding="utf-8")


def _files(home: Path, name: str) -> dict[str, str]:
    folder = home / "digest" / name
    return {f.name: f.read_text(encoding="utf-8") for f in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def runs(prefect_harness: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    from flows.news_etl import news_etl

    root = tmp_path_factory.mktemp("watch")
    site, home, watch = root / "site", root / "home", root / "watch.yaml"
    shutil.copytree(SITE_DIR, site)
    hook = HTTPServer(host="127.0.0.1", port=0)
    hook.expect_oneshot_request("/hook", method="POST").respond_with_data("busy", status=503)
    hook.expect_request("/hook", method="POST").respond_with_json({"ok": True})
    hook.start()
    dead = HTTPServer(host="127.0.0.1", port=0)  # started and stopped: its port refuses connections
    dead.start()
    dead_url = dead.url_for("/hook")
    dead.stop()
    watch.write_text(_watch_yaml(hook.url_for("/hook"), dead_url), encoding="utf-8")
    before = os.environ.get("CLUSTERWATCH_WATCH_FILE")
    os.environ["CLUSTERWATCH_WATCH_FILE"] = str(watch)
    found: dict[str, Any] = {"home": home, "watch": watch, "hook": hook}
    try:
        with serve_site(site_dir=site) as base_url:
            (root / "sources.yaml").write_text(sources_yaml(base_url), encoding="utf-8")
            for n in (1, 2, 3):
                if n == 2:
                    _change_page(site)
                found[n] = news_etl(str(root / "sources.yaml"), str(home))
                found[f"files{n}"] = {name: _files(home, name) for name in ("everything", "kaluga", "korea")}
        yield found
    finally:
        os.environ.pop("CLUSTERWATCH_WATCH_FILE")
        if before is not None:
            os.environ["CLUSTERWATCH_WATCH_FILE"] = before
        hook.stop()


def _items(home: Path, run_id: str) -> list[dict[str, Any]]:
    with duckdb.connect(str(home / "clusterwatch.duckdb"), read_only=True) as con:
        cursor = con.execute("SELECT * FROM watch_item WHERE run_id = ? ORDER BY item_key", [run_id])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _article_key(home: Path, path: str) -> int:
    with duckdb.connect(str(home / "clusterwatch.duckdb"), read_only=True) as con:
        return con.execute("SELECT article_key FROM fact_article WHERE url LIKE ?", [f"%{path}"]).fetchone()[
            0
        ]


def _stated(home: Path) -> set[str]:
    """The added sentences the warehouse holds a residence, figure or event for."""
    with duckdb.connect(str(home / "clusterwatch.duckdb"), read_only=True) as con:
        rows = con.execute(
            "SELECT sentence FROM fact_relation UNION SELECT sentence FROM fact_figure "
            "UNION SELECT sentence FROM fact_event"
        ).fetchall()
    return {row[0] for row in rows} & set(ADDED)


def test_every_run_completes_and_builds_the_digests(runs: dict[str, Any]) -> None:
    for n in (1, 2, 3):
        assert runs[n]["status"] == "completed"
        assert runs[n]["watch"]["error"] is None
        assert set(runs[n]["watch"]["lists"]) == {"everything", "kaluga", "korea"}
    assert runs[1]["watch"]["new_items"] > 20  # the first run: everything is new


def test_the_changed_page_gives_exactly_its_new_facts(runs: dict[str, Any]) -> None:
    home = runs["home"]
    items = _items(home, runs[2]["run_id"])
    assert items, "the changed page added facts, the second run found none"
    assert {i["article_key"] for i in items} == {_article_key(home, CHANGED)}
    assert {i["sentence"] for i in items} == _stated(home) == set(ADDED)
    kinds = {i["kind"] for i in items}
    assert {"foreign_investor", "support_measure"} <= kinds
    (changed,) = [i for i in items if i["change"]]  # a new amount for a known measure
    assert changed["kind"] == "support_measure" and changed["sentence"] == NEW_AMOUNT
    assert "1200000000 RUB" in changed["detail"]
    samsung = next(i for i in items if i["kind"] == "foreign_investor")
    assert "KR" in samsung["countries"] and "RU-KLU" in samsung["regions"]
    assert runs[2]["watch"]["lists"]["everything"]["items"] == len(items)
    markdown = runs["files2"]["everything"]["digest.md"]
    assert all(sentence in markdown for sentence in ADDED)
    assert "HAYAT is an anchor resident" not in markdown  # the page's old facts are not new
    assert _items(home, runs[3]["run_id"]) == []


def test_each_list_gets_the_items_it_follows(runs: dict[str, Any]) -> None:
    second = runs[2]["watch"]["lists"]
    assert second["korea"]["items"] == 1  # Samsung Electronics, from Korea
    assert second["kaluga"]["items"] >= 2  # the Korean resident of the Kaluga SEZ and the subsidy
    first = runs[1]["watch"]["lists"]
    assert 0 < first["kaluga"]["items"] < first["everything"]["items"]
    assert "Samsung" in runs["files2"]["korea"]["digest.md"]


def test_a_feed_reader_sees_each_item_once_across_the_runs(runs: dict[str, Any]) -> None:
    seen: dict[str, str] = {}
    shown = 0
    for n in (1, 2, 3):
        feed = feedparser.parse(runs[f"files{n}"]["everything"]["feed.atom"])
        assert not feed.bozo, feed.get("bozo_exception")
        ids = [entry.id for entry in feed.entries]
        assert len(ids) == len(set(ids))
        for entry in feed.entries:
            if entry.id in seen:
                assert seen[entry.id] == entry.updated  # unchanged: a reader does not show it again
            else:
                seen[entry.id] = entry.updated
                shown += 1
                assert entry.link.startswith("http://127.0.0.1:")
                assert entry.summary
    run_items = [_items(runs["home"], runs[n]["run_id"]) for n in (1, 2)]
    assert shown == sum(len(items) for items in run_items) == len(seen)


def test_nothing_new_is_said_not_failed(runs: dict[str, Any]) -> None:
    third = runs["files3"]["everything"]
    assert "Nothing new for this list." in third["digest.md"]
    assert 'id="nothing-new"' in third["index.html"]
    assert runs[3]["watch"]["lists"]["everything"]["items"] == 0


def test_the_same_runs_digest_built_twice_is_identical(runs: dict[str, Any], tmp_path: Path) -> None:
    home, watch = runs["home"], read_watchlists(runs["watch"])
    out = tmp_path / "digests"
    build_digests(home, watch, out=out, run_id=runs[2]["run_id"])
    once = {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    build_digests(home, watch, out=out, run_id=runs[2]["run_id"])
    again = {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    assert once == again and len(once) == 9
    # and the same as the files the run itself wrote, but for where the article pages are from there
    mine = once[Path("everything/digest.md")].decode()
    theirs = runs["files2"]["everything"]["digest.md"]
    assert re.sub(r"\]\([^)]*report/article/", "](", mine) == re.sub(
        r"\]\([^)]*report/article/", "](", theirs
    )


def test_the_webhook_receives_each_runs_summary_after_a_retry(runs: dict[str, Any]) -> None:
    posts = [json.loads(request.get_data()) for request, _ in runs["hook"].log]
    assert len(posts) == 4  # the first answered 503 and was tried again; then one per run
    assert posts[0] == posts[1]
    run_ids = [post["run_id"] for post in posts[1:]]
    assert run_ids == [runs[n]["run_id"] for n in (1, 2, 3)]
    second = posts[2]
    assert second["list"] == "everything" and second["recipients"] == ["desk@example.org"]
    assert second["items"] == len(_items(runs["home"], runs[2]["run_id"]))
    assert {item["sentence"] for item in second["top"]} == set(ADDED)
    assert Path(second["files"]["html"]).is_file()
    assert runs[1]["watch"]["lists"]["everything"]["delivery"] == {
        "status": "sent",
        "http_status": 200,
        "attempts": 2,
        "error": None,
    }


def test_a_webhook_that_cannot_be_reached_is_recorded_and_the_run_completes(runs: dict[str, Any]) -> None:
    delivery = runs[2]["watch"]["lists"]["kaluga"]["delivery"]
    assert delivery["status"] == "failed" and delivery["attempts"] == 3 and "Connect" in delivery["error"]
    with duckdb.connect(str(runs["home"] / "clusterwatch.duckdb"), read_only=True) as con:
        rows = con.execute(
            "SELECT run_id, status, attempts FROM watch_delivery WHERE list_name = 'kaluga' ORDER BY sent_at"
        ).fetchall()
    assert rows == [(runs[n]["run_id"], "failed", 3) for n in (1, 2, 3)]
    assert runs[2]["status"] == "completed"


@pytest.mark.skipif(chromium_path() is None, reason="chromium is not installed (.ci/run installs it)")
def test_the_digest_page_opens_offline_in_chromium(runs: dict[str, Any], tmp_path: Path) -> None:
    home = runs["home"]
    build_digests(home, read_watchlists(runs["watch"]), run_id=runs[2]["run_id"])  # the second run's again
    page = home / "digest" / "everything" / "index.html"
    browser = Browser(tmp_path / "profile")
    try:
        browser.open(page.as_uri())
        assert browser.requests() == [page.as_uri()], "the page asked for something besides itself"
        assert browser.leaks() == [] and browser.console_errors() == []
        text = browser.evaluate("document.body.innerText")
        assert all(sentence in text for sentence in ADDED)
        groups = browser.evaluate("Array.from(document.querySelectorAll('section.group')).map(s => s.id)")
        assert {"foreign_investor", "support_measure"} <= set(groups)
        key = _article_key(home, CHANGED)
        hrefs = browser.evaluate("Array.from(document.querySelectorAll('a.article')).map(a => a.href)")
        assert hrefs and all(href == (home / "report" / "article" / f"{key}.html").as_uri() for href in hrefs)
        sources = browser.evaluate("Array.from(document.querySelectorAll('a.source')).map(a => a.href)")
        assert sources and all(href.endswith(CHANGED) for href in sources)
    finally:
        browser.close()


def test_a_broken_watchlists_file_is_told_in_the_result_not_raised(bad_home: Path, tmp_path: Path) -> None:
    from config.settings import load_settings
    from flows.watch import after_run

    home = tmp_path / "home"
    shutil.copytree(bad_home, home)
    watch = tmp_path / "watch.yaml"
    watch.write_text("lists:\n  - name: a\n    kinds: [nope]\n", encoding="utf-8")
    found = after_run(load_settings(home=home), "r1", watch)
    assert "unknown kind 'nope'" in found["watch"]["error"]
    with duckdb.connect(str(home / "clusterwatch.duckdb"), read_only=True) as con:
        assert con.execute("SELECT run_id FROM watch_run").fetchall() == [("r1",)]  # compared all the same
        assert con.execute("SELECT count(*) FROM watch_item WHERE run_id = 'r1'").fetchone()[0] > 0
    assert not (home / "digest").exists()
    missing = after_run(load_settings(home=home), "r1", tmp_path / "absent.yaml")
    assert missing["watch"] == {"new_items": 0, "lists": {}, "error": None, "watch_file": None}
