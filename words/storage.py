"""What the site keeps in this browser: why it could not, and what it holds (core/storage.js, registry.js)."""

WORDS = {
    # A write that localStorage refused, by cause.
    "quota": "Le stockage de votre navigateur est plein : ce que vous saisissez n'est pas enregistré sur cet appareil.",
    "security": (
        "Votre navigateur bloque l'enregistrement local (navigation privée ou réglage de confidentialité) :"
        " ce que vous saisissez n'est pas enregistré sur cet appareil."
    ),
    "unavailable": "Votre navigateur ne permet pas d'enregistrer des données sur cet appareil : ce que vous saisissez n'est pas enregistré.",
    "other": "Ce que vous saisissez n'a pas pu être enregistré sur cet appareil.",
    # A stored value that was not JSON, kept aside under its own key.
    "damaged": (
        "Des données gardées sur cet appareil étaient abîmées et n'ont pas pu être relues."
        " Elles sont mises de côté (rien n'est écrasé) ; « Tout effacer de cet appareil » dans « Mon dossier » les supprime."
    ),
    # What "Tout effacer de cet appareil" names, by kind of key (registry.js, in this order).
    "kind_questionnaire": {"one": "{n} questionnaire", "other": "{n} questionnaires"},
    "kind_organisation": {"one": "{n} nom d'organisation", "other": "{n} noms d'organisation"},
    "kind_partners": {"one": "{n} liste de fichiers de partenaires", "other": "{n} listes de fichiers de partenaires"},
    "kind_grid": {"one": "{n} grille de diagnostic", "other": "{n} grilles de diagnostic"},
    "kind_calculator": {"one": "{n} résultat de calculateur", "other": "{n} résultats de calculateurs"},
    "kind_agreement": {"one": "{n} brouillon de convention", "other": "{n} brouillons de conventions"},
    "kind_board": {"one": "{n} donnée du tableau du réseau", "other": "{n} données du tableau du réseau"},
    "kind_offline": {"one": "{n} choix du site hors ligne", "other": "{n} choix du site hors ligne"},
    "kind_damaged": {"one": "{n} donnée abîmée mise de côté", "other": "{n} données abîmées mises de côté"},
    "kind_other": {"one": "{n} autre donnée de Mutuus", "other": "{n} autres données de Mutuus"},
}
