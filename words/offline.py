"""Offline use of the site (offline.js, the panel of the page « Hors ligne »)."""

WORDS = {
    # A size in megabytes, the number already written the French way (« 4,5 »).
    "megabytes": "{size} Mo",
    # Where this device stands (the panel's status line).
    "status_unsupported": (
        "Ce navigateur ne peut pas garder le site hors ligne (fenêtre de navigation privée, navigateur ancien "
        "ou réglage de confidentialité). Le site fonctionne normalement avec une connexion."
    ),
    "status_disabled": "Le site n'est pas gardé hors ligne sur cet appareil.",
    "status_installing": "Le guide est en cours d'enregistrement sur cet appareil…",
    "status_guide": (
        "Le guide (pages, recherche, questionnaires, grille, « Mon dossier ») fonctionne hors ligne sur cet "
        "appareil. Les calculateurs ont encore besoin de la connexion."
    ),
    "status_engine": "Le moteur des calculateurs est en cours d'enregistrement sur cet appareil…",
    "status_ready": "Tout le site fonctionne hors ligne sur cet appareil, calculateurs compris.",
    "status_error": "L'enregistrement hors ligne a échoué.",
    "retry": "Vérifiez la connexion, puis réessayez.",
    "remove_failed": "Le retrait n'a pas abouti ; réessayez.",
    # Which tools work offline on this device, one line each (the panel's list).
    "tools_title": "Sur cet appareil, sans connexion :",
    "tools_guide": "le guide, la recherche, les questionnaires, la grille de diagnostic et « Mon dossier »",
    "tools_engine": "les calculateurs, le générateur de conventions et le choix d'une convention",
    "tool_ready": "{tools} : prêts.",
    "tool_not_kept": "{tools} : pas gardés sur cet appareil ; ils ont besoin de la connexion.",
    "tool_storing": "{tools} : en cours d'enregistrement…",
    "engine_next_time": (
        "Pour les garder : ouvrez une fois un calculateur avec une connexion, ou utilisez le bouton "
        "« Rendre disponible hors ligne » ci-dessous."
    ),
    "sizes": "Place occupée : environ {guide} pour le guide, {engine} de plus pour le moteur des calculateurs.",
    # The same, when the engine takes more room on the device than its download (its snapshot kept unpacked too).
    "sizes_unpacked": (
        "Place occupée : environ {guide} pour le guide, {engine} de plus pour le moteur des calculateurs "
        "(téléchargement : {download})."
    ),
    "progress_label": "Téléchargement du moteur des calculateurs",
    "progress_count": "{done} sur {total}",
    "make": "Rendre disponible hors ligne",
    "remove": "Retirer de cet appareil",
    "update_ready": "Une nouvelle version du site est prête.",
    "reload": "Recharger la page",
}
