"""Build step: copy the pinned browser build of the npm package ``docx`` into the site.

``run(config, site_dir)`` copies ``node_modules/docx/dist/index.mjs`` (one
self-contained ES module, no import) and its licence to
``assets/vendor/docx/`` so the generator makes .docx files with no CDN. The
version is the one package-lock.json pins. Standard library only; a missing
``node_modules/docx`` stops the build with a French message (``make build``
runs ``npm ci`` first).
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ("node_modules", "docx")
TARGET = "assets/vendor/docx"
FILES = {"dist/index.mjs": "docx.mjs", "LICENSE": "LICENSE.txt"}


class AssetError(RuntimeError):
    pass


def run(config: dict, site_dir: Path, root: Path = ROOT) -> list[Path]:
    """Copy the files; returns the paths written."""
    source = Path(root).joinpath(*SOURCE)
    written = []
    for name, target_name in FILES.items():
        path = source / name
        if not path.is_file():
            raise AssetError(
                f"agreements : {path.relative_to(root)} est introuvable. Lancez `npm ci` "
                "(le paquet docx est épinglé dans package-lock.json)."
            )
        target = Path(site_dir) / TARGET / target_name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        written.append(target)
    return written
