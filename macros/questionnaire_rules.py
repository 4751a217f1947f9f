"""The rules the browser reads from the page instead of writing them again.

``browser_rules(locale)`` is rendered into every questionnaire form's JSON and
into the catalog (``questionnaire_render``); the browser modules read it there:
the six steps and their labels, the answer vocabularies, the length limits
and the locale for dates (``extra.network.locale``).
The length limits and the answer codes belong to the file formats
(``formats.limits``); their words, the steps' and the progress sentence
are in the catalog (words/questionnaires.py).
"""

from __future__ import annotations

from formats.limits import CHECK_VALUES, MAX_FILE_BYTES, MAX_ORGANISATION_LENGTH, MAX_TEXT_LENGTH, RATING_VALUES
from macros.questionnaire_loader import STEPS
from words import t

STEP_TITLES = {step: t(f"questionnaires.step_{step}") for step in STEPS}
CHECK_CHOICES = tuple((code, t(f"questionnaires.check_{code}")) for code in CHECK_VALUES)
RATING_CHOICES = tuple((code, t(f"questionnaires.rating_{code}")) for code in RATING_VALUES)


def progress_text(answered: int, total: int) -> str:
    """The progress line, « 3 questions sur 12 répondues » (rules.js says it again as answers change)."""
    return t("questionnaires.progress", n=answered, total=total)


def browser_locale(locale: str | None) -> str:
    """``fr_CA`` (mkdocs.yml) -> ``fr-CA`` (Intl); French of Canada when unset."""
    return str(locale or "fr_CA").replace("_", "-")


def browser_rules(locale: str | None = None) -> dict:
    return {
        "steps": [{"id": step, "label": f"{i}. {STEP_TITLES[step]}"} for i, step in enumerate(STEPS, start=1)],
        "vocabularies": {"check": dict(CHECK_CHOICES), "rating": dict(RATING_CHOICES)},
        "limits": {"text": MAX_TEXT_LENGTH, "organisation": MAX_ORGANISATION_LENGTH, "file": MAX_FILE_BYTES},
        "locale": browser_locale(locale),
    }
