"""No import circle among our modules, and the seams go one way (issue 25).

The graph is read from the source with ``ast`` (bench/import_circles.py);
every import counts, even one inside a function.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("import_circles", ROOT / "bench" / "import_circles.py")
import_circles = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(import_circles)

# Imports that close a circle, left to the helper who owns their package;
# they are taken out of the graph before looking for circles. Remove a line
# once its import is gone (the test then keeps the circle from coming back).
KNOWN_EDGES: set[tuple[str, str]] = set()
# The same between packages: formats' command line (formats/__main__.py, inside
# its main) reads the questionnaires through macros.questionnaire_loader, while
# macros imports formats. The questionnaire loader belongs in a domain package.
KNOWN_PACKAGE_EDGES = {("formats", "macros")}


def test_the_graph_reads_a_circle_and_a_relative_import(tmp_path):
    """A tiny tree worked by hand: a.x imports a.y (relative), a.y imports a.x
    inside a function; b imports a.x; a/__init__ imports a.x."""
    (tmp_path / "calculators").mkdir()
    (tmp_path / "calculators" / "__init__.py").write_text("from calculators.x import f\n", encoding="utf-8")
    (tmp_path / "calculators" / "x.py").write_text("from . import y\n", encoding="utf-8")
    (tmp_path / "calculators" / "y.py").write_text("def g():\n    from calculators.x import f\n", encoding="utf-8")
    (tmp_path / "law").mkdir()
    (tmp_path / "law" / "__init__.py").write_text("import calculators.x\n", encoding="utf-8")
    edges = import_circles.graph(tmp_path)
    assert edges == {
        "calculators": {"calculators.x"},
        "calculators.x": {"calculators.y"},
        "calculators.y": {"calculators.x"},
        "law": {"calculators.x"},
    }
    assert import_circles.circles(edges) == [["calculators.x", "calculators.y"]]
    assert import_circles.package_graph(edges) == {"calculators": set(), "law": {"calculators"}}


def test_no_import_circle_between_our_modules():
    edges = {name: {t for t in targets if (name, t) not in KNOWN_EDGES}
             for name, targets in import_circles.graph().items()}
    found = import_circles.circles(edges)
    assert found == [], "cercle d'imports : " + "; ".join(" ↔ ".join(c) for c in found)


def test_no_import_circle_between_our_packages():
    packages = import_circles.package_graph(import_circles.graph())
    edges = {name: {t for t in targets if (name, t) not in KNOWN_PACKAGE_EDGES} for name, targets in packages.items()}
    found = import_circles.circles(edges)
    assert found == [], "cercle d'imports entre paquets : " + "; ".join(" ↔ ".join(c) for c in found)


def test_offline_does_not_import_sitebuild():
    """sitebuild runs the build and calls offline's steps; offline knows nothing of sitebuild."""
    packages = import_circles.package_graph(import_circles.graph())
    assert "offline" in packages.get("sitebuild", set())
    assert "sitebuild" not in packages.get("offline", set())


def test_domain_packages_read_yaml_through_yamlfile_not_macros():
    """macros is the thin MkDocs layer: it imports the domain packages, never the reverse.
    yamlfile imports none of our packages."""
    packages = import_circles.package_graph(import_circles.graph())
    for domain in ("agreements", "law", "calculators", "yamlfile"):
        assert "macros" not in packages.get(domain, set()), domain
    assert packages["yamlfile"] == set()
