"""A wrong questionnaire stops `mkdocs build` with file:line: message, and no traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"

CONFIG = """\
site_name: Test
docs_dir: docs
plugins:
  - macros:
      module_name: macros
      on_error_fail: true
      on_undefined: strict
      render_by_default: false
"""


def build(tmp_path: Path, questionnaire: str) -> subprocess.CompletedProcess:
    """A tiny project using the real macros package and one questionnaire file."""
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    shutil.copytree(FIXTURES / "docs", tmp_path / "docs")
    (tmp_path / "docs" / "index.md").write_text(
        '---\nrender_macros: true\n---\n# Accueil\n\n{{ questionnaire("demo") }}\n', encoding="utf-8"
    )
    # mkdocs-macros imports module_name from the project folder: copy the package.
    shutil.copytree(ROOT / "macros", tmp_path / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "questionnaires").mkdir()
    (tmp_path / "questionnaires" / "demo.yml").write_text(questionnaire, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT), NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def good():
    return (FIXTURES / "questionnaires" / "demo.yml").read_text(encoding="utf-8")


def test_good_file_builds(tmp_path, good):
    result = build(tmp_path, good)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'data-questionnaire="demo"' in html


def test_bad_kind_stops_the_build_with_file_and_line(tmp_path, good):
    # In the fixture (line 1 is a comment, the intro spans lines 6-10, sections: is 11),
    # question "libre" starts on line 33 and its "kind: text" is line 34.
    lines = good.splitlines()
    assert lines[33] == "        kind: text"
    lines[33] = "        kind: texte"
    result = build(tmp_path, "\n".join(lines) + "\n")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "questionnaires/demo.yml:34: type « texte » inconnu" in output
    assert "Traceback" not in output


def test_yaml_syntax_error_stops_the_build_with_file_and_line(tmp_path, good):
    # Line 14 is "    intro: Une intro de section."; a stray ": " makes it invalid.
    lines = good.splitlines()
    assert lines[13] == "    intro: Une intro de section."
    lines[13] = "    intro: Une intro: de section."
    result = build(tmp_path, "\n".join(lines) + "\n")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "questionnaires/demo.yml:14: syntaxe YAML invalide" in output
    assert "Traceback" not in output


def test_unknown_questionnaire_id_in_a_page_stops_the_build(tmp_path, good):
    result = build(tmp_path, good)
    assert result.returncode == 0
    # index.md (written by build()): line 6 holds the macro call.
    page = tmp_path / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8").replace('questionnaire("demo")', 'questionnaire("demos")'), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT), NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "docs/index.md:6: questionnaire « demos » inconnu (questionnaires existants : demo)" in output
    assert "Traceback" not in output
