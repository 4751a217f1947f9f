"""Build step: write the site's service worker after the site generator.

``run(config, site_dir)`` writes into the built site (pages final, CSP
hashes written):

- ``sw.js``: Workbox's service worker (offline/service-worker.mjs), its
  precache list being every file of the site but the engine's, with a
  revision taken from its content (MD5, as Workbox's own ``getManifest``
  computes it; tests/sitebuild/test_service_worker.py checks the two
  agree);
- ``assets/javascripts/offline-config.js``: ``self.MUTUUS_OFFLINE`` (the
  engine cache's name, from the engine files' content, and the memory
  snapshot the worker unpacks once stored), read by offline-sw.js inside
  the worker;
- ``assets/offline.json``: the same facts for the page (offline.js): the
  engine files to fetch for offline use, with their sizes, and the room
  they take on the device (``room``: the snapshot unpacked too).

Why Python, and Workbox only once (issue 27): Workbox's generateSW bundles
and minifies its runtime into sw.js at every call (rollup, terser): 5 to 7
s of a warm build on the development machine, for the same output whatever
the site. ``node offline/service-worker.mjs --template`` makes that output
once per Workbox version and options, with a marker where the precache list
goes; it is kept in ``.sitebuild/service-worker/<key>/`` and each build
only lists and hashes the files (0.1 s) and puts the list in the marker's
place. Without Node or node_modules, a template already made is enough.

By hand, on a built site (the tests rewrite a deploy's worker this way):

    python -m offline.service_worker site
"""

from __future__ import annotations

import fcntl
import fnmatch
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "offline" / "service-worker.mjs"
CACHE = ROOT / ".sitebuild" / "service-worker"
TEMPLATE = "sw-template.js"
MARKER = "self.__MUTUUS_PRECACHE__"

# Files fetched on demand only (the engine), relative to the site root.
# snapshots/: the Pyodide memory snapshot (sitebuild/snapshot.py), when built;
# stdlib/: the standard library trimmed to what the engine imports, when built.
ENGINE_DIRS = (
    "assets/pyodide/runtime/",
    "assets/pyodide/wheels/",
    "assets/pyodide/snapshots/",
    "assets/pyodide/stdlib/",
)
# Pyodide's full standard library: the engine's fallback only, when the
# trimmed one is there (never stored for offline use then: 2.4 MB).
FULL_STDLIB = "assets/pyodide/runtime/python_stdlib.zip"
CONFIG_JS = "assets/javascripts/offline-config.js"
ENGINE_MANIFEST = "assets/pyodide/calculators.json"
OFFLINE_JSON = "assets/offline.json"
# Workbox's globIgnores, as offline/service-worker.mjs had them.
IGNORED = ("sw.js", "workbox-*.js", "**/*.map", "**/*.gz")
# Material's bundles carry a content hash in their names already (Workbox's
# dontCacheBustURLsMatching): no revision.
HASHED_NAME = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)$")
MAX_BYTES = 8 * 1024 * 1024  # Workbox's maximumFileSizeToCacheInBytes


class ServiceWorkerError(RuntimeError):
    """A French message saying why the worker could not be written."""


