"""Mutuus's file formats: what users keep and bring back (rule 19).

Three formats, each with a JSON Schema beside this module and a reader that
refuses what the page refuses, in the page's words (``formats.messages``):

- ``mutuus-answers`` (answers.schema.json): one questionnaire's answers,
  written by "Exporter JSON" on its page; ``formats.answers``.
- ``mutuus-dossier`` (dossier.schema.json): every questionnaire's answers and
  the saved calculators and agreements, written by "Exporter mon dossier";
  ``formats.dossier``.
- ``mutuus-grid`` (grid.schema.json): the diagnostic grid, written by
  "Enregistrer la grille"; ``formats.grid``.

Standard library only (it runs in Pyodide as it runs here). The command line
``python -m formats check FILE`` says whether a file opens and, if not, why.
"""

from __future__ import annotations

import json
from pathlib import Path

from formats.answers import parse_answers_file, read_answers_file, validate_answers
from formats.dossier import check_saved, read_dossier_file, read_dossier_json, validate_dossier
from formats.grid import read_grid_file, validate_grid
from formats.limits import ANSWERS_FORMAT, DOSSIER_FORMAT, FORMAT_VERSION, FORMATS, GRID_FORMAT
from formats.result import Result

SCHEMA_FILES = {
    ANSWERS_FORMAT: "answers.schema.json",
    DOSSIER_FORMAT: "dossier.schema.json",
    GRID_FORMAT: "grid.schema.json",
}


def schema(fmt: str) -> dict:
    """The JSON Schema of a format (``"mutuus-answers"``…)."""
    return json.loads((Path(__file__).parent / SCHEMA_FILES[fmt]).read_text(encoding="utf-8"))


__all__ = [
    "ANSWERS_FORMAT",
    "DOSSIER_FORMAT",
    "FORMATS",
    "FORMAT_VERSION",
    "GRID_FORMAT",
    "Result",
    "check_saved",
    "parse_answers_file",
    "read_answers_file",
    "read_dossier_file",
    "read_dossier_json",
    "read_grid_file",
    "schema",
    "validate_answers",
    "validate_dossier",
    "validate_grid",
]
