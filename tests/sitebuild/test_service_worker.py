"""offline/service_worker.py: the precache list is Workbox's, the Workbox
runtime is made once and reused, and the engine stays out of the precache."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from offline import service_worker

ROOT = Path(__file__).resolve().parents[2]
NEEDS_WORKBOX = pytest.mark.skipif(
    not shutil.which("node") or not (ROOT / "node_modules" / "workbox-build").is_dir(),
    reason="node and node_modules/workbox-build are needed (npm ci)",
)

# Workbox's own list for the same site, with the options the build used
# with Workbox's generateSW before the list was made in Python.
GET_MANIFEST = """
import { getManifest } from "workbox-build";
const [dir, ...ignores] = process.argv.slice(2);
const { manifestEntries } = await getManifest({
  globDirectory: dir, globPatterns: ["**/*"],
  globIgnores: ["assets/pyodide/runtime/**", "assets/pyodide/wheels/**", "assets/pyodide/snapshots/**",
                "assets/pyodide/stdlib/**", "sw.js", "workbox-*.js", "**/*.map", "**/*.gz", ...ignores],
  dontCacheBustURLsMatching: /\\.[0-9a-f]{8}\\.min\\.(?:js|css)$/,
  maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
});
console.log(JSON.stringify(manifestEntries));
"""


def small_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    files = {
        "index.html": "<p>Accueil</p>",
        "sw.js": "old",
        "workbox-1234.js": "old",
        ".nojekyll": "",
        "etapes/diagnostic/index.html": "<p>Diagnostic</p>",
        "assets/javascripts/bundle.a5f9d56c.min.js": "bundle",
        "assets/javascripts/bundle.a5f9d56c.min.js.map": "map",
        "assets/javascripts/tools.js": "tools",
        "assets/javascripts/lunr/min/lunr.fr.min.js": "fr",
        "assets/javascripts/lunr/min/lunr.de.min.js": "de",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js": "support",
        "assets/javascripts/lunr/wordcut.js": "th",
        "search/search_index.json": json.dumps({"config": {"lang": ["fr"]}, "docs": []}),
        "assets/pyodide/calculators.json": "{}",
        "assets/pyodide/runtime/pyodide.asm.wasm": "wasm",
        "assets/pyodide/runtime/python_stdlib.zip": "full stdlib",
        "assets/pyodide/stdlib/abcd/python_stdlib.zip": "trimmed stdlib",
        "assets/pyodide/snapshots/ef01/calculators.snap.gz": "snapshot",
        "assets/pyodide/wheels/0123/w.whl": "wheel",
    }
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    return site


@NEEDS_WORKBOX
def test_the_precache_list_is_workboxs_own(tmp_path):
    site = small_site(tmp_path)
    ours = {e["url"]: e["revision"] for e in service_worker.precache_list(site)[0]}
    unused = sorted(service_worker.unused_lunr_files(site))
    assert unused == ["assets/javascripts/lunr/min/lunr.de.min.js", "assets/javascripts/lunr/wordcut.js"]
    script = tmp_path / "manifest.mjs"
    script.write_text(GET_MANIFEST, encoding="utf-8")
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    proc = subprocess.run(["node", str(script), str(site), *unused], capture_output=True, text=True, check=True, timeout=60)
    theirs = {e["url"]: e["revision"] for e in json.loads(proc.stdout)}
    assert ours == theirs
    assert ours["assets/javascripts/bundle.a5f9d56c.min.js"] is None  # already named by its hash
    assert not any(url.startswith("assets/pyodide/") and url != "assets/pyodide/calculators.json" for url in ours)


def test_the_worker_is_the_cached_template_with_the_list_in_its_place(tmp_path):
    site = small_site(tmp_path)
    cache = tmp_path / "cache"
    slot = cache / service_worker.template_key()
    slot.mkdir(parents=True)
    (slot / service_worker.TEMPLATE).write_text(
        "/*workbox*/precache(" + service_worker.MARKER + ");importScripts('x')", encoding="utf-8"
    )
    facts = service_worker.write(site, cache=cache)
    text = (site / "sw.js").read_text(encoding="utf-8")
    listed = json.loads(re.search(r"precache\((\[.*\])\);", text).group(1))
    assert {e["url"] for e in listed} >= {"index.html", "assets/offline.json", "assets/javascripts/offline-config.js"}
    offline = json.loads((site / "assets/offline.json").read_text(encoding="utf-8"))
    assert offline == facts
    # The engine, fetched on demand: the trimmed standard library, not Pyodide's full one.
    assert [f["url"] for f in facts["engine"]["files"]] == [
        "assets/pyodide/runtime/pyodide.asm.wasm",
        "assets/pyodide/wheels/0123/w.whl",
        "assets/pyodide/snapshots/ef01/calculators.snap.gz",
        "assets/pyodide/stdlib/abcd/python_stdlib.zip",
    ]
    # offline.json's revision is that of its final content.
    revision = next(e["revision"] for e in listed if e["url"] == "assets/offline.json")
    assert revision == hashlib.md5((site / "assets/offline.json").read_bytes()).hexdigest()
    assert facts["precache"]["files"] == len(listed)


@NEEDS_WORKBOX
def test_workbox_makes_the_template_once(tmp_path):
    cache = tmp_path / "cache"
    first = service_worker.template(cache=cache)
    assert first.count(service_worker.MARKER) == 1
    assert "offline-config.js" in first and "offline-sw.js" in first and "SKIP_WAITING" in first
    (cache / service_worker.template_key() / service_worker.TEMPLATE).write_text("kept " + service_worker.MARKER)
    assert service_worker.template(cache=cache) == "kept " + service_worker.MARKER


def test_the_engine_folders_offline_lists_are_those_the_build_writes():
    """offline/ never imports sitebuild/ (tests/test_import_graph.py): the engine
    folders it keeps out of the precache are named there, and must be the
    folders sitebuild's steps write the runtime, wheel, snapshot and trimmed
    standard library into."""
    from offline.service_worker import ENGINE_DIRS, FULL_STDLIB
    from sitebuild.calculators_runtime import RUNTIME_DIR, SITE_DIR
    from sitebuild.snapshot import SNAPSHOT_DIR, STDLIB_DIR, STDLIB_NAME

    assert set(ENGINE_DIRS) == {f"{RUNTIME_DIR}/", f"{SITE_DIR}/wheels/", f"{SNAPSHOT_DIR}/", f"{STDLIB_DIR}/"}
    from offline.service_worker import ENGINE_MANIFEST
    from sitebuild.calculators_runtime import MANIFEST

    assert ENGINE_MANIFEST == MANIFEST
    assert FULL_STDLIB == f"{RUNTIME_DIR}/{STDLIB_NAME}"


def test_the_worker_is_told_which_snapshot_to_unpack_and_the_page_the_room_it_takes(tmp_path):
    """The service worker unpacks the stored snapshot once checked
    (offline-sw.js, keepUnpacked): offline-config.js gives it the .gz's URL
    and SHA-256 and the unpacked size (the manifest's); offline.json gives
    the page « Hors ligne » the room the engine takes on the device, the
    unpacked snapshot included, beside what it downloads."""
    site = small_site(tmp_path)
    (site / "assets/pyodide/calculators.json").write_text(
        json.dumps({"snapshot": {"url": "snapshots/ef01/calculators.snap.gz", "bytes": 1000}}), encoding="utf-8"
    )
    cache = tmp_path / "cache"
    slot = cache / service_worker.template_key()
    slot.mkdir(parents=True)
    (slot / service_worker.TEMPLATE).write_text("precache(" + service_worker.MARKER + ")", encoding="utf-8")
    facts = service_worker.write(site, cache=cache)
    config = (site / service_worker.CONFIG_JS).read_text(encoding="utf-8")
    told = json.loads(re.search(r"self\.MUTUUS_OFFLINE = (\{.*\});", config).group(1))
    assert told["snapshot"] == {
        "url": "assets/pyodide/snapshots/ef01/calculators.snap.gz",
        "sha256": hashlib.sha256(b"snapshot").hexdigest(),
        "bytes": 1000,
    }
    assert facts["engine"]["room"] == facts["engine"]["bytes"] + 1000
    # Without a snapshot in the manifest: nothing to unpack, the room is the download.
    (site / "assets/pyodide/calculators.json").write_text("{}", encoding="utf-8")
    facts = service_worker.write(site, cache=cache)
    config = (site / service_worker.CONFIG_JS).read_text(encoding="utf-8")
    assert json.loads(re.search(r"self\.MUTUUS_OFFLINE = (\{.*\});", config).group(1))["snapshot"] is None
    assert facts["engine"]["room"] == facts["engine"]["bytes"]
