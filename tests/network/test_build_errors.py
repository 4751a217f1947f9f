"""A broken board entry stops the real `mkdocs build` with file:line: message, and no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_broken_entry_stops_the_build(tmp_path):
    board = tmp_path / "board"
    board.mkdir()
    (board / "salle.yml").write_text(
        "kind: offer\n"
        "title: Salle\n"
        "category: locaux\n"
        "organisation: Atelier fictif\n"
        "territory: Montréal\n"
        "country: QC\n"
        "description: Une salle.\n"
        "contact: http://atelier.example.org\n"  # line 8: http, not https
        "published: 2026-10-01\n"
        "until: 2027-03-31\n",
        encoding="utf-8",
    )
    env = dict(os.environ, MUTUUS_BOARD_DIR=str(board), NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    # MUTUUS_BOARD_DIR is outside the project: the file is named by its folder.
    assert "board/salle.yml:8: « contact » vaut « http://atelier.example.org »" in output
    assert "Traceback" not in output
