"""The tree keeps the architecture's shape: every module imports, no import cycle between modules
(function-level imports included), each folder keeps to its layer, no folder grows past ~15 modules,
and the public API of `transforms` is what its docstring promises."""

from __future__ import annotations

import ast
import importlib
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

from tests.processes import REPO

ROOT = REPO
PACKAGES = (
    "cli",
    "config",
    "expectations",
    "flows",
    "ingest",
    "reference",
    "reports",
    "samples",
    "transforms",
    "warehouse",
    "bench",
)
# folder → the project packages it may import (besides itself), as in the architecture table
MAY_IMPORT = {
    "ingest": {"config"},
    "transforms": {"reference"},
    "expectations": {"transforms"},
    "warehouse": set(),
    "reports": {"warehouse"},
    "config": set(),
    "reference": set(),
}
MAX_MODULES = 15


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")) if (ROOT / package).is_dir() else []:
            if "site" in path.relative_to(ROOT).parts[:2] and package == "samples":
                continue
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """Project modules that `name` imports anywhere in its body (module level or inside functions)."""
    targets: set[str] = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    [*package.split(".")[: len(package.split(".")) - node.level + 1], base]
                ).strip(".")
            targets.add(base)
            targets.update(f"{base}.{alias.name}" for alias in node.names)
    return {t for t in targets if t in MODULES and t != name}


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def test_the_graph_is_not_empty() -> None:
    assert len(MODULES) > 80
    assert "transforms.extract.article" in GRAPH["transforms"]


@pytest.mark.parametrize("name", sorted(MODULES))
def test_every_module_imports(name: str) -> None:
    if name == "cli.__main__":
        pytest.skip("runs the CLI when imported")
    importlib.import_module(name)


def test_no_import_cycle() -> None:
    try:
        tuple(TopologicalSorter(GRAPH).static_order())
    except CycleError as exc:
        pytest.fail(f"import cycle: {' -> '.join(exc.args[1])}")


def test_each_folder_imports_only_what_its_layer_may() -> None:
    wrong = []
    for name, targets in GRAPH.items():
        top = name.split(".")[0]
        if top not in MAY_IMPORT:
            continue
        for target in targets:
            other = target.split(".")[0]
            if other != top and other not in MAY_IMPORT[top]:
                wrong.append(f"{name} imports {target}")
    assert not wrong, wrong


def test_no_folder_holds_more_than_about_fifteen_modules() -> None:
    folders: dict[Path, int] = {}
    for path in MODULES.values():
        if path.name != "__init__.py":
            folders[path.parent] = folders.get(path.parent, 0) + 1
    crowded = {str(folder.relative_to(ROOT)): n for folder, n in folders.items() if n > MAX_MODULES}
    assert not crowded


def test_the_public_api_of_transforms() -> None:
    import transforms
    from transforms import extract_article, extract_entities

    assert sorted(transforms.__all__) == sorted(transforms._API)
    for name in transforms.__all__:
        assert getattr(transforms, name) is getattr(importlib.import_module(transforms._API[name]), name)
    article = extract_article((ROOT / "samples/site/en/news/labudin-kaluga-visit.html").read_bytes())
    people = extract_entities(article["text"], "en").filter(entity_type="person")
    assert "Mikhail Labudin" in people.get_column("canonical_name").to_list()
    with pytest.raises(AttributeError):
        transforms.no_such_function  # noqa: B018
