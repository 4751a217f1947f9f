"""The rules the browser reads from the page instead of writing them again.

``browser_rules(locale)`` is rendered into every questionnaire form's JSON and
into the catalog (``questionnaire_render``); the browser modules read it there:
the six steps and their labels, the answer vocabularies, the length limits,
the progress sentence and the locale for dates (``extra.network.locale``).
The length limits and the answer codes belong to the file formats
(``formats.limits``); the words for the codes are here.
"""

from __future__ import annotations

from formats.limits import MAX_FILE_BYTES, MAX_ORGANISATION_LENGTH, MAX_TEXT_LENGTH
from macros.questionnaire_loader import STEPS

STEP_TITLES = {
    "impulsion": "Impulsion",
    "reflexion": "Réflexion",
    "diagnostic": "Diagnostic",
    "modelisation": "Modélisation",
    "realisation": "Réalisation",
    "evaluation": "Évaluation",
}
CHECK_CHOICES = (("done", "Fait"), ("not_yet", "Pas encore"), ("not_applicable", "Sans objet"))
RATING_CHOICES = (
    ("strength", "Force"),
    ("weakness", "Faiblesse"),
    ("neutral", "Neutre"),
    ("not_applicable", "Sans objet"),
)
# "{answered}" and "{total}" are replaced; "one" when at most one is answered.
PROGRESS = {
    "one": "{answered} question sur {total} répondue",
    "many": "{answered} questions sur {total} répondues",
}


def progress_text(answered: int, total: int) -> str:
    template = PROGRESS["many"] if answered > 1 else PROGRESS["one"]
    return template.format(answered=answered, total=total)


def browser_locale(locale: str | None) -> str:
    """``fr_CA`` (mkdocs.yml) -> ``fr-CA`` (Intl); French of Canada when unset."""
    return str(locale or "fr_CA").replace("_", "-")


def browser_rules(locale: str | None = None) -> dict:
    return {
        "steps": [{"id": step, "label": f"{i}. {STEP_TITLES[step]}"} for i, step in enumerate(STEPS, start=1)],
        "vocabularies": {"check": dict(CHECK_CHOICES), "rating": dict(RATING_CHOICES)},
        "limits": {"text": MAX_TEXT_LENGTH, "organisation": MAX_ORGANISATION_LENGTH, "file": MAX_FILE_BYTES},
        "progress": dict(PROGRESS),
        "locale": browser_locale(locale),
    }
