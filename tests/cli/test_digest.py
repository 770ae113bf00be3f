"""`clusterwatch digest` as a user runs it: on a home loaded without the step after its run (the
digest compares that run's facts itself), on a mistyped watchlists file, with a bad --since and
without a database."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from typer.testing import CliRunner

from cli.main import app

EVERYTHING = "lists:\n  - name: everything\n  - name: events\n    kinds: [event]\n"


def _home(bad_home: Path, tmp_path: Path) -> Path:
    home = tmp_path / "home"
    shutil.copytree(bad_home, home)
    return home


def _invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["digest", *args], terminal_width=400)
    return result.exit_code, " ".join(result.output.split())


def test_digest_writes_each_list_and_says_where(bad_home: Path, tmp_path: Path) -> None:
    home = _home(bad_home, tmp_path)
    watch = tmp_path / "watch.yaml"
    watch.write_text(EVERYTHING, encoding="utf-8")
    code, output = _invoke("--home", str(home), "--watch", str(watch))
    assert code == 0, output
    assert "digest: New in run r1" in output
    for name in ("everything", "events"):
        folder = home / "digest" / name
        assert f"{folder / 'index.html'}" in output
        assert {p.name for p in folder.iterdir()} == {"index.html", "digest.md", "feed.atom"}
    html = (home / "digest" / "everything" / "index.html").read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in html and "<svg onload" not in html  # the star's hostile text
    out = tmp_path / "elsewhere"
    code, again = _invoke(
        "--home", str(home), "--watch", str(watch), "--list", "everything", "--out", str(out)
    )
    assert code == 0 and "events" not in again and (out / "everything" / "feed.atom").is_file()
    links = re.findall(
        r"\]\(([^)]*report/article/\d+\.html)\)", (out / "everything" / "digest.md").read_text()
    )
    assert links and all(
        (out / "everything" / link).resolve().parent == (home / "report" / "article").resolve()
        for link in links
    )


def test_a_date_in_the_future_finds_nothing_new(bad_home: Path, tmp_path: Path) -> None:
    home = _home(bad_home, tmp_path)
    code, output = _invoke("--home", str(home), "--since", "2999-01-01", "--list", "kaluga")
    assert code == 0, output
    assert "New since 2999-01-01" in output and "kaluga:" in output and "nothing new" in output
    assert "Nothing new for this list." in (home / "digest" / "kaluga" / "digest.md").read_text(
        encoding="utf-8"
    )


def test_mistakes_are_one_line_errors(bad_home: Path, tmp_path: Path) -> None:
    home = _home(bad_home, tmp_path)
    watch = tmp_path / "watch.yaml"
    watch.write_text("lists:\n  - name: a\n    regions: [RU-XXX]\n", encoding="utf-8")
    code, output = _invoke("--home", str(home), "--watch", str(watch))
    assert code == 2 and "list 'a': regions: unknown region 'RU-XXX'" in output and "Traceback" not in output
    code, output = _invoke("--home", str(home), "--since", "yesterday")
    assert code == 2 and "write last-run or a date" in output
    code, output = _invoke("--home", str(home), "--list", "nope")
    assert code == 2 and "no list named 'nope'" in output
    code, output = _invoke("--home", str(tmp_path / "empty"))
    assert code == 2 and "no database" in output
