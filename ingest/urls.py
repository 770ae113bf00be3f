"""URL normalisation and filtering with courlan: same site, no tracking parameters, no non-article URLs.

Media are told by what a URL is (its file extension), never by a word in it: `/2024/03/img-of-the-day.html`
is a page. Every URL left out has a reason (`rejection`), which the crawl records in fetch_log."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

from courlan import is_navigation_page, is_not_crawlable, normalize_url
from courlan.filters import extension_filter, type_filter

# Paths courlan lets through that are never articles on news sites.
NON_ARTICLE_PATH = re.compile(r"/(search|poisk|login|signin|register|auth|cart|print|feed|rss)(/|\?|$)", re.I)


def normalise(url: str) -> str | None:
    """Canonical form of an absolute http(s) URL, tracking parameters and fragment removed."""
    if not url.lower().startswith(("http://", "https://")):
        return None
    try:
        return normalize_url(url, strict=True)
    except (ValueError, AttributeError):
        return None


def host_allowed(url: str, allowed_domains: list[str]) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    if not allowed_domains:
        return True
    return any(host == d.lower() or host.endswith("." + d.lower()) for d in allowed_domains)


# What a URL is, by the extension its path (or a query value) ends with; courlan's strict filter also
# drops any path with "img" or "png" in it after / or -, which would lose `/2024/03/img-of-the-day.html`
MEDIA_EXTENSION = re.compile(
    r"\.(atom|json|css|xml|js|jpe?g|png|svg|gif|tiff?|webp|avif|bmp|heic|pdf|docx?|xlsx?|pptx?|odt|ods|rtf|"
    r"ogg|mp3|m4a|aac|wav|flac|avi|mp4|mov|web[mp]|flv|mkv|wmv|ico|pls|zip|rar|7z|tar|gz|bz2|iso|swf|"
    r"woff2?|eot|ttf|exe|apk|dmg|msi)$",
    re.IGNORECASE,
)
ADULT_AND_VIDEOS = re.compile(r"[/_-](?:porno?|sexcam|live-?cams?|x{3})\b", re.IGNORECASE)
NOT_HTTP = "not an absolute http(s) URL"
OFF_SITE = "not on the source's allowed_domains"


# (test, reason): the first test a URL fails gives the reason it is left out
def _not_media(url: str) -> bool:
    parts = urlsplit(url)
    values = [v for pair in parts.query.split("&") for v in pair.split("=")[1:]]
    return extension_filter(url) and not any(MEDIA_EXTENSION.search(x) for x in (parts.path, *values))


ARTICLE_TESTS: tuple[tuple[Callable[[str], bool], str], ...] = (
    (_not_media, "a file, not a page (its extension: image, video, document, feed or archive)"),
    (lambda url: not ADULT_AND_VIDEOS.search(url), "an adult or live-video page"),
    (lambda url: type_filter(url, strict=False, with_nav=False), "a tag, category, author or archive page"),
    (lambda url: not is_not_crawlable(url), "a login, account or cart page"),
    (lambda url: not is_navigation_page(url), "a navigation page (page numbers, listings)"),
    (lambda url: not NON_ARTICLE_PATH.search(urlsplit(url).path), "a search, login, print or feed path"),
)


def article_rejection(url: str) -> str | None:
    """Why URL is no article page, from the URL alone (media file, tag, search, login, pagination),
    or None when it may be one."""
    return next((reason for test, reason in ARTICLE_TESTS if not test(url)), None)


def looks_like_article(url: str) -> bool:
    """Cheap URL-only test: no media files, tags, search, login or pagination pages."""
    return article_rejection(url) is None


def rejection(url: str, allowed_domains: list[str]) -> tuple[str | None, str | None]:
    """(the normalised URL or None, the reason it is not worth fetching as a possible article or None)."""
    normal = normalise(url)
    if normal is None:
        return None, NOT_HTTP
    if not host_allowed(normal, allowed_domains):
        return normal, OFF_SITE
    return normal, article_rejection(normal)


def candidate(url: str, allowed_domains: list[str]) -> str | None:
    """The normalised URL when it is worth fetching as a possible article, else None."""
    normal, reason = rejection(url, allowed_domains)
    return normal if reason is None else None
