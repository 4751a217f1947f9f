"""Build step: write the site's service worker after the site generator.

``run(config, site_dir)`` calls ``node offline/service-worker.mjs <site_dir>``
(Workbox's ``workbox-build``, pinned in package.json). It needs the built site
(pages final, CSP hashes written) and ``node_modules`` (``npm ci``).

Until the build steps move into the Makefile, ``hooks/service_worker.py``
calls it at the end of ``mkdocs build`` (never under ``mkdocs serve``: a
worker caching pages would hide live edits). The Makefile form is::

    node offline/service-worker.mjs site
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "offline" / "service-worker.mjs"


class ServiceWorkerError(RuntimeError):
    """A French message saying why the worker could not be written."""


def run(config: dict, site_dir: Path) -> str:
    """Write sw.js (and its two data files) into site_dir; return Node's summary line."""
    node = shutil.which("node")
    if node is None:
        raise ServiceWorkerError(
            "service-worker : Node.js est introuvable ; installez-le (apt-get install -y nodejs npm) "
            "puis lancez « npm ci »."
        )
    if not (ROOT / "node_modules" / "workbox-build").is_dir():
        raise ServiceWorkerError(
            "service-worker : workbox-build est absent de node_modules ; lancez « npm ci » à la racine du dépôt."
        )
    proc = subprocess.run(
        [node, str(SCRIPT), str(site_dir)], cwd=ROOT, capture_output=True, text=True
    )
    if proc.returncode != 0:
        raise ServiceWorkerError((proc.stderr or proc.stdout).strip())
    return proc.stdout.strip()
