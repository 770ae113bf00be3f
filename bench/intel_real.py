"""Fact quality on real text: excerpts of public news labelled in tests/data/intel/real_*.yaml.

Each entry carries its excerpt inline (`text:`, a few sentences of the page at `url:`), so the figures are the
same on every clone.

Per article, each fact type is a set (figures a multiset) compared with the labels: regions by ISO code
(federal subjects), persons by surname (folded to one Latin spelling), roles by surname and role code,
site types, named sites by type and registry entry (or, for a name the registry does not list, by the folded
name), legal acts by number, figures by metric, unit and a
value within 0.5% (and, separately, with the qualifier too); numbers written in words are the figures
labelled "|words" (recall only).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "intel"
REAL_SETS = {"real, tuning": DATA / "real_tuning.yaml", "real, held-out 2": DATA / "real_heldout2.yaml"}
SITES_BLIND = DATA / "real_sites_blind.yaml"  # site labels only, texts inline
SITES_SPLITS = (SITES_BLIND, DATA / "real_sites_blind2.yaml")
SITE_KINDS = ("site_type", "site")
KINDS = ("region", "person", "role", "site_type", "site", "legal_act", "figure", "figure+qualifier",
         "figure (words)")  # fmt: skip
TOLERANCE = 0.005


def load(path: Path) -> list[dict]:
    """The labelled articles of one split, each with its inline text (ValueError when an entry has none)."""
    articles = yaml.safe_load(path.read_text(encoding="utf-8"))
    missing = [article["id"] for article in articles if not article.get("text")]
    if missing:
        raise ValueError(f"{path.name}: no text for {', '.join(missing)}")
    return articles


def fold(name: str) -> str:
    """One spelling for a name in either script: Cyrillic → Latin, then the project's Latin folding."""
    from transforms.intel.lexicon.translit import fold_latin, has_cyrillic, to_latin

    latin = to_latin(name) if has_cyrillic(name) else name
    return re.sub(r"[^a-z0-9 -]", "", fold_latin(latin).lower()).strip()


def site_label(site_type: str, name: str) -> str:
    """A named site as compared: by registry entry when the registry lists the name under this type (so
    «Технополис „Москва“» and Technopolis Moscow meet) or, for a zone, when the name is a region the registry
    lists one zone in ("the SEZ in Mordovia" labelled Mordovia is that zone, as the extractor reads it), else
    by the folded name."""
    from transforms.intel.lexicon.gazetteer import matcher, tokenize
    from transforms.intel.lexicon.site_registry import lookup, only_zone_in

    entry = lookup(name, site_type)
    if entry is None and site_type == "sez":
        tokens = tokenize(name)
        whole = [e.ident for i, j, e in matcher().find(tokens, {"region"}) if i == 0 and j == len(tokens)]
        entry = only_zone_in(whole[0]) if whole else None
    return f"{site_type}|registry:{entry.registry_id}" if entry is not None else f"{site_type}|{fold(name)}"


def _act_number(number: str) -> str:
    return re.sub(r"-(?:r|р)$", "", number.strip())


def predicted(text: str, language: str) -> dict[str, object]:
    from transforms import extract_facts

    got: dict[str, object] = {kind: set() for kind in KINDS if not kind.startswith("figure")}
    figures = []
    for fact in extract_facts(text, language):
        kind = fact["type"]
        if kind == "region" and fact["iso_code"].startswith("RU-"):
            got["region"].add(fact["iso_code"])
        elif kind == "person":
            surname = fold(fact["canonical_name"].split()[-1])
            got["person"].add(surname)
            if fact.get("role_code"):
                got["role"].add(f"{surname}|{fact['role_code']}")
        elif kind == "site":
            got["site_type"].add(fact["site_type"])
            if fact.get("named"):
                got["site"].add(site_label(fact["site_type"], fact["name"]))
        elif kind == "legal_act" and fact.get("number"):
            got["legal_act"].add(_act_number(fact["number"]))
        elif kind == "figure":
            figures.append((fact["metric"], fact["unit"], fact["value"], fact["qualifier"], False))
    got["figure"] = figures
    return got


def expected(article: dict) -> dict[str, object]:
    want: dict[str, object] = {
        "region": set(article.get("regions") or []),
        "person": {fold(name) for name in article.get("persons") or []},
        "role": {f"{fold(r.split('|')[0])}|{r.split('|')[1]}" for r in article.get("roles") or []},
        "site_type": set(article.get("site_types") or []),
        "site": {site_label(*s.split("|", 1)) for s in article.get("sites") or []},
        "legal_act": {_act_number(str(a)) for a in article.get("acts") or []},
    }
    figures = []
    for label in article.get("figures") or []:
        metric, value, unit, qualifier, *words = label.split("|")
        figures.append((metric, unit, float(value), qualifier, bool(words)))
    want["figure"] = figures
    return want


def _close(a: tuple, b: tuple, qualifier: bool) -> bool:
    same = a[0] == b[0] and a[1] == b[1] and abs(a[2] - b[2]) <= TOLERANCE * max(abs(b[2]), 1e-9)
    return same and (not qualifier or a[3] == b[3])


