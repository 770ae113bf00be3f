"""The report task: the report of the snapshot a run published; a failure is named, never raised."""

from __future__ import annotations

import shutil
from pathlib import Path

from config.settings import load_settings
from flows.report import report_task


def test_the_report_of_the_published_snapshot(prefect_harness: None, bad_home: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    shutil.copytree(bad_home, home)
    found = report_task(load_settings(home=home))
    assert found == {"report": str(home / "report" / "index.html"), "report_error": None}
    assert Path(found["report"]).is_file()


def test_a_report_that_cannot_be_built_is_named_not_raised(prefect_harness: None, tmp_path: Path) -> None:
    found = report_task(load_settings(home=tmp_path))  # no database at all
    assert found["report"] is None and found["report_error"].startswith("ReportError: no database")
