"""Files the pages refuse or accept, each with what the page says, written by hand.

Python (formats) and the browser modules (run in Node, test_same_as_js.py)
must both give exactly these messages: that is what keeps the sentences of
formats/messages.py and those of the JS modules the same.

A case is (id, text of the file, expected): expected is the whole message
(the sentence, a space, the "nothing changed" sentence) for a refusal, or
``ACCEPTED``.
"""

from __future__ import annotations

import json

ACCEPTED = None
U = " Vos réponses actuelles n'ont pas changé."
G = " La grille actuelle n'a pas changé."
NOW = "2026-11-25T17:00:00.000Z"

# The questionnaire of tests/questionnaires/test_answers_js.py: one question of each kind.
DEMO = {
    "id": "demo",
    "version": 2,
    "title": "Démo",
    "step": "diagnostic",
    "sections": [
        {
            "id": "s1",
            "title": "Locaux",
            "questions": [
                {"id": "salle", "kind": "check", "label": "Salle partagée"},
                {"id": "mission", "kind": "rating", "label": "Notre mission"},
            ],
        },
        {
            "id": "s2",
            "title": "Achats",
            "questions": [
                {"id": "achat", "kind": "choice", "label": "Achats groupés ?", "options": [{"value": "oui", "label": "Oui"}, {"value": "non", "label": "Non"}]},
                {"id": "besoin", "kind": "text", "label": "Besoins"},
            ],
        },
    ],
}
# A portrait of two dimensions, for the grid.
PORTRAIT = {
    "id": "portrait",
    "version": 1,
    "title": "Portrait de l'organisation",
    "step": "reflexion",
    "sections": [
        {"id": "identite", "title": "Identité", "questions": [{"id": "mission_valeurs", "kind": "rating", "label": "Mission et valeurs"}]},
        {"id": "locaux_equipements", "title": "Locaux et équipements", "questions": [{"id": "locaux", "kind": "rating", "label": "Locaux"}]},
    ],
}
DEFINITIONS = {"demo": DEMO, "portrait": PORTRAIT}


def answers(**changes) -> dict:
    data = {
        "format": "mutuus-answers",
        "format_version": 1,
        "questionnaire": {"id": "demo", "version": 2, "title": "Démo"},
        "organisation": "OBNL Le Pont",
        "exported_at": NOW,
        "answers": {"salle": {"value": "not_applicable"}, "mission": {"value": "neutral", "note": "n"}},
    }
    data.update(changes)
    return data


def without(data: dict, key: str) -> dict:
    return {k: v for k, v in data.items() if k != key}


def text(data) -> str:
    return json.dumps(data, ensure_ascii=False)


def answers_text(**changes) -> str:
    return text(answers(**changes))


LONG = "A" * 70  # quoted as its first 57 characters and "…"
LONG_QUOTED = "« " + "A" * 57 + "… »"
EMOJI = "\U0001F600"  # two UTF-16 code units: JavaScript counts it twice

