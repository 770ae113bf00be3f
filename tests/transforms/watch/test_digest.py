"""A digest's groups and the webhook's summary."""

from __future__ import annotations

from datetime import date

from transforms.watch.digest import SUMMARY_ITEMS, grouped, summary


def _item(key: str, kind: str, published: date | None = None, title: str = "t") -> dict:
    return {"item_key": key, "kind": kind, "published_date": published, "title": title, "sentence": "s."}


def test_groups_come_in_kind_order_newest_article_first() -> None:
    items = [
        _item("e1", "event", date(2021, 1, 1)),
        _item("s1", "new_site"),
        _item("e2", "event", date(2024, 3, 1)),
        _item("e3", "event"),
    ]
    groups = grouped(items)
    assert [(g.kind, g.label) for g in groups] == [("new_site", "New sites"), ("event", "Events")]
    assert [i["item_key"] for i in groups[1].items] == ["e2", "e1", "e3"]
    assert grouped([]) == []


def test_the_summary_counts_every_item_and_lists_the_first() -> None:
    items = [_item(f"e{n:02}", "event") for n in range(30)] + [_item("s", "new_site")]
    found = summary("kaluga", "Kaluga", ["a@example.org"], {"run_id": "r1"}, items, {"html": "x/index.html"})
    assert found["items"] == 31 and found["by_kind"] == {"new_site": 1, "event": 30}
    assert len(found["top"]) == SUMMARY_ITEMS and found["top"][0]["id"] == "s"
    assert found["run_id"] == "r1" and found["recipients"] == ["a@example.org"]
    assert found["files"] == {"html": "x/index.html"}
