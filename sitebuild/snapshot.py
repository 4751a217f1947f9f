"""Pyodide memory snapshot of the calculator engine (issue 12, "faster first result").

A build step (see sitebuild/__init__.py), after ``calculators_runtime`` (it
needs the wheel and the runtime in the site) and before ``csp`` and
``service_worker`` (the offline engine list must see the snapshot).

``node offline/snapshot.mjs`` starts the site's Pyodide under Node, unpacks
the calculators wheel, imports ``calculators.bridge`` and takes
``pyodide.makeMemorySnapshot()``. The step writes it gzip-compressed (GitHub
Pages does not compress binary types) to
``assets/pyodide/snapshots/<key>/calculators.snap.gz`` and adds to
``assets/pyodide/calculators.json``::

    "snapshot": {"url": "snapshots/<key>/calculators.snap.gz", "sha256": <of the .gz>,
                 "bytes": <raw>, "gzip_bytes": <.gz>}

``<key>`` hashes the Pyodide version, the wheel's SHA-256 and
offline/snapshot.mjs: a new Pyodide or a new wheel gives a new name, so a
stale snapshot is never served with them. Making one takes 5 to 30 s, so it
is kept in ``.sitebuild/pyodide-snapshot/<key>/`` and reused by the next
builds.

If Node or the snapshot fails, the build goes on WITHOUT a snapshot and
prints a warning: the snapshot only makes the first result faster, and the
worker already falls back to the ordinary start when the manifest names no
snapshot. Under ``python -m sitebuild serve`` a snapshot is used only if it
is already cached (no 30 s wait after each edit of the calculators).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from sitebuild.calculators_runtime import CACHE_DIR, MANIFEST, ROOT, RUNTIME_DIR, SITE_DIR

SCRIPT = ROOT / "offline" / "snapshot.mjs"
SNAPSHOT_DIR = f"{SITE_DIR}/snapshots"
FILE_NAME = "calculators.snap.gz"
CACHE_NAME = "pyodide-snapshot"
_KEEP = 3  # cached snapshots kept (other wheels: other branches, other tests)
TIMEOUT = 600


def snapshot_key(pyodide_version: str, wheel_sha256: str, script: Path = SCRIPT) -> str:
    digest = hashlib.sha256()
    digest.update(f"pyodide {pyodide_version}\nwheel {wheel_sha256}\n".encode())
    digest.update(hashlib.sha256(script.read_bytes()).hexdigest().encode())
    return digest.hexdigest()[:16]


def warn(message: str) -> None:
    print(f"AVERTISSEMENT snapshot : {message}", file=sys.stderr)


def make(runtime: Path, wheel: Path, out: Path) -> dict:
    """Run offline/snapshot.mjs; returns {"bytes", "gzip_bytes", "ms"}. Raises RuntimeError."""
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("Node.js est introuvable")
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        proc = subprocess.run(
            [node, str(SCRIPT), str(runtime), str(wheel), str(out)],
            cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"Node n'a pas fini en {TIMEOUT} s") from None
    if proc.returncode != 0 or not out.is_file():
        tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-8:])
        raise RuntimeError(f"node offline/snapshot.mjs a échoué :\n{tail}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def cached(key: str, runtime: Path, wheel: Path, may_make: bool, cache_root: Path | None = None) -> Path | None:
    """The .gz for ``key`` in the cache, made now if needed (and allowed)."""
    cache_root = cache_root or ROOT / CACHE_DIR / CACHE_NAME
    slot = cache_root / key
    gz, meta = slot / FILE_NAME, slot / "meta.json"
    if gz.is_file() and meta.is_file():
        return slot
    if not may_make:
        return None
    slot.mkdir(parents=True, exist_ok=True)
    # Two builds at once (the tests build MkDocs and Zensical side by side)
    # must ship the same bytes: the second waits, then takes the first's.
    with open(slot / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if gz.is_file() and meta.is_file():
            return slot
        _make_into(slot, runtime, wheel, gz, meta, cache_root)
    return slot


def _make_into(slot: Path, runtime: Path, wheel: Path, gz: Path, meta: Path, cache_root: Path) -> None:
    info = make(runtime, wheel, gz)
    partial = slot / f".meta.{os.getpid()}.tmp"
    partial.write_text(json.dumps(info) + "\n", encoding="utf-8")
    os.replace(partial, meta)
    try:  # keep the few most recent
        slots = sorted((p for p in cache_root.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in slots[_KEEP:]:
            shutil.rmtree(old, ignore_errors=True)
    except OSError:
        pass


def run(config: dict, site_dir: Path) -> None:
    site_dir = Path(site_dir)
    shutil.rmtree(site_dir / SNAPSHOT_DIR, ignore_errors=True)  # a previous build's snapshot
    manifest_path = site_dir / MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        warn(f"{MANIFEST} illisible : pas de snapshot.")
        return
    if not manifest.get("url"):
        return  # no wheel: no calculators to snapshot
    if os.environ.get("MUTUUS_NO_SNAPSHOT") == "1":
        return
    runtime = site_dir / RUNTIME_DIR
    wheel = site_dir / SITE_DIR / manifest["url"]
    key = snapshot_key(manifest.get("pyodide", "?"), manifest["sha256"])
    serving = os.environ.get("MUTUUS_SERVE") == "1"
    try:
        slot = cached(key, runtime, wheel, may_make=not serving)
    except (RuntimeError, OSError, ValueError) as error:
        warn(f"{error}\nLe site est construit sans snapshot : les calculateurs démarrent comme avant, sans gain de temps.")
        return
    if slot is None:
        return
    data = (slot / FILE_NAME).read_bytes()
    info = json.loads((slot / "meta.json").read_text(encoding="utf-8"))
    rel = f"snapshots/{key}/{FILE_NAME}"
    target = site_dir / SITE_DIR / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    manifest["snapshot"] = {
        "url": rel,
        "sha256": hashlib.sha256(data).hexdigest(),
        "bytes": info["bytes"],
        "gzip_bytes": len(data),
    }
    manifest_path.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
