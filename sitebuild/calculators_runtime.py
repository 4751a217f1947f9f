"""Ship the calculators to the browser: a built wheel and the pinned Pyodide runtime.

A build step (see sitebuild/__init__.py). After the generator it writes into
the site:

- ``assets/pyodide/wheels/<sha256-16>/mutuus_calculators-<version>-py3-none-any.whl``:
  the ``calculators`` package built by the backend pyproject.toml names
  (setuptools), through pyproject_hooks, under a fixed ``SOURCE_DATE_EPOCH``
  (same sources, same bytes). The folder
  name is the start of the wheel's SHA-256, so the file can be cached forever.
- ``assets/pyodide/calculators.json``: ``{"url", "sha256", "pyodide"}``. The
  worker reads it, fetches the wheel and refuses it if the hash differs.
- ``assets/pyodide/runtime/``: only the files Pyodide needs to boot, copied
  from ``node_modules/pyodide`` (never its README, which would become a page,
  nor its maps, type files or demo pages).

No script is added to the pages: the engine's worker starts when
calculator.js mounts the form, once Material's own script has run. An inline
script at the top of ``<head>`` used to start it while the page was parsed;
the worker's start (WebAssembly compilation, the snapshot's decompression)
then competed on two cores with Material's script, and the main thread's
longest task before the first result reached 368 ms (median 202 ms of 3
series, bench/run.py). Started later, it is 170 ms (median 117 ms), for a
first result 250 ms later (2 113 ms cold, still 0.36 of a bare Pyodide boot).

The wheel is built once per state of the sources (``prepare``, run before
the generator so a broken package stops the build early): the result is kept
in memory and in ``.sitebuild/calculators-wheel/`` keyed by a hash of
``calculators/**/*.py``, ``pyproject.toml`` and ``README.md``, so ``make
serve`` stays quick.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

import pyproject_hooks

from sitebuild.errors import BuildError

log = logging.getLogger("sitebuild.calculators_runtime")

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "calculators"
PYODIDE_DIR_PARTS = ("node_modules", "pyodide")
# What loadPyodide() fetches: the loader, the Emscripten glue, the WebAssembly
# module, the standard library and the package lock (read at boot).
RUNTIME_FILES = (
    "pyodide.mjs",
    "pyodide.asm.js",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
# Scratch space of the build steps (Zensical keeps .cache/ for itself and
# empties it with --clean).
CACHE_DIR = ".sitebuild"
SITE_DIR = "assets/pyodide"
RUNTIME_DIR = f"{SITE_DIR}/runtime"
MANIFEST = f"{SITE_DIR}/calculators.json"
# 1980-01-01, the earliest date a zip archive can hold: the wheel's bytes
# depend on the sources only, never on when they were built.
SOURCE_DATE_EPOCH = "315532800"
# The PEP 517 backend when pyproject.toml names none (setuptools' own default).
BACKEND = "setuptools.build_meta:__legacy__"

_memory_cache: dict[str, tuple[str, bytes]] = {}


def source_files(root: Path = ROOT) -> list[Path]:
    """The files whose content decides the wheel's content, in a stable order."""
    # agreements: its assembly runs in the same worker, written in blocks and
    # words; engine: the worker's one door.
    files = sorted(
        p
        for package in (PACKAGE, "agreements", "blocks", "engine", "words")
        for p in (root / package).rglob("*.py")
        if "__pycache__" not in p.parts
    )
    for name in ("pyproject.toml", "README.md"):
        if (root / name).is_file():
            files.append(root / name)
    return files


def source_hash(root: Path = ROOT) -> str:
    """SHA-256 of the relative paths and contents of :func:`source_files`."""
    digest = hashlib.sha256()
    for path in source_files(root):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def build_wheel(root: Path = ROOT) -> tuple[str, bytes]:
    """Build the calculators wheel from a clean copy of the sources.

    Returns ``(file name, bytes)``. The copy keeps the repository free of
    ``build/`` and ``*.egg-info`` and makes the bytes independent of where the
    repository lives.
    """
    if not (root / PACKAGE / "__init__.py").is_file():
        raise BuildError(
            f"calculators_runtime : le paquet {PACKAGE}/ est introuvable "
            f"(fichier {PACKAGE}/__init__.py manquant dans {root})."
        )
    with tempfile.TemporaryDirectory(prefix="mutuus-wheel-") as tmp:
        src = Path(tmp) / "src"
        out = Path(tmp) / "dist"
        (src / PACKAGE).mkdir(parents=True)
        for path in source_files(root):
            target = src / path.relative_to(root)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
            os.chmod(target, 0o644)
        if not (src / "README.md").exists():
            # pyproject.toml names a readme; a missing one must not stop the site.
            (src / "README.md").write_text("Mutuus calculators\n", encoding="utf-8")
        out.mkdir()
        env = dict(os.environ, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH, PYTHONHASHSEED="0")
        output: list[str] = []

        def runner(cmd, cwd=None, extra_environ=None):
            proc = subprocess.run(
                cmd, cwd=cwd, env=dict(env, **(extra_environ or {})), capture_output=True, text=True
            )
            output.append(proc.stdout + proc.stderr)
            proc.check_returncode()

        # The backend pyproject.toml names (setuptools), called through
        # pyproject_hooks as `python -m build --no-isolation` does, without
        # build's own process: one Python process instead of two, 1.4 s
        # instead of 3 s here, and the same bytes.
        backend = BACKEND
        try:
            pyproject = tomllib.loads((src / "pyproject.toml").read_text(encoding="utf-8"))
            backend = pyproject.get("build-system", {}).get("build-backend", BACKEND)
            hooks = pyproject_hooks.BuildBackendHookCaller(
                str(src), backend, python_executable=sys.executable, runner=runner
            )
            hooks.build_wheel(str(out))
        except subprocess.CalledProcessError:
            pass  # the backend's own words are in `output`, reported below
        except Exception as exc:  # noqa: BLE001: reported below (a pyproject.toml that does not parse…)
            output.append(f"{type(exc).__name__}: {exc}")
        wheels = sorted(out.glob("*.whl"))
        if len(wheels) != 1:
            tail = "\n".join("".join(output).strip().splitlines()[-15:])
            raise BuildError(
                "calculators_runtime : la construction du wheel des calculateurs a échoué "
                f"({backend}, dans pyproject.toml).\n{tail}"
            )
        return wheels[0].name, wheels[0].read_bytes()


