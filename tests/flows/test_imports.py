"""What a run that fetches nothing has to load: the flow's modules leave the stages' libraries to the runs
that fetched pages (their import is most of a no-op run's fixed cost)."""

from __future__ import annotations

import subprocess
import sys

from tests.processes import REPO

LEFT_FOR_A_RUN_WITH_PAGES = (
    "great_expectations",
    "natasha",
    "transforms.extract.article",
    "transforms.normalise.articles",
    "transforms.intel.frames",
)


def test_the_flow_module_imports_none_of_the_stages_libraries() -> None:
    names = LEFT_FOR_A_RUN_WITH_PAGES
    probe = f"import sys, flows.news_etl; print([m for m in {names!r} if m in sys.modules])"
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, timeout=300, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_cli_and_its_pre_check_import_no_prefect() -> None:
    """A run that finds nothing changed never imports Prefect (nor the stages' libraries)."""
    names = ("prefect", *LEFT_FOR_A_RUN_WITH_PAGES)
    probe = (
        "import sys, cli.main, flows.precheck.check; "
        f"print(sorted({{m.split('.')[0] for m in sys.modules if m.startswith({names!r})}}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, timeout=300, check=True
    )
    assert result.stdout.strip() == "[]"