# ---------------------------------------------------------------- answers file on its page
# parse_answers_file(text, DEMO) / answers.js parseAnswersFile(text, D)
ANSWERS_CASES = [
    ("valid", answers_text(), ACCEPTED),
    ("older-questionnaire", answers_text(questionnaire={"id": "demo", "version": 1, "title": "Démo"}), ACCEPTED),
    ("bom", "\ufeff" + answers_text(), ACCEPTED),
    ("version-written-1.0", answers_text().replace('"format_version": 1', '"format_version": 1.0'), ACCEPTED),
    ("no-organisation", text(without(answers(), "organisation")), ACCEPTED),
    ("organisation-200", answers_text(organisation="x" * 200), ACCEPTED),
    ("rating-note-before-rating", answers_text(answers={"mission": {"value": "", "note": "à voir"}}), ACCEPTED),
    ("text-answer", answers_text(answers={"besoin": {"value": "=un local"}, "achat": {"value": "non"}}), ACCEPTED),
    ("dossier-holding-it", text({"format": "mutuus-dossier", "format_version": 1, "questionnaires": [{"questionnaire": {"id": "x"}}, answers()]}), ACCEPTED),
    ("too-big", " " * (2 * 1024 * 1024 + 1), "Ce fichier est trop volumineux pour être un export de réponses." + U),
    # 1 048 577 emoji: 1 048 577 characters for Python, 2 097 154 code units for the page.
    ("too-big-in-utf16", EMOJI * (1024 * 1024 + 1), "Ce fichier est trop volumineux pour être un export de réponses." + U),
    ("not-json", "pas du json", "Ce fichier n'est pas un fichier JSON lisible (choisissez un fichier exporté avec « Exporter JSON »)." + U),
    ("nan", '{"format": NaN}', "Ce fichier n'est pas un fichier JSON lisible (choisissez un fichier exporté avec « Exporter JSON »)." + U),
    ("trailing-comma", '{"format": "mutuus-answers",}', "Ce fichier n'est pas un fichier JSON lisible (choisissez un fichier exporté avec « Exporter JSON »)." + U),
    ("array", "[]", "Ce fichier n'est pas un export de réponses Mutuus." + U),
    ("a-grid", text({"format": "mutuus-grid", "format_version": 1}), "Ce fichier n'est pas un export de réponses Mutuus." + U),
    ("newer-format", answers_text(format_version=2), "Ce fichier vient d'une version plus récente de Mutuus : mettez le site à jour pour l'importer." + U),
    ("format-version-text", answers_text(format_version="1"), "Ce fichier n'est pas un export de réponses Mutuus valide (version de format inconnue)." + U),
    ("format-version-true", answers_text(format_version=True), "Ce fichier n'est pas un export de réponses Mutuus valide (version de format inconnue)." + U),
    ("format-version-1.5", answers_text(format_version=1.5), "Ce fichier n'est pas un export de réponses Mutuus valide (version de format inconnue)." + U),
    ("no-questionnaire", text(without(answers(), "questionnaire")), "Ce fichier ne dit pas de quel questionnaire il vient." + U),
    ("questionnaire-version-text", answers_text(questionnaire={"id": "demo", "version": "2"}), "Ce fichier ne dit pas de quel questionnaire il vient." + U),
    (
        "other-questionnaire",
        answers_text(questionnaire={"id": "portrait", "version": 1, "title": "Portrait"}),
        "Ce fichier contient les réponses d'un autre questionnaire (« Portrait »), pas celles de « Démo ». Importez-le sur la page de ce questionnaire." + U,
    ),
    (
        "other-questionnaire-without-title",
        answers_text(questionnaire={"id": "portrait", "version": 1}),
        "Ce fichier contient les réponses d'un autre questionnaire (« portrait »), pas celles de « Démo ». Importez-le sur la page de ce questionnaire." + U,
    ),
    (
        "other-questionnaire-long-title",
        answers_text(questionnaire={"id": "autre", "version": 1, "title": LONG}),
        f"Ce fichier contient les réponses d'un autre questionnaire ({LONG_QUOTED}), pas celles de « Démo ». Importez-le sur la page de ce questionnaire." + U,
    ),
    (
        "newer-questionnaire",
        answers_text(questionnaire={"id": "demo", "version": 3, "title": "Démo"}),
        "Ce fichier vient d'une version plus récente de ce questionnaire (version 3 ; cette page : version 2). Mettez le site à jour pour l'importer." + U,
    ),
    (
        "newer-questionnaire-written-3.0",
        answers_text().replace('"version": 2', '"version": 3.0'),
        "Ce fichier vient d'une version plus récente de ce questionnaire (version 3 ; cette page : version 2). Mettez le site à jour pour l'importer." + U,
    ),
    ("questionnaire-version-0", answers_text(questionnaire={"id": "demo", "version": 0}), "La version du questionnaire indiquée dans ce fichier n'est pas valide." + U),
    ("organisation-number", answers_text(organisation=12), "Le nom de l'organisation dans ce fichier n'est pas du texte." + U),
    ("organisation-null", answers_text(organisation=None), "Le nom de l'organisation dans ce fichier n'est pas du texte." + U),
    ("organisation-201", answers_text(organisation="x" * 201), "Le nom de l'organisation dans ce fichier dépasse 200 caractères." + U),
    # 101 emoji: 101 characters, 202 code units.
    ("organisation-202-in-utf16", answers_text(organisation=EMOJI * 101), "Le nom de l'organisation dans ce fichier dépasse 200 caractères." + U),
    ("no-answers", text(without(answers(), "answers")), "Ce fichier ne contient pas de réponses lisibles." + U),
    ("answers-list", answers_text(answers=[]), "Ce fichier ne contient pas de réponses lisibles." + U),
    (
        "unknown-questions",
        answers_text(answers={"x1": {"value": "done"}, "x2": {"value": "done"}}),
        "Ce fichier contient des réponses à des questions que ce questionnaire ne connaît pas : « x1 », « x2 »." + U,
    ),
    # JavaScript lists integer-like keys first, by number; five are named, then "…".
    (
        "six-unknown-questions",
        text(answers(answers={k: {"value": "done"} for k in ("b", "12", "3", "a", "salle", "c", "d")})),
        "Ce fichier contient des réponses à des questions que ce questionnaire ne connaît pas : « 3 », « 12 », « b », « a », « c »…." + U,
    ),
    ("answer-text", answers_text(answers={"salle": "done"}), "La réponse à la question « Salle partagée » n'est pas lisible." + U),
    ("answer-number", answers_text(answers={"salle": {"value": 1}}), "La réponse à la question « Salle partagée » n'est pas lisible." + U),
    ("answer-extra-field", answers_text(answers={"salle": {"value": "done", "extra": 1}}), "La réponse à la question « Salle partagée » contient un champ inconnu (« extra »)." + U),
    ("note-on-check", answers_text(answers={"salle": {"value": "done", "note": "n"}}), "La note de la question « Salle partagée » n'est pas valide." + U),
    ("note-number", answers_text(answers={"mission": {"value": "neutral", "note": 3}}), "La note de la question « Notre mission » n'est pas valide." + U),
    ("text-20001", answers_text(answers={"besoin": {"value": "x" * 20001}}), "La réponse à la question « Besoins » dépasse 20000 caractères." + U),
    ("check-not-possible", answers_text(answers={"salle": {"value": "oui"}}), "La réponse à la question « Salle partagée » n'est pas une réponse possible (« oui »)." + U),
    ("choice-not-possible", answers_text(answers={"achat": {"value": "peut-etre"}}), "La réponse à la question « Achats groupés ? » n'est pas une réponse possible (« peut-etre »)." + U),
    ("rating-empty", answers_text(answers={"mission": {"value": ""}}), "La réponse à la question « Notre mission » n'est pas une réponse possible («  »)." + U),
    ("rating-empty-empty-note", answers_text(answers={"mission": {"value": "", "note": ""}}), "La réponse à la question « Notre mission » n'est pas une réponse possible («  »)." + U),
    ("check-long-value", answers_text(answers={"salle": {"value": LONG}}), f"La réponse à la question « Salle partagée » n'est pas une réponse possible ({LONG_QUOTED})." + U),
    ("note-20001", answers_text(answers={"mission": {"value": "neutral", "note": "x" * 20001}}), "La note de la question « Notre mission » dépasse 20000 caractères." + U),
    ("dossier-without-it", text({"format": "mutuus-dossier", "format_version": 1, "questionnaires": []}), "Ce dossier ne contient pas de réponses à « Démo »." + U),
    (
        "dossier-with-a-bad-one",
        text({"format": "mutuus-dossier", "format_version": 1, "questionnaires": [answers(answers={"salle": {"value": "oui"}})]}),
        "La réponse à la question « Salle partagée » n'est pas une réponse possible (« oui »)." + U,
    ),
]


