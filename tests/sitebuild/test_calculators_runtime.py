"""sitebuild/calculators_runtime.py: the wheel, its manifest and the Pyodide runtime files."""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from sitebuild import calculators_runtime as runtime
from sitebuild.errors import BuildError

ROOT = Path(__file__).resolve().parents[2]


def fake_repo(tmp_path: Path, body: str = "VALUE = 1\n") -> Path:
    """A copy of the project's packaging with a tiny calculators package."""
    repo = tmp_path / "repo"
    (repo / "calculators").mkdir(parents=True)
    shutil.copy(ROOT / "pyproject.toml", repo / "pyproject.toml")
    (repo / "calculators" / "__init__.py").write_text("", encoding="utf-8")
    (repo / "calculators" / "bridge.py").write_text(body, encoding="utf-8")
    return repo


def test_runtime_files_are_only_what_pyodide_boots_with():
    assert set(runtime.RUNTIME_FILES) == {
        "pyodide.mjs",
        "pyodide.asm.js",
        "pyodide.asm.wasm",
        "python_stdlib.zip",
        "pyodide-lock.json",
    }
    assert not any(n.endswith((".md", ".html", ".map", ".d.ts")) for n in runtime.RUNTIME_FILES)


def test_missing_pyodide_says_npm_ci_in_french(tmp_path):
    with pytest.raises(BuildError) as info:
        runtime.pyodide_dir(tmp_path)
    message = str(info.value)
    assert "npm ci" in message
    assert "introuvable" in message


def test_wheel_is_reproducible_and_contains_the_package(tmp_path):
    repo = fake_repo(tmp_path)
    name_a, data_a = runtime.build_wheel(repo)
    name_b, data_b = runtime.build_wheel(repo)
    assert name_a == name_b == "mutuus_calculators-0.1.0-py3-none-any.whl"
    # Same sources, same bytes (SOURCE_DATE_EPOCH), so the same hashed URL.
    assert hashlib.sha256(data_a).digest() == hashlib.sha256(data_b).digest()
    (tmp_path / "w.whl").write_bytes(data_a)
    with zipfile.ZipFile(tmp_path / "w.whl") as wheel:
        names = wheel.namelist()
        assert "calculators/bridge.py" in names
        assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in wheel.infolist())
    # The build happened in a temporary copy: nothing left in the sources.
    assert not (repo / "build").exists()
    assert not list(repo.glob("*.egg-info"))


def test_failed_wheel_build_says_so_in_french_with_the_backend_words(tmp_path):
    repo = fake_repo(tmp_path)
    pyproject = repo / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    pyproject.write_text(text.replace('version = "0.1.0"', 'version = "pas une version"'), encoding="utf-8")
    with pytest.raises(BuildError) as info:
        runtime.build_wheel(repo)
    message = str(info.value)
    assert "la construction du wheel des calculateurs a échoué (setuptools.build_meta" in message
    assert "`project.version` must be pep440" in message, message  # setuptools' words
    assert "CalledProcessError" not in message


def test_wheel_is_cached_by_source_hash(tmp_path, monkeypatch):
    runtime._memory_cache.clear()
    repo = fake_repo(tmp_path)
    cache = tmp_path / "cache"
    calls = []
    real_build = runtime.build_wheel
    monkeypatch.setattr(runtime, "build_wheel", lambda root: calls.append(root) or real_build(root))
    first = runtime.cached_wheel(repo, cache)
    second = runtime.cached_wheel(repo, cache)
    assert first == second and len(calls) == 1, "same sources: no second build (memory)"
    runtime._memory_cache.clear()
    assert runtime.cached_wheel(repo, cache) == first and len(calls) == 1, "same sources: no second build (disk)"
    (repo / "calculators" / "bridge.py").write_text("VALUE = 2\n", encoding="utf-8")
    changed = runtime.cached_wheel(repo, cache)
    assert len(calls) == 2, "a changed source is rebuilt"
    assert changed[1] != first[1]


def test_source_hash_ignores_bytecode(tmp_path):
    repo = fake_repo(tmp_path)
    before = runtime.source_hash(repo)
    (repo / "calculators" / "__pycache__").mkdir()
    (repo / "calculators" / "__pycache__" / "bridge.cpython-311.pyc").write_bytes(b"\0")
    assert runtime.source_hash(repo) == before


def test_site_path_and_manifest():
    data = b"wheel bytes"
    sha = hashlib.sha256(data).hexdigest()
    path, full = runtime.wheel_site_path("mutuus_calculators-0.1.0-py3-none-any.whl", data)
    assert full == sha
    assert path == f"assets/pyodide/wheels/{sha[:16]}/mutuus_calculators-0.1.0-py3-none-any.whl"
    manifest = json.loads(runtime.manifest(path, sha, "0.29.5"))
    # The URL is relative to the manifest (assets/pyodide/calculators.json).
    assert manifest == {
        "url": f"wheels/{sha[:16]}/mutuus_calculators-0.1.0-py3-none-any.whl",
        "sha256": sha,
        "pyodide": "0.29.5",
    }


def test_build_output_has_wheel_manifest_and_runtime_only(site):
    """In the site built by the e2e fixture: hashed wheel, matching manifest, five runtime files."""
    base = site.dir / "assets" / "pyodide"
    manifest = json.loads((base / "calculators.json").read_text(encoding="utf-8"))
    wheel = base / manifest["url"]
    assert hashlib.sha256(wheel.read_bytes()).hexdigest() == manifest["sha256"]
    assert wheel.parent.name == manifest["sha256"][:16]
    runtime = sorted(p.name for p in (base / "runtime").iterdir())
    assert runtime == sorted(
        ["pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"]
    )
    assert not list(site.dir.rglob("README*")), "no README from node_modules becomes a page"


