"""Every sentence the pages say when they refuse an answers, dossier or grid file.

This module owns them (rule 16): the readers of this package build their
refusals from these templates only, and words/formats.py names the same
objects for the catalog (``ANSWERS_TOO_BIG`` is ``t("formats.answers_too_big")``),
which the browser's modules read; tests/formats/test_same_as_js.py runs
both readers on the same files.

Placeholders are ``{name}``; a quoted name (``{title}``, ``{label}``…) is
given already quoted by ``quote``. A refusal is the sentence followed by the
page's "nothing changed" sentence (``formats.result.refused``).
"""

from __future__ import annotations

from formats._js import js_len, js_slice

# What the page adds after every refusal: nothing was replaced.
UNCHANGED_ANSWERS = "Vos réponses actuelles n'ont pas changé."
UNCHANGED_GRID = "La grille actuelle n'a pas changé."

# ---- a questionnaire's answers (answers.js, "Importer" on its page)
ANSWERS_TOO_BIG = "Ce fichier est trop volumineux pour être un export de réponses."
ANSWERS_NOT_JSON = "Ce fichier n'est pas un fichier JSON lisible (choisissez un fichier exporté avec « Exporter JSON »)."
ANSWERS_NOT_ANSWERS = "Ce fichier n'est pas un export de réponses Mutuus."
ANSWERS_NEWER_FORMAT = "Ce fichier vient d'une version plus récente de Mutuus : mettez le site à jour pour l'importer."
ANSWERS_UNKNOWN_FORMAT = "Ce fichier n'est pas un export de réponses Mutuus valide (version de format inconnue)."
ANSWERS_NO_QUESTIONNAIRE = "Ce fichier ne dit pas de quel questionnaire il vient."
ANSWERS_OTHER_QUESTIONNAIRE = (
    "Ce fichier contient les réponses d'un autre questionnaire ({title}), pas celles de {page}."
    " Importez-le sur la page de ce questionnaire."
)
ANSWERS_NEWER_QUESTIONNAIRE = (
    "Ce fichier vient d'une version plus récente de ce questionnaire (version {version} ;"
    " cette page : version {page_version}). Mettez le site à jour pour l'importer."
)
ANSWERS_BAD_QUESTIONNAIRE_VERSION = "La version du questionnaire indiquée dans ce fichier n'est pas valide."
ANSWERS_ORGANISATION_NOT_TEXT = "Le nom de l'organisation dans ce fichier n'est pas du texte."
ANSWERS_ORGANISATION_TOO_LONG = "Le nom de l'organisation dans ce fichier dépasse {max} caractères."
ANSWERS_NO_ANSWERS = "Ce fichier ne contient pas de réponses lisibles."
ANSWERS_UNKNOWN_QUESTIONS = "Ce fichier contient des réponses à des questions que ce questionnaire ne connaît pas : {ids}."
ANSWER_UNREADABLE = "La réponse à la question {label} n'est pas lisible."
ANSWER_UNKNOWN_FIELD = "La réponse à la question {label} contient un champ inconnu ({key})."
ANSWER_NOTE_INVALID = "La note de la question {label} n'est pas valide."
ANSWER_TOO_LONG = "La réponse à la question {label} dépasse {max} caractères."
ANSWER_NOT_POSSIBLE = "La réponse à la question {label} n'est pas une réponse possible ({value})."
ANSWER_NOTE_TOO_LONG = "La note de la question {label} dépasse {max} caractères."
# A dossier opened on one questionnaire's page.
ANSWERS_DOSSIER_LACKS = "Ce dossier ne contient pas de réponses à {title}."