def match_figures(got: list, want: list, qualifier: bool) -> tuple[int, int, int, list, list]:
    """(tp, fp, fn, unmatched predictions, unmatched labels), greedy one-to-one."""
    free = list(got)
    missed = []
    for label in want:
        hit = next((g for g in free if _close(g, label, qualifier)), None)
        if hit is None:
            missed.append(label)
        else:
            free.remove(hit)
    return len(want) - len(missed), len(free), len(missed), free, missed


def score(articles: list[dict], verbose: bool = False) -> dict[str, tuple[float, float, float, int]]:
    tp, fp, fn = Counter(), Counter(), Counter()
    for article in articles:
        got, want = predicted(article["text"], article["language"]), expected(article)
        for kind in KINDS:
            if kind.startswith("figure"):
                counts = _figure_counts(kind, got["figure"], want["figure"])
                extra, missing = counts[3], counts[4]
            else:
                g, w = got[kind], want[kind]
                counts = (len(g & w), len(g - w), len(w - g))
                extra, missing = sorted(g - w), sorted(w - g)
            tp[kind], fp[kind], fn[kind] = tp[kind] + counts[0], fp[kind] + counts[1], fn[kind] + counts[2]
            if verbose and (extra or missing) and kind != "figure (words)":
                print(f"  {article['id']} {kind}: extra {extra} missing {missing}")
    return {kind: prf(tp[kind], fp[kind], fn[kind]) for kind in KINDS}


def score_sites(articles: list[dict], verbose: bool = False) -> dict[str, tuple[float, float, float, int]]:
    """Site types and named sites only, for a split labelled for sites alone (real_sites_blind.yaml)."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for article in articles:
        got, want = predicted(article["text"], article["language"]), expected(article)
        for kind in SITE_KINDS:
            g, w = got[kind], want[kind]
            tp[kind], fp[kind], fn[kind] = tp[kind] + len(g & w), fp[kind] + len(g - w), fn[kind] + len(w - g)
            if verbose and g != w:
                print(f"  {article['id']} {kind}: extra {sorted(g - w)} missing {sorted(w - g)}")
    return {kind: prf(tp[kind], fp[kind], fn[kind]) for kind in SITE_KINDS}


def _figure_counts(kind: str, got: list, want: list) -> tuple:
    if kind == "figure (words)":
        words = [w for w in want if w[4]]
        hits, _, missed, _, missing = match_figures(got, words, False)
        return hits, 0, missed, [], missing
    return match_figures(got, want, kind == "figure+qualifier")


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float, int]:
    """(precision, recall, F1, labels) from true positives, false positives and false negatives."""
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, tp + fn


# Roles on a set whose texts are in its labels (tests/data/relations/press_blind.yaml): role codes per
# article as (surname, code), and the region of the roles labelled with one.
ROLE_SETS = {
    "press, blind": ROOT / "tests" / "data" / "relations" / "press_blind.yaml",
    "press, blind 2": ROOT / "tests" / "data" / "relations" / "press_blind2.yaml",
}


def load_inline(path: Path) -> list[dict]:
    """The labelled articles of a set that carries its texts."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def predicted_roles(text: str, language: str) -> dict[str, str | None]:
    """'surname|role_code' → the ISO code of the role's region (or None), for each person with a role code."""
    from transforms.intel.entities import find_mentions

    found: dict[str, str | None] = {}
    for mention in find_mentions(text, language):
        if mention.entity_type != "person":
            continue
        for role in mention.attrs.get("roles") or [mention.attrs]:  # every title stated for the person
            if role.get("role_code"):
                key = f"{fold(mention.canonical.split()[-1])}|{role['role_code']}"
                found[key] = found.get(key) or role.get("role_iso")
    return found


def labelled_roles(article: dict) -> dict[str, str | None]:
    found = {}
    for label in article.get("roles") or []:
        surname, code, region, *_ = label.split("|")
        found[f"{fold(surname)}|{code}"] = region or None
    return found


def score_roles(articles: list[dict], verbose: bool = False) -> dict[str, tuple[float, float, float, int]]:
    """(precision, recall, F1, labels) of the role codes and of the roles' regions (among the labelled
    regions: right when the role is found with that region)."""
    counts = Counter()
    for article in articles:
        got, want = predicted_roles(article["text"], article["language"]), labelled_roles(article)
        counts["tp"] += len(got.keys() & want.keys())
        counts["fp"] += len(got.keys() - want.keys())
        counts["fn"] += len(want.keys() - got.keys())
        regional = {k: v for k, v in want.items() if v}
        right = {k for k, v in regional.items() if got.get(k) == v}
        wrong = {k for k in got.keys() & want.keys() if got[k] and got[k] != want[k]}
        counts["region_tp"] += len(right)
        counts["region_fn"] += len(regional) - len(right)
        counts["region_fp"] += len(wrong)
        if verbose and (got.keys() != want.keys() or right != set(regional) or wrong):
            missing = sorted(want.keys() - got.keys())
            print(f"  {article['id']}: extra {sorted(got.keys() - want.keys())} missing {missing} "
                  f"regions got {got} want {regional}")  # fmt: skip
    return {
        "role": prf(counts["tp"], counts["fp"], counts["fn"]),
        "role region": prf(counts["region_tp"], counts["region_fp"], counts["region_fn"]),
    }