def _walk(folder: Path) -> list[str]:
    """Files under ``folder``, as sorted paths relative to it ('/' separated);
    names starting with a dot are left out, as Workbox's glob does."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        base = Path(dirpath).relative_to(folder).as_posix()
        for name in filenames:
            if not name.startswith("."):
                found.append(name if base == "." else f"{base}/{name}")
    return sorted(found)


def engine_files(site_dir: Path) -> list[dict]:
    trimmed = any((site_dir / "assets/pyodide/stdlib").glob("*/*.zip"))
    files = []
    for folder in ENGINE_DIRS:
        if not (site_dir / folder).is_dir():
            continue  # a site built without the calculators
        for name in _walk(site_dir / folder):
            rel = folder + name
            if trimmed and rel == FULL_STDLIB:
                continue
            data = (site_dir / rel).read_bytes()
            files.append({"url": rel, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()})
    return files


def unused_lunr_files(site_dir: Path) -> set[str]:
    """Material ships the search stemmers of some 30 languages (wordcut.js
    alone is 680 kB); its search worker loads only those of the site's languages."""
    try:
        index = json.loads((site_dir / "search/search_index.json").read_text(encoding="utf-8"))
        langs = index["config"]["lang"]
    except (OSError, ValueError, KeyError, TypeError):
        return set()
    langs = [langs] if isinstance(langs, str) else list(langs or [])
    keep = {"lunr.stemmer.support.min.js", *(f"lunr.{lang}.min.js" for lang in langs)}
    if len(langs) > 1:
        keep.add("lunr.multi.min.js")
    if "ja" in langs:
        keep.add("tinyseg.js")
    if "th" in langs:
        keep.add("wordcut.js")
    folder = site_dir / "assets/javascripts/lunr"
    if not folder.is_dir():
        return set()
    return {f"assets/javascripts/lunr/{n}" for n in _walk(folder) if n.rsplit("/", 1)[-1] not in keep}


def _ignored(rel: str) -> bool:
    if rel.startswith(ENGINE_DIRS):
        return True
    for pattern in IGNORED:
        if pattern.startswith("**/"):
            if fnmatch.fnmatchcase(rel.rsplit("/", 1)[-1], pattern[3:]):
                return True
        elif "/" not in rel and fnmatch.fnmatchcase(rel, pattern):
            return True
    return False


def precache_list(site_dir: Path) -> tuple[list[dict], int, list[str]]:
    """``(entries, total bytes, warnings)``: every file Workbox would precache."""
    unused = unused_lunr_files(site_dir)
    entries, total, warnings = [], 0, []
    for rel in _walk(site_dir):
        if _ignored(rel) or rel in unused:
            continue
        path = site_dir / rel
        size = path.stat().st_size
        if size > MAX_BYTES:
            warnings.append(f"{rel} ({size} octets) dépasse {MAX_BYTES} octets : pas mis en cache d'avance.")
            continue
        revision = None if HASHED_NAME.search(rel) else hashlib.md5(path.read_bytes()).hexdigest()  # noqa: S324 (Workbox's revision)
        entries.append({"url": rel, "revision": revision})
        total += size
    return entries, total, warnings


def template_key(root: Path = ROOT) -> str:
    digest = hashlib.sha256()
    try:
        digest.update((root / "node_modules/workbox-build/package.json").read_bytes())
    except OSError:
        digest.update(b"no workbox-build")
    digest.update(SCRIPT.read_bytes())
    digest.update(os.environ.get("MUTUUS_SW_MODE", "production").encode())
    return digest.hexdigest()[:16]


def template(root: Path = ROOT, cache: Path | None = None) -> str:
    """Workbox's sw.js with the marker for the precache list (made once, then cached)."""
    slot = (cache or CACHE) / template_key(root)
    path = slot / TEMPLATE
    if path.is_file():
        return path.read_text(encoding="utf-8")
    node = shutil.which("node")
    if node is None:
        raise ServiceWorkerError(
            "service-worker : Node.js est introuvable ; installez-le (apt-get install -y nodejs npm) "
            "puis lancez « npm ci »."
        )
    if not (root / "node_modules" / "workbox-build").is_dir():
        raise ServiceWorkerError(
            "service-worker : workbox-build est absent de node_modules ; lancez « npm ci » à la racine du dépôt."
        )
    slot.mkdir(parents=True, exist_ok=True)
    with open(slot / ".lock", "w") as lock:  # two builds at once make it once
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not path.is_file():
            partial = slot / f".{TEMPLATE}.{os.getpid()}"
            proc = subprocess.run(
                [node, str(SCRIPT), "--template", str(partial)], cwd=root, capture_output=True, text=True
            )
            if proc.returncode != 0 or not partial.is_file():
                raise ServiceWorkerError((proc.stderr or proc.stdout).strip() or "service-worker : échec de Workbox.")
            os.replace(partial, path)
    return path.read_text(encoding="utf-8")


