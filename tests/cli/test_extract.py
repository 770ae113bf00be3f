"""`clusterwatch extract` on the sample pages: JSON lines, one per file, settings and --today honoured."""

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from tests.processes import REPO

ROOT = REPO
RU_PAGE = ROOT / "samples/site/news/2021/04/27/kaluga-industrial-clusters.html"
FIELDS = {"url", "title", "author", "published", "language", "sitename", "text", "date_source"}


def lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_extract_prints_the_article_as_json() -> None:
    result = CliRunner().invoke(app, ["extract", str(RU_PAGE), "--url", "http://x.test/a.html"])
    assert result.exit_code == 0, result.output
    [article] = lines(result.output)
    assert set(article) >= FIELDS and article["file"] == str(RU_PAGE) and article["held_back"] is None
    assert article["published"] == "2021-04-27" and article["language"] == "ru"
    assert article["title"].startswith("Владислав Шапша сообщил")


def test_extract_refuses_a_listing_page() -> None:
    result = CliRunner().invoke(app, ["extract", str(ROOT / "samples/site/index.html")])
    assert result.exit_code == 1
    [line] = lines(result.output)
    assert line["held_back"].startswith("not an article: a listing of other pages") and line["text"] is None


def test_extract_takes_several_files_and_folders(tmp_path: Path) -> None:
    (tmp_path / "broken.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "notes.txt").write_text("not a page", "utf-8")
    folder = ROOT / "samples/site/en/news"
    result = CliRunner().invoke(app, ["extract", str(tmp_path), str(folder), str(RU_PAGE)])
    assert result.exit_code == 0, result.output
    found = {Path(line["file"]).name: line for line in lines(result.output)}
    assert "notes.txt" not in found
    assert found["broken.html"]["held_back"] == "not an article: binary body (PNG image), not HTML"
    assert found["labudin-kaluga-visit.html"]["held_back"] is None
    assert len(found) == 2 + len(list(folder.rglob("*.html")))


def test_extract_honours_settings_and_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLUSTERWATCH_EXTRACT__MIN_TEXT_CHARS", "100000")
    [line] = lines(CliRunner().invoke(app, ["extract", str(RU_PAGE)]).output)
    assert re.fullmatch(r"not an article: main text too short \(\d+ < 100000 characters\)", line["held_back"])
    monkeypatch.delenv("CLUSTERWATCH_EXTRACT__MIN_TEXT_CHARS")
    result = CliRunner().invoke(app, ["extract", str(RU_PAGE), "--today", "2020-01-01"])
    [line] = lines(result.output)
    assert line["held_back"].startswith("implausible date: publication date 2021-04-27 is in the future")


def test_url_names_one_file_only() -> None:
    other = ROOT / "samples/site/index.html"
    result = CliRunner().invoke(app, ["extract", str(RU_PAGE), str(other), "--url", "http://x.test/"])
    assert result.exit_code == 2 and "one file" in result.output
