"""Write one list's digest: index.html, digest.md and feed.atom in the list's folder."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from reports.digest.feed import render_feed
from reports.digest.page import render_page
from reports.digest.text import render_markdown
from reports.digest.view import DigestView


@dataclass(frozen=True)
class DigestFiles:
    html: Path
    markdown: Path
    atom: Path

    def as_dict(self) -> dict[str, str]:
        return {"html": str(self.html), "markdown": str(self.markdown), "atom": str(self.atom)}


def _write(path: Path, text: str) -> None:
    """Write through a temporary file and rename, so a reader never sees half a file."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def write_digest(view: DigestView, folder: Path, labels: Mapping[str, str]) -> DigestFiles:
    folder.mkdir(parents=True, exist_ok=True)
    files = DigestFiles(folder / "index.html", folder / "digest.md", folder / "feed.atom")
    _write(files.html, render_page(view))
    _write(files.markdown, render_markdown(view))
    _write(files.atom, render_feed(view, labels))
    return files