def snapshot_facts(site_dir: Path, engine: list[dict]) -> dict | None:
    """The memory snapshot the worker unpacks once stored (offline-sw.js,
    keepUnpacked): ``{"url", "sha256" (of the .gz), "bytes" (unpacked)}``,
    from the engine's manifest; None for a site built without one."""
    try:
        manifest = json.loads((site_dir / ENGINE_MANIFEST).read_text(encoding="utf-8"))
        url = "assets/pyodide/" + manifest["snapshot"]["url"]
        unpacked = int(manifest["snapshot"]["bytes"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    stored = next((f for f in engine if f["url"] == url), None)
    if stored is None or not url.endswith(".gz"):
        return None
    return {"url": url, "sha256": stored["sha256"], "bytes": unpacked}


def write(site_dir: Path, root: Path = ROOT, cache: Path | None = None) -> dict:
    """Write sw.js and its two data files into ``site_dir``; return the facts."""
    site_dir = Path(site_dir)
    engine = engine_files(site_dir)
    snapshot = snapshot_facts(site_dir, engine)
    # The engine cache is named by the content of every engine file: a new
    # Pyodide or a new wheel gets a new cache, the old one is dropped on activation.
    version = hashlib.sha256("\n".join(f"{f['url']} {f['sha256']}" for f in engine).encode()).hexdigest()[:16]
    config_js = site_dir / CONFIG_JS
    config_js.parent.mkdir(parents=True, exist_ok=True)
    config_js.write_text(
        "// Written by offline/service_worker.py at build time.\n"
        f"self.MUTUUS_OFFLINE = {json.dumps({'engineVersion': version, 'engineDirs': list(ENGINE_DIRS), 'snapshot': snapshot}, separators=(',', ':'))};\n",
        encoding="utf-8",
    )
    facts = {"engine": {"version": version, "files": [{"url": f["url"], "bytes": f["bytes"]} for f in engine]}}
    # First the sizes (for the page "Hors ligne"), then the worker, whose
    # precache list includes offline.json itself.
    (site_dir / OFFLINE_JSON).write_text("{}\n", encoding="utf-8")
    entries, total, warnings = precache_list(site_dir)
    facts["precache"] = {"files": len(entries), "bytes": total}
    facts["engine"]["bytes"] = sum(f["bytes"] for f in engine)
    # The room taken on the device: the files, and the snapshot unpacked
    # (at most: a browser without DecompressionStream keeps the .gz only).
    facts["engine"]["room"] = facts["engine"]["bytes"] + (snapshot["bytes"] if snapshot else 0)
    final = (json.dumps(facts, indent=1) + "\n").encode()
    (site_dir / OFFLINE_JSON).write_bytes(final)
    for entry in entries:  # offline.json's final revision
        if entry["url"] == OFFLINE_JSON:
            entry["revision"] = hashlib.md5(final).hexdigest()  # noqa: S324 (Workbox's revision)
    listed = json.dumps(entries, separators=(",", ":"))
    (site_dir / "sw.js").write_text(template(root, cache).replace(MARKER, listed, 1), encoding="utf-8")
    for warning in warnings:
        print(f"service-worker : {warning}", file=sys.stderr)
    return facts


def run(config: dict, site_dir: Path) -> str:
    """The build step: write the worker; return a one-line summary."""
    if not (Path(site_dir) / "index.html").is_file():
        raise ServiceWorkerError(f"service-worker : {site_dir}/index.html est introuvable ; construisez le site d'abord.")
    facts = write(Path(site_dir))
    return (
        f"service-worker : {facts['precache']['files']} fichiers mis en cache d'avance "
        f"({facts['precache']['bytes']} octets) ; moteur de calcul à la demande : "
        f"{len(facts['engine']['files'])} fichiers ({facts['engine']['bytes']} octets)."
    )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("Usage : python -m offline.service_worker <dossier du site construit>")
    try:
        print(run({}, Path(sys.argv[1])))
    except ServiceWorkerError as error:
        sys.exit(str(error))
