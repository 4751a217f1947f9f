"""sitebuild.snapshot: naming by content, the cache, and a build that goes on without a snapshot.

Node is never run here (``make`` is replaced); the real snapshot is checked
in tests/pyodide (vectors) and tests/e2e/test_calculators.py (Chromium).
"""

from __future__ import annotations

import hashlib
import json

from sitebuild import snapshot

WHEEL_SHA = "ab" * 32


def fake_site(tmp_path, **extra):
    site = tmp_path / "site"
    (site / "assets/pyodide/runtime").mkdir(parents=True, exist_ok=True)
    (site / "assets/pyodide/wheels/abababab").mkdir(parents=True, exist_ok=True)
    (site / "assets/pyodide/wheels/abababab/w.whl").write_bytes(b"PK")
    manifest = {"url": "wheels/abababab/w.whl", "sha256": WHEEL_SHA, "pyodide": "0.29.5", **extra}
    (site / "assets/pyodide/calculators.json").write_text(json.dumps(manifest), encoding="utf-8")
    return site


def manifest_of(site):
    return json.loads((site / "assets/pyodide/calculators.json").read_text(encoding="utf-8"))


def test_key_changes_with_the_pyodide_version_and_the_wheel():
    key = snapshot.snapshot_key("0.29.5", WHEEL_SHA)
    assert len(key) == 16
    assert key == snapshot.snapshot_key("0.29.5", WHEEL_SHA)
    assert key != snapshot.snapshot_key("0.29.6", WHEEL_SHA)
    assert key != snapshot.snapshot_key("0.29.5", "cd" * 32)


