"""The benchmark corpus: size, languages, charsets, sitemaps, syndicated copies, determinism."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
import lxml.etree
import lxml.html
import pytest

from bench.corpus import plan_corpus, write_corpus
from samples.server import serve_site

N = 40
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
CYRILLIC = re.compile(r"[а-яё]", re.I)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    write_corpus(N, out, seed=7)
    return out


def _pages(site: Path) -> dict[str, Path]:
    """URL path → file, for every article page (not the index)."""
    return {f"/{p.relative_to(site).as_posix()}": p for p in site.rglob("*.html") if p.name != "index.html"}


def _manifest(site: Path) -> list[dict]:
    return json.loads((site / "manifest.json").read_text(encoding="utf-8"))["items"]


def _declared(raw: bytes) -> str:
    return re.search(rb'<meta charset="([^"]+)"', raw).group(1).decode("ascii")


def _article(path: Path) -> tuple[str, list[str]]:
    raw = path.read_bytes()
    doc = lxml.html.fromstring(raw.decode(_declared(raw)))
    return doc.xpath("string(//h1)"), [p.text_content() for p in doc.xpath("//article//p")]


def _sitemap_locs(site: Path, name: str) -> list[str]:
    tree = lxml.etree.fromstring((site / name).read_bytes())
    return [loc.removeprefix("__BASE_URL__") for loc in tree.xpath("//sm:loc/text()", namespaces=SITEMAP_NS)]


def test_writes_the_requested_number_of_pages(site: Path) -> None:
    assert len(_pages(site)) == N
    assert len(_manifest(site)) == N
    assert (site / "index.html").is_file() and (site / "robots.txt").is_file()
    assert "Disallow: /" not in (site / "robots.txt").read_text(encoding="utf-8")


def test_both_languages_are_present_and_match_the_text(site: Path) -> None:
    languages = {}
    for path in _pages(site).values():
        raw = path.read_bytes()
        lang = re.search(rb'<html lang="(\w+)"', raw).group(1).decode()
        languages[lang] = languages.get(lang, 0) + 1
        body = " ".join(_article(path)[1])
        assert bool(CYRILLIC.search(body)) == (lang == "ru"), path
    assert set(languages) == {"ru", "en"}
    assert min(languages.values()) >= N // 5


def test_windows_1251_pages_are_encoded_and_declared_so(site: Path) -> None:
    cp1251 = [p for p in _pages(site).values() if _declared(p.read_bytes()) == "windows-1251"]
    assert 0 < len(cp1251) < N
    not_utf8 = 0
    for path in cp1251:
        raw = path.read_bytes()
        assert "</html>" in raw.decode("cp1251")
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            not_utf8 += 1
    assert not_utf8 > 0


def test_served_windows_1251_page_carries_the_charset_header(site: Path) -> None:
    path, file = next((u, p) for u, p in _pages(site).items() if b"windows-1251" in p.read_bytes()[:200])
    with serve_site(site_dir=site) as base_url:
        response = httpx.get(base_url + path)
    assert response.headers["content-type"] == "text/html; charset=windows-1251"
    assert response.content == file.read_bytes().replace(b"__BASE_URL__", base_url.encode())
    assert "__BASE_URL__" not in response.text


def test_sitemap_lists_every_page(site: Path) -> None:
    assert sorted(_sitemap_locs(site, "sitemap.xml")) == sorted(_pages(site))


def test_large_corpus_gets_a_sitemap_index(tmp_path: Path) -> None:
    write_corpus(N, tmp_path, seed=7, sitemap_limit=15)
    parts = _sitemap_locs(tmp_path, "sitemap.xml")
    assert parts == ["/sitemap-1.xml", "/sitemap-2.xml", "/sitemap-3.xml"]
    listed = [loc for part in parts for loc in _sitemap_locs(tmp_path, part.lstrip("/"))]
    assert sorted(listed) == sorted(_pages(tmp_path))


def test_syndicated_copies_share_the_body_under_another_path_and_title(site: Path) -> None:
    copies = [item for item in _manifest(site) if item["duplicate_of"]]
    assert len(copies) == round(N * 0.05)
    for item in copies:
        title, body = _article(site / item["path"].lstrip("/"))
        original_title, original_body = _article(site / item["duplicate_of"].lstrip("/"))
        assert body == original_body and len(body) >= 2
        assert item["path"] != item["duplicate_of"]
        assert title != original_title


def test_pages_are_not_copies_of_each_other_otherwise(site: Path) -> None:
    bodies = [tuple(_article(p)[1]) for u, p in _pages(site).items() if not u.startswith("/partners/")]
    assert len(set(bodies)) == len(bodies)


def test_same_seed_same_site_other_seed_other_site(site: Path, tmp_path: Path) -> None:
    again, other = tmp_path / "again", tmp_path / "other"
    write_corpus(N, again, seed=7)
    write_corpus(N, other, seed=8)
    files = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert all((site / f).read_bytes() == (again / f).read_bytes() for f in files)
    assert (site / "sitemap.xml").read_bytes() != (other / "sitemap.xml").read_bytes()


def test_zero_pages_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least one page"):
        write_corpus(0, tmp_path)


def test_originals_share_few_sentences() -> None:
    """Small sentence pools must not make unplanned near-copies (pages drawing nearly the whole pool)."""
    pages = [p for p in plan_corpus(300, seed=7) if p.duplicate_of is None]
    sentences = [{s for para in p.paragraphs for s in para.split(". ")} for p in pages]
    for i, a in enumerate(sentences):
        for b in sentences[:i]:
            assert len(a & b) < 0.85 * min(len(a), len(b))
