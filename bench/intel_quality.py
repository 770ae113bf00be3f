"""Precision, recall and F1 per fact type of the domain extractors: on the written sets in tests/data/intel,
on the real-text excerpts (bench/intel_real.py), and Russian NER on FactRuEval dev beside bare natasha
(bench/ner_factrueval.py; skipped when ../shared/devsets is absent).

python bench/intel_quality.py [-v] [--only=written|real|sites|ner]     # -v lists every miss
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import intel_real, ner_factrueval  # noqa: E402
from transforms.intel.entities import find_mentions  # noqa: E402
from transforms.intel.figures import figure_records  # noqa: E402

DATA = ROOT / "tests" / "data" / "intel"
# the blind splits of site labels on real press text: intel_real's, and seven labelled after the registry grew
SITES_SPLITS = (*intel_real.SITES_SPLITS, *(DATA / f"real_sites_blind{n}.yaml" for n in range(3, 13)))
SETS = {
    "samples": DATA / "samples.yaml",
    "held-out": DATA / "heldout.yaml",
    "held-out, blind": DATA / "heldout_blind.yaml",
    "held-out, blind 2": DATA / "heldout_blind2.yaml",
    "held-out, blind 3": DATA / "heldout_blind3.yaml",
    "held-out, blind 4": DATA / "heldout_blind4.yaml",
}


def load(path: Path) -> list[dict]:
    articles = yaml.safe_load(path.read_text(encoding="utf-8"))
    for article in articles:
        if "sample" in article:
            from transforms.extract.article import extract_article

            article["text"] = extract_article((ROOT / article["sample"]).read_bytes())["text"]
    return articles


def _number(value: float) -> str:
    return f"{value:g}"


def predicted(text: str, language: str) -> dict[str, set[str]]:
    facts: dict[str, set[str]] = {"region": set(), "site": set(), "legal_act": set(), "figure": set()}
    for m in find_mentions(text, language):
        if m.kind == "region":
            facts["region"].add(m.attrs["iso"])
        elif m.kind == "entity":
            facts.setdefault(f"entity:{m.entity_type}", set()).add(m.canonical)
        elif m.kind == "site":
            facts["site"].add(_site(m.attrs["site_type"], m.attrs["name"]))
        elif m.kind == "act":
            facts["legal_act"].add(f"{m.attrs['act_type']}|{m.attrs['number'] or m.attrs['title']}")
    for f in figure_records(text, language):
        facts["figure"].add(f"{f['metric_code']}|{_number(f['value'])}|{f['unit']}|{f['qualifier']}")
    return facts


def expected(article: dict) -> dict[str, set[str]]:
    facts = {"region": set(article.get("regions") or []),
             "site": {_site(*label.split("|", 1)) for label in article.get("sites") or []},
             "legal_act": set(article.get("acts") or [])}  # fmt: skip
    facts["figure"] = {_normal_figure(f) for f in article.get("figures") or []}
    for kind, names in (article.get("entities") or {}).items():
        facts[f"entity:{kind}"] = set(names or [])
    return facts


def _site(site_type: str, name: str) -> str:
    """A site as compared: by registry entry when the registry lists the name under this type, else as
    written."""
    from transforms.intel.lexicon.site_registry import lookup

    entry = lookup(name, site_type)
    return f"{site_type}|registry:{entry.registry_id}" if entry is not None else f"{site_type}|{name}"


def _normal_figure(label: str) -> str:
    metric, value, unit, qualifier = label.split("|")
    return f"{metric}|{_number(float(value))}|{unit}|{qualifier}"


def score(articles: list[dict], verbose: bool = False) -> dict[str, tuple[float, float, float, int]]:
    tp, fp, fn = Counter(), Counter(), Counter()
    for article in articles:
        got, want = predicted(article["text"], article["language"]), expected(article)
        for kind in set(got) | set(want):
            g, w = got.get(kind, set()), want.get(kind, set())
            tp[kind] += len(g & w)
            fp[kind] += len(g - w)
            fn[kind] += len(w - g)
            if verbose and (g - w or w - g):
                print(f"  {article['id']} {kind}: extra {sorted(g - w)} missing {sorted(w - g)}")
    return {
        kind: intel_real.prf(tp[kind], fp[kind], fn[kind]) for kind in sorted(set(tp) | set(fp) | set(fn))
    }


def _table(name: str, path: Path, scores: dict) -> None:
    print(f"{name} ({path.relative_to(ROOT)})")
    print(f"  {'fact type':<26}{'precision':>10}{'recall':>8}{'F1':>7}{'labels':>8}")
    for kind, (p, r, f, n) in scores.items():
        print(f"  {kind:<26}{p:>10.3f}{r:>8.3f}{f:>7.3f}{n:>8}")


def main() -> None:
    verbose = "-v" in sys.argv
    only = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--only=")), None)
    if only in (None, "written"):
        for name, path in SETS.items():
            _table(name, path, score(load(path), verbose))
    if only in (None, "real"):
        for name, path in intel_real.REAL_SETS.items():
            _table(name, path, intel_real.score(intel_real.load(path), verbose))
    if only in (None, "real", "sites"):
        for path in SITES_SPLITS:
            articles = yaml.safe_load(path.read_text(encoding="utf-8"))
            _table(f"real, sites ({path.stem})", path, intel_real.score_sites(articles, verbose))
    if only in (None, "ner"):
        ner_factrueval.report()


if __name__ == "__main__":
    main()
