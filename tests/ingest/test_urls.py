"""URL normalisation and the cheap URL-only article filter."""

from __future__ import annotations

import pytest

from ingest.urls import candidate, host_allowed, looks_like_article, normalise


def test_normalise_strips_tracking_parameters_and_fragment() -> None:
    url = "https://example.com/news/a.html?utm_source=tg&id=3&utm_medium=social&utm_campaign=x#comments"
    assert normalise(url) == "https://example.com/news/a.html?id=3"


def test_normalise_lowercases_host() -> None:
    assert normalise("https://EXAMPLE.com/News/A.html") == "https://example.com/News/A.html"


def test_candidate_rejects_non_http_scheme_on_allowed_host() -> None:
    assert candidate("ftp://example.com/en/news/a.html", ["example.com"]) is None


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://example.com/a", True),
        ("https://news.example.com/a", True),
        ("https://a.b.example.com/a", True),
        ("https://EXAMPLE.COM/a", True),
        ("https://badexample.com/a", False),
        ("https://example.com.evil.net/a", False),
        ("https://other.org/a", False),
    ],
)
def test_host_allowed_with_subdomains(url: str, allowed: bool) -> None:
    assert host_allowed(url, ["example.com", "investkaluga.com"]) is allowed


def test_host_allowed_without_a_list_allows_everything() -> None:
    assert host_allowed("https://anything.example/x", [])


@pytest.mark.parametrize(
    "path",
    ["/static/img/photo.jpg", "/tag/x/", "/search", "/search?q=clusters", "/login", "/page/2/", "/news/rss"],
)
def test_looks_like_article_rejects(path: str) -> None:
    assert not looks_like_article("https://example.com" + path)


@pytest.mark.parametrize("path", ["/en/news/a.html", "/news/2021/04/27/kaluga-industrial-clusters.html"])
def test_looks_like_article_accepts(path: str) -> None:
    assert looks_like_article("https://example.com" + path)


def test_candidate_normalises_and_filters() -> None:
    allowed = ["example.com"]
    assert candidate("https://www.example.com/en/news/a.html?utm_source=x#top", allowed) == (
        "https://www.example.com/en/news/a.html"
    )
    assert candidate("https://other.org/en/news/a.html", allowed) is None
    assert candidate("https://example.com/tag/x/", allowed) is None
    assert candidate("mailto:editor@example.com", allowed) is None