# ---------------------------------------------------------------- dossier on "Mon dossier"
# read_dossier_file(bytes, DEFINITIONS) / readDossierJSON, validateDossierObject, restoreSaved (dry run)
def dossier(**changes) -> dict:
    data = {"format": "mutuus-dossier", "format_version": 1, "organisation": "ASBL Les Marolles", "exported_at": NOW, "questionnaires": [answers()]}
    data.update(changes)
    return data


def dossier_text(**changes) -> str:
    return text(dossier(**changes))


DOSSIER_CASES = [
    ("valid", dossier_text(), ACCEPTED),
    ("organisation-null", dossier_text(organisation=None), ACCEPTED),
    ("no-organisation", text(without(dossier(), "organisation")), ACCEPTED),
    ("answers-file-as-dossier-of-one", answers_text(), ACCEPTED),
    ("saved-results-only", dossier_text(questionnaires=[], calculators={"usage-cost": {"input": {}}}), ACCEPTED),
    ("saved-results-and-drafts", dossier_text(calculators={"split": {}}, agreements={"materiel": {"model": "materiel"}}), ACCEPTED),
    ("not-json", "{", "Ce fichier n'est pas un fichier JSON lisible. Choisissez un fichier exporté avec « Exporter mon dossier »." + U),
    (
        "a-grid",
        text({"format": "mutuus-grid", "format_version": 1}),
        "Ce fichier n'est pas un dossier Mutuus. C'est une grille de diagnostic : ouvrez-la sur la page « Grille de diagnostic »." + U,
    ),
    ("other-format", text({"format": "autre"}), "Ce fichier n'est pas un dossier Mutuus." + U),
    ("no-format", text({"questionnaires": []}), "Ce fichier n'est pas un dossier Mutuus." + U),
    ("array", "[1, 2, 3]", "Ce fichier n'est pas un dossier Mutuus." + U),
    ("newer-format", dossier_text(format_version=99), "Ce dossier vient d'une version plus récente de Mutuus (format 99) : ce site ne sait pas encore le lire." + U),
    ("format-version-text", dossier_text(format_version="1"), "Ce dossier vient d'une version de Mutuus que ce site ne sait pas lire." + U),
    ("format-version-0", dossier_text(format_version=0), "Ce dossier vient d'une version de Mutuus que ce site ne sait pas lire." + U),
    ("organisation-number", dossier_text(organisation=5), "Le nom de l'organisation dans ce dossier n'est pas du texte." + U),
    ("no-list", text(without(dossier(), "questionnaires")), "Ce dossier ne contient pas de liste de questionnaires." + U),
    ("unknown-questionnaire", dossier_text(questionnaires=[{"questionnaire": {"id": "budget", "version": 1}}]), "Ce dossier contient un questionnaire inconnu (« budget »)." + U),
    ("unreadable-entry", dossier_text(questionnaires=[3]), "Ce dossier contient un questionnaire inconnu." + U),
    ("twice", dossier_text(questionnaires=[answers(), answers()]), "Ce dossier contient deux fois le questionnaire « Démo »." + U),
    (
        "bad-answer-inside",
        dossier_text(questionnaires=[answers(answers={"salle": {"value": "oui"}})]),
        "Démo : La réponse à la question « Salle partagée » n'est pas une réponse possible (« oui »)." + U,
    ),
    (
        "answers-file-newer-format",
        answers_text(format_version=2),
        "Démo : Ce fichier vient d'une version plus récente de Mutuus : mettez le site à jour pour l'importer." + U,
    ),
    ("answers-file-unknown-questionnaire", answers_text(questionnaire={"id": "budget", "version": 1}), "Ce dossier contient un questionnaire inconnu (« budget »)." + U),
    ("calculators-list", dossier_text(calculators=[]), "La partie « calculators » de ce dossier n'est pas lisible." + U),
    ("agreements-bad-id", dossier_text(agreements={"bad id!": {}}), "La partie « agreements » de ce dossier contient une entrée illisible." + U),
    ("calculators-entry-number", dossier_text(calculators={"split": 3}), "La partie « calculators » de ce dossier contient une entrée illisible." + U),
    ("agreements-id-81", dossier_text(agreements={"a" * 81: {}}), "La partie « agreements » de ce dossier contient une entrée illisible." + U),
]


