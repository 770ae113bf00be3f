"""load_sources: a good file, and each malformed file a SourcesError naming the problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from config.sources import SourcesError, load_sources
from tests.processes import REPO

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
    config = load_sources(REPO / "config" / "sources.yaml")
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
    with pytest.raises(SourcesError, match=r"sources\.yaml: missing key 'sources'"):
        load_sources(write(tmp_path, ""))


@pytest.mark.parametrize(
    ("line", "key", "close"),
    [("sitemap: [https://a.example/sitemap.xml]", "sitemap", "sitemaps"), ("lang: ru", "lang", "language")],
)
def test_unknown_source_key_is_named_with_its_source_and_the_close_match(
    tmp_path: Path, line: str, key: str, close: str
) -> None:
    text = f"sources:\n  - name: akitrf\n    start_urls: [https://a.example/]\n    {line}\n"
    path = write(tmp_path, text)
    with pytest.raises(SourcesError) as info:
        load_sources(path)
    message = str(info.value)
    assert str(path) in message
    assert f"source 'akitrf': unknown key '{key}' (did you mean '{close}'?)" in message


def test_unknown_top_level_key_is_named_with_the_close_match(tmp_path: Path) -> None:
    text = "allow_private_network: true\nsources:\n  - name: a\n    start_urls: [https://a.example/]\n"
    with pytest.raises(SourcesError, match=r"unknown key 'allow_private_network' \(did you mean "):
        load_sources(write(tmp_path, text))


def test_source_without_any_url_is_refused(tmp_path: Path) -> None:
    text = "sources:\n  - name: empty\n    allowed_domains: [a.example]\n"
    with pytest.raises(SourcesError, match="source 'empty': no feeds, sitemaps or start_urls"):
        load_sources(write(tmp_path, text))


def test_non_utf8_file_is_a_sources_error(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_bytes("sources:\n  - name: калуга\n    start_urls: [https://a.example/]\n".encode("cp1251"))
    with pytest.raises(SourcesError, match="not UTF-8") as info:
        load_sources(path)
    assert str(path) in str(info.value)


def test_allowed_domain_with_a_scheme_is_refused(tmp_path: Path) -> None:
    text = "sources:\n  - name: a\n    start_urls: [https://a.example/]\n    allowed_domains: [https://a.example/]\n"
    expected = r"source 'a': allowed_domains: 'https://a.example/' is not a host name"
    with pytest.raises(SourcesError, match=expected):
        load_sources(write(tmp_path, text))


def test_a_key_given_twice_is_refused(tmp_path: Path) -> None:
    text = (
        "sources:\n  - name: a\n    feeds: [https://a.example/rss]\n"
        "    start_urls: [https://a.example/]\n    feeds: [https://a.example/atom]\n"
    )
    with pytest.raises(SourcesError, match="'feeds' given twice"):
        load_sources(write(tmp_path, text))


def test_allow_addresses_are_parsed_as_networks(tmp_path: Path) -> None:
    text = (
        "allow_addresses: [169.254.10.0/24, 127.0.0.1, 'fd00::/8']\n"
        "sources:\n  - name: a\n    start_urls: [https://a.example/]\n"
    )
    config = load_sources(write(tmp_path, text))
    assert [str(n) for n in config.allow_addresses] == ["169.254.10.0/24", "127.0.0.1/32", "fd00::/8"]
    with pytest.raises(SourcesError, match=r"allow_addresses\[0\]"):
        load_sources(write(tmp_path, text.replace("169.254.10.0/24", "not-an-address")))


def test_the_scheme_is_read_in_any_case(tmp_path: Path) -> None:
    text = "sources:\n  - name: a\n    start_urls: ['HTTP://News.Example/Путь']\n    feeds: [Https://news.example/rss]\n"
    source = load_sources(write(tmp_path, text)).sources[0]
    assert source.start_urls == ["http://News.Example/Путь"] and source.feeds == ["https://news.example/rss"]


@pytest.mark.parametrize("url", ["http://", "https:///news/", "http://:8080/"])
def test_a_url_without_a_host_is_refused(tmp_path: Path, url: str) -> None:
    text = f"sources:\n  - name: a\n    start_urls: ['{url}']\n"
    with pytest.raises(SourcesError, match="no host in") as info:
        load_sources(write(tmp_path, text))
    assert "\n" not in str(info.value)
