"""The refusals of an answers, dossier or grid file: what the pages and formats/ say.

One definition: the browser reads them here through the catalog
(``t("formats.grid_not_grid")``), and formats/messages.py gives the same
objects their Python names (``GRID_NOT_GRID``) for formats/*.py, which
reads files exactly as the pages do (tests/formats/test_same_as_js.py).
The command line's own sentences stay in formats/messages.py.

Placeholders are ``{name}``; a quoted name (``{title}``, ``{label}``…) is
given already quoted (formats.messages.quote, answers.js ``quote``). A
refusal is the sentence followed by the page's "nothing changed" sentence.
"""

WORDS = {
    # What the page adds after every refusal: nothing was replaced.
    "unchanged_answers": "Vos réponses actuelles n'ont pas changé.",
    "unchanged_grid": "La grille actuelle n'a pas changé.",
    # ---- a questionnaire's answers (answers.js, "Importer" on its page)
    "answers_too_big": "Ce fichier est trop volumineux pour être un export de réponses.",
    "answers_not_json": "Ce fichier n'est pas un fichier JSON lisible (choisissez un fichier exporté avec « Exporter JSON »).",
    "answers_not_answers": "Ce fichier n'est pas un export de réponses Mutuus.",
    "answers_newer_format": "Ce fichier vient d'une version plus récente de Mutuus : mettez le site à jour pour l'importer.",
    "answers_unknown_format": "Ce fichier n'est pas un export de réponses Mutuus valide (version de format inconnue).",
    "answers_no_questionnaire": "Ce fichier ne dit pas de quel questionnaire il vient.",
    "answers_other_questionnaire": (
        "Ce fichier contient les réponses d'un autre questionnaire ({title}), pas celles de {page}."
        " Importez-le sur la page de ce questionnaire."
    ),
    "answers_newer_questionnaire": (
        "Ce fichier vient d'une version plus récente de ce questionnaire (version {version} ;"
        " cette page : version {page_version}). Mettez le site à jour pour l'importer."
    ),
    "answers_bad_questionnaire_version": "La version du questionnaire indiquée dans ce fichier n'est pas valide.",
    "answers_organisation_not_text": "Le nom de l'organisation dans ce fichier n'est pas du texte.",
    "answers_organisation_too_long": "Le nom de l'organisation dans ce fichier dépasse {max} caractères.",
    "answers_no_answers": "Ce fichier ne contient pas de réponses lisibles.",
    "answers_unknown_questions": "Ce fichier contient des réponses à des questions que ce questionnaire ne connaît pas : {ids}.",
    "answer_unreadable": "La réponse à la question {label} n'est pas lisible.",
    "answer_unknown_field": "La réponse à la question {label} contient un champ inconnu ({key}).",
    "answer_note_invalid": "La note de la question {label} n'est pas valide.",
    "answer_too_long": "La réponse à la question {label} dépasse {max} caractères.",
    "answer_not_possible": "La réponse à la question {label} n'est pas une réponse possible ({value}).",
    "answer_note_too_long": "La note de la question {label} dépasse {max} caractères.",
    # A dossier opened on one questionnaire's page.
    "answers_dossier_lacks": "Ce dossier ne contient pas de réponses à {title}.",
    # ---- a dossier ("Importer un dossier" on "Mon dossier": dossier-import.js,
    # dossier-file.js, answers.js, dossier-saved.js)
    "dossier_too_big": "Ce fichier est trop volumineux pour être un dossier Mutuus.",
    "dossier_not_json": "Ce fichier n'est pas un fichier JSON lisible. Choisissez un fichier exporté avec « Exporter mon dossier ».",
    "dossier_newer_format": "Ce dossier vient d'une version plus récente de Mutuus (format {version}) : ce site ne sait pas encore le lire.",
    "dossier_not_dossier": "Ce fichier n'est pas un dossier Mutuus.",
    "dossier_is_a_grid": "C'est une grille de diagnostic : ouvrez-la sur la page « Grille de diagnostic ».",
    "dossier_unknown_format": "Ce dossier vient d'une version de Mutuus que ce site ne sait pas lire.",
    "dossier_organisation_not_text": "Le nom de l'organisation dans ce dossier n'est pas du texte.",
    "dossier_no_list": "Ce dossier ne contient pas de liste de questionnaires.",
    "dossier_unknown_questionnaire": "Ce dossier contient un questionnaire inconnu.",
    "dossier_unknown_questionnaire_named": "Ce dossier contient un questionnaire inconnu ({id}).",
    "dossier_twice": "Ce dossier contient deux fois le questionnaire {title}.",
    # A questionnaire's refusal inside a dossier: "<title> : <its sentence>".
    "dossier_in_questionnaire": "{title} : {refusal}",
    "dossier_saved_unreadable": "La partie « {section} » de ce dossier n'est pas lisible.",
    "dossier_saved_bad_entry": "La partie « {section} » de ce dossier contient une entrée illisible.",
    "dossier_empty": "Ce dossier ne contient aucun questionnaire.",
    # ---- a diagnostic grid ("Ouvrir une grille enregistrée": grid-save.js, grid-files.js)
    "grid_too_big": "Ce fichier est trop volumineux pour être une grille Mutuus.",
    "grid_not_json": "Ce fichier n'est pas un fichier JSON lisible. Choisissez un fichier créé avec « Enregistrer la grille ».",
    "grid_not_grid": "Ce fichier n'est pas une grille de diagnostic Mutuus.",
    "grid_is_answers": (
        "Ce fichier contient des réponses à un questionnaire, pas une grille."
        " Pour ajouter un portrait, utilisez « Ajouter des portraits »."
    ),
    "grid_newer_format": "Cette grille vient d'une version plus récente de Mutuus (format {version}) : ce site ne sait pas encore la lire.",
    "grid_unknown_format": "Cette grille a une version de format inconnue.",
    "grid_no_list": "Cette grille ne contient pas de liste de portraits.",
    "grid_too_many": "Cette grille compare plus de {max} organisations, ce que cette page ne sait pas afficher.",
    # A portrait's refusal: "Portrait n° 2 : <its sentence>".
    "grid_in_portrait": "Portrait n° {number} : {refusal}",
    "grid_portrait_unnamed": "Le portrait n° {number} n'a pas de nom d'organisation.",
    "grid_marks_unreadable": "Les marques de cette grille ne sont pas lisibles.",
    "grid_unknown_dimension": "Cette grille marque une dimension inconnue (« {id} »).",
    "grid_mark_unreadable": "La marque de la dimension « {title} » n'est pas lisible.",
    "grid_mark_not_possible": "La marque de la dimension « {title} » n'est pas une marque possible.",
    "grid_note_invalid": "La note de la dimension « {title} » n'est pas valide.",
}
