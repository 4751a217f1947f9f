"""Every sentence the pages say when they refuse an answers, dossier or grid file.

The sentences are words/formats.py's (the catalog's ``formats.<name>``, which
the browser's modules read with t()); this module gives the same objects the
names the readers of this package use (``GRID_NOT_GRID`` is
``t("formats.grid_not_grid")``), so a sentence is written once.
tests/formats/test_same_as_js.py runs both readers on the same files.
The command line's own sentences (``CLI_*``) are written here: no page says them.

Placeholders are ``{name}``; a quoted name (``{title}``, ``{label}``…) is
given already quoted by ``quote``. A refusal is the sentence followed by the
page's "nothing changed" sentence (``formats.result.refused``).
"""

from __future__ import annotations

from formats._js import js_len, js_slice
from words.dossier import WORDS as _DOSSIER
from words.formats import WORDS as _WORDS

# What the page adds after every refusal: nothing was replaced.
UNCHANGED_ANSWERS = _WORDS["unchanged_answers"]
UNCHANGED_GRID = _WORDS["unchanged_grid"]

# ---- a questionnaire's answers (answers.js, "Importer" on its page)
ANSWERS_TOO_BIG = _WORDS["answers_too_big"]
ANSWERS_NOT_JSON = _WORDS["answers_not_json"]
ANSWERS_NOT_ANSWERS = _WORDS["answers_not_answers"]
ANSWERS_NEWER_FORMAT = _WORDS["answers_newer_format"]
ANSWERS_UNKNOWN_FORMAT = _WORDS["answers_unknown_format"]
ANSWERS_NO_QUESTIONNAIRE = _WORDS["answers_no_questionnaire"]
ANSWERS_OTHER_QUESTIONNAIRE = _WORDS["answers_other_questionnaire"]
ANSWERS_NEWER_QUESTIONNAIRE = _WORDS["answers_newer_questionnaire"]
ANSWERS_BAD_QUESTIONNAIRE_VERSION = _WORDS["answers_bad_questionnaire_version"]
ANSWERS_ORGANISATION_NOT_TEXT = _WORDS["answers_organisation_not_text"]
ANSWERS_ORGANISATION_TOO_LONG = _WORDS["answers_organisation_too_long"]
ANSWERS_NO_ANSWERS = _WORDS["answers_no_answers"]
ANSWERS_UNKNOWN_QUESTIONS = _WORDS["answers_unknown_questions"]
ANSWER_UNREADABLE = _WORDS["answer_unreadable"]
ANSWER_UNKNOWN_FIELD = _WORDS["answer_unknown_field"]
ANSWER_NOTE_INVALID = _WORDS["answer_note_invalid"]
ANSWER_TOO_LONG = _WORDS["answer_too_long"]
ANSWER_NOT_POSSIBLE = _WORDS["answer_not_possible"]
ANSWER_NOTE_TOO_LONG = _WORDS["answer_note_too_long"]
# A dossier opened on one questionnaire's page.
ANSWERS_DOSSIER_LACKS = _WORDS["answers_dossier_lacks"]

# ---- a dossier ("Importer un dossier" on "Mon dossier": dossier-import.js,
# dossier-file.js, answers.js, dossier-saved.js)
DOSSIER_TOO_BIG = _WORDS["dossier_too_big"]
DOSSIER_NOT_JSON = _WORDS["dossier_not_json"]
DOSSIER_NEWER_FORMAT = _WORDS["dossier_newer_format"]
DOSSIER_NOT_DOSSIER = _WORDS["dossier_not_dossier"]
DOSSIER_IS_A_GRID = _WORDS["dossier_is_a_grid"]
DOSSIER_UNKNOWN_FORMAT = _WORDS["dossier_unknown_format"]
DOSSIER_ORGANISATION_NOT_TEXT = _WORDS["dossier_organisation_not_text"]
DOSSIER_NO_LIST = _WORDS["dossier_no_list"]
DOSSIER_UNKNOWN_QUESTIONNAIRE = _WORDS["dossier_unknown_questionnaire"]
DOSSIER_UNKNOWN_QUESTIONNAIRE_NAMED = _WORDS["dossier_unknown_questionnaire_named"]
DOSSIER_TWICE = _WORDS["dossier_twice"]
# A questionnaire's refusal inside a dossier: "<title> : <its sentence>".
DOSSIER_IN_QUESTIONNAIRE = _WORDS["dossier_in_questionnaire"]
DOSSIER_SAVED_UNREADABLE = _WORDS["dossier_saved_unreadable"]
DOSSIER_SAVED_BAD_ENTRY = _WORDS["dossier_saved_bad_entry"]
DOSSIER_EMPTY = _WORDS["dossier_empty"]

# ---- what "Mon dossier" says of a dossier from another organisation
# (words/dossier.py; dossier-import.js reads them with t("dossier.…")).
DOSSIER_PAGE_WORDS = {key: _DOSSIER[key] for key in ("other_organisation", "to_partners", "replace_anyway")}

# ---- a diagnostic grid ("Ouvrir une grille enregistrée": grid-save.js, grid-files.js)
GRID_TOO_BIG = _WORDS["grid_too_big"]
GRID_NOT_JSON = _WORDS["grid_not_json"]
GRID_NOT_GRID = _WORDS["grid_not_grid"]
GRID_IS_ANSWERS = _WORDS["grid_is_answers"]
GRID_NEWER_FORMAT = _WORDS["grid_newer_format"]
GRID_UNKNOWN_FORMAT = _WORDS["grid_unknown_format"]
GRID_NO_LIST = _WORDS["grid_no_list"]
GRID_TOO_MANY = _WORDS["grid_too_many"]
# A portrait's refusal: "Portrait n° 2 : <its sentence>".
GRID_IN_PORTRAIT = _WORDS["grid_in_portrait"]
GRID_PORTRAIT_UNNAMED = _WORDS["grid_portrait_unnamed"]
GRID_MARKS_UNREADABLE = _WORDS["grid_marks_unreadable"]
GRID_UNKNOWN_DIMENSION = _WORDS["grid_unknown_dimension"]
GRID_MARK_UNREADABLE = _WORDS["grid_mark_unreadable"]
GRID_MARK_NOT_POSSIBLE = _WORDS["grid_mark_not_possible"]
GRID_NOTE_INVALID = _WORDS["grid_note_invalid"]

# ---- the command line only (python -m formats check): no page says these
CLI_TOO_BIG = "Ce fichier est trop volumineux."
CLI_NOT_JSON = "Ce fichier n'est pas un fichier JSON lisible."
CLI_NOT_MUTUUS = (
    "Ce fichier n'est pas un fichier Mutuus : ni des réponses à un questionnaire (mutuus-answers),"
    " ni un dossier (mutuus-dossier), ni une grille de diagnostic (mutuus-grid)."
)
CLI_CANNOT_READ = "Impossible de lire le fichier « {path} » : {reason}."
CLI_USAGE = "Usage : python -m formats check FICHIER|-"
CLI_BAD_COMMAND = "Commande inconnue : {got}. {usage}"
CLI_BAD_ARGUMENTS = "« check » attend un seul fichier (ou - pour l'entrée standard). {usage}"


def quote(text: str) -> str:
    """« text », cut to 57 characters and "…" beyond 60 (answers.js's quote)."""
    s = str(text)
    return f"« {js_slice(s, 0, 57) + '…' if js_len(s) > 60 else s} »"
