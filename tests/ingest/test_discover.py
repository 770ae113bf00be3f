"""Feeds, sitemaps and listing pages to candidate article URLs."""

from __future__ import annotations

from config.sources import Source
from ingest.discover import (
    MAX_SITEMAPS,
    OFF_SITE,
    TOO_MANY_SITEMAPS,
    Discovered,
    discover,
    discover_source,
    feed_alternates,
    feed_links,
    page_links,
    sitemap_locations,
)

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>News</title>
    <link>https://news.example.com/</link>
    <item><title>A</title><link>https://news.example.com/2024/01/a.html</link></item>
    <item><title>B</title><link> https://news.example.com/2024/01/b.html </link></item>
  </channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>News</title>
  <link rel="self" href="https://news.example.com/atom.xml"/>
  <entry><title>A</title><id>1</id><link href="https://news.example.com/2024/01/a.html"/></entry>
  <entry><title>B</title><id>2</id><link rel="alternate" href="/2024/01/b.html"/></entry>
</feed>
"""

URLSET = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc> https://example.com/news/a.html </loc><lastmod>2024-01-01</lastmod></url>
  <url><loc>https://example.com/news/b.html</loc></url>
</urlset>
"""

INDEX = """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://example.com/sitemap-news.xml</loc></sitemap>
  <sitemap><loc>https://example.com/sitemap-old.xml</loc></sitemap>
</sitemapindex>
"""


def test_feed_links_rss() -> None:
    links = feed_links("https://news.example.com/rss.xml", RSS)
    items = [link for link in links if link.endswith(".html")]
    assert items == ["https://news.example.com/2024/01/a.html", "https://news.example.com/2024/01/b.html"]


def test_feed_links_rss_gives_only_item_links() -> None:
    assert feed_links("https://news.example.com/rss.xml", RSS) == [
        "https://news.example.com/2024/01/a.html",
        "https://news.example.com/2024/01/b.html",
    ]


def test_feed_links_atom_resolves_relative_and_skips_self() -> None:
    links = feed_links("https://news.example.com/atom.xml", ATOM)
    assert links == ["https://news.example.com/2024/01/a.html", "https://news.example.com/2024/01/b.html"]


def test_feed_links_of_garbage_is_empty() -> None:
    assert feed_links("https://news.example.com/rss.xml", "this is not a feed") == []


def test_sitemap_locations_urlset() -> None:
    pages = ["https://example.com/news/a.html", "https://example.com/news/b.html"]
    assert sitemap_locations(URLSET) == (pages, [])


def test_sitemap_locations_index() -> None:
    assert sitemap_locations(INDEX) == (
        [],
        ["https://example.com/sitemap-news.xml", "https://example.com/sitemap-old.xml"],
    )


def test_sitemap_locations_garbage() -> None:
    assert sitemap_locations("<<< not xml at all &&&") == ([], [])
    assert sitemap_locations("") == ([], [])
    assert sitemap_locations("<html><body><p>Not found</p></body></html>") == ([], [])


def test_page_links_resolves_relative_and_skips_fragments() -> None:
    text = """<html><body>
      <a href="a.html">A</a> <a href="/b.html">B</a> <a href="#top">top</a>
      <a href="https://other.org/x">x</a> <a>no href</a>
    </body></html>"""
    assert page_links("https://example.com/news/", text) == [
        "https://example.com/news/a.html",
        "https://example.com/b.html",
        "https://other.org/x",
    ]


def test_page_links_of_empty_text() -> None:
    assert page_links("https://example.com/", "") == []


def test_discover_follows_index_dedups_filters_domains() -> None:
    site = {
        "https://example.com/rss.xml": RSS.replace("news.example.com", "example.com"),
        "https://example.com/sitemap.xml": INDEX,
        "https://example.com/sitemap-news.xml": """<urlset>
            <url><loc>https://example.com/2024/01/a.html?utm_source=sitemap</loc></url>
            <url><loc>https://example.com/news/c.html</loc></url>
            <url><loc>https://elsewhere.org/news/d.html</loc></url>
            <url><loc>https://example.com/static/photo.jpg</loc></url>
        </urlset>""",
        # sitemap-old.xml is missing: get_text gives None
        "https://example.com/news/": """<a href="c.html">C again</a> <a href="/news/e.html#comments">E</a>
            <a href="https://www.example.com/news/f.html">F</a> <a href="/tag/clusters/">tag</a>""",
    }
    source = Source(
        name="ex",
        feeds=["https://example.com/rss.xml"],
        sitemaps=["https://example.com/sitemap.xml"],
        start_urls=["https://example.com/news/"],
        allowed_domains=["example.com"],
    )
    found = discover(source, site.get, limit=100)
    articles = [d for d in found if d.url.endswith(".html")]
    assert articles == [
        Discovered("https://example.com/2024/01/a.html", "ex", "feed"),
        Discovered("https://example.com/2024/01/b.html", "ex", "feed"),
        Discovered("https://example.com/news/c.html", "ex", "sitemap"),
        Discovered("https://example.com/news/e.html", "ex", "start_page"),
        Discovered("https://www.example.com/news/f.html", "ex", "start_page"),
    ]
    assert len({d.url for d in found}) == len(found)
    assert all("elsewhere.org" not in d.url and not d.url.endswith(".jpg") for d in found)


