"""A questionnaire's page: its steps, answer words, progress and what the form says (questionnaire-*.js)."""

WORDS = {
    # The six steps of the guide, as forms and "Mon dossier" name them ("3. Diagnostic").
    "step_impulsion": "Impulsion",
    "step_reflexion": "Réflexion",
    "step_diagnostic": "Diagnostic",
    "step_modelisation": "Modélisation",
    "step_realisation": "Réalisation",
    "step_evaluation": "Évaluation",
    # The words of the two fixed answer vocabularies (their codes are formats/limits.py's).
    "check_done": "Fait",
    "check_not_yet": "Pas encore",
    "check_not_applicable": "Sans objet",
    "rating_strength": "Force",
    "rating_weakness": "Faiblesse",
    "rating_neutral": "Neutre",
    "rating_not_applicable": "Sans objet",
    # The progress line; {n} answered.
    "progress": {"one": "{n} question sur {total} répondue", "other": "{n} questions sur {total} répondues"},
    # The unanswered questions, as links: "Il reste : 3. …, 5. … et 4 autres questions."
    "all_answered": "Toutes les questions ont une réponse.",
    "remaining": "Il reste :",
    "remaining_more": {"one": "{n} autre question", "other": "{n} autres questions"},
    # Saving refused by the browser ({message}: storage.quota, storage.security…).
    "storage_kept": (
        "{message} Vos réponses restent affichées dans cette page tant qu'elle est ouverte :"
        " exportez-les pour ne pas les perdre."
    ),
    # Back or Forward while the browser keeps nothing: asked in the page.
    "leave_unsaved": (
        "Ce navigateur ne garde pas vos réponses : quitter cette page les efface."
        " Pour les garder, restez et exportez-les d'abord (« Exporter JSON »)."
    ),
    "leave_yes": "Quitter la page sans les garder",
    "leave_no": "Rester sur la page",
    "leave_stayed": "Vous restez sur cette page : vos réponses sont toujours là. Exportez-les (« Exporter JSON ») pour les garder.",
    # Other tabs.
    "erased_elsewhere": "Ces réponses ont été effacées dans un autre onglet.",
    "changed_while_writing": {
        "one": (
            "La question {labels} vient d'être modifiée dans un autre onglet pendant que vous répondiez ici."
            " Votre réponse est gardée : choisissez sous la question quelle version garder."
        ),
        "other": (
            "Les questions {labels} viennent d'être modifiées dans un autre onglet pendant que vous répondiez ici."
            " Votre réponse est gardée : choisissez sous chaque question quelle version garder."
        ),
    },
    "updated_elsewhere": {"one": "{n} réponse mise à jour depuis un autre onglet.", "other": "{n} réponses mises à jour depuis un autre onglet."},
    "conflict": "Cette réponse vient d'être modifiée dans un autre onglet. Votre version reste ici jusqu'à ce que vous choisissiez avec l'un des boutons ci-dessous.",
    "keep_mine": "Garder la mienne",
    "take_theirs": "Prendre la version de l'autre onglet",
    "took_theirs": "La version de l'autre onglet est reprise.",
    "kept_mine": "Votre version est gardée et enregistrée.",
    # Typed or chosen before the form had come (a slow first load), over a different answer this device kept.
    "conflict_stored": (
        "Vous avez répondu ici pendant le chargement de la page, à la place d'une réponse que cet appareil gardait."
        " Votre nouvelle réponse est enregistrée. Pour reprendre celle d'avant, utilisez le bouton « Reprendre ma réponse d'avant »."
    ),
    "take_stored": "Reprendre ma réponse d'avant",
    # After conflict_stored / conflict, in a box about a choice: the option offered.
    "conflict_stored_option": "Votre réponse d'avant : « {label} ».",
    "conflict_option": "Dans l'autre onglet : « {label} ».",
    "took_stored": "Votre réponse d'avant est reprise et enregistrée.",
    "typed_while_loading": {
        "one": (
            "Vous avez répondu à la question {labels} pendant le chargement de la page."
            " Votre nouvelle réponse est enregistrée : sous la question, vous pouvez reprendre la réponse d'avant."
        ),
        "other": (
            "Vous avez répondu aux questions {labels} pendant le chargement de la page."
            " Vos nouvelles réponses sont enregistrées : sous chaque question, vous pouvez reprendre la réponse d'avant."
        ),
    },
    "dropped_all": "Tout ce que Mutuus gardait sur cet appareil vient d'être effacé dans un autre onglet : cette page l'a effacé aussi.",
    # Buttons and answers of the toolbar.
    "cancelled": "Action annulée : rien n'a changé.",
    "export_ready": "Export prêt : {name} (dans le dossier des téléchargements de votre navigateur).",
    "reset_question": {
        "one": (
            "Effacer vos réponses à « {title} » ? Elles seront supprimées de ce navigateur."
            " Exportez-les d'abord si vous voulez les garder."
        ),
        "other": (
            "Effacer vos {n} réponses à « {title} » ? Elles seront supprimées de ce navigateur."
            " Exportez-les d'abord si vous voulez les garder."
        ),
    },
    "reset_yes": "Oui, tout effacer",
    "reset_done": "Vos réponses ont été effacées. Le nom de l'organisation est conservé.",
    "reset_page_only": "Vos réponses ont été effacées de la page, mais pas de ce navigateur (stockage inaccessible).",
    "file_unreadable": "Ce fichier n'a pas pu être lu.",
    "import_yes": "Remplacer mes réponses",
    "imported": (
        "Réponses importées : {progress}. « Rétablir mes réponses d'avant l'import » remet vos réponses"
        " précédentes tant que vous ne modifiez rien."
    ),
    "import_undone": "Vos réponses d'avant l'import sont rétablies : {progress}.",
}
