"""The network's board (reseau/): the page's sentences, in the browser
(board.js, board-tools.js, board-rules.js) and at build time
(macros/network_render.py). A count is ``n``."""

WORDS = {
    "count": {
        "one": "{n} annonce sur {total} correspond à vos filtres.",
        "other": "{n} annonces sur {total} correspondent à vos filtres.",
    },
    "count_all": {"one": "{n} annonce en cours.", "other": "{n} annonces en cours."},
    "count_limited": {"one": "La première est affichée.", "other": "Les {n} premières sont affichées."},
    "no_inventory": (
        "Aucun inventaire enregistré dans ce navigateur. "
        "Remplissez d'abord l'inventaire des ressources et des besoins."
    ),
    "no_lines": "Votre inventaire ne contient encore ni offre ni besoin.",
    "no_match": "Aucune annonce en cours ne correspond à votre inventaire.",
    "matches": {
        "one": "{n} annonce correspond à votre inventaire.",
        "other": "{n} annonces correspondent à votre inventaire.",
    },
    # {country_in} is country.in.<code>: « au Québec », « en France ».
    "matches_order": "Les annonces {country_in} viennent d'abord ; les autres sont marquées « ailleurs ».",
    "elsewhere": "ailleurs : {country}",
    "match_offer": "Répond à votre besoin : {category}",
    "match_need": "Cherche ce que vous offrez : {category}",
    "submission_issue": "Proposer sur GitHub (avec un compte)",
    "submission_file": "Télécharger l'annonce (fichier .yml)",
    "submission_mail": "Écrire au réseau",
    "submission_no_mail": "Envoyez ce fichier à l'équipe du réseau.",
    "submissions": {
        "one": "{n} annonce prête à proposer depuis votre inventaire.",
        "other": "{n} annonces prêtes à proposer depuis votre inventaire.",
    },
    "contact_invalid": "Écrivez une adresse courriel (nom@exemple.org) ou une adresse web qui commence par https://.",
    # The entry file (macros/network_entry.py): its first lines, written as YAML comments.
    "yaml_header": "Annonce préparée depuis l'inventaire. Relisez-la avant de l'envoyer.",
    "yaml_missing": "À compléter avant l'envoi : {fields}.",
    "issue_header": "Annonce publiée depuis l'issue n° {number}.",
    # The file name when the title leaves no letter (macros/network_entry.py's slug).
    "file_fallback": "annonce",
    # The build's log line (macros/network.py).
    "build_log": "Tableau du réseau : {published}, {expired} de côté.",
    "published": {"one": "{n} annonce publiée", "other": "{n} annonces publiées"},
    "expired": {"one": "{n} expirée laissée", "other": "{n} expirées laissées"},
    "mail_subject": "Annonce pour le tableau du réseau : {title}",
    "mail_body": (
        "Bonjour,\n\n"
        "Voici une annonce pour le tableau du réseau : {title}.\n\n"
        "Avant d'envoyer ce courriel, joignez le fichier {file}, téléchargé sur la page du tableau "
        "avec le bouton « Télécharger l'annonce (fichier .yml) ». "
        "Si vous ne pouvez pas le joindre, envoyez le courriel tel quel : l'annonce est recopiée ci-dessous.\n\n"
        "{yaml}"
    ),
    # The issue converter (macros/network_issue.py): what it answers on GitHub.
    "issue_empty": "le message de l'issue est vide : utilisez le formulaire « Offre ou besoin ».",
    "issue_too_long": "le message est trop long ({length} caractères, {limit} au plus).",
    "issue_twice": (
        "le champ « {field} » apparaît deux fois : "
        "n'écrivez pas de ligne commençant par « ### » dans vos réponses."
    ),
    "issue_no_field": "aucun champ du formulaire n'a été trouvé : utilisez le formulaire « Offre ou besoin ».",
    "issue_field_empty": "le champ « {field} » est vide.",
    "issue_field_choice": "le champ « {field} » vaut « {value} » : choisissez parmi {known}.",
    "issue_fix_field": "**Champ à corriger : « {field} ».**",
    "issue_not_yet": "**Cette annonce ne peut pas encore être publiée.**",
    "issue_comment": (
        "{head}\n\nDétail : {detail}\n\n"
        "Modifiez l'issue (menu « … » puis « Edit »), corrigez ce champ, puis demandez à "
        "l'équipe du réseau de remettre l'étiquette `publier`."
    ),
}