def test_discover_without_allowed_domains_uses_entry_hosts() -> None:
    site = {
        "https://example.com/news/": '<a href="/news/a.html">A</a> <a href="https://other.org/b.html">B</a>'
    }
    source = Source(name="ex", start_urls=["https://example.com/news/"])
    assert [d.url for d in discover(source, site.get, limit=10)] == ["https://example.com/news/a.html"]


def test_discover_respects_limit() -> None:
    links = " ".join(f'<a href="/news/{i}.html">{i}</a>' for i in range(10))
    site = {"https://example.com/news/": links}
    source = Source(name="ex", start_urls=["https://example.com/news/"], allowed_domains=["example.com"])
    found = discover(source, site.get, limit=3)
    assert [d.url for d in found] == [f"https://example.com/news/{i}.html" for i in range(3)]


def test_discover_survives_a_sitemap_index_cycle() -> None:
    site = {
        "https://example.com/a.xml": INDEX.replace("sitemap-news.xml", "b.xml"),
        "https://example.com/b.xml": INDEX.replace("sitemap-news.xml", "a.xml"),
    }
    source = Source(name="ex", sitemaps=["https://example.com/a.xml"])
    assert discover(source, site.get, limit=10) == []


def test_feeds_announced_by_start_pages_and_sitemaps_in_robots_txt_are_followed() -> None:
    site = {
        "https://example.com/": """<html><head>
            <link rel="alternate" type="application/rss+xml" href="/rss.xml">
            <link rel="alternate" type="application/atom+xml" href="https://elsewhere.org/atom.xml">
            </head><body><a href="/news/front.html">front</a></body></html>""",
        "https://example.com/rss.xml": RSS.replace("news.example.com", "example.com"),
        "https://example.com/sitemap-news.xml": URLSET,
    }
    robots = {"https://example.com/": ["https://example.com/sitemap-news.xml", "https://elsewhere.org/s.xml"]}
    asked: list[str] = []

    def get_text(url: str) -> str | None:
        asked.append(url)
        return site.get(url)

    source = Source(name="ex", start_urls=["https://example.com/"], allowed_domains=["example.com"])
    found = discover(source, get_text, limit=100, robots_sitemaps=lambda url: robots.get(url, []))
    assert [(d.url, d.via) for d in found] == [
        ("https://example.com/2024/01/a.html", "feed"),
        ("https://example.com/2024/01/b.html", "feed"),
        ("https://example.com/news/a.html", "sitemap"),
        ("https://example.com/news/b.html", "sitemap"),
        ("https://example.com/news/front.html", "start_page"),
    ]
    assert not any("elsewhere.org" in url for url in asked)  # foreign feeds and sitemaps are not read
    assert asked.count("https://example.com/") == 1  # the start page is read once


def test_feed_alternates_resolves_relative_links() -> None:
    page = '<html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml"></head></html>'
    assert feed_alternates("http://127.0.0.1:8000/news/", page) == ["http://127.0.0.1:8000/rss.xml"]


def test_seeds_say_what_each_feed_sitemap_and_start_page_gave() -> None:
    site = {
        "https://example.com/rss.xml": RSS.replace("news.example.com", "example.com"),
        "https://example.com/sitemap.xml": INDEX,
        "https://example.com/sitemap-news.xml": URLSET,
        # sitemap-old.xml and the start page cannot be had: get_text gives None
    }
    source = Source(
        name="ex",
        feeds=["https://example.com/rss.xml"],
        sitemaps=["https://example.com/sitemap.xml", "https://elsewhere.org/sitemap.xml"],
        start_urls=["https://example.com/news/"],
        allowed_domains=["example.com"],
    )
    found = discover_source(source, site.get)
    assert [(s.url, s.via, s.links, s.new_pages, s.children, s.skipped) for s in found.seeds] == [
        ("https://elsewhere.org/sitemap.xml", "sitemap", 0, 0, 0, OFF_SITE),
        ("https://example.com/rss.xml", "feed", 2, 2, 0, None),
        ("https://example.com/sitemap.xml", "sitemap", 0, 0, 2, None),
        ("https://example.com/sitemap-news.xml", "sitemap", 2, 2, 0, None),
        ("https://example.com/sitemap-old.xml", "sitemap", 0, 0, 0, None),
        ("https://example.com/news/", "start_page", 0, 0, 0, None),
    ]
    assert len(found.pages) == 4


def test_sitemaps_beyond_the_limit_are_seeds_not_read() -> None:
    children = "".join(f"<sitemap><loc>https://example.com/s{i}.xml</loc></sitemap>" for i in range(60))
    site = {"https://example.com/index.xml": f"<sitemapindex>{children}</sitemapindex>"}
    source = Source(name="ex", sitemaps=["https://example.com/index.xml"])
    seeds = discover_source(source, site.get).seeds
    unread = [s.url for s in seeds if s.skipped == TOO_MANY_SITEMAPS]
    assert len(seeds) == 61 and len(unread) == 61 - MAX_SITEMAPS
    assert unread[-1] == "https://example.com/s59.xml"
