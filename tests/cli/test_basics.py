"""What every command line tool does, run as a user runs it: `--version`, `dictionary` writing only
where it is told, `--lang` naming its choices."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

from typer.testing import CliRunner

from cli.main import app
from reports.dictionary import dictionary_markdown
from tests.processes import REPO


def _clusterwatch(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "120"}
    return subprocess.run(
        [sys.executable, "-m", "cli", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def test_version_prints_the_installed_version(tmp_path: Path) -> None:
    done = _clusterwatch("--version", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"clusterwatch {version('clusterwatch')}\n"


def test_dictionary_without_out_prints_it_and_creates_nothing(tmp_path: Path) -> None:
    done = _clusterwatch("dictionary", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == dictionary_markdown()
    assert list(tmp_path.iterdir()) == []  # no docs/ folder made where it ran


def test_dictionary_writes_where_it_is_told(tmp_path: Path) -> None:
    out = tmp_path / "deep" / "dd.md"
    done = _clusterwatch("dictionary", "--out", str(out), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8") == dictionary_markdown()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deep"] and done.stdout == ""


def test_dictionary_into_a_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["dictionary", "--out", str(tmp_path)], terminal_width=200)
    assert result.exit_code == 2 and "is a directory" in result.output


def test_lang_shows_its_choices_and_refuses_others(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("Калужская область", encoding="utf-8")
    assert "<ru|en|auto>" in CliRunner().invoke(app, ["facts", "--help"], terminal_width=200).output
    assert "<ru|en>" in CliRunner().invoke(app, ["search", "--help"], terminal_width=200).output
    done = _clusterwatch("facts", "--lang", "de", str(text), cwd=tmp_path)
    assert done.returncode == 2
    assert "'de' is not one of 'ru', 'en', 'auto'" in done.stderr
