"""`clusterwatch entities` on a sample page and on text files."""

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from cli.facts import register
from tests.processes import REPO

ROOT = REPO
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


def _facts_app() -> typer.Typer:
    return _app()


def test_facts_of_many_files_and_a_folder_in_one_process(tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "ru.txt").write_text("В Тульской области открыли пять индустриальных парков.", encoding="utf-8")
    (folder / "en.txt").write_text(
        "Governor Ivan Orlov opened the Kamskaya industrial park.", encoding="utf-8"
    )
    (folder / "skip.csv").write_text("a,b", encoding="utf-8")
    result = CliRunner().invoke(_facts_app(), ["facts", str(folder), str(SAMPLE), "--lang", "auto"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert {Path(r["file"]).name for r in rows} == {"ru.txt", "en.txt", SAMPLE.name}
    figure = next(r for r in rows if r["type"] == "figure" and r["file"].endswith("ru.txt"))
    assert (figure["metric"], figure["value"], figure["unit"], figure["qualifier"]) == (
        "count",
        5.0,
        "items",
        "exact",
    )
    person = next(r for r in rows if r["type"] == "person" and r["file"].endswith("en.txt"))
    assert (person["canonical_name"], person["role"], person["role_code"]) == (
        "Ivan Orlov",
        "Governor",
        "governor",
    )
    site = next(r for r in rows if r["type"] == "site" and r["file"].endswith("en.txt"))
    assert (site["site_type"], site["name"]) == ("industrial_park", "Kamskaya")
    region = next(r for r in rows if r["type"] == "region")
    assert region["iso_code"] == "RU-TUL" and {"text", "start", "end"} <= set(region)


def test_a_bad_file_is_reported_and_the_others_printed(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Deputy Governor Oleg Sidorov spoke.", encoding="utf-8")
    result = CliRunner().invoke(_facts_app(), ["facts", str(tmp_path / "missing.txt"), str(good)])
    assert result.exit_code == 2
    assert "missing.txt" in result.output and '"Oleg Sidorov"' in result.output
    assert CliRunner().invoke(_facts_app(), ["facts", str(good), "--lang", "de"]).exit_code != 0


def test_relations_and_events_are_printed_after_the_facts(tmp_path):
    text = tmp_path / "links.txt"
    text.write_text(
        "Nordlicht GmbH is an anchor resident of the Kamskaya industrial park. "
        "On March 3, 2024 the Tver Region and Nordlicht GmbH signed an agreement.",
        encoding="utf-8",
    )
    result = CliRunner().invoke(_facts_app(), ["facts", str(text), "--lang", "en"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    relation = next(r for r in rows if r["type"] == "relation")
    assert (relation["relation"], relation["subject"], relation["object"], relation["object_type"]) == (
        "resident_of", "Nordlicht", "Kamskaya", "industrial_park"
    )  # fmt: skip
    assert {"rule", "start", "end", "evidence"} <= set(relation)
    event = next(r for r in rows if r["type"] == "event")
    assert (event["event_type"], event["event_date"], event["date_precision"]) == (
        "agreement_signed", "2024-03-03", "day"
    )  # fmt: skip
    assert {p["type"] for p in event["participants"]} >= {"region"}
    kinds = [r["type"] for r in rows]
    assert kinds.index("relation") > max(i for i, k in enumerate(kinds) if k not in ("relation", "event"))
