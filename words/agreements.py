"""Words of the agreements: the generator, the chooser, and the agreement's own headings.

The agreement's sentences (``agreements.assemble``) and the browser's are
the same entries: Python calls ``t("agreements.<key>")``, the page's modules
(agreement-*.js, chooser.js) ``t("agreements.<key>")``.
"""

WORDS = {
    # The agreement itself (agreements.assemble writes it as blocks).
    "model_for": "Modèle pour : {territory}",
    "parties": "Entre les parties",
    "parties_end": "ci-après « les parties », conviennent de ce qui suit.",
    "article": "Article {number} – {title}",
    "signatures": "Signatures",
    "signature_party": "Partie",
    "signature_signatory": "Nom et qualité de la personne qui signe",
    "signature_date": "Date",
    "signature_sign": "Signature",
    "references": "Textes de référence",
    "references_dated": "Textes de référence (à jour au {date})",
    "model_line": "Modèle Mutuus « {title} »{version}, écrit pour le droit applicable : {territory}.",
    "model_version": ", version {version}",
    "reminder": "Ce texte est un modèle : faites-le relire par {reviewer} avant de le signer. "
    "Les textes marqués « à faire vérifier » n'ont pas pu être confirmés sur leur source officielle.",
    "to_check": "À vérifier",
    "to_fill": "À compléter",
    "party_missing": "Partie {number} : {what}",
    # Shown when the draft's country is not the reader's ("Votre pays", country.js).
    "other_country": "Ce brouillon suit le droit {of_country}, pas celui de votre pays : "
    "ses montants s'écrivent en {currency_name} ({currency_sign}).",
    # A model's own page (macros/agreement_render.py), read and printed without JavaScript.
    "page_countries": "Pays :",
    "page_countries_note": "{countries}. Les clauses propres à un pays le disent.",
    "page_party": "nom, forme juridique, adresse du siège, représentant ou représentante",
    "page_party_more": "idem pour chaque partie",
    "page_applies": "S'applique à :",
    "page_optional": "Clause facultative.",
    "page_why": "Pourquoi :",
    "page_guide": "Voir le guide",
    "page_note_title": "À adapter et à faire relire",
    # The generator's page (agreement-*.js).
    "load_failed": "Le générateur n'a pas pu être chargé. Rechargez la page.",
    "saved": "Brouillon enregistré dans ce navigateur.",
    # The browser refused to keep the draft ({message}: storage.quota, storage.security…).
    "not_kept": (
        "{message} Le brouillon reste dans cette page tant qu'elle est ouverte, même si vous changez de modèle :"
        " exportez-le en .docx ou en Markdown pour en garder le texte."
    ),
    # Back or Forward while the browser keeps no draft (the browser's own question: OK leaves).
    "leave_unsaved": (
        "Ce navigateur ne garde pas ce brouillon : quitter la page l'efface."
        " Quitter quand même ? (Pour en garder le texte, choisissez Annuler et exportez-le en .docx ou en Markdown.)"
    ),
    # The same model's draft changed in another tab of this browser (agreement-app.js).
    "changed_elsewhere": "Ce brouillon vient d'être changé dans un autre onglet : il est repris ici.",
    "missing": "À compléter :",
    "complete": "Tous les champs sont remplis.",
    # Said when a model opened for the first time takes the partners of another draft.
    "partners_reused": "Partenaires repris de votre brouillon « {model} » : modifiez-les ici si besoin.",
    "erased_elsewhere": "Tout ce que Mutuus gardait sur cet appareil vient d'être effacé dans un autre onglet : "
    "ce brouillon est effacé ici aussi.",
    "damaged": "Le brouillon enregistré était illisible : il a été mis de côté sous une autre clé, rien n'est effacé.",
    "engine_failed": "L'aperçu n'a pas pu être préparé : {reason}",
    "docx_failed": "Le fichier .docx n'a pas pu être créé : {reason}",
    "remove_partner": "Retirer ce partenaire ({number})",
    "partner": "Partenaire {number}",
    "optional_when": "Facultative : {when}",
    "required_mark": "(obligatoire pour signer)",
    # The chooser « Quelle entente choisir ? » (chooser.js).
    "choose_computing": "Calcul de la recommandation…",
    "choose_failed": "La recommandation n'a pas pu être calculée : {reason}",
    "choose_why": "Pourquoi :",
    "choose_models": "Les modèles pour l'écrire (à lire, imprimer ou adapter) :",
    "choose_entity_forms": "Les formes possibles selon le pays :",
    "choose_errors": "Vérifiez ces réponses :",
    "choose_guide": "À lire aussi avant d'écrire :",
    "choose_fill": "le remplir dans le générateur ({title})",
    "choose_entity_form": "{country} : {forms}",
}
