"""The board's rendered entries, shared by the ``board()`` macro and the build step.

The macro (inside the site generator) loads and checks every entry; the step
``macros.network_build`` (after it, in another process) needs the same
entries rendered as HTML. Rather than load and check them twice (5,000
entries: half the extra build time), the macro writes the rendered entries to
``.sitebuild/board/<key>.html`` and the step reads that file back.

The key hashes what the entries depend on: the board folder, the build date,
each entry file's name, size and modification time, the inventory (the
categories) and the loader's and renderer's own code. Any change gives a new
key, so a stale file is never read; with no file the step loads the entries
itself, as before.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import time
from pathlib import Path

CACHE_DIR = Path(".sitebuild") / "board"
_KEEP_SECONDS = 3600  # older files (other folders, other dates) are removed


def _stamp(path: Path) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return f"{path}:absent"
    return f"{path}:{st.st_size}:{st.st_mtime_ns}"


def cache_key(root: Path, folder: Path, today: dt.date) -> str:
    here = Path(__file__).resolve().parent
    parts = [str(Path(folder).resolve()), today.isoformat()]
    parts += [_stamp(p) for p in (Path(root) / "questionnaires" / "inventaire.yml",
                                  here / "network_loader.py", here / "network_render.py",
                                  here / "network_catalog.py", here / "countries.py", Path(__file__))]
    try:
        with os.scandir(folder) as scan:
            found = sorted((e.name, e.stat()) for e in scan if e.name.endswith(".yml"))
    except OSError:
        found = []
    parts += [f"{name}:{st.st_size}:{st.st_mtime_ns}" for name, st in found]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:32]


def _path(root: Path, key: str) -> Path:
    return Path(root) / CACHE_DIR / f"{key}.html"


def write(root: Path, key: str, html: str) -> None:
    """Atomic: a build running at the same time reads the whole file or none."""
    path = _path(root, key)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{key}.{os.getpid()}.tmp")
        tmp.write_text(html, encoding="utf-8")
        os.replace(tmp, path)
        limit = time.time() - _KEEP_SECONDS
        for old in path.parent.iterdir():
            if old != path and old.stat().st_mtime < limit:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only checkout: the step loads the entries itself


def read(root: Path, key: str) -> str | None:
    try:
        return _path(root, key).read_text(encoding="utf-8")
    except OSError:
        return None
