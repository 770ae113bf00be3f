"""The quality page of a run whose failed check held back many records: its first URLs, how many more,
and a CSV of every one of them."""

from __future__ import annotations

import csv
import dataclasses
import json
import re
from pathlib import Path

import pytest

from reports.build import build_home_report
from tests.reports.conftest import _bad_batch_results
from tests.warehouse.conftest import star_batch
from transforms.extract.pages import held_back_frame
from warehouse.load import load_batch
from warehouse.publish import publish, published_path
from warehouse.quality import record_results
from warehouse.schema import connect

CHECK = "ExpectColumnValuesToBeInSet(language)"
HELD, SHOWN = 30, 4


def _row(n: int) -> dict:
    url = f"http://news.test/many-{n:02}"
    return {
        "stage": "articles",
        "record_key": url,
        "reason": f"failed {CHECK}",
        "record": json.dumps({"url": url}),
    }


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report of a run in which the language check held back HELD records, SHOWN URLs per check."""
    home = tmp_path_factory.mktemp("many-held")
    batch = dataclasses.replace(star_batch(), quarantine=held_back_frame([_row(n) for n in range(HELD)]))
    with connect(home / "clusterwatch.duckdb") as con:
        load_batch(con, batch)
        record_results(con, batch.run.run_id, _bad_batch_results())  # also samples news.test/bad-lang
    publish(home / "clusterwatch.duckdb", published_path(home))
    return build_home_report(home, home / "report" / "index.html", urls_per_check=SHOWN).index.parent


def test_a_failed_check_lists_its_first_urls_and_counts_the_rest(page: Path) -> None:
    html = (page / "quality.html").read_text(encoding="utf-8")
    row = next(r for r in html.split("<tr>") if CHECK in r and "many-" in r)
    shown = re.findall(r'<a href="(http://news\.test/[^"]+)">', row)
    every = sorted([f"http://news.test/many-{n:02}" for n in range(HELD)] + ["http://news.test/bad-lang"])
    assert shown == every[:SHOWN]
    assert f"and {HELD + 1 - SHOWN} more" in row and f"CSV of all {HELD + 1} URLs" in row
    assert "SELECT DISTINCT url FROM" in row  # the query an analyst runs to list them


def test_the_check_s_csv_holds_every_url(page: Path) -> None:
    html = (page / "quality.html").read_text(encoding="utf-8")
    row = next(r for r in html.split("<tr>") if CHECK in r and "many-" in r)
    href = re.search(r'<a class="csv" href="(csv/quality-urls-[^"]+\.csv)"', row)
    assert href is not None, row
    with (page / href.group(1)).open(encoding="utf-8", newline="") as file:
        urls = [r["url"] for r in csv.DictReader(file)]
    assert len(urls) == HELD + 1 == len(set(urls))
    assert {f"http://news.test/many-{n:02}" for n in range(HELD)} <= set(urls)
