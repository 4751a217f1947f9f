"""`make bench`, part 1: how long the site takes to build, against bare Material.

    .venv/bin/python bench/build.py [--runs 3]

Both builds run in this one process, interleaved, so the machine's load hits
them alike; the figure that matters is the ratio, not the seconds:

- baseline: the same Markdown pages built by Material alone (search plugin,
  no macros, no hooks, no extensions, not strict): what any Material site of
  this size costs;
- Mutuus: the real mkdocs.yml (macros, questionnaires validated and rendered),
  strict, between sitebuild's pre and post steps (calculators wheel, Pyodide
  runtime copied, CSP), as `make build` runs them.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import os
import shutil
import sys
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # sitebuild, run as a script

BARE_CONFIG = """site_name: Référence Material
docs_dir: {docs}
site_dir: {site}
theme:
  name: material
  language: fr
  font: false
plugins:
  - search
"""


def timed_build(config_file: Path, **overrides) -> float:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        config = load_config(str(config_file), **overrides)
        build(config)
    return time.perf_counter() - start


def timed_mutuus_build(site_dir: Path) -> float:
    from sitebuild import build as steps

    start = time.perf_counter()
    steps.pre(site_dir)
    timed_build(ROOT / "mkdocs.yml", site_dir=str(site_dir), strict=True)
    steps.post(site_dir)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    os.chdir(ROOT)
    scratch = Path(tempfile.mkdtemp(prefix="mutuus-bench-build-"))
    try:
        bare_docs = scratch / "bare-docs"
        shutil.copytree(ROOT / "docs", bare_docs)
        bare_config = scratch / "bare.yml"
        bare_config.write_text(
            BARE_CONFIG.format(docs=bare_docs, site=scratch / "bare-site"), encoding="utf-8"
        )
        bare, full = [], []
        for _ in range(args.runs):
            bare.append(timed_build(bare_config))
            full.append(timed_mutuus_build(scratch / "site"))
        pages = sum(1 for _ in (scratch / "site").rglob("index.html"))
        b, f = statistics.median(bare), statistics.median(full)
        print(f"Construction du site ({args.runs} passes, médianes, {pages} pages)")
        print(f"  Material seul (référence)   {b:6.2f} s")
        print(f"  Mutuus (strict, complet)    {f:6.2f} s   rapport {f / b:4.2f}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
