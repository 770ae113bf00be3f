"""Find candidate article URLs from a source's feeds, sitemaps (and sitemap indexes) and start pages."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from lxml import etree, html

from config.sources import Source
from ingest import urls

GetText = Callable[[str], str | None]
RobotsSitemaps = Callable[[str], list[str]]
MAX_SITEMAPS = 50
MAX_DROPPED = 10_000  # left-out URLs recorded per source and run
MAX_URL_CHARS = 2_000
XML_DECLARATION = re.compile(r"^<\?xml[^>]*\?>")  # the text is already decoded: its encoding no longer holds


OFF_SITE = "not on the source's allowed_domains: not read"
TOO_MANY_SITEMAPS = f"more than {MAX_SITEMAPS} sitemaps for this source: not read"


@dataclass(frozen=True)
class Discovered:
    url: str
    source: str
    via: str  # feed | sitemap | start_page
    lastmod: str | None = None  # the sitemap's <lastmod> for the URL, as written


@dataclass(frozen=True)
class Seed:
    """A feed, sitemap or start page of a source: how many links it listed, how many new candidate
    pages they gave, the child sitemaps of an index, or why it was not read (`skipped`)."""

    url: str
    source: str
    via: str  # feed | sitemap | start_page
    links: int = 0
    new_pages: int = 0
    children: int = 0
    skipped: str | None = None


@dataclass(frozen=True)
class Dropped:
    """A URL a seed listed that discovery left out, and why (urls.rejection)."""

    url: str
    source: str
    via: str  # feed | sitemap | start_page
    reason: str


@dataclass(frozen=True)
class Discovery:
    pages: list[Discovered]
    seeds: list[Seed]
    dropped: list[Dropped] = field(default_factory=list)  # each left-out URL once, first reason kept


def feed_links(feed_url: str, text: str) -> list[str]:
    """Item links of an RSS, Atom or JSON feed (trafilatura's parser, before its own host filter)."""
    from trafilatura.feeds import FeedParameters, find_links  # trafilatura only for a source with feeds

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


def feed_alternates(page_url: str, text: str) -> list[str]:
    """Feeds a page announces (<link rel="alternate" type="application/rss+xml">; trafilatura's finder)."""
    from trafilatura.feeds import FeedParameters, determine_feed  # only for a source with start pages

    host = urlsplit(page_url).hostname or ""
    return determine_feed(text, FeedParameters(page_url, host, page_url))


def _entry_points(
    source: Source, get_text: GetText, allowed: list[str], robots_sitemaps: RobotsSitemaps | None
) -> tuple[list[str], list[str], list[Seed]]:
    """(feeds, sitemaps, seeds not read): the configured ones, then those the start pages and robots.txt
    announce; one on another site is not read (a seed saying so)."""
    feeds = list(source.feeds)
    for page in source.start_urls:
        text = get_text(page)
        feeds.extend(feed_alternates(page, text) if text else [])
    sitemaps = list(source.sitemaps)
    if robots_sitemaps is not None:
        for entry in source.entry_urls():
            sitemaps.extend(robots_sitemaps(entry))
    elsewhere = [
        Seed(url, source.name, via, skipped=OFF_SITE)
        for via, found in (("feed", _unique(feeds)), ("sitemap", _unique(sitemaps)))
        for url in found
        if not urls.host_allowed(url, allowed) and url in (*source.feeds, *source.sitemaps)
    ]
    same_site = [u for u in (*feeds, *sitemaps) if urls.host_allowed(u, allowed)]
    return (
        _unique(u for u in feeds if u in same_site),
        _unique(u for u in sitemaps if u in same_site),
        elsewhere,
    )


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


class _Collector:
    """A source's candidate pages, first seen kept, and what each seed listed and gave."""

    def __init__(self, source: Source, allowed: list[str], limit: int | None):
        self.source, self.allowed, self.limit = source, allowed, limit
        self.found: dict[str, Discovered] = {}
        self.seeds: list[Seed] = []
        self.dropped: dict[str, Dropped] = {}

    def take(
        self, via: str, seed: str, links: list[str], children: int = 0, lastmods: dict[str, str] | None = None
    ) -> None:
        """Links of one seed; `lastmods` holds a sitemap's <lastmod> per listed URL."""
        new, lastmods = 0, lastmods or {}
        for link in links:
            url, reason = urls.rejection(link, self.allowed)
            if reason is not None:
                self._drop(url or link, via, reason)
            elif url and url not in self.found and (self.limit is None or len(self.found) < self.limit):
                self.found[url] = Discovered(url, self.source.name, via, lastmod=lastmods.get(link))
                new += 1
        self.seeds.append(Seed(seed, self.source.name, via, len(links), new, children))

    def _drop(self, url: str, via: str, reason: str) -> None:
        if url not in self.dropped and len(self.dropped) < MAX_DROPPED:
            self.dropped[url] = Dropped(url[:MAX_URL_CHARS], self.source.name, via, reason)


def _read_sitemaps(roots: Iterable[str], get_text: GetText, collector: _Collector) -> None:
    """Sitemaps and nested sitemap indexes, breadth first, cycles ignored, at most MAX_SITEMAPS read;
    those left over are seeds not read."""
    queue, seen = list(roots), set()
    while queue and len(seen) < MAX_SITEMAPS:
        sitemap = queue.pop(0)
        if sitemap in seen:
            continue
        seen.add(sitemap)
        text = get_text(sitemap) or ""
        pages, children = sitemap_locations(text)
        collector.take("sitemap", sitemap, pages, len(children), sitemap_lastmods(text) if pages else None)
        queue.extend(children)
    for sitemap in _unique(u for u in queue if u not in seen):
        collector.seeds.append(Seed(sitemap, collector.source.name, "sitemap", skipped=TOO_MANY_SITEMAPS))


def discover_source(
    source: Source,
    get_text: GetText,
    limit: int | None = None,
    robots_sitemaps: RobotsSitemaps | None = None,
) -> Discovery:
    """Candidate article URLs of one source (normalised, same-site, de-duplicated, first seen kept, at
    most `limit` when given) and one Seed per feed, sitemap and start page it read or left unread.
    `robots_sitemaps(url)` gives the Sitemap lines of the URL's robots.txt, when known."""
    allowed = source.allowed_domains or [urlsplit(u).hostname or "" for u in source.entry_urls()]
    get_text = _memo(get_text)  # a start page is read once, for its feeds and for its links
    feeds, sitemaps, elsewhere = _entry_points(source, get_text, allowed, robots_sitemaps)
    collector = _Collector(source, allowed, limit)
    collector.seeds.extend(elsewhere)
    for feed in feeds:
        text = get_text(feed)
        collector.take("feed", feed, feed_links(feed, text) if text else [])
    _read_sitemaps(sitemaps, get_text, collector)
    for page in source.start_urls:
        text = get_text(page)
        collector.take("start_page", page, page_links(page, text) if text else [])
    return Discovery(list(collector.found.values()), collector.seeds, list(collector.dropped.values()))


def discover(
    source: Source, get_text: GetText, limit: int | None = None, robots_sitemaps: RobotsSitemaps | None = None
) -> list[Discovered]:
    """The candidate pages of discover_source(), without the seeds."""
    return discover_source(source, get_text, limit, robots_sitemaps).pages


def _memo(get_text: GetText) -> GetText:
    texts: dict[str, str | None] = {}

    def cached(url: str) -> str | None:
        if url not in texts:
            texts[url] = get_text(url)
        return texts[url]

    return cached