def cached_wheel(root: Path = ROOT, cache_dir: Path | None = None) -> tuple[str, bytes]:
    """The wheel for the current sources, built only when they changed."""
    key = source_hash(root)
    if key in _memory_cache:
        return _memory_cache[key]
    cache_dir = cache_dir or root / CACHE_DIR / "calculators-wheel"
    slot = cache_dir / key[:32]
    found = sorted(slot.glob("*.whl")) if slot.is_dir() else []
    if len(found) == 1:
        result = (found[0].name, found[0].read_bytes())
    else:
        log.info("Construction du wheel des calculateurs…")
        result = build_wheel(root)
        try:
            slot.mkdir(parents=True, exist_ok=True)
            # Written aside then renamed: a build running at the same time
            # never reads half a wheel.
            partial = slot / f".{result[0]}.{os.getpid()}"
            partial.write_bytes(result[1])
            os.replace(partial, slot / result[0])
        except OSError:  # a read-only checkout still builds the site
            pass
    _memory_cache.clear()
    _memory_cache[key] = result
    return result


def pyodide_dir(root: Path = ROOT) -> Path:
    """``node_modules/pyodide``, or a French error telling how to get it."""
    path = root.joinpath(*PYODIDE_DIR_PARTS)
    missing = [name for name in RUNTIME_FILES if not (path / name).is_file()]
    if missing:
        raise BuildError(
            "calculators_runtime : le moteur Pyodide est introuvable dans "
            f"{path} (fichiers manquants : {', '.join(missing)}). "
            "Lancez « npm ci » à la racine du dépôt, puis relancez la construction."
        )
    return path


def pyodide_version(path: Path) -> str:
    try:
        return json.loads((path / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        return "inconnue"


def wheel_site_path(name: str, data: bytes) -> tuple[str, str]:
    """``(site path, full sha256)`` of the wheel: the folder is the hash's first 16 digits."""
    sha = hashlib.sha256(data).hexdigest()
    return f"{SITE_DIR}/wheels/{sha[:16]}/{name}", sha


def manifest(wheel_path: str, sha: str, version: str) -> bytes:
    """The JSON the worker reads; ``url`` is relative to the manifest itself."""
    url = wheel_path[len(SITE_DIR) + 1 :]
    return (
        json.dumps({"url": url, "sha256": sha, "pyodide": version}, indent=2, sort_keys=True) + "\n"
    ).encode()


def generated_files(root: Path = ROOT) -> dict[str, bytes | Path]:
    """What goes into the site: ``{site path: bytes, or the file to copy}``."""
    runtime = pyodide_dir(root)
    version = pyodide_version(runtime)
    files: dict[str, bytes | Path] = {}
    if (root / PACKAGE / "__init__.py").is_file():
        name, data = cached_wheel(root)
        wheel_path, sha = wheel_site_path(name, data)
        files[wheel_path] = data
        files[MANIFEST] = manifest(wheel_path, sha, version)
    else:
        # Only while the package is being written: the site still builds and
        # the calculator pages say the engine is missing.
        log.info("calculators_runtime : pas de paquet %s/ complet, wheel non construit.", PACKAGE)
        files[MANIFEST] = b'{"url": null, "sha256": null}\n'
    for file_name in RUNTIME_FILES:
        files[f"{RUNTIME_DIR}/{file_name}"] = runtime / file_name
    return files


def write_files(files: dict[str, bytes | Path], site_dir: Path) -> None:
    for rel, content in files.items():
        target = site_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Path):
            shutil.copyfile(content, target)
        else:
            target.write_bytes(content)


# --- the step ------------------------------------------------------------------


def prepare(config: dict, site_dir: Path) -> None:
    """Before the generator: build the wheel now (or find it in the cache)."""
    pyodide_dir(ROOT)
    if (ROOT / PACKAGE / "__init__.py").is_file():
        cached_wheel(ROOT)


def run(config: dict, site_dir: Path) -> None:
    """After the generator: the wheel, its manifest and the runtime files."""
    site_dir = Path(site_dir)
    stale = site_dir / SITE_DIR / "wheels"
    if stale.is_dir():
        shutil.rmtree(stale)  # a previous build's wheel, under another hash
    write_files(generated_files(ROOT), site_dir)
