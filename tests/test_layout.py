"""The package's layout keeps its promises (README, "How the code is laid out"): one folder per pipeline
stage, stages import only the stages before them, no import cycles (imports inside functions count), and
at most 12 modules on the ground floor."""
from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "cleanfeed"

# Pipeline order: a stage may import the ground floor and the stages listed for it, nothing later.
STAGES: dict[str, set[str]] = {
    "rules": set(),
    "inputs": set(),
    "text": {"rules"},
    "html": {"rules", "text"},
    "dates": {"rules", "text"},
    "store": {"rules", "text", "html", "pipeline"},
    "publish": {"rules", "text", "store"},
    "serve": {"inputs", "rules", "store", "publish"},
    "crawl": {"inputs", "rules", "text", "store", "publish"},
    "corpus": {"inputs", "rules", "pipeline", "store"},
    "commands": {"inputs", "rules", "text", "html", "dates", "pipeline", "store", "publish", "serve", "crawl",
                 "corpus", "cli"},
}
GROUND = {"model", "page", "errors", "textnorm", "urlnorm", "timeutil", "jsonld", "version"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PKG.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every cleanfeed module `path` imports, at the top or inside a function (`from a import b` counts
    `a.b` when that is a module, else `a`)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "cleanfeed":
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if sub in MODULES else node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "cleanfeed"}
    return found


MODULES = {module_name(p): p for p in PKG.rglob("*.py")}
GRAPH = {name: imports(path) - {name} for name, path in MODULES.items()}


def stage_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "cleanfeed"


def test_no_import_cycles() -> None:
    """Tarjan's strongly connected components over the module graph: every component is one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in GRAPH.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in sorted(GRAPH):
        if module not in index:
            visit(module)
    assert cycles == []


def test_stages_import_only_earlier_stages() -> None:
    wrong = defaultdict(set)
    for module, targets in GRAPH.items():
        stage = stage_of(module)
        if stage not in STAGES:
            continue
        for target in targets:
            other = stage_of(target)
            if other != stage and other not in GROUND and other not in STAGES[stage]:
                wrong[module].add(target)
    assert dict(wrong) == {}


def test_ground_floor_is_small_and_imports_no_stage() -> None:
    flat = sorted(p.name for p in PKG.glob("*.py"))
    assert len(flat) <= 12, flat
    for name in GROUND:
        assert {stage_of(t) for t in GRAPH[f"cleanfeed.{name}"]} <= GROUND, name


@pytest.mark.parametrize("stage", sorted(STAGES) + ["dates"])
def test_each_stage_says_what_it_does(stage: str) -> None:
    """A stage's `__init__` is its description (and what it may import); it imports nothing, so importing
    one module of a stage never loads the rest of it."""
    init = PKG / stage / "__init__.py"
    tree = ast.parse(init.read_text(encoding="utf-8"))
    doc = ast.get_docstring(tree)
    assert doc and "May import" in doc
    assert not [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]


def test_every_error_class_lives_in_errors_py() -> None:
    elsewhere = []
    for name, path in MODULES.items():
        if name == "cleanfeed.errors":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                    getattr(b, "id", "").endswith(("Error", "Exception")) for b in node.bases):
                elsewhere.append(f"{name}.{node.name}")
    assert elsewhere == []
