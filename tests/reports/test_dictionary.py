"""docs/data-dictionary.md is the dictionary of the schema as it is: regenerated and compared."""

from __future__ import annotations

from pathlib import Path

from reports.dictionary import dictionary_markdown, write_dictionary
from tests.processes import REPO

DOC = REPO / "docs" / "data-dictionary.md"


def test_the_committed_dictionary_matches_the_schema() -> None:
    assert DOC.read_text(encoding="utf-8") == dictionary_markdown(), (
        "docs/data-dictionary.md is out of date: run `clusterwatch dictionary` and commit it"
    )


def test_it_lists_views_then_tables_with_every_column(tmp_path: Path) -> None:
    text = write_dictionary(tmp_path / "dd.md").read_text(encoding="utf-8")
    assert text.index("## Views") < text.index("### `v_articles` (view)") < text.index("## Tables")
    assert "| `date_inferred` | BOOLEAN | True when the year of the publication date was inferred" in text
