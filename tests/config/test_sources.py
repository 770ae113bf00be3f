"""load_sources: a good file, and each malformed file a SourcesError naming the problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from config.sources import SourcesError, load_sources

GOOD = """\
allow_private_networks: true
sources:
  - name: akitrf-news
    sitemaps: [https://akitrf.ru/sitemap.xml]
    feeds: [https://akitrf.ru/rss/]
    start_urls: [https://akitrf.ru/news/]
    allowed_domains: [akitrf.ru]
    language: ru
  - name: kaluga
    start_urls: [https://investkaluga.com/en/news/]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_good_file(tmp_path: Path) -> None:
    config = load_sources(write(tmp_path, GOOD))
    assert config.allow_private_networks is True
    assert [s.name for s in config.sources] == ["akitrf-news", "kaluga"]
    first, second = config.sources
    assert first.entry_urls() == [
        "https://akitrf.ru/rss/",
        "https://akitrf.ru/sitemap.xml",
        "https://akitrf.ru/news/",
    ]
    assert first.language == "ru"
    assert second.allowed_domains == []
    assert second.language is None


def test_bundled_sources_file_loads() -> None:
    config = load_sources(Path(__file__).parents[2] / "config" / "sources.yaml")
    assert config.allow_private_networks is False
    assert len(config.sources) >= 1


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.yaml"
    with pytest.raises(SourcesError, match="not found") as info:
        load_sources(path)
    assert str(path) in str(info.value)


def test_invalid_yaml(tmp_path: Path) -> None:
    with pytest.raises(SourcesError, match="not valid YAML"):
        load_sources(write(tmp_path, "sources: [unclosed\n  - name: x: y: z\n"))


def test_relative_url(tmp_path: Path) -> None:
    text = "sources:\n  - name: a\n    start_urls: [/news/]\n"
    with pytest.raises(SourcesError, match=r"not an absolute http\(s\) URL: '/news/'"):
        load_sources(write(tmp_path, text))


def test_duplicate_names(tmp_path: Path) -> None:
    text = (
        "sources:\n"
        "  - name: twice\n    start_urls: [https://a.example/]\n"
        "  - name: once\n    start_urls: [https://b.example/]\n"
        "  - name: twice\n    start_urls: [https://c.example/]\n"
    )
    with pytest.raises(SourcesError, match="must be unique, repeated: twice"):
        load_sources(write(tmp_path, text))


def test_empty_sources_list(tmp_path: Path) -> None:
    with pytest.raises(SourcesError, match="at least one source"):
        load_sources(write(tmp_path, "sources: []\n"))


def test_empty_file_names_the_missing_key(tmp_path: Path) -> None:
    with pytest.raises(SourcesError, match=r"\nsources\n\s+Field required"):
        load_sources(write(tmp_path, ""))
