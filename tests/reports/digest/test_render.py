"""The three renderings of a digest from items given directly: hostile text stays text, the Atom feed
parses in a feed reader library with one entry per item, and an empty digest says nothing is new."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import feedparser

from reports.digest.feed import entry_id
from reports.digest.view import DigestView, Group
from reports.digest.write import write_digest

HOSTILE = '<script>alert("x")</script> **bold** [link](javascript:alert(1)) & co'
LABELS = {"event": "Events", "new_site": "New sites"}
AS_OF = datetime(2026, 12, 7, 3, 0, 0)


def _item(key: str, kind: str = "event", **extra: object) -> dict:
    return {
        "item_key": key,
        "kind": kind,
        "change": False,
        "title": f"title {key}",
        "detail": "meeting",
        "sentence": f"The sentence of {key}.",
        "article_key": 42,
        "article_title": "An article",
        "url": f"https://example.ru/{key}",
        "published_date": date(2026, 12, 1),
        "seen_at": AS_OF,
        **extra,
    }


def _view(items: list[dict], feed: list[dict] | None = None) -> DigestView:
    groups = [
        Group(kind, LABELS[kind], [i for i in items if i["kind"] == kind]) for kind in ("new_site", "event")
    ]
    return DigestView(
        list_name="kaluga",
        heading="Kaluga",
        period="New in run r2",
        as_of=AS_OF,
        groups=[g for g in groups if g.items],
        article_dir="../../report/article",
        recipients=("desk@example.org",),
        feed_items=tuple(items if feed is None else feed),
    )


def test_hostile_text_stays_text(tmp_path: Path) -> None:
    items = [_item("event:1", title=HOSTILE, sentence=HOSTILE, article_title=HOSTILE)]
    files = write_digest(_view(items), tmp_path / "kaluga", LABELS)
    html = files.html.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html
    markdown = files.markdown.read_text(encoding="utf-8")
    assert "<script>" not in markdown and r"\*\*bold\*\*" in markdown and r"\[link\]" in markdown
    feed = feedparser.parse(files.atom.read_text(encoding="utf-8"))
    assert not feed.bozo
    assert HOSTILE in feed.entries[0].title


def test_the_feed_has_one_entry_per_item_with_stable_ids_and_links(tmp_path: Path) -> None:
    items = [_item("event:1"), _item("site:2", kind="new_site", change=True), _item("event:3", url=None)]
    files = write_digest(_view(items), tmp_path / "kaluga", LABELS)
    feed = feedparser.parse(files.atom.read_text(encoding="utf-8"))
    assert not feed.bozo and feed.feed.title == "clusterwatch · Kaluga"
    assert feed.feed.updated == "2026-12-07T03:00:00Z"
    ids = {entry.id for entry in feed.entries}
    assert ids == {entry_id("kaluga", key) for key in ("event:1", "site:2", "event:3")}
    site = next(e for e in feed.entries if e.id.endswith("site:2"))
    assert site.title == "Changed: New sites: title site:2"
    assert {link.rel: link.href for link in site.links} == {
        "alternate": "https://example.ru/site:2",
        "related": "../../report/article/42.html",
    }
    assert "The sentence of site:2." in site.summary and site.tags[0].term == "new_site"


def test_html_and_markdown_group_items_and_link_the_article_and_source(tmp_path: Path) -> None:
    items = [_item("event:1"), _item("site:2", kind="new_site")]
    files = write_digest(_view(items), tmp_path / "kaluga", LABELS)
    html = files.html.read_text(encoding="utf-8")
    assert html.index('id="new_site"') < html.index('id="event"')
    assert 'href="../../report/article/42.html"' in html and 'href="https://example.ru/event:1"' in html
    assert "for desk@example.org" in html and "<style>" in html and "<script" not in html
    markdown = files.markdown.read_text(encoding="utf-8")
    assert "## New sites (1)" in markdown and "## Events (1)" in markdown
    assert "[An article](../../report/article/42.html)" in markdown


def test_nothing_new_is_said_in_every_form(tmp_path: Path) -> None:
    earlier = [_item("event:1")]
    files = write_digest(_view([], feed=earlier), tmp_path / "kaluga", LABELS)
    assert 'id="nothing-new"' in files.html.read_text(encoding="utf-8")
    assert "Nothing new for this list." in files.markdown.read_text(encoding="utf-8")
    feed = feedparser.parse(files.atom.read_text(encoding="utf-8"))
    assert not feed.bozo and [e.id for e in feed.entries] == [entry_id("kaluga", "event:1")]
