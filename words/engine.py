"""The calculation engine's words: starting, progress, and why it cannot answer."""

WORDS = {
    "starting": "Le moteur de calcul démarre…",
    # Under a calculator's form while the engine starts (macros write it into the page).
    "starting_values_kept": "Le moteur de calcul démarre… Vos valeurs sont gardées : le résultat s'affichera dès qu'il sera prêt.",
    # A long first download: said every 10 % (core/engine-status.js).
    "downloading": "Téléchargement du moteur de calcul : {percent} % ({loaded} sur {total}).",
    "ready": "Le moteur de calcul est prêt.",
    # Offline, and the engine was never kept on this device.
    "not_kept": (
        "Hors connexion, cet outil ne peut pas calculer : son moteur n'a pas été gardé sur cet appareil. "
        "La prochaine fois, ouvrez une fois un calculateur avec une connexion, ou choisissez « Rendre disponible "
        "hors ligne » sur la page « Hors ligne ». Dès que la connexion reviendra, le moteur démarrera de lui-même."
    ),
    # Said beside a button that needs the engine while it cannot answer.
    "button_waits": "Ce bouton attend le moteur de calcul : {reason}",
    "download_failed": "Le moteur de calcul n'a pas pu être téléchargé. Vérifiez votre connexion, puis rechargez la page.",
    "missing": "Le moteur de calcul est introuvable sur ce site (erreur {status}). Signalez-le aux responsables du site.",
    "not_built": "Le moteur de calcul n'a pas été construit avec ce site. Signalez-le aux responsables du site.",
    "integrity": (
        "Le moteur de calcul reçu ne correspond pas à celui publié avec ce site (empreinte SHA-256 différente) : "
        "il a été refusé. Rechargez la page ; si le message revient, signalez-le aux responsables du site."
    ),
    "unsupported": (
        "Le moteur de calcul n'a pas pu démarrer dans ce navigateur. "
        "Essayez avec une version récente de Firefox, Chrome, Edge ou Safari."
    ),
    "no_worker": "Ce navigateur ne peut pas lancer le moteur de calcul (Web Worker de module).",
    "tool_not_loaded": "Le calculateur n'a pas pu être chargé. Rechargez la page.",
    "internal": "Le moteur n'a pas pu répondre (erreur du programme). Signalez-le aux responsables du site.",
    "calculator_internal": (
        "Erreur interne du calculateur : le calcul n'a pas pu se faire, et ce n'est pas dû à vos valeurs. "
        "Signalez-le aux responsables du site en joignant le scénario exporté (bouton « Exporter le scénario ») "
        "et le message affiché dans la console du navigateur."
    ),
}
