"""The same assembly vectors inside real Pyodide (Node + node_modules/pyodide, offline)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from agreements.assemble import assemble
from agreements.loader import load_all
from tests.agreements.vectors import PARTNERS, VECTORS

ROOT = Path(__file__).resolve().parents[2]
NODE = shutil.which("node")
pytestmark = [
    pytest.mark.skipif(NODE is None, reason="node n'est pas installé : impossible de lancer Pyodide"),
    pytest.mark.skipif(not (ROOT / "node_modules" / "pyodide" / "pyodide.mjs").exists(), reason="node_modules/pyodide manque : lancez `npm ci`"),
]


def test_vectors_in_pyodide(tmp_path):
    models = load_all()
    # Every model in every country, as the per-country tests read them in
    # CPython (tests/agreements/test_personnel.py, test_tva.py, test_models_*.py):
    # Pyodide must give the same draft, byte for byte.
    every = [
        {"name": f"every-{mid}-{t}", "model": mid, "territory": t, "draft": {"partners": PARTNERS, "values": {"duree": "un an"}}}
        for mid, model in models.items() for t in model["territories"]
    ]
    vectors = list(VECTORS) + every + [
        {"name": "error-one-partner", "model": "locaux", "territory": "QC", "draft": {"partners": PARTNERS[:1]}},
    ]
    path = tmp_path / "input.json"
    path.write_text(json.dumps({"models": models, "vectors": vectors}), encoding="utf-8")
    proc = subprocess.run([NODE, str(Path(__file__).with_name("run_in_pyodide.mjs")), str(path)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads(proc.stdout)
    assert report["yaml_missing"] is True  # assembly needs no PyYAML
    outputs = {r["name"]: json.loads(r["output"]) for r in report["results"]}
    for vector in VECTORS:
        result = outputs[vector["name"]]
        for text in vector["contains"]:
            assert text in result["markdown"], (vector["name"], text)
        for text in vector["absent"]:
            assert text not in result["markdown"], (vector["name"], text)
        assert len(result["articles"]) == vector["articles"]
        assert len(result["missing"]) == vector["missing"]
        # Same engine, same text: byte for byte what CPython makes.
        assert result == assemble(models[vector["model"]], vector["territory"], vector["draft"])
    for vector in every:
        assert "markdown" in outputs[vector["name"]], vector["name"]  # a draft, not errors
        assert outputs[vector["name"]] == assemble(models[vector["model"]], vector["territory"], vector["draft"]), vector["name"]
    assert len(every) == 18
    assert outputs["error-one-partner"] == {
        "errors": [{"field": "partners", "message": "Une convention lie au moins deux partenaires : ajoutez-en un."}]
    }
