"""The calculators inside real Pyodide (Node + the pinned npm package, offline).

Takes the calculators wheel the site ships (``cached_wheel``: built once per
state of the sources, from a clean copy, and shared with the site builds),
runs ``run_vectors.mjs`` with ``node`` and checks that every shared vector
gives, in Pyodide, the output worked out by hand in
tests/calculators/vectors.json. The snapshot case restores the build's own
snapshot (``sitebuild.snapshot.cached``: made by offline/snapshot.mjs, or
found in the cache the site builds fill), with the standard library the
build trimmed to what the engine imports, as the site serves them together;
the trimmed case boots an ordinary Pyodide with that zip and runs the
vectors, the agreement models and every import the wheel's sources name.
Skipped, with the reason, when node or node_modules/pyodide is missing.
"""

import hashlib
import json
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from agreements.assemble import assemble
from agreements.loader import load_all
from sitebuild.calculators_runtime import cached_wheel, pyodide_version
from sitebuild.snapshot import FILE_NAME as SNAPSHOT_FILE
from sitebuild.snapshot import STDLIB_NAME
from sitebuild.snapshot import cached as cached_snapshot
from sitebuild.snapshot import snapshot_key
from tests.agreements.vectors import VECTORS as AGREEMENT_VECTORS

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("run_vectors.mjs")
PYODIDE = ROOT / "node_modules" / "pyodide"
VECTORS = json.loads((ROOT / "tests" / "calculators" / "vectors.json").read_text(encoding="utf-8"))["vectors"]
LOG_VECTORS = json.loads((ROOT / "tests" / "calculators" / "usage_log_vectors.json").read_text(encoding="utf-8"))["vectors"]

NODE = shutil.which("node")
pytestmark = [
    pytest.mark.skipif(NODE is None, reason="node n'est pas installé : impossible de lancer Pyodide"),
    pytest.mark.skipif(
        not (PYODIDE / "pyodide.mjs").exists(),
        reason="node_modules/pyodide manque : lancez `npm ci` (version épinglée dans package-lock.json)",
    ),
]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    name, data = cached_wheel(ROOT)
    path = tmp_path_factory.mktemp("dist") / name
    path.write_bytes(data)
    return path


@pytest.fixture(scope="module")
def engine_slot(wheel):
    """The build's snapshot and trimmed stdlib for this wheel (made by
    offline/snapshot.mjs, or found in the cache the site builds fill)."""
    key = snapshot_key(pyodide_version(PYODIDE), hashlib.sha256(wheel.read_bytes()).hexdigest(), trim=True)
    return cached_snapshot(key, PYODIDE, wheel, may_make=True, trim=True)


