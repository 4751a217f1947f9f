"""« Mon dossier »'s words (outils/mon-dossier.md: dossier-*.js).

A refused file's sentences are words/formats.py's. The three sentences about
a partner's dossier chosen in « Importer un dossier » are also
formats.messages.DOSSIER_PAGE_WORDS (the same objects).
Quoted names (« … ») are quoted here, in the sentence; {file} and {own} in
``other_organisation`` come already quoted (answers.js ``quote``).
"""

WORDS = {
    # ---- a dossier chosen in « Importer un dossier » whose organisation is
    # not the one on this device (dossier-import.js)
    "other_organisation": (
        "Ce dossier est celui de {file}, pas le vôtre ({own}). Pour lire ses réponses à côté des vôtres"
        " sans rien remplacer, ajoutez-le plutôt aux fichiers de vos partenaires."
        " Remplacer vos réponses par les siennes reste possible : voici ce qui changerait."
    ),
    "to_partners": "Ajouter aux fichiers de mes partenaires",
    "replace_anyway": "Remplacer quand même mes réponses",
    # ---- counts
    "questionnaires": {"one": "{n} questionnaire", "other": "{n} questionnaires"},
    "answers": {"one": "{n} réponse", "other": "{n} réponses"},
    # ---- the page (dossier-page.js)
    "catalog_missing": "La liste des questionnaires est introuvable sur cette page. Rechargez la page ; si le problème continue, signalez-le.",
    # After the storage's refusal.
    "storage_blocked": (
        "Cette page ne peut donc ni lire ni garder de réponses. Autorisez le stockage local pour ce site"
        " (ou quittez la navigation privée), puis rechargez la page."
    ),
    # ---- the table of questionnaires (dossier-table.js)
    "table_caption": "Vos questionnaires sur cet appareil : réponses données, organisation et date de la dernière modification",
    "table_label": "Tableau de vos questionnaires",
    "column_questionnaire": "Questionnaire",
    "column_step": "Étape",
    "column_answers": "Réponses",
    "column_organisation": "Organisation",
    "column_modified": "Dernière modification",
    "answered": "{answered} sur {total}",
    "not_started": "Pas encore commencé",
    "none_answered": "Vous n'avez encore répondu à aucun questionnaire sur cet appareil.",
    "started": "Vous avez commencé {questionnaires} sur {total}.",
    # ---- export
    "export": "Exporter mon dossier (JSON)",
    "nothing_to_export": "Rien à exporter : vous n'avez encore répondu à aucun questionnaire sur cet appareil.",
    "exported": "Dossier exporté ({questionnaires}) : {file}. Gardez ce fichier en lieu sûr ; il contient vos réponses en clair.",
    # ---- import (dossier-import.js)
    "import_label": "Fichier de dossier à importer (.json)",
    "import_help": (
        "Un fichier « mutuus-dossier-….json » exporté depuis cette page, ou l'export d'un seul questionnaire."
        " Rien n'est remplacé avant votre confirmation."
    ),
    "file_unreadable": "Ce fichier n'a pas pu être lu.",
    "import_title": "Ce dossier contient {questionnaires}. Rien n'est remplacé avant votre confirmation.",
    "import_title_from": "Ce dossier de « {organisation} » contient {questionnaires}. Rien n'est remplacé avant votre confirmation.",
    "import_title_when": "Ce dossier, exporté le {date}, contient {questionnaires}. Rien n'est remplacé avant votre confirmation.",
    "import_title_from_when": (
        "Ce dossier de « {organisation} », exporté le {date}, contient {questionnaires}."
        " Rien n'est remplacé avant votre confirmation."
    ),
    # One line per questionnaire of the file; {change}: one of the three below.
    "import_line": "{title} : {answers} sur {total} — {change}",
    "import_replaces": "remplace vos réponses actuelles ({answers})",
    "import_replaces_dated": "remplace vos réponses actuelles ({answers}, modifiées le {date})",
    "import_new": "nouveau sur cet appareil",
    "import_confirm": "Importer et remplacer",
    "import_cancelled": "Import annulé.",
    "import_stopped_at": "Import interrompu à « {title} ».",
    "import_stopped": "Import interrompu.",
    # {parts}: the three counts below that are not zero, joined by ", ".
    "imported": "Dossier importé : {parts}.",
    "imported_replaced": {"one": "{n} questionnaire remplacé", "other": "{n} questionnaires remplacés"},
    "imported_added": {"one": "{n} questionnaire ajouté", "other": "{n} questionnaires ajoutés"},
    "imported_restored": {"one": "{n} résultat ou brouillon repris", "other": "{n} résultats ou brouillons repris"},
    # ---- what a dossier carries besides answers (dossier-saved.js); {names}: their titles
    "saved_calculators": {"one": "{n} résultat de calculateur ({names})", "other": "{n} résultats de calculateurs ({names})"},
    "saved_agreements": {"one": "{n} brouillon de convention ({names})", "other": "{n} brouillons de conventions ({names})"},
    # ---- erasing everything (dossier-page.js)
    "erase": "Tout effacer de cet appareil",
    "erase_nothing": "Mutuus ne garde rien sur cet appareil : il n'y a rien à effacer.",
    "erase_question": (
        "Tout effacer de cet appareil ? Mutuus y garde ceci, qui sera supprimé."
        " Exportez d'abord votre dossier si vous voulez le garder."
    ),
    "erase_confirm": "Oui, tout effacer",
    "erase_cancelled": "Rien n'a été effacé.",
    "erased": "Effacé de cet appareil : {what}. Mutuus n'y garde plus rien.",
    # {what}: what was erased, or "erased_nothing".
    "erase_failed": "Effacé : {what}. {failed} élément(s) n'ont pas pu être effacés : le stockage de ce navigateur refuse.",
    "erased_nothing": "rien",
    # ---- partners (dossier-partners.js)
    "partners_unchanged": "Vos réponses et vos partenaires n'ont pas changé.",
    "partner_label": "Fichier d'un partenaire à ajouter (.json)",
    "partner_help": (
        "L'export d'un questionnaire, d'un portrait ou d'un dossier entier, reçu d'une autre organisation."
        " Il est rangé à part, sous le nom de cette organisation : vos réponses et votre nom ne changent pas."
    ),
    "partner_too_big": "Ce fichier est trop volumineux.",
    "partner_not_json": "Ce fichier n'est pas un fichier JSON lisible.",
    "partner_empty": "Ce fichier ne contient aucun questionnaire.",
    "partners_full": "Vous avez déjà {max} partenaires, le maximum. Retirez-en un d'abord.",
    "partner_added": "« {name} » ajouté comme partenaire ({questionnaires}). Vos réponses n'ont pas changé.",
    "partner_renamed": "Ce nom était déjà pris : il est affiché « {name} ».",
    "partners_title": "Vos partenaires",
    "partners_empty": "Aucun fichier de partenaire pour l'instant.",
    "partner_remove": "Retirer",
    "partner_remove_label": "Retirer « {name} »",
    "partner_removed": "« {name} » a été retiré de vos partenaires.",
    # ---- side by side (dossier-compare.js)
    "compare_title": "Lire côte à côte",
    "compare_label": "Questionnaire à comparer",
    "compare_question": "Question",
    "compare_you": "{name} (vous)",
    "compare_note": " (note : {note})",
    "compare_caption": "{title} : vos réponses et celles de vos partenaires, question par question",
    "compare_alone": "Aucun de vos partenaires n'a encore répondu à ce questionnaire : seule votre colonne est affichée.",
    "pairings_title": "Rapprochements possibles",
    "pairing_category": "{category} : ",
    "pairing": "{offerer} offre « {offer} » ; {needer} cherche « {need} ».",
    "pairings_none": (
        "Pas encore de rapprochement : il faut qu'une organisation offre quelque chose dans une catégorie"
        " où une autre a un besoin."
    ),
    # ---- the summary to send before a meeting
    "summary_title": "Résumé à envoyer avant une rencontre",
    "summary_markdown": "Exporter le résumé (Markdown)",
    "summary_print": "Imprimer le résumé",
    "summary_exported": "Résumé exporté : {file} (dans le dossier des téléchargements de votre navigateur).",
}
