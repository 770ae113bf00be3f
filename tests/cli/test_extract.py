"""`clusterwatch extract` on the sample pages."""

import json
from pathlib import Path

from typer.testing import CliRunner

from cli.main import app

ROOT = Path(__file__).resolve().parents[2]
RU_PAGE = ROOT / "samples/site/news/2021/04/27/kaluga-industrial-clusters.html"


def test_extract_prints_the_article_as_json() -> None:
    result = CliRunner().invoke(app, ["extract", str(RU_PAGE), "--url", "http://x.test/a.html"])
    assert result.exit_code == 0, result.output
    article = json.loads(result.output)
    assert {"url", "title", "author", "published", "language", "sitename", "text"} <= set(article)
    assert article["published"] == "2021-04-27" and article["language"] == "ru"
    assert article["title"].startswith("Владислав Шапша сообщил")


def test_extract_refuses_a_listing_page() -> None:
    result = CliRunner().invoke(app, ["extract", str(ROOT / "samples/site/index.html")])
    assert result.exit_code == 1
    assert "not an article" in result.output
