"""Import circles among Mutuus's own Python packages, read with ``ast``.

    .venv/bin/python bench/import_circles.py

Prints every circle of modules (module A imports B, which imports ... A)
and every circle of packages (a module of ``agreements`` imports one of
``macros``, and one of ``macros`` one of ``agreements``). Every import
counts, even one inside a function: it runs later, but the two modules
still lean on each other. tests/test_import_graph.py fails on a circle.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Our packages (folders with Python that the site, the build or the tools import).
PACKAGES = ("calculators", "agreements", "law", "formats", "macros", "network", "sitebuild", "offline", "words",
            "yamlfile")


def modules(root: Path = ROOT) -> dict[str, Path]:
    """{"macros.questionnaire_loader": path, "yamlfile": path/__init__.py, ...}"""
    found = {}
    for package in PACKAGES:
        folder = root / package
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*.py")):
            if "__pycache__" in path.parts:
                continue
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def _imported(tree: ast.AST, name: str, is_package: bool, known) -> set[str]:
    """Dotted names a module imports. ``from a import b`` is ``a.b`` when b is
    a module, else ``a`` (as pylint's cyclic-import counts: importing a.b runs
    a/__init__.py first, but a package's __init__ is not a circle with each
    of its modules)."""
    out: set[str] = set()
    package = name if is_package else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from . import x, from ..y import z
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                out.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    return out


def graph(root: Path = ROOT) -> dict[str, set[str]]:
    """Module -> the modules of ours it imports (the nearest existing one for a dotted name)."""
    found = modules(root)
    edges: dict[str, set[str]] = {}
    for name, path in found.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        targets = set()
        for dotted in _imported(tree, name, path.name == "__init__.py", found):
            # "from macros.questionnaire_loader import DocsIndex" names a class, not a module
            while dotted and dotted not in found:
                dotted = dotted.rpartition(".")[0]
            if dotted and dotted != name:
                targets.add(dotted)
        edges[name] = targets
    return edges


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one node (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = 0

    def visit(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == node:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return sorted(out)


def package_graph(edges: dict[str, set[str]]) -> dict[str, set[str]]:
    """Top-level package -> the other top-level packages its modules import."""
    out: dict[str, set[str]] = {}
    for name, targets in edges.items():
        top = name.split(".")[0]
        out.setdefault(top, set()).update(t.split(".")[0] for t in targets if t.split(".")[0] != top)
    return out


def main() -> int:
    edges = graph()
    found = 0
    for title, graph_ in (("modules", edges), ("paquets", package_graph(edges))):
        loops = circles(graph_)
        found += len(loops)
        print(f"Cercles d'imports entre {title} : {len(loops)}")
        for loop in loops:
            links = [f"{a} → {b}" for a in loop for b in sorted(graph_[a]) if b in loop]
            print("  " + " ; ".join(links))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
