"""Pyodide memory snapshot of the calculator engine (issue 12, "faster first
result"), and the standard library trimmed to what the engine imports (issue 27).

A build step (see sitebuild/__init__.py), after ``calculators_runtime`` (it
needs the wheel and the runtime in the site) and before ``csp`` and
``service_worker`` (the offline engine list must see the snapshot).

The trimmed standard library: ``python_stdlib.zip`` is 2.4 MB, sent as it
is (GitHub Pages does not compress zip files), and the engine imports about
130 of its files. The same Node run first writes a zip of those files only
(offline/trim_stdlib.py, 0.7 MB), then makes the snapshot with it: a
restored Python keeps the zip's table of contents in memory, so the
snapshot must be served with the very zip it was made with. The step writes
it to ``assets/pyodide/stdlib/<sha256-16>/python_stdlib.zip`` and adds to
the manifest ``"stdlib": {"url", "sha256", "bytes", "files"}``; the worker
boots with it (and with Pyodide's full zip, still copied into
``runtime/``, if it cannot be had). ``MUTUUS_FULL_STDLIB=1`` builds without
it (the snapshot is then made with the full zip).

``node offline/snapshot.mjs`` starts the site's Pyodide under Node, unpacks
the calculators wheel, imports ``calculators.bridge`` and takes
``pyodide.makeMemorySnapshot()``. The step writes it gzip-compressed (GitHub
Pages does not compress binary types) to
``assets/pyodide/snapshots/<key>/calculators.snap.gz`` and adds to
``assets/pyodide/calculators.json``::

    "snapshot": {"url": "snapshots/<key>/calculators.snap.gz", "sha256": <of the .gz>,
                 "bytes": <raw>, "gzip_bytes": <.gz>}

``<key>`` hashes the Pyodide version, the wheel's SHA-256,
offline/snapshot.mjs and offline/trim_stdlib.py (and whether the stdlib is
trimmed): a new Pyodide or a new wheel gives a new name, so a stale snapshot
is never served with them. Making one takes 5 to 30 s, so it
is kept in ``.sitebuild/pyodide-snapshot/<key>/`` and reused by the next
builds.

If Node or the snapshot fails, the build goes on WITHOUT a snapshot (and
with the full standard library) and prints a warning: both only make the
first result faster, and the worker starts the ordinary way, with Pyodide's
own zip, when the manifest names neither. ``MUTUUS_NO_SNAPSHOT=1`` ships the
trimmed standard library without the snapshot. Under ``python -m sitebuild serve`` a snapshot is used only if it
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
TRIM_SCRIPT = ROOT / "offline" / "trim_stdlib.py"
SNAPSHOT_DIR = f"{SITE_DIR}/snapshots"
STDLIB_DIR = f"{SITE_DIR}/stdlib"
FILE_NAME = "calculators.snap.gz"
STDLIB_NAME = "python_stdlib.zip"
CACHE_NAME = "pyodide-snapshot"
_KEEP = 3  # cached snapshots kept (other wheels: other branches, other tests)
TIMEOUT = 600


def trimmed() -> bool:
    """Whether the engine gets the trimmed standard library (MUTUUS_FULL_STDLIB=1: no)."""
    return os.environ.get("MUTUUS_FULL_STDLIB") != "1"


def snapshot_key(
    pyodide_version: str, wheel_sha256: str, script: Path = SCRIPT, trim: bool | None = None
) -> str:
    trim = trimmed() if trim is None else trim
    digest = hashlib.sha256()
    digest.update(f"pyodide {pyodide_version}\nwheel {wheel_sha256}\n".encode())
    digest.update(hashlib.sha256(script.read_bytes()).hexdigest().encode())
    if trim:
        digest.update(b"trimmed stdlib ")
        digest.update(hashlib.sha256(TRIM_SCRIPT.read_bytes()).hexdigest().encode())
    return digest.hexdigest()[:16]


def warn(message: str) -> None:
    print(f"AVERTISSEMENT snapshot : {message}", file=sys.stderr)


def make(runtime: Path, wheel: Path, out: Path, stdlib_out: Path | None = None) -> dict:
    """Run offline/snapshot.mjs; returns {"bytes", "gzip_bytes", "ms"} (and, with
    ``stdlib_out``, "stdlib_bytes", "stdlib_files", "left_out"). Raises RuntimeError."""
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("Node.js est introuvable")
    out.parent.mkdir(parents=True, exist_ok=True)
    extra = ["--stdlib-out", str(stdlib_out)] if stdlib_out else []
    try:
        proc = subprocess.run(
            [node, str(SCRIPT), str(runtime), str(wheel), str(out), *extra],
            cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"Node n'a pas fini en {TIMEOUT} s") from None
    if proc.returncode != 0 or not out.is_file() or (stdlib_out and not stdlib_out.is_file()):
        tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-8:])
        raise RuntimeError(f"node offline/snapshot.mjs a échoué :\n{tail}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def cached(
    key: str, runtime: Path, wheel: Path, may_make: bool, cache_root: Path | None = None, trim: bool | None = None
) -> Path | None:
    """The slot for ``key`` in the cache (the .gz, meta.json and, when the
    stdlib is trimmed, python_stdlib.zip), made now if needed (and allowed)."""
    trim = trimmed() if trim is None else trim
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
        _make_into(slot, runtime, wheel, gz, meta, cache_root, trim)
    return slot


def _make_into(slot: Path, runtime: Path, wheel: Path, gz: Path, meta: Path, cache_root: Path, trim: bool) -> None:
    info = make(runtime, wheel, gz, slot / STDLIB_NAME if trim else None)
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
    for folder in (SNAPSHOT_DIR, STDLIB_DIR):
        shutil.rmtree(site_dir / folder, ignore_errors=True)  # a previous build's
    manifest_path = site_dir / MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        warn(f"{MANIFEST} illisible : pas de snapshot.")
        return
    if not manifest.get("url"):
        return  # no wheel: no calculators to snapshot
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
    info = json.loads((slot / "meta.json").read_text(encoding="utf-8"))
    if (slot / STDLIB_NAME).is_file():
        data = (slot / STDLIB_NAME).read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        rel = f"stdlib/{sha[:16]}/{STDLIB_NAME}"
        _write(site_dir / SITE_DIR / rel, data)
        manifest["stdlib"] = {"url": rel, "sha256": sha, "bytes": len(data), "files": info.get("stdlib_files")}
    if os.environ.get("MUTUUS_NO_SNAPSHOT") != "1":
        data = (slot / FILE_NAME).read_bytes()
        rel = f"snapshots/{key}/{FILE_NAME}"
        _write(site_dir / SITE_DIR / rel, data)
        manifest["snapshot"] = {
            "url": rel,
            "sha256": hashlib.sha256(data).hexdigest(),
            "bytes": info["bytes"],
            "gzip_bytes": len(data),
        }
    manifest_path.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
