"""Steps of the offline site (offline/, issue 12), run after the generator.

``page_styles`` (before the CSP) adds each tool's stylesheet to the pages
that hold that tool only; ``run`` (after the CSP, so the precache sees the
final pages) writes ``sw.js`` with Workbox. Under ``python -m sitebuild
serve`` no service worker is written: it would hide live edits.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from sitebuild.errors import BuildError


def page_styles(config: dict, site_dir: Path) -> None:
    from offline import page_styles as styles

    styles.run(config, site_dir)


def run(config: dict, site_dir: Path) -> None:
    if os.environ.get("MUTUUS_SERVE") == "1":
        return
    from offline.service_worker import ServiceWorkerError, run as write_worker

    try:
        summary = write_worker(config, site_dir)
    except ServiceWorkerError as error:
        raise BuildError(str(error)) from None
    if summary:
        print(summary, file=sys.stderr)
