"""The Python standard library trimmed to what the engine imports (issue 27).

Run INSIDE Pyodide by offline/snapshot.mjs, after the calculators wheel is
unpacked, with Pyodide's full ``python_stdlib.zip`` mounted. Pyodide's
``python_stdlib.zip`` is 2.4 MB and the browser downloads it whole (GitHub
Pages does not compress zip files); Pyodide's own start-up and the
calculators use about 130 of its 580 files (0.7 MB).

``trimmed_zip()`` imports what the worker can import, then writes a zip of
the stdlib files those imports loaded, and nothing else:

- what Pyodide imports to start, and what ``pyodide.unpackArchive`` (the
  worker unpacks the wheel with it) and a Python error crossing into
  JavaScript (its traceback) import;
- every module of the packages in the wheel (``calculators``,
  ``agreements``) that imports here: the ones that need a package Pyodide
  lacks (``yaml``: the build's loaders) never run in the browser;
- every stdlib module the wheel's sources name in an ``import`` statement,
  at module level or inside a function, imported here so the modules THEY
  import come too;
- ``ALWAYS``: modules the worker may reach without the wheel naming them.

Each module goes into the zip COMPILED, as ``<name>.pyc`` (unchecked
hash-based, compiled here by the very Python that will run it), without its
source: Python's start-up in Pyodide is mostly compiling the ~130 modules it
imports from source. Under Node on the development machine, booting and
importing the calculators took 0.6 to 1.1 s instead of 2.3 to 4.1 s; the
zip is 1.28 MB instead of 0.69 MB (0.5 s more at 10 Mbit/s). The code keeps
the file name it would have had (tracebacks name the same files), but a
traceback through the standard library shows no source line.

The zip is deterministic (sorted names, fixed dates, deflate level 9): the
same wheel and Pyodide give the same bytes, and the memory snapshot made
with it finds every file where its zipimport table says.

tests/pyodide/test_in_pyodide.py runs every shared vector and every
agreement model against this zip, and fails if the packages import a
module it lacks.
"""

from __future__ import annotations

import ast
import importlib
import importlib._bootstrap_external as bootstrap_external
import io
import pkgutil
import sys
import traceback
import zipfile
from pathlib import Path

PACKAGES = ("calculators", "agreements", "blocks", "engine", "words")
# The worker checks the wheel with hashlib where crypto.subtle is missing;
# codecs a str or bytes method may look up by name.
ALWAYS = ("hashlib", "encodings.ascii", "encodings.latin_1", "encodings.utf_8_sig", "traceback")
DATE = (1980, 1, 1, 0, 0, 0)


def stdlib_imports(source: str) -> tuple[set[str], set[str]]:
    """``(modules, maybe)``: the stdlib modules an ``import`` statement names
    in ``source`` (absolute imports only), and for ``from a import b`` the
    names ``a.b`` that may be submodules."""
    modules: set[str] = set()
    maybe: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
            maybe.update(f"{node.module}.{alias.name}" for alias in node.names if alias.name != "*")
        else:
            continue
        for name in names:
            if name.split(".")[0] in sys.stdlib_module_names:
                modules.add(name)
    maybe = {name for name in maybe if name.split(".")[0] in sys.stdlib_module_names}
    return modules, maybe - modules


def import_what_the_engine_imports(site_packages: str) -> list[str]:
    """Import it all here; return the wheel's modules left out (they need a package Pyodide lacks)."""
    importlib.invalidate_caches()
    skipped = []
    for package in PACKAGES:
        try:
            module = importlib.import_module(package)
        except ModuleNotFoundError as error:
            if error.name == package:
                continue  # a wheel without this package
            raise
        for info in pkgutil.walk_packages(module.__path__, package + "."):
            if info.name.rsplit(".", 1)[-1] == "__main__":
                continue  # the command line: runs on import
            try:
                importlib.import_module(info.name)
            except ModuleNotFoundError as error:
                if (error.name or "").split(".")[0] in sys.stdlib_module_names:
                    raise
                skipped.append(f"{info.name} ({error.name})")
        for path in sorted(Path(site_packages, package).rglob("*.py")):
            modules, maybe = stdlib_imports(path.read_text(encoding="utf-8"))
            for name in sorted(modules):
                importlib.import_module(name)
            for name in sorted(maybe):
                try:
                    importlib.import_module(name)
                except ImportError:
                    pass  # a name from the module, not a submodule
    for name in ALWAYS:
        importlib.import_module(name)
    try:
        raise ValueError("trim_stdlib")
    except ValueError:
        traceback.format_exc()
    return skipped


def used_files(zip_path: str) -> list[str]:
    """The files of the stdlib zip that the imported modules came from."""
    prefix = zip_path.rstrip("/") + "/"
    names = set()
    for module in list(sys.modules.values()):
        file = getattr(module, "__file__", None) or ""
        if file.startswith(prefix):
            names.add(file[len(prefix):])
    return sorted(names)


def compiled(source: bytes, filename: str) -> bytes:
    """The ``.pyc`` of a module: unchecked hash-based (no date, and never
    compared with a source the zip does not hold)."""
    code = compile(source, filename, "exec", dont_inherit=True, optimize=0)
    return bytes(bootstrap_external._code_to_hash_pyc(code, b"\0" * 8, checked=False))


def write_zip(zip_path: str, names: list[str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(zip_path) as source, zipfile.ZipFile(buffer, "w") as target:
        for name in names:
            data, stored = source.read(name), name
            if name.endswith(".py"):
                data, stored = compiled(data, f"{zip_path}/{name}"), name[:-3] + ".pyc"
            info = zipfile.ZipInfo(stored, DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, data, compresslevel=9)
    return buffer.getvalue()


def trimmed_zip(site_packages: str) -> tuple[bytes, list[str], list[str]]:
    """``(zip bytes, files kept, wheel modules left out)``."""
    zip_path = next(p for p in sys.path if p.endswith(".zip"))
    skipped = import_what_the_engine_imports(site_packages)
    names = used_files(zip_path)
    return write_zip(zip_path, names), names, skipped
