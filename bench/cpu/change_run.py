"""The requests of a run with a change: a first run over a synthetic site of N pages, then one page
changed and `clusterwatch run` again, the site's server counting every request by path.

    python -m bench.cpu.change_run [--pages N] [--changed K] [--code DIR] [--work DIR]

The site (bench/corpus.py: robots.txt, one sitemap, a start page, N articles) is written into the work
folder and served on loopback; the sources list its sitemap and its start page. Both runs are
`python -m cli run` with the code in `--code` (this checkout by default). Prints the requests of the
second run: the total, robots.txt, the sitemap, the start page and the pages, and every path requested
more than once, with the run's fetched and not-modified counts.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench import corpus
from bench.run import pipeline_env, sources_yaml
from samples.server import serve_site

REPO = Path(__file__).resolve().parent.parent.parent
SEEDS = {"/robots.txt": "robots.txt", "/sitemap.xml": "sitemap", "/": "start page"}


def _run(code: Path, sources: Path, home: Path, pages: int) -> tuple[float, str]:
    env = {**pipeline_env(pages), "PYTHONPATH": str(code)}
    command = [sys.executable, "-m", "cli", "run", "--sources", str(sources), "--home", str(home)]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=code, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"the run failed ({done.returncode}): {done.stderr[-2000:]}")
    return time.perf_counter() - started, done.stdout


def _change(site: Path, position: int) -> str:
    """Append a paragraph to the article at `position` of the manifest; its path."""
    items = json.loads((site / "manifest.json").read_text(encoding="utf-8"))["items"]
    path = items[position]["path"]
    page = site / path.lstrip("/")
    page.write_bytes(page.read_bytes().replace(b"</article>", b"<p>One more sentence.</p></article>", 1))
    return path


def report(requests: Counter[str], changed: str) -> dict[str, object]:
    """The second run's requests by kind, and the paths requested more than once."""
    seeds = {name: requests.get(path, 0) for path, name in SEEDS.items()}
    pages = sum(n for path, n in requests.items() if path not in SEEDS)
    twice = {path: n for path, n in sorted(requests.items()) if n > 1}
    total = sum(requests.values())
    return {"total": total, **seeds, "pages": pages, "changed page": requests[changed], "repeated": twice}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The requests of a run with one changed page among N.")
    parser.add_argument("--pages", type=int, default=100, help="articles on the site [100]")
    parser.add_argument("--changed", type=int, default=-1, help="the manifest position changed [the last]")
    parser.add_argument("--code", type=Path, default=REPO, help="the code to run [this checkout]")
    parser.add_argument("--work", type=Path, help="the work folder [a temporary one]")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="change-run-"))
    site = work / "site"
    if not site.is_dir():
        corpus.write_corpus(args.pages, site)
    requests: Counter[str] = Counter()
    with serve_site(site, requests=requests) as base_url:
        sources = work / "sources.yaml"
        sources.write_text(sources_yaml(base_url, start_page=True), encoding="utf-8")
        first, _ = _run(args.code.resolve(), sources, work / "home", args.pages)
        changed = _change(site, args.changed)
        requests.clear()
        second, out = _run(args.code.resolve(), sources, work / "home", args.pages)
    print(f"first run {first:.1f} s; the run with a change {second:.1f} s; {work}")
    print(json.dumps(report(requests, changed), indent=1))
    print("\n".join(line for line in out.splitlines() if "fetched" in line or "not modified" in line))
    return 0


if __name__ == "__main__":
    sys.exit(main())