def node_report(*args):
    started = time.perf_counter()
    proc = subprocess.run(
        [NODE, str(SCRIPT), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    elapsed = time.perf_counter() - started
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout)
    report["wall_seconds"] = round(elapsed, 2)
    print(f"\nPyodide {report['pyodide']} (Python {report['python']}), {report['mode']}: "
          f"{report['wall_seconds']} s in all, timings {report['timings_ms']} ms")
    return report


def check(report):
    assert len(report["results"]) == len(VECTORS)
    failures = []
    for vector, result in zip(VECTORS, report["results"]):
        assert result["id"] == vector["id"]
        if json.loads(result["output"]) != vector["expected"]:
            failures.append((vector["id"], result["output"]))
    assert not failures, failures
    check_usage_log(report)


def check_usage_log(report):
    """The usage-log vectors: the CLI's --log gives the hand-worked output, and the statement
    page's import (bridge.read_usage_log, from bytes) gives in Pyodide what it gives in CPython,
    errors included."""
    from calculators.bridge import read_usage_log

    assert [r["id"] for r in report["log_results"]] == [v["id"] for v in LOG_VECTORS]
    failures = []
    for vector, result in zip(LOG_VECTORS, report["log_results"]):
        if json.loads(result["output"]) != vector["expected"]:
            failures.append((vector["id"], result["output"]))
        partners = [{"name": p["name"], "actual_units": p.get("actual_units", "")} for p in vector["statement"]["partners"]]
        in_cpython = read_usage_log(
            vector["log"].encode(vector.get("log_encoding", "utf-8")),
            json.dumps(partners),
            json.dumps(vector["statement"].get("period")),
            "releve.csv",
            "fr_CA",
        )
        if json.loads(result["page"]) != json.loads(in_cpython):
            failures.append((vector["id"], "page", result["page"], in_cpython))
    assert not failures, failures
    # Errors stay errors there too: the Latin-1 file, the line numbers.
    pages = {r["id"]: json.loads(r["page"]) for r in report["log_results"]}
    assert pages["usage-log/not-utf-8"]["errors"][0]["field"] == "log"
    assert [e["field"] for e in pages["usage-log/every-error-with-its-line"]["errors"]] == [
        "log:2", "log:4", "log:5", "log:6", "log:7", "log:8"]


def test_every_vector_matches_in_pyodide_from_the_wheel(wheel):
    report = node_report("--wheel", str(wheel))
    assert report["mode"] == "wheel"
    assert "site-packages" in report["imported_from"]
    check(report)
    # present() works there too, with the euro and fr_FR separators
    assert report["present"]["view"]["summary"] == "Coût d'une utilisation : 37,84\u00a0€."
    assert any(block["type"] == "figure" for block in report["present"]["view"]["blocks"])
    # The worker's one door answers from the wheel: {ok, data} with the same figure.
    assert report["door"]["ok"] is True, report["door"]
    assert report["door"]["data"]["result"]["total"] == "37.84"
    # The form's values from the CLI's JSON (an import): numbers the French way.
    assert report["form"] == {"values": {"consumables.cost_per_unit": "0,05", "admin_fee": "1234,5"}}


def test_every_vector_matches_in_a_runtime_restored_from_the_memory_snapshot(wheel, engine_slot):
    """The build's snapshot (offline/snapshot.mjs, taken after `import calculators.bridge`): a Pyodide
    restored from it, with no wheel unpacked, gives the same vectors and the same planer (37,84 €)."""
    slot = engine_slot
    report = node_report(
        "--wheel", str(wheel), "--snapshot-file", str(slot / SNAPSHOT_FILE), "--stdlib", str(slot / STDLIB_NAME)
    )
    assert report["mode"] == "snapshot"
    # The memory holds the imported modules, not the files: site-packages is empty after a restore.
    assert report["site_packages_files"] == 0
    assert report["snapshot_bytes"] > 1_000_000
    check(report)
    assert report["present"]["view"]["summary"] == "Coût d'une utilisation : 37,84\u00a0€."


def test_every_vector_matches_in_pyodide_from_the_sources():
    report = node_report("--source", str(ROOT / "calculators"))
    assert report["mode"] == "source"
    check(report)


def test_the_trimmed_stdlib_has_every_module_the_engine_imports(wheel, engine_slot, tmp_path):
    """An ordinary Pyodide booted with the standard library the build trimmed
    (offline/trim_stdlib.py; what the site serves instead of Pyodide's 2.4 MB
    python_stdlib.zip) imports every module of the wheel and every stdlib
    module the calculators' and agreements' sources name, anywhere (a
    ModuleNotFoundError fails this test: an import added to the sources must
    come with the trimmed zip, which the build remakes from the sources),
    gives every vector, renders every agreement vector as CPython does, and
    a Python error still reaches JavaScript with its message."""
    zip_path = engine_slot / STDLIB_NAME
    assert zip_path.stat().st_size < (PYODIDE / "python_stdlib.zip").stat().st_size * 0.6
    models = load_all()
    agreements_input = tmp_path / "agreements.json"
    agreements_input.write_text(json.dumps({"models": models, "vectors": list(AGREEMENT_VECTORS)}), encoding="utf-8")
    report = node_report(
        "--wheel", str(wheel), "--stdlib", str(zip_path), "--import-all", "--agreements", str(agreements_input)
    )
    assert report["mode"] == "wheel"
    assert report["stdlib_zip"].endswith(".zip")
    # Only the build's own loaders are left out: they need PyYAML or the law register.
    assert all("(yaml)" in name or "(law)" in name or "(macros)" in name for name in report["imported_all"]["left_out"])
    check(report)
    assert report["present"]["view"]["summary"] == "Coût d'une utilisation : 37,84\u00a0€."
    outputs = {r["name"]: json.loads(r["output"]) for r in report["agreements"]}
    for vector in AGREEMENT_VECTORS:
        # Same engine, same text: byte for byte what CPython makes.
        assert outputs[vector["name"]] == assemble(models[vector["model"]], vector["territory"], vector["draft"])
    assert "JSONDecodeError" in report["error_message"]
