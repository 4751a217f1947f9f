"""The page's renderer (core/blocks-dom.js, in Node on a fake document) and
blocks.to_html write the same markup for the same blocks: a build-time page
and the page's preview of one agreement do not differ."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from agreements.assemble import assemble
from agreements.loader import load_all
from blocks import to_html
from macros.agreement_render import model_blocks
from tests.agreements.vectors import HOSTILE, PARTNERS
from tests.blocks.test_blocks import DOC  # the hand-written blocks of the unit tests

ROOT = Path(__file__).resolve().parents[2]
NODE = shutil.which("node")
MODELS = load_all()


def dom_markup(blocks: list, shift: int) -> str:
    done = subprocess.run([NODE, str(ROOT / "tests" / "blocks" / "render_dom.mjs")], input=json.dumps({"blocks": blocks, "shift": shift}),
                          capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.skipif(NODE is None, reason="Node.js absent")
@pytest.mark.parametrize("name", ["hand-written", "draft", "hostile draft", "model page"])
def test_same_markup(name):
    blocks = {
        "hand-written": lambda: DOC,
        "draft": lambda: assemble(MODELS["convention_cadre"], "FR", {"partners": PARTNERS, "values": {"duree": "un an"}})["blocks"],
        "hostile draft": lambda: assemble(MODELS["locaux"], "BE", {"partners": HOSTILE})["blocks"],
        "model page": lambda: model_blocks(MODELS["personnel"]),
    }[name]()
    # Python separates blocks by a line break for people reading the page's source; the DOM has none.
    assert dom_markup(blocks, 2) == to_html(blocks, shift=2).replace("\n", "")
