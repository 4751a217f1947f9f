"""The calculators' words: the page's (the form macro, calculator-app.js) and the calculators' own messages.

The ``calculators`` package runs in the browser's engine without this
package: the sentences it writes itself (the shared error messages of
``calculators.errors.MESSAGES``, each calculator's field labels) stay there
and are gathered here under ``calculators.message.*`` and
``calculators.label.*`` (one definition, the same objects).
"""

from calculators.errors import MESSAGES
from calculators.registry import field_labels

# The export button's name, also said where the browser keeps nothing.
EXPORT = "Exporter le scénario (JSON)"

WORDS = {
    # The form's first line once the engine is ready (its other states: words/engine.py).
    "ready": "Prêt : les résultats se mettent à jour à chaque modification.",
    # The result box.
    "result": "Résultat",
    "empty": "Remplissez le formulaire : le résultat s'affichera ici.",
    "fix": {
        "one": "Un champ est à corriger : voir le message sous ce champ.",
        "other": "{n} champs sont à corriger : voir les messages sous ces champs.",
    },
    # Buttons and what they say once done. A "…_undo" sentence is said when
    # there were values before: « Rétablir les valeurs précédentes » brings them back.
    "example": "Exemple chargé.",
    "example_undo": "Exemple chargé. Le bouton « Rétablir les valeurs précédentes » remet vos valeurs.",
    "clear": "Effacer le formulaire",
    "cleared": "Formulaire effacé.",
    "cleared_undo": "Formulaire effacé. Le bouton « Rétablir les valeurs précédentes » les remet.",
    "undo": "Rétablir les valeurs précédentes",
    "undone": "Valeurs précédentes rétablies.",
    "typed_while_loading_undo": (
        "Ce que vous avez saisi pendant le chargement de la page est gardé."
        " Le bouton « Rétablir les valeurs précédentes » remet celles que la page allait afficher."
    ),
    # The same calculator changed in another tab of this browser (calculator-app.js).
    "changed_elsewhere": "Ces valeurs viennent d'être changées dans un autre onglet et sont reprises ici.",
    "changed_elsewhere_undo": (
        "Ces valeurs viennent d'être changées dans un autre onglet et sont reprises ici. "
        "Le bouton « Rétablir les valeurs précédentes » remet celles de cet onglet."
    ),
    "export": EXPORT,
    "exported": "Scénario exporté dans le fichier « {name} ».",
    "import": "Importer un scénario (JSON)",
    "imported": "Scénario importé depuis « {name} ».",
    "imported_undo": "Scénario importé depuis « {name} ». Le bouton « Rétablir les valeurs précédentes » remet vos valeurs.",
    "import_refused": "Le fichier « {name} » n'a pas été importé : {why} Votre saisie n'a pas été modifiée.",
    "unreadable": "il n'a pas pu être lu.",
    "import_help": "Le fichier exporté reprend vos valeurs au format de l'outil en ligne de commande "
    "({command}). Vos dernières valeurs restent sur cet appareil et reviennent quand vous rouvrez la page ; "
    "l'adresse de la page n'en contient aucune, sauf le lien que vous demandez.",
    "link": "Obtenir un lien vers ce scénario",
    "link_label": "Lien vers ce scénario",
    "print": "Imprimer",
    # A list's rows: the button, and its accessible name (« Retirer le partenaire 2 »).
    "remove": "Retirer",
    "remove_row": " le {item} {position}",
    # What the page keeps on this device (the last calculation, under
    # mutuus:<root>:calculator:<id>), and the link that carries the values.
    "restored": "Vos dernières valeurs sont reprises. « Effacer le formulaire » repart de zéro.",
    # The browser keeps nothing ({message}: storage.quota, storage.security…).
    "not_kept": "{message} Vos valeurs restent affichées tant que cette page est ouverte : « " + EXPORT + " » les garde dans un fichier.",
    # Back or Forward while the browser keeps nothing (the browser's own question: OK leaves).
    "leave_unsaved": (
        "Ce navigateur ne garde pas les valeurs de ce calculateur : quitter la page les efface."
        " Quitter quand même ? (Pour les garder, choisissez Annuler, puis « " + EXPORT + " ».)"
    ),
    "erased": "Tout ce que Mutuus gardait sur cet appareil vient d'être effacé dans un autre onglet : "
    "ce formulaire est effacé ici aussi.",
    "link_copied": "Lien copié. Il contient les valeurs du formulaire : collez-le là où vous voulez partager ce scénario.",
    "link_shown": "Voici le lien. Il contient les valeurs du formulaire : copiez-le pour partager ce scénario.",
    # Without JavaScript (the form macro; the link is the economics page's list of costs).
    "noscript": "Ce calculateur a besoin de JavaScript. Sans lui, suivez la méthode de la page {link}.",
    "noscript_link": "L'économie de la mutualisation",
    **{f"message.{key}": text for key, text in MESSAGES.items()},
    **{f"label.{path}": text for path, text in field_labels().items()},
}