# ---------------------------------------------------------------- grid on its page
# read_grid_file(bytes, PORTRAIT) / JSON.parse then validateGridObject(object, PORTRAIT)
def portrait(organisation: str, answers_=None) -> dict:
    return answers(
        questionnaire={"id": "portrait", "version": 1, "title": "Portrait de l'organisation"},
        organisation=organisation,
        answers={"mission_valeurs": {"value": "strength"}} if answers_ is None else answers_,
    )


def grid(**changes) -> dict:
    data = {
        "format": "mutuus-grid",
        "format_version": 1,
        "exported_at": NOW,
        "portrait": {"id": "portrait", "version": 1, "title": "Portrait de l'organisation"},
        "portraits": [portrait("Atelier du Plateau")],
        "marks": {},
    }
    data.update(changes)
    return data


def grid_text(**changes) -> str:
    return text(grid(**changes))


GRID_CASES = [
    ("valid", grid_text(marks={"identite": {"mark": "convergence", "note": "À discuter"}}), ACCEPTED),
    ("no-marks", text(without(grid(), "marks")), ACCEPTED),
    ("twelve-portraits", grid_text(portraits=[portrait(f"Organisation {i}") for i in range(1, 13)]), ACCEPTED),
    ("twins", grid_text(portraits=[portrait("Atelier"), portrait(" atelier ")]), ACCEPTED),
    ("three-same-names", grid_text(portraits=[portrait("Atelier"), portrait("atelier"), portrait("ATELIER (2)")]), ACCEPTED),
    ("mark-note-only", grid_text(marks={"identite": {"note": "à voir"}}), ACCEPTED),
    ("not-an-object", "[1, 2]", "Ce fichier n'est pas une grille de diagnostic Mutuus." + G),
    ("answers-file", text(portrait("Atelier")), "Ce fichier contient des réponses à un questionnaire, pas une grille. Pour ajouter un portrait, utilisez « Ajouter des portraits »." + G),
    ("dossier", text({"format": "mutuus-dossier", "format_version": 1, "questionnaires": []}), "Ce fichier contient des réponses à un questionnaire, pas une grille. Pour ajouter un portrait, utilisez « Ajouter des portraits »." + G),
    ("other-format", text({"format": "autre"}), "Ce fichier n'est pas une grille de diagnostic Mutuus." + G),
    ("newer-format", grid_text(format_version=2), "Cette grille vient d'une version plus récente de Mutuus (format 2) : ce site ne sait pas encore la lire." + G),
    ("format-version-text", grid_text(format_version="1"), "Cette grille a une version de format inconnue." + G),
    ("portraits-object", grid_text(portraits={}), "Cette grille ne contient pas de liste de portraits." + G),
    (
        "thirteen-portraits",
        grid_text(portraits=[portrait(f"Organisation {i}") for i in range(1, 14)]),
        "Cette grille compare plus de 12 organisations, ce que cette page ne sait pas afficher." + G,
    ),
    ("unnamed", grid_text(portraits=[portrait("A"), portrait("  ")]), "Le portrait n° 2 n'a pas de nom d'organisation." + G),
    # U+FEFF is a space for JavaScript's trim(), not for Python's strip().
    ("named-by-a-bom", grid_text(portraits=[portrait("\ufeff")]), "Le portrait n° 1 n'a pas de nom d'organisation." + G),
    ("no-name", text(grid(portraits=[without(portrait("x"), "organisation")])), "Le portrait n° 1 n'a pas de nom d'organisation." + G),
    (
        "bad-answer",
        grid_text(portraits=[portrait("A", {"locaux": {"value": "excellent"}})]),
        "Portrait n° 1 : La réponse à la question « Locaux » n'est pas une réponse possible (« excellent »)." + G,
    ),
    (
        "other-questionnaire",
        grid_text(portraits=[portrait("A"), answers()]),
        "Portrait n° 2 : Ce fichier contient les réponses d'un autre questionnaire (« Démo »), pas celles de « Portrait de l'organisation ». Importez-le sur la page de ce questionnaire." + G,
    ),
    ("marks-list", grid_text(marks=[]), "Les marques de cette grille ne sont pas lisibles." + G),
    ("marks-null", grid_text(marks=None), "Les marques de cette grille ne sont pas lisibles." + G),
    ("unknown-dimension", grid_text(marks={"budget": {"mark": "divergence"}}), "Cette grille marque une dimension inconnue (« budget »)." + G),
    ("unknown-dimension-long", grid_text(marks={"d" * 50: {}}), f"Cette grille marque une dimension inconnue (« {'d' * 40} »)." + G),
    ("mark-text", grid_text(marks={"identite": "convergence"}), "La marque de la dimension « Identité » n'est pas lisible." + G),
    ("mark-not-possible", grid_text(marks={"identite": {"mark": "accord"}}), "La marque de la dimension « Identité » n'est pas une marque possible." + G),
    ("mark-null", grid_text(marks={"locaux_equipements": {"mark": None}}), "La marque de la dimension « Locaux et équipements » n'est pas une marque possible." + G),
    ("note-number", grid_text(marks={"identite": {"note": 3}}), "La note de la dimension « Identité » n'est pas valide." + G),
    ("note-20001", grid_text(marks={"identite": {"mark": "", "note": "x" * 20001}}), "La note de la dimension « Identité » n'est pas valide." + G),
]
