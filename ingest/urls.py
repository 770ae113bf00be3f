"""URL normalisation and filtering with courlan: same site, no tracking parameters, no non-article URLs."""

from __future__ import annotations

import re
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


def looks_like_article(url: str) -> bool:
    """Cheap URL-only test: no media files, tags, search, login or pagination pages."""
    path = urlsplit(url).path
    return (
        extension_filter(url)
        and type_filter(url, strict=True, with_nav=False)
        and not is_not_crawlable(url)
        and not is_navigation_page(url)
        and not NON_ARTICLE_PATH.search(path)
    )


def candidate(url: str, allowed_domains: list[str]) -> str | None:
    """The normalised URL when it is worth fetching as a possible article, else None."""
    normal = normalise(url)
    if normal is None or not host_allowed(normal, allowed_domains):
        return None
    return normal if looks_like_article(normal) else None
