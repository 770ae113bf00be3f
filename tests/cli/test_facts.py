"""`clusterwatch entities` on a sample page and on text files."""

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from cli.facts import register

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "site" / "en" / "news" / "labudin-kaluga-visit.html"


def _app() -> typer.Typer:
    app = typer.Typer()
    register(app)

    @app.command("noop")
    def noop() -> None:  # a second command keeps `entities` a sub-command
        pass

    return app


def test_entities_of_an_html_page_as_json_lines():
    result = CliRunner().invoke(_app(), ["entities", str(SAMPLE), "--lang", "en"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    labudin = [r for r in rows if r["canonical_name"] == "Mikhail Labudin"]
    assert labudin and labudin[0]["role"] == "Director"
    assert {"region", "legal_act", "site", "person"} <= {r["entity_type"] for r in rows}


def test_entities_of_a_text_file(tmp_path):
    text = tmp_path / "note.txt"
    text.write_text("Губернатор Калужской области Владислав Шапша посетил ОЭЗ «Калуга».", encoding="utf-8")
    result = CliRunner().invoke(_app(), ["entities", str(text), "--lang", "ru"])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert ("region", "Kaluga Oblast") in {(r["entity_type"], r["canonical_name"]) for r in rows}
    assert ("site", "Kaluga") in {(r["entity_type"], r["canonical_name"]) for r in rows}


def test_bad_language_and_missing_file(tmp_path):
    assert CliRunner().invoke(_app(), ["entities", str(SAMPLE), "--lang", "de"]).exit_code != 0
    assert CliRunner().invoke(_app(), ["entities", str(tmp_path / "missing.txt")]).exit_code != 0