def test_snapshot_is_made_once_then_taken_from_the_cache(tmp_path, monkeypatch):
    calls = []

    def make(runtime, wheel, out, stdlib_out=None):
        calls.append(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(b"\x1f\x8bfake")
        stdlib_out.write_bytes(b"PK trimmed")
        return {"bytes": 1000, "gzip_bytes": 6, "ms": 1, "stdlib_bytes": 10, "stdlib_files": 2}

    monkeypatch.setattr(snapshot, "make", make)
    monkeypatch.setattr(snapshot, "ROOT", tmp_path)
    cache = tmp_path / "cache"
    real_cached = snapshot.cached
    monkeypatch.setattr(snapshot, "cached", lambda *a, **k: real_cached(*a, **k, cache_root=cache))
    monkeypatch.delenv("MUTUUS_SERVE", raising=False)
    monkeypatch.delenv("MUTUUS_FULL_STDLIB", raising=False)
    for _ in range(2):
        site = fake_site(tmp_path)
        snapshot.run({}, site)
    assert len(calls) == 1
    key = snapshot.snapshot_key("0.29.5", WHEEL_SHA)
    entry = manifest_of(site)["snapshot"]
    assert entry == {
        "url": f"snapshots/{key}/calculators.snap.gz",
        "sha256": hashlib.sha256(b"\x1f\x8bfake").hexdigest(),
        "bytes": 1000,
        "gzip_bytes": 6,
    }
    assert (site / "assets/pyodide" / entry["url"]).read_bytes() == b"\x1f\x8bfake"
    # The trimmed standard library the snapshot was made with, named by its hash.
    sha = hashlib.sha256(b"PK trimmed").hexdigest()
    assert manifest_of(site)["stdlib"] == {
        "url": f"stdlib/{sha[:16]}/python_stdlib.zip", "sha256": sha, "bytes": 10, "files": 2,
    }
    assert (site / "assets/pyodide" / manifest_of(site)["stdlib"]["url"]).read_bytes() == b"PK trimmed"


def test_no_snapshot_keeps_the_trimmed_stdlib_and_full_stdlib_keeps_the_snapshot(tmp_path, monkeypatch):
    """MUTUUS_NO_SNAPSHOT=1 ships the trimmed stdlib alone; MUTUUS_FULL_STDLIB=1 a snapshot made
    with Pyodide's own zip (another key: a snapshot is tied to the zip it was made with)."""
    made = []

    def make(runtime, wheel, out, stdlib_out=None):
        made.append(stdlib_out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(b"\x1f\x8bfake")
        if stdlib_out:
            stdlib_out.write_bytes(b"PK trimmed")
        return {"bytes": 1000, "gzip_bytes": 6, "ms": 1}

    monkeypatch.setattr(snapshot, "make", make)
    real_cached = snapshot.cached
    monkeypatch.setattr(snapshot, "cached", lambda *a, **k: real_cached(*a, **k, cache_root=tmp_path / "cache"))
    monkeypatch.delenv("MUTUUS_SERVE", raising=False)
    monkeypatch.setenv("MUTUUS_NO_SNAPSHOT", "1")
    site = fake_site(tmp_path)
    snapshot.run({}, site)
    assert "snapshot" not in manifest_of(site) and "stdlib" in manifest_of(site)
    monkeypatch.delenv("MUTUUS_NO_SNAPSHOT")
    monkeypatch.setenv("MUTUUS_FULL_STDLIB", "1")
    site = fake_site(tmp_path)
    snapshot.run({}, site)
    assert "snapshot" in manifest_of(site) and "stdlib" not in manifest_of(site)
    assert not (site / "assets/pyodide/stdlib").exists()
    assert made[1] is None
    assert snapshot.snapshot_key("0.29.5", WHEEL_SHA, trim=True) != snapshot.snapshot_key("0.29.5", WHEEL_SHA, trim=False)


def test_failing_node_leaves_a_working_site_without_snapshot(tmp_path, monkeypatch, capsys):
    def make(runtime, wheel, out, stdlib_out=None):
        raise RuntimeError("node offline/snapshot.mjs a échoué :\nboom")

    monkeypatch.setattr(snapshot, "make", make)
    monkeypatch.setattr(snapshot, "ROOT", tmp_path)
    real_cached = snapshot.cached
    monkeypatch.setattr(snapshot, "cached", lambda *a, **k: real_cached(*a, **k, cache_root=tmp_path / "cache"))
    monkeypatch.delenv("MUTUUS_SERVE", raising=False)
    site = fake_site(tmp_path)
    (site / "assets/pyodide/snapshots/old").mkdir(parents=True)  # a previous build's
    (site / "assets/pyodide/stdlib/old").mkdir(parents=True)
    snapshot.run({}, site)
    assert "snapshot" not in manifest_of(site) and "stdlib" not in manifest_of(site)
    assert not (site / "assets/pyodide/snapshots").exists()
    assert not (site / "assets/pyodide/stdlib").exists()
    err = capsys.readouterr().err
    assert "AVERTISSEMENT snapshot" in err and "sans snapshot" in err and "Traceback" not in err


def test_serve_uses_only_a_cached_snapshot(tmp_path, monkeypatch):
    monkeypatch.setattr(snapshot, "make", lambda *a: (_ for _ in ()).throw(AssertionError("made under serve")))
    real_cached = snapshot.cached
    monkeypatch.setattr(snapshot, "cached", lambda *a, **k: real_cached(*a, **k, cache_root=tmp_path / "cache"))
    monkeypatch.setenv("MUTUUS_SERVE", "1")
    site = fake_site(tmp_path)
    snapshot.run({}, site)
    assert "snapshot" not in manifest_of(site)


def test_site_without_calculators_gets_no_snapshot(tmp_path, monkeypatch):
    monkeypatch.setattr(snapshot, "make", lambda *a: (_ for _ in ()).throw(AssertionError("made without a wheel")))
    site = fake_site(tmp_path)
    (site / "assets/pyodide/calculators.json").write_text('{"url": null, "sha256": null}\n', encoding="utf-8")
    snapshot.run({}, site)
    assert "snapshot" not in manifest_of(site)