# ---- a dossier ("Importer un dossier" on "Mon dossier": dossier-import.js,
# dossier-file.js, answers.js, dossier-saved.js)
DOSSIER_TOO_BIG = "Ce fichier est trop volumineux pour être un dossier Mutuus."
DOSSIER_NOT_JSON = "Ce fichier n'est pas un fichier JSON lisible. Choisissez un fichier exporté avec « Exporter mon dossier »."
DOSSIER_NEWER_FORMAT = "Ce dossier vient d'une version plus récente de Mutuus (format {version}) : ce site ne sait pas encore le lire."
DOSSIER_NOT_DOSSIER = "Ce fichier n'est pas un dossier Mutuus."
DOSSIER_IS_A_GRID = "C'est une grille de diagnostic : ouvrez-la sur la page « Grille de diagnostic »."
DOSSIER_UNKNOWN_FORMAT = "Ce dossier vient d'une version de Mutuus que ce site ne sait pas lire."
DOSSIER_ORGANISATION_NOT_TEXT = "Le nom de l'organisation dans ce dossier n'est pas du texte."
DOSSIER_NO_LIST = "Ce dossier ne contient pas de liste de questionnaires."
DOSSIER_UNKNOWN_QUESTIONNAIRE = "Ce dossier contient un questionnaire inconnu."
DOSSIER_UNKNOWN_QUESTIONNAIRE_NAMED = "Ce dossier contient un questionnaire inconnu ({id})."
DOSSIER_TWICE = "Ce dossier contient deux fois le questionnaire {title}."
# A questionnaire's refusal inside a dossier: "<title> : <its sentence>".
DOSSIER_IN_QUESTIONNAIRE = "{title} : {refusal}"
DOSSIER_SAVED_UNREADABLE = "La partie « {section} » de ce dossier n'est pas lisible."
DOSSIER_SAVED_BAD_ENTRY = "La partie « {section} » de ce dossier contient une entrée illisible."
DOSSIER_EMPTY = "Ce dossier ne contient aucun questionnaire."

# ---- what "Mon dossier" says from this catalog: macros/dossier.py writes
# these into the page (#mu-dossier-words) and dossier-import.js reads them
# there, never typing them itself (tests/formats/test_same_as_js.py checks
# both). {file} and {own} are organisation names given quoted by ``quote``.
DOSSIER_PAGE_WORDS = {
    # A dossier chosen in "Importer un dossier" whose organisation is not the one on this device.
    "other_organisation": (
        "Ce dossier est celui de {file}, pas le vôtre ({own}). Pour lire ses réponses à côté des vôtres"
        " sans rien remplacer, ajoutez-le plutôt aux fichiers de vos partenaires."
        " Remplacer vos réponses par les siennes reste possible : voici ce qui changerait."
    ),
    "to_partners": "Ajouter aux fichiers de mes partenaires",
    "replace_anyway": "Remplacer quand même mes réponses",
}

# ---- a diagnostic grid ("Ouvrir une grille enregistrée": grid-save.js, grid-files.js)
GRID_TOO_BIG = "Ce fichier est trop volumineux pour être une grille Mutuus."
GRID_NOT_JSON = "Ce fichier n'est pas un fichier JSON lisible. Choisissez un fichier créé avec « Enregistrer la grille »."
GRID_NOT_GRID = "Ce fichier n'est pas une grille de diagnostic Mutuus."
GRID_IS_ANSWERS = (
    "Ce fichier contient des réponses à un questionnaire, pas une grille."
    " Pour ajouter un portrait, utilisez « Ajouter des portraits »."
)
GRID_NEWER_FORMAT = "Cette grille vient d'une version plus récente de Mutuus (format {version}) : ce site ne sait pas encore la lire."
GRID_UNKNOWN_FORMAT = "Cette grille a une version de format inconnue."
GRID_NO_LIST = "Cette grille ne contient pas de liste de portraits."
GRID_TOO_MANY = "Cette grille compare plus de {max} organisations, ce que cette page ne sait pas afficher."
# A portrait's refusal: "Portrait n° 2 : <its sentence>".
GRID_IN_PORTRAIT = "Portrait n° {number} : {refusal}"
GRID_PORTRAIT_UNNAMED = "Le portrait n° {number} n'a pas de nom d'organisation."
GRID_MARKS_UNREADABLE = "Les marques de cette grille ne sont pas lisibles."
GRID_UNKNOWN_DIMENSION = "Cette grille marque une dimension inconnue (« {id} »)."
GRID_MARK_UNREADABLE = "La marque de la dimension « {title} » n'est pas lisible."
GRID_MARK_NOT_POSSIBLE = "La marque de la dimension « {title} » n'est pas une marque possible."
GRID_NOTE_INVALID = "La note de la dimension « {title} » n'est pas valide."

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
