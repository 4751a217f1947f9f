"""The browser modules' pure rules, tested in Node (node --test tests/js/).

Node first loads the words catalog the build writes (words/: core/catalog.js),
as tools.js does in the page, so the modules' t() calls find their words.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from words import js_catalog

ROOT = Path(__file__).resolve().parents[2]
NODE = shutil.which("node")


@pytest.fixture(scope="module")
def catalog_script(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("words") / "catalog.mjs"
    path.write_text(js_catalog(), encoding="utf-8")
    return path


@pytest.mark.skipif(NODE is None, reason="Node.js absent")
@pytest.mark.parametrize("path", sorted((ROOT / "tests" / "js").glob("*.test.mjs")), ids=lambda p: p.name)
def test_node_unit_tests(path, catalog_script):
    result = subprocess.run(
        [NODE, "--import", catalog_script.as_uri(), "--test", str(path)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
