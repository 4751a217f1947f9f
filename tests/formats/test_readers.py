"""formats/ in plain Python: every case of cases.py (messages written by hand),
what the readers return, where they say the problem is, and the file's bytes."""

from __future__ import annotations

import pytest

from formats import read_answers_file, read_dossier_file, read_grid_file
from formats.answers import parse_answers_file
from formats.limits import MAX_FILE_BYTES
from tests.formats.cases import (
    ACCEPTED,
    ANSWERS_CASES,
    DEFINITIONS,
    DEMO,
    DOSSIER_CASES,
    GRID_CASES,
    NOW,
    PORTRAIT,
    G,
    U,
    answers_text,
    dossier_text,
    grid_text,
    portrait,
)


def _ids(cases):
    return [case[0] for case in cases]


@pytest.mark.parametrize(("case", "text", "expected"), ANSWERS_CASES, ids=_ids(ANSWERS_CASES))
def test_answers_file(case, text, expected):
    result = parse_answers_file(text, DEMO)
    assert result.ok is (expected is ACCEPTED)
    assert result.message == (expected or "")


@pytest.mark.parametrize(("case", "text", "expected"), DOSSIER_CASES, ids=_ids(DOSSIER_CASES))
def test_dossier_file(case, text, expected):
    result = read_dossier_file(text.encode("utf-8"), DEFINITIONS)
    assert result.ok is (expected is ACCEPTED)
    assert result.message == (expected or "")


@pytest.mark.parametrize(("case", "text", "expected"), GRID_CASES, ids=_ids(GRID_CASES))
def test_grid_file(case, text, expected):
    result = read_grid_file(text.encode("utf-8"), PORTRAIT)
    assert result.ok is (expected is ACCEPTED)
    assert result.message == (expected or "")


# ---------------------------------------------------------------- what is read


def test_answers_data():
    result = parse_answers_file(answers_text(answers={"mission": {"value": "", "note": "à voir"}, "salle": {"value": "done"}}), DEMO)
    assert result.data == {
        "organisation": "OBNL Le Pont",
        "exported_at": NOW,
        "answers": {"mission": {"value": "", "note": "à voir"}, "salle": {"value": "done"}},
    }
    # An empty note is dropped; a missing organisation or date reads as "".
    result = parse_answers_file('{"format": "mutuus-answers", "format_version": 1, "questionnaire": {"id": "demo", "version": 1},'
                                ' "exported_at": 3, "answers": {"mission": {"value": "neutral", "note": ""}}}', DEMO)
    assert result.data == {"organisation": "", "exported_at": "", "answers": {"mission": {"value": "neutral"}}}


def test_dossier_data():
    result = read_dossier_file(dossier_text(calculators={"split": {"input": {}}}).encode(), DEFINITIONS)
    assert result.data["organisation"] == "ASBL Les Marolles"
    assert [q["id"] for q in result.data["questionnaires"]] == ["demo"]
    assert result.data["questionnaires"][0]["answers"]["mission"] == {"value": "neutral", "note": "n"}
    assert result.data["saved"] == {"calculators": {"split": {"input": {}}}}


def test_grid_data():
    result = read_grid_file(
        grid_text(portraits=[portrait("Atelier"), portrait(" atelier "), portrait("ATELIER (2)")], marks={"identite": {"note": "à voir"}}).encode(),
        PORTRAIT,
    )
    # Names compared without case and spaces: the second is told apart, then the third.
    assert [o["name"] for o in result.data["organisations"]] == ["Atelier", "atelier (2)", "ATELIER (2) (2)"]
    assert result.data["marks"] == {"identite": {"mark": "", "note": "à voir"}}


@pytest.mark.parametrize(
    ("result", "field"),
    [
        (parse_answers_file(answers_text(answers={"salle": {"value": "done", "note": "n"}}), DEMO), "answers.salle.note"),
        (parse_answers_file(answers_text(answers={"achat": {"value": "peut-etre"}}), DEMO), "answers.achat.value"),
        (parse_answers_file(answers_text(organisation=3), DEMO), "organisation"),
        (parse_answers_file("[]", DEMO), "format"),
        (parse_answers_file("{", DEMO), ""),
        (read_dossier_file(dossier_text(questionnaires=[{}, {}]).encode(), DEFINITIONS), "questionnaires.0.questionnaire.id"),
        (read_dossier_file(dossier_text(agreements={"x": 1}).encode(), DEFINITIONS), "agreements.x"),
        (read_grid_file(grid_text(portraits=[portrait("A"), portrait("B", {"x": {}})]).encode(), PORTRAIT), "portraits.1.answers.x"),
        (read_grid_file(grid_text(marks={"identite": {"mark": "oui"}}).encode(), PORTRAIT), "marks.identite.mark"),
    ],
)
def test_the_field_names_where(result, field):
    assert result.ok is False
    assert result.field == field


# ---------------------------------------------------------------- the page's own sentences around the readers


def test_the_file_too_big_is_refused_before_it_is_read():
    big = b" " * (MAX_FILE_BYTES + 1)
    assert read_answers_file(big, DEMO).message == "Ce fichier est trop volumineux pour être un export de réponses." + U
    assert read_dossier_file(big, DEFINITIONS).message == "Ce fichier est trop volumineux pour être un dossier Mutuus." + U
    assert read_grid_file(big, PORTRAIT).message == "Ce fichier est trop volumineux pour être une grille Mutuus." + G
    assert read_answers_file(answers_text().encode().ljust(MAX_FILE_BYTES), DEMO).ok is True


def test_a_dossier_holding_nothing_is_refused():
    for text in (dossier_text(questionnaires=[]), dossier_text(questionnaires=[], calculators={}, agreements={})):
        assert read_dossier_file(text.encode(), DEFINITIONS).message == "Ce dossier ne contient aucun questionnaire." + U


def test_a_grid_that_is_not_json():
    assert read_grid_file(b"{", PORTRAIT).message == (
        "Ce fichier n'est pas un fichier JSON lisible. Choisissez un fichier créé avec « Enregistrer la grille »." + G
    )


def test_bytes_are_read_as_the_browser_reads_a_file():
    # file.text(): UTF-8, one BOM dropped; then the readers drop one more.
    text = answers_text(answers={"besoin": {"value": "ok"}})
    assert read_answers_file(b"\xef\xbb\xbf\xef\xbb\xbf" + text.encode(), DEMO).ok is True
    # Bytes that are not UTF-8 become U+FFFD and the file is still read.
    data = text.replace('"ok"', '"caf\\u00e9"').encode().replace(b"\\u00e9", b"\xe9")
    assert read_answers_file(data, DEMO).data["answers"]["besoin"] == {"value": "caf\ufffd"}

