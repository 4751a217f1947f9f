"""The numbers and codes of Mutuus's file formats (rule 19), owned here.

The page reads the text and organisation limits through
``macros.questionnaire_rules.browser_rules`` (rendered into every form); the
JSON Schemas beside this module carry the same numbers (a test checks they
agree). Lengths are counted as JavaScript counts them (UTF-16 code units), so
the browser and Python refuse the same files.
"""

from __future__ import annotations

ANSWERS_FORMAT = "mutuus-answers"
DOSSIER_FORMAT = "mutuus-dossier"
GRID_FORMAT = "mutuus-grid"
FORMATS = (ANSWERS_FORMAT, DOSSIER_FORMAT, GRID_FORMAT)
# The version each format is written in today. A file of an older version
# must still import; a newer one is refused with a sentence that says so.
FORMAT_VERSION = 1
GRID_FORMAT_VERSION = 1

MAX_TEXT_LENGTH = 20000  # a text answer, a rating's note, a grid dimension's note
MAX_ORGANISATION_LENGTH = 200  # the organisation's name in an answers file
MAX_FILE_BYTES = 2 * 1024 * 1024  # any file the pages open
MAX_ORGANISATIONS = 12  # portraits a grid compares

# The answer codes of the two fixed vocabularies (their French words are in
# macros/questionnaire_rules.py); a choice question's codes are its options.
CHECK_VALUES = ("done", "not_yet", "not_applicable")
RATING_VALUES = ("strength", "weakness", "neutral", "not_applicable")
# The grid's reading of a dimension ("" = not decided yet).
MARKS = ("convergence", "complementarity", "divergence")
# The optional parts of a dossier that hold other tools' saved values, by id.
SAVED_SECTIONS = ("calculators", "agreements")
SAVED_ID_PATTERN = r"[A-Za-z0-9_-]{1,80}"
# The questionnaire whose answers a grid compares (its sections are the grid's dimensions).
GRID_QUESTIONNAIRE = "portrait"
