"""The rules Python gives the browser (macros/questionnaire_rules.py)."""

from __future__ import annotations

from macros.questionnaire_rules import browser_locale, browser_rules, progress_text


def test_progress_sentence():
    # French: singular for 0 and 1, plural from 2.
    assert progress_text(0, 12) == "0 question sur 12 répondue"
    assert progress_text(1, 12) == "1 question sur 12 répondue"
    assert progress_text(3, 12) == "3 questions sur 12 répondues"


def test_rules_for_the_browser():
    rules = browser_rules("fr_BE")
    assert rules["locale"] == "fr-BE"
    assert browser_locale(None) == "fr-CA"
    assert [s["label"] for s in rules["steps"]] == [
        "1. Impulsion", "2. Réflexion", "3. Diagnostic", "4. Modélisation", "5. Réalisation", "6. Évaluation",
    ]
    assert rules["vocabularies"]["rating"] == {"strength": "Force", "weakness": "Faiblesse", "neutral": "Neutre", "not_applicable": "Sans objet"}
    assert rules["limits"] == {"text": 20000, "organisation": 200, "file": 2 * 1024 * 1024}
