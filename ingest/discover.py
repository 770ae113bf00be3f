"""Find candidate article URLs from a source's feeds, sitemaps (and sitemap indexes) and start pages."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from lxml import etree, html
from trafilatura.feeds import FeedParameters, determine_feed, find_links

from config.sources import Source
from ingest import urls

GetText = Callable[[str], str | None]
RobotsSitemaps = Callable[[str], list[str]]
MAX_SITEMAPS = 50
XML_DECLARATION = re.compile(r"^<\?xml[^>]*\?>")  # the text is already decoded: its encoding no longer holds


@dataclass(frozen=True)
class Discovered:
    url: str
    source: str
    via: str  # feed | sitemap | start_page
    lastmod: str | None = None  # the sitemap's <lastmod> for the URL, as written


def feed_links(feed_url: str, text: str) -> list[str]:
    """Item links of an RSS, Atom or JSON feed (trafilatura's parser, before its own host filter)."""
    host = urlsplit(feed_url).hostname or ""
    params = FeedParameters(feed_url, host, feed_url)
    return [urljoin(feed_url, link) for link in find_links(_items_only(text.strip()), params)]


def _items_only(feed: str) -> str:
    """The feed without its channel header, whose <link> is the site, not an item."""
    first_item = min((i for i in (feed.find("<item"), feed.find("<entry")) if i >= 0), default=-1)
    if first_item <= 0 or feed.startswith("{"):
        return feed
    opening = "<rss>" if "<rss" in feed[:first_item] else "<feed>"
    return opening + feed[first_item:]


def sitemap_locations(text: str) -> tuple[list[str], list[str]]:
    """(page URLs, child sitemap URLs) of a sitemap or sitemap index."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(XML_DECLARATION.sub("", text.strip(), count=1).encode("utf-8"), parser)
    except etree.XMLSyntaxError:
        return [], []
    if root is None:
        return [], []
    locs = [el.text.strip() for el in root.iter("{*}loc", "loc") if el.text and el.text.strip()]
    is_index = etree.QName(root).localname == "sitemapindex"
    return ([], locs) if is_index else (locs, [])


def sitemap_lastmods(text: str) -> dict[str, str]:
    """{page URL: its <lastmod>} of a sitemap, for the entries that have one."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(XML_DECLARATION.sub("", text.strip(), count=1).encode("utf-8"), parser)
    except etree.XMLSyntaxError:
        return {}
    found = {}
    for entry in root.iter("{*}url", "url") if root is not None else ():
        loc, lastmod = entry.findtext("{*}loc") or entry.findtext("loc"), entry.findtext("{*}lastmod")
        if loc and loc.strip() and lastmod and lastmod.strip():
            found[loc.strip()] = lastmod.strip()
    return found


def page_links(page_url: str, text: str) -> list[str]:
    try:
        tree = html.fromstring(text)
    except (etree.ParserError, ValueError):
        return []
    return [urljoin(page_url, href) for href in tree.xpath("//a/@href") if not href.startswith("#")]


def _from_sitemaps(roots: Iterable[str], get_text: GetText, lastmods: dict[str, str]) -> list[str]:
    """Page URLs of the sitemaps and their children; each page's <lastmod> goes into lastmods."""
    queue, seen, found = list(roots), set(), []
    while queue and len(seen) < MAX_SITEMAPS:
        sitemap = queue.pop(0)
        if sitemap in seen:
            continue
        seen.add(sitemap)
        text = get_text(sitemap) or ""
        pages, children = sitemap_locations(text)
        found.extend(pages)
        queue.extend(children)
        if pages:
            lastmods.update(sitemap_lastmods(text))
    return found


def _from_each(
    entry_urls: Iterable[str], get_text: GetText, parse: Callable[[str, str], list[str]]
) -> list[str]:
    found: list[str] = []
    for entry in entry_urls:
        text = get_text(entry)
        if text:
            found.extend(parse(entry, text))
    return found


def feed_alternates(page_url: str, text: str) -> list[str]:
    """Feeds a page announces (<link rel="alternate" type="application/rss+xml">; trafilatura's finder)."""
    host = urlsplit(page_url).hostname or ""
    return determine_feed(text, FeedParameters(page_url, host, page_url))


def _entry_points(
    source: Source, get_text: GetText, allowed: list[str], robots_sitemaps: RobotsSitemaps | None
) -> tuple[list[str], list[str]]:
    """(feeds, sitemaps): the configured ones, then those the start pages and robots.txt announce
    (same site only)."""
    feeds = list(source.feeds)
    for page in source.start_urls:
        feeds.extend(feed_alternates(page, get_text(page) or ""))
    sitemaps = list(source.sitemaps)
    if robots_sitemaps is not None:
        for entry in source.entry_urls():
            sitemaps.extend(robots_sitemaps(entry))
    same_site = [u for u in (*feeds, *sitemaps) if urls.host_allowed(u, allowed)]
    return _unique(u for u in feeds if u in same_site), _unique(u for u in sitemaps if u in same_site)


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def discover(
    source: Source, get_text: GetText, limit: int, robots_sitemaps: RobotsSitemaps | None = None
) -> list[Discovered]:
    """Candidate article URLs of one source, normalised, same-site, de-duplicated, first seen kept.
    `robots_sitemaps(url)` gives the Sitemap lines of the URL's robots.txt, when known."""
    found: dict[str, Discovered] = {}
    allowed = source.allowed_domains or [urlsplit(u).hostname or "" for u in source.entry_urls()]
    get_text = _memo(get_text)  # a start page is read once, for its feeds and for its links
    feeds, sitemaps = _entry_points(source, get_text, allowed, robots_sitemaps)
    lastmods: dict[str, str] = {}
    channels = (
        ("feed", _from_each(feeds, get_text, feed_links)),
        ("sitemap", _from_sitemaps(sitemaps, get_text, lastmods)),
        ("start_page", _from_each(source.start_urls, get_text, page_links)),
    )
    for via, links in channels:
        for link in links:
            url = urls.candidate(link, allowed)
            if url and url not in found and len(found) < limit:
                found[url] = Discovered(url=url, source=source.name, via=via, lastmod=lastmods.get(link))
    return list(found.values())


def _memo(get_text: GetText) -> GetText:
    texts: dict[str, str | None] = {}

    def cached(url: str) -> str | None:
        if url not in texts:
            texts[url] = get_text(url)
        return texts[url]

    return cached
