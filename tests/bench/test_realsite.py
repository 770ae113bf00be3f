"""The real benchmark site: pages as served, copies told apart, the site laid out as the synthetic one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.devsets import DEFAULT_ROOT
from bench.realsite import MissingDevsets, edited, servable, write_real_site

PARAGRAPH = (
    "<p>Технопарк открыт в Калужской области: губернатор провёл встречу с резидентами, которые "
    "получат льготы по налогу на имущество и субсидии на оборудование.</p>"
)
CP1251 = f"<html><head><title>Новости</title></head><body>{PARAGRAPH * 8}</body></html>"


def test_a_page_without_a_declared_charset_is_served_as_utf8() -> None:
    body = servable(CP1251.encode("cp1251"))
    assert "Технопарк открыт в Калужской области" in body.decode("utf-8")


def test_a_page_that_declares_its_charset_keeps_its_bytes() -> None:
    page = CP1251.replace("<head>", '<head><meta charset="windows-1251">').encode("cp1251")
    assert servable(page) == page


def test_copies_differ_in_their_title_only() -> None:
    page = b"<html><head><title>Park</title></head><body>text</body></html>"
    assert edited(page, 0) == page
    assert edited(page, 2) == page.replace(b"Park</title>", b"Park (3)</title>")


def test_without_the_development_sets_it_says_so(tmp_path: Path) -> None:
    with pytest.raises(MissingDevsets, match="no development sets"):
        write_real_site(3, tmp_path / "site", tmp_path / "nothing-here")


@pytest.mark.skipif(not (DEFAULT_ROOT / "daniel-en").is_dir(), reason=f"no devsets at {DEFAULT_ROOT}")
def test_the_site_has_every_page_its_sitemap_and_manifest(tmp_path: Path) -> None:
    pages = write_real_site(4, tmp_path)
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["pages"] == 4 and len(manifest["items"]) == 4
    sitemap = (tmp_path / "sitemap.xml").read_text()
    for page in pages:
        assert (tmp_path / page.path.lstrip("/")).stat().st_size > 1000
        assert f"__BASE_URL__{page.path}" in sitemap
