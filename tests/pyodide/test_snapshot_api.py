"""The private Pyodide API the memory snapshot rests on, held in check.

The build makes the snapshot with ``loadPyodide({_makeSnapshot: true})`` and
``pyodide.makeMemorySnapshot()`` (offline/snapshot.mjs); the worker restores
it with ``loadPyodide({_loadSnapshot})`` (core/engine-boot.js). Both are
private (``@ignore`` in pyodide.d.ts): a Pyodide upgrade may change them
without notice. These tests fail loudly, with what to do, when the pinned
Pyodide no longer offers them or no longer refuses a snapshot it did not
make (the worker's fallback, the ordinary start, relies on that refusal).

If they fail after an upgrade: the site still builds and works (sitebuild/
snapshot.py warns and ships no snapshot; the worker starts the ordinary
way), only slower on repeat visits. Fix offline/snapshot.mjs and
core/engine-boot.js for the new API, or pin the previous Pyodide.
"""

from __future__ import annotations

import gzip
import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest

from sitebuild.calculators_runtime import cached_wheel, pyodide_version
from sitebuild.snapshot import FILE_NAME, STDLIB_NAME, cached, snapshot_key

ROOT = Path(__file__).resolve().parents[2]
PYODIDE = ROOT / "node_modules" / "pyodide"
RUN_VECTORS = ROOT / "tests" / "pyodide" / "run_vectors.mjs"
NODE = shutil.which("node")
pytestmark = [
    pytest.mark.skipif(NODE is None, reason="node n'est pas installé : impossible de lancer Pyodide"),
    pytest.mark.skipif(not (PYODIDE / "pyodide.mjs").exists(), reason="node_modules/pyodide manque : lancez `npm ci`"),
]

UPGRADE = (
    "Pyodide {version} : l'API privée de l'instantané mémoire a changé ({what}). Le site reste fonctionnel "
    "(construit sans instantané, démarrage ordinaire), mais adaptez offline/snapshot.mjs et "
    "docs/assets/javascripts/core/engine-boot.js, ou revenez à la version précédente de Pyodide."
)


def test_the_pinned_pyodide_still_offers_the_private_snapshot_api():
    version = pyodide_version(PYODIDE)
    types = (PYODIDE / "pyodide.d.ts").read_text(encoding="utf-8")
    engine = (PYODIDE / "pyodide.asm.js").read_text(encoding="utf-8")
    loader = (PYODIDE / "pyodide.mjs").read_text(encoding="utf-8")
    for what, found in [
        ("option _makeSnapshot de loadPyodide", "_makeSnapshot?: boolean" in types),
        ("option _loadSnapshot de loadPyodide", "_loadSnapshot?: Uint8Array | ArrayBuffer | PromiseLike" in types),
        ("option stdLibURL de loadPyodide", "stdLibURL?: string" in types),
        ("pyodide.makeMemorySnapshot()", "makeMemorySnapshot(" in engine),
        ("restauration (restoreSnapshot)", "restoreSnapshot" in engine and "_loadSnapshot" in loader),
        ("contrôle de l'identifiant de construction", "Snapshot build id mismatch" in engine),
    ]:
        assert found, UPGRADE.format(version=version, what=what)


def test_a_snapshot_of_another_pyodide_build_is_refused_not_restored(tmp_path):
    """The build's snapshot, with its build id altered as another Pyodide
    build's would be: loadPyodide rejects it with a clear error (the worker
    then says "snapshot not used" and starts the ordinary way) instead of
    restoring memory that does not fit its code."""
    name, data = cached_wheel(ROOT)
    wheel = tmp_path / name
    wheel.write_bytes(data)
    key = snapshot_key(pyodide_version(PYODIDE), hashlib.sha256(data).hexdigest(), trim=True)
    try:
        slot = cached(key, PYODIDE, wheel, may_make=True, trim=True)
    except RuntimeError as error:
        pytest.fail(UPGRADE.format(version=pyodide_version(PYODIDE), what=f"offline/snapshot.mjs a échoué : {error}"))
    raw = bytearray(gzip.decompress((slot / FILE_NAME).read_bytes()))
    raw[16] ^= 0xFF  # the build id: bytes 16 to 48 of the header
    foreign = tmp_path / "foreign.snap.gz"
    foreign.write_bytes(gzip.compress(bytes(raw)))
    proc = subprocess.run(
        [NODE, str(RUN_VECTORS), "--wheel", str(wheel), "--snapshot-file", str(foreign), "--stdlib", str(slot / STDLIB_NAME)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 3, "a snapshot of another Pyodide build was restored"
    assert "Snapshot build id mismatch" in proc.stderr, UPGRADE.format(
        version=pyodide_version(PYODIDE), what="un instantané étranger n'est plus refusé par son identifiant"
    )
