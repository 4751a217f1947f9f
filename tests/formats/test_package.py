"""formats/ runs wherever Python runs, Pyodide included: standard library only."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "formats"


def _imports(tree, top_level_only: bool):
    nodes = tree.body if top_level_only else ast.walk(tree)
    for node in nodes:
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            yield node.module or ""


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_standard_library_only(path):
    # The command line (__main__) reads the questionnaires' YAML with the
    # project's loader, inside the function that needs it.
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for name in _imports(tree, top_level_only=path.name == "__main__.py"):
        top = name.split(".")[0]
        # words/: the catalog's sentences (itself standard library only, and it imports nothing outside words/).
        assert top in ("formats", "words", "__future__") or top in sys.stdlib_module_names, (path.name, name)
        assert top not in ("js", "pyodide")
