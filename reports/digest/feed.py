"""The digest as an Atom feed (RFC 4287), built with the standard library's ElementTree: one entry per
item of the last runs, each with a stable id and the time its run finished, so a feed reader polling
after every run shows each item once."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any

from reports.digest.view import DigestView, utc

ATOM = "http://www.w3.org/2005/Atom"
KIND_TERMS = "urn:clusterwatch:watch:kind"


def feed_id(list_name: str) -> str:
    return f"urn:clusterwatch:watch:{list_name}"


def entry_id(list_name: str, item_key: str) -> str:
    """An item's id in a list's feed: the same in every feed that holds it."""
    return f"{feed_id(list_name)}:{item_key}"


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    element.text = text
    return element


def _stamp(item: Mapping[str, Any]) -> str:
    return utc(item.get("seen_at")).isoformat().replace("+00:00", "Z")


def _summary(item: Mapping[str, Any]) -> str:
    parts = [item.get("detail"), item.get("sentence"), item.get("article_title")]
    return "\n".join(str(p) for p in parts if p)


def _entry(feed: ET.Element, view: DigestView, item: Mapping[str, Any], labels: Mapping[str, str]) -> None:
    entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
    _text(entry, "id", entry_id(view.list_name, item["item_key"]))
    prefix = "Changed: " if item.get("change") else ""
    _text(entry, "title", f"{prefix}{labels.get(item['kind'], item['kind'])}: {item['title']}")
    _text(entry, "updated", _stamp(item))
    if item.get("url"):
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "href": str(item["url"])})
    href = view.article_href(item)
    if href:
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "related", "href": href, "type": "text/html"})
    ET.SubElement(entry, f"{{{ATOM}}}category", {"term": item["kind"], "scheme": KIND_TERMS})
    _text(entry, "summary", _summary(item), type="text")


def render_feed(view: DigestView, labels: Mapping[str, str]) -> str:
    """The feed of `view.feed_items`, newest run first; its `updated` is when the last run finished."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "id", feed_id(view.list_name))
    _text(feed, "title", f"clusterwatch · {view.heading}")
    _text(feed, "updated", utc(view.as_of).isoformat().replace("+00:00", "Z"))
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", "clusterwatch")
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": "index.html", "type": "text/html"})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": "feed.atom"})
    ordered = sorted(view.feed_items, key=lambda i: (_stamp(i), i["item_key"]), reverse=True)
    for item in ordered:
        _entry(feed, view, item, labels)
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"
