"""Every shared vector through ``bridge.run`` in CPython (the same file runs in Pyodide)."""

import json
from pathlib import Path

import pytest

from calculators.bridge import run
from calculators.registry import COMMANDS

VECTORS = json.loads((Path(__file__).parent / "vectors.json").read_text(encoding="utf-8"))["vectors"]


def test_vectors_have_unique_ids_and_cover_every_calculator():
    ids = [v["id"] for v in VECTORS]
    assert len(ids) == len(set(ids))
    # Every calculator the registry finds has hand-worked vectors (a new one needs its own).
    assert {v["command"] for v in VECTORS} == set(COMMANDS)
    # The statement's comparison (a partner leaves, one joins) runs in Pyodide too.
    assert {"statement/compare-partner-leaves", "statement/compare-leaves-and-joins"} <= set(ids)


@pytest.mark.parametrize("vector", VECTORS, ids=[v["id"] for v in VECTORS])
def test_vector(vector):
    output = run(vector["command"], json.dumps(vector["input"], ensure_ascii=False))
    assert json.loads(output) == vector["expected"], vector["why"]
