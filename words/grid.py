"""The diagnostic grid's words (outils/grille-diagnostic.md: grid-*.js).

The refusals of a grid file are formats.messages' (words/formats.py); the
reading rule itself is grid-rule.js, which returns codes these words name.
Quoted names (« … ») are quoted here, in the sentence.
"""

WORDS = {
    # ---- the marks a dimension can get, and what each means
    "mark_convergence": "Convergence",
    "mark_complementarity": "Complémentarité",
    "mark_divergence": "Divergence",
    "mark_none": "Pas encore décidé",
    "mark_help_convergence": "vous allez dans le même sens : synergies possibles",
    "mark_help_complementarity": "des différences qui peuvent vous enrichir, à discuter",
    "mark_help_divergence": "un obstacle ou un défi important",
    "mark_help_none": "vous n'avez pas encore tranché",
    # A cell of a portrait with no rating (the ratings' own words are the questionnaires').
    "unrated": "Non renseigné",
    # ---- the reading of the pooling potential (grid-rule.js's reading codes)
    "level_none": "pas encore de lecture",
    "level_low": "faible",
    "level_clarify": "à clarifier",
    "level_high": "élevé",
    "reading_need_portraits": "Importez au moins deux portraits.",
    "reading_low_mission": "Faible tant que la divergence sur la mission et les valeurs n'est pas levée.",
    "reading_check_values": (
        "Comparez d'abord vos missions et vos valeurs : vos notes disent si chacune les a écrites"
        " et partagées en interne, pas si elles se rejoignent."
    ),
    "reading_low_many": {
        "one": "{n} dimension est en divergence : levez ces obstacles avant d'aller plus loin.",
        "other": "{n} dimensions sont en divergence : levez ces obstacles avant d'aller plus loin.",
    },
    "reading_need_marks": "Marquez au moins une dimension.",
    "reading_high": {
        "one": "Aucune divergence et {n} dimension en convergence ou en complémentarité.",
        "other": "Aucune divergence et {n} dimensions en convergence ou en complémentarité.",
    },
    "reading_clarify_divergence": {
        "one": "{n} divergence à discuter avant de modéliser la mutualisation.",
        "other": "{n} divergences à discuter avant de modéliser la mutualisation.",
    },
    "reading_clarify_few": {
        "one": "Aucune divergence, mais {n} dimension seulement en convergence ou en complémentarité (il en faut au moins trois).",
        "other": "Aucune divergence, mais {n} dimensions seulement en convergence ou en complémentarité (il en faut au moins trois).",
    },
    # ---- the suggestion under each dimension (grid-rule.js's suggestion kinds)
    "suggestion_need_portraits": "Importez au moins deux portraits pour obtenir une suggestion.",
    "suggestion_not_enough": "Pas de suggestion : aucune caractéristique n'est notée par au moins deux organisations.",
    # {strong}, {weak}: quoted names joined as a list (« A » et « B »).
    "suggestion_values_check": (
        "À vérifier : la mission et les valeurs sont une force pour {strong} et une faiblesse pour {weak}."
        " Cette note dit si chacune a écrit et partagé ses valeurs, pas si vous avez les mêmes :"
        " lisez-les ensemble avant de marquer cette dimension."
    ),
    # {details}: one "suggestion_opposed" per characteristic, joined by " ; ".
    "suggestion_complementarity": "Complémentarité probable : l'une est forte là où l'autre est faible. {details}.",
    "suggestion_opposed": "{label} (force : {strong} ; faiblesse : {weak})",
    "suggestion_convergence": {
        "one": "Convergence probable : la seule caractéristique notée par plusieurs organisations l'est de la même façon.",
        "other": "Convergence probable : les {n} caractéristiques notées par plusieurs organisations le sont de la même façon.",
    },
    "suggestion_difference": (
        "Complémentarité possible : des écarts, mais aucune caractéristique n'est une force pour l'une"
        " et une faiblesse pour l'autre. À discuter."
    ),
    # ---- what a grid holds ("2 organisations, 1 dimension marquée")
    "holds": "{organisations}, {dimensions}",
    "organisations": {"one": "{n} organisation", "other": "{n} organisations"},
    "dimensions_marked": {"one": "{n} dimension marquée", "other": "{n} dimensions marquées"},
    # ---- the page (grid-page.js)
    "portrait_missing": "La définition du portrait est introuvable sur cette page. Rechargez la page ; si le problème continue, signalez-le.",
    # After the storage's "damaged data" sentence.
    "restarts_empty": "La page repart d'une grille vide. Si vous avez un fichier de la grille, ouvrez-le.",
    # After the storage's refusal.
    "not_kept": "La grille n'est donc pas gardée : enregistrez-la dans un fichier avant de quitter la page.",
    # Back or Forward after such a refusal (the browser's own question: OK leaves).
    "leave_unsaved": (
        "Ce navigateur ne garde pas cette grille : quitter la page l'efface."
        " Quitter quand même ? (Pour la garder, choisissez Annuler et enregistrez-la dans un fichier.)"
    ),
    "other_tab": "La grille vient d'être modifiée dans un autre onglet : elle est à jour ici.",
    # {names}: the organisations joined by " ; ", or "none_compared".
    "print_header": "Grille imprimée le {date}. Organisations comparées : {names}.",
    "none_compared": "aucune",
    # ---- the organisations compared
    "organisations_title": "Organisations comparées",
    "organisations_empty": "Aucun portrait pour l'instant. Ajoutez-en au moins deux.",
    "organisation_detail": "{answered} sur {total} caractéristiques notées",
    "organisation_detail_dated": "{answered} sur {total} caractéristiques notées, portrait du {date}",
    "remove": "Retirer",
    "remove_label": "Retirer « {name} » de la grille",
    "removed": "« {name} » a été retirée de la grille.",
    # ---- one dimension (grid-dimensions.js)
    "dimension_caption": "{title} : notes de chaque organisation",
    "characteristic": "Caractéristique",
    "suggestion_label": "Suggestion : ",
    "you_decide": "C'est vous qui décidez.",
    "mark_legend": "Votre lecture de la dimension « {title} »",
    "note_label": "Note sur la dimension « {title} »",
    "note_help": "Ce que vous avez constaté ensemble, ce qui reste à discuter, qui s'en occupe.",
    "printed_mark": "Lecture retenue : ",
    "printed_note": "Note : ",
    # ---- the summary (grid-summary.js)
    "summary_title": "Synthèse",
    "potential": "Potentiel de mutualisation : {level}.",
    "count_convergence": "Convergence : {n}",
    "count_complementarity": "Complémentarité : {n}",
    "count_divergence": "Divergence : {n}",
    "count_unmarked": "Pas encore marquées : {n}",
    "identity": "Identité",
    "serious_mark_title": "Une divergence qui peut mettre le projet en péril : la mission et les valeurs",
    "serious_mark": (
        "Vous avez marqué la dimension « {dimension} » comme une divergence. Un désaccord sur ce qui fait agir"
        " chaque organisation fragilise tout le reste : parlez-en d'abord, avant de partager des locaux,"
        " du personnel ou un budget."
    ),
    "serious_ratings_title": "À comparer d'abord : la mission et les valeurs",
    "serious_ratings": (
        "La mission et les valeurs sont une force pour {strong} et une faiblesse pour {weak}, et la dimension"
        " « {dimension} » n'est pas encore marquée. Ces notes disent si chacune a écrit et partagé ses valeurs"
        " en interne ; elles ne disent pas si vos valeurs se rejoignent. Échangez vos textes de mission et de"
        " valeurs, parlez-en, puis marquez la dimension « {dimension} »."
    ),
    "risks_to_read": "Risques à relire : ",
    "divergences_title": "Divergences à discuter",
    "no_divergence": "Aucune dimension marquée « divergence ».",
    "divergence_in_peril": " (peut mettre le projet en péril)",
    "divergence_risks": " — risques à relire : ",
    # ---- adding portraits (grid-add.js)
    "add_title": "Ajouter des portraits",
    "add_files_label": "Fichiers de portrait (.json, un ou plusieurs)",
    # The help around a link to the portrait's page ({portrait} is the link).
    "add_files_help_before": "Chaque organisation remplit son ",
    "add_files_help_link": "portrait",
    "add_files_help_after": (
        " sur son propre appareil et l'exporte en JSON. Deux organisations qui portent le même nom"
        " restent deux colonnes : la seconde est suivie de « (2) »."
    ),
    "add_own_question": "Vous avez rempli votre portrait dans ce navigateur ? ",
    "add_own": "Ajouter mon propre portrait",
    "add_partners_before": "Vos partenaires vous ont envoyé leur portrait et vous l'avez ajouté dans ",
    "add_partners_link": "Mon dossier",
    "add_partners_after": " ? ",
    "add_partners": "Ajouter les portraits de mes partenaires",
    # {origin}: one of the "from_…" below.
    "added": "Portrait de « {name} » ajouté ({origin}).",
    "added_renamed": "Une autre organisation porte déjà ce nom : celle-ci est affichée « {shown} ».",
    "already_there": "Le portrait de « {name} » est déjà dans la grille, avec les mêmes réponses ({origin}).",
    "from_file": "le fichier « {file} »",
    "from_dossier": "depuis « Mon dossier »",
    "from_own": "votre portrait gardé dans ce navigateur",
    "unnamed": "Organisation sans nom ({file})",
    "own_name": "Mon organisation",
    "refused_file": "« {file} » : {reason}",
    "file_too_big": "fichier trop volumineux pour être un portrait.",
    "file_unreadable": "fichier illisible.",
    "file_is_grid": "c'est une grille enregistrée, pas un portrait. Ouvrez-la avec « Ouvrir une grille enregistrée ».",
    "full": "la grille compare déjà {max} organisations, le maximum.",
    "full_own": "La grille compare déjà {max} organisations, le maximum.",
    "files_refused": {
        "one": "{n} fichier refusé, rien n'en a été repris :",
        "other": "{n} fichiers refusés, rien n'en a été repris :",
    },
    "no_partner_portrait": (
        "Aucun portrait de partenaire dans « Mon dossier ». Ajoutez-y d'abord les fichiers"
        " que vos partenaires vous ont envoyés."
    ),
    "no_own_portrait": (
        "Vous n'avez pas encore rempli le portrait de votre organisation dans ce navigateur."
        " Remplissez-le sur la page « Portrait de l'organisation », puis revenez ici."
    ),
    # ---- saving, opening, exporting, printing (grid-save.js)
    "files_title": "Enregistrer, reprendre, imprimer",
    "save": "Enregistrer la grille (JSON)",
    "export_markdown": "Exporter en Markdown",
    "print": "Imprimer",
    "clear": "Vider la grille",
    "open_label": "Ouvrir une grille enregistrée (.json)",
    "open_help": (
        "Un fichier créé avec « Enregistrer la grille ». Si la grille actuelle n'est pas vide,"
        " la page vous demande avant de la remplacer."
    ),
    # A file name's part when no organisation is compared yet.
    "file_empty": "vide",
    "save_empty": "La grille est vide : ajoutez des portraits avant de l'enregistrer.",
    "saved": "Grille enregistrée dans le fichier {file}.",
    "exported": "Grille exportée en Markdown dans le fichier {file}.",
    "opened": "Grille ouverte : {holds}.",
    "replace_question": "Remplacer la grille actuelle ({holds}) par celle du fichier « {file} » ({incoming}) ?",
    "replace": "Remplacer la grille",
    "clear_question": "Vider la grille ({holds}) ? Enregistrez-la d'abord dans un fichier si vous voulez la garder.",
    "already_empty": "La grille est déjà vide.",
    "cleared": "La grille a été vidée.",
    # ---- the Markdown report (grid-files.js)
    "md_title": "Grille de diagnostic",
    "md_date": "Date : {date}",
    "md_organisations": "Organisations comparées : {names}",
    "md_none": "(aucune)",
    "md_potential": "Potentiel de mutualisation : {reading}",
    "md_mark": "Lecture retenue : {mark}",
    "md_note": "Note : {note}",
    "md_suggestion": "Suggestion de la page : {suggestion}",
    "md_risks": "Risques à relire : {risks}",
}
