"""The JSON Schemas of formats/: valid, with the readers' limits, and true to the readers.

A schema describes the file alone; what needs the questionnaire (its id,
its questions, their codes) only the readers check. Each case of cases.py is
therefore either refused by the schema too (listed below) or accepted by it.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from referencing import Registry, Resource

import formats
from formats import limits
from formats._js import NotJSON, parse_json
from macros.questionnaire_rules import CHECK_CHOICES, RATING_CHOICES
from tests.formats.cases import ACCEPTED, ANSWERS_CASES, DOSSIER_CASES, GRID_CASES

FIXTURES = Path(__file__).parent / "fixtures"
SCHEMAS = {fmt: formats.schema(fmt) for fmt in formats.FORMATS}
REGISTRY = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in SCHEMAS.values())


def errors(fmt: str, data) -> list:
    return list(jsonschema.Draft202012Validator(SCHEMAS[fmt], registry=REGISTRY).iter_errors(data))


@pytest.mark.parametrize("fmt", formats.FORMATS)
def test_schema_is_a_valid_json_schema(fmt):
    jsonschema.Draft202012Validator.check_schema(SCHEMAS[fmt])
    assert SCHEMAS[fmt]["properties"]["format"] == {"const": fmt}


def test_schemas_carry_the_readers_limits():
    answers, dossier, grid = (SCHEMAS[f] for f in formats.FORMATS)
    for schema in (answers, dossier, grid):
        assert schema["properties"]["format_version"]["const"] == limits.FORMAT_VERSION == limits.GRID_FORMAT_VERSION
        assert schema["x-mutuus-max-file-bytes"] == limits.MAX_FILE_BYTES
    answer = answers["$defs"]["answer"]["properties"]
    assert answer["value"]["maxLength"] == answer["note"]["maxLength"] == limits.MAX_TEXT_LENGTH
    assert answers["properties"]["organisation"]["maxLength"] == limits.MAX_ORGANISATION_LENGTH
    assert answers["$defs"]["check_value"]["enum"] == list(limits.CHECK_VALUES)
    assert answers["$defs"]["rating_value"]["enum"] == list(limits.RATING_VALUES)
    assert dossier["$defs"]["saved"]["propertyNames"]["pattern"] == f"^{limits.SAVED_ID_PATTERN}$"
    assert set(limits.SAVED_SECTIONS) <= set(dossier["properties"])
    assert grid["properties"]["portraits"]["maxItems"] == limits.MAX_ORGANISATIONS
    mark = grid["properties"]["marks"]["additionalProperties"]["properties"]
    assert mark["mark"]["enum"] == ["", *limits.MARKS]
    assert mark["note"]["maxLength"] == limits.MAX_TEXT_LENGTH


def test_the_page_words_the_codes_the_formats_own():
    """The French words for the answer codes (macros/questionnaire_rules.py) cover exactly the formats' codes."""
    assert tuple(code for code, _word in CHECK_CHOICES) == limits.CHECK_VALUES
    assert tuple(code for code, _word in RATING_CHOICES) == limits.RATING_VALUES


@pytest.mark.parametrize(("name", "fmt"), [("answers-v1.json", "mutuus-answers"), ("dossier-v1.json", "mutuus-dossier"), ("grid-v1.json", "mutuus-grid")])
def test_todays_files_match_their_schema(name, fmt):
    data = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    assert data["format"] == fmt
    assert not errors(fmt, data)


# The refusals a schema can express (the others need the questionnaire).
SCHEMA_REFUSES = {
    "mutuus-answers": {
        "array", "a-grid", "newer-format", "format-version-text", "format-version-true", "format-version-1.5",
        "no-questionnaire", "questionnaire-version-text", "questionnaire-version-0", "organisation-number",
        "organisation-null", "organisation-201", "no-answers", "answers-list", "answer-text", "answer-number",
        "answer-extra-field", "note-number", "text-20001", "note-20001",
    },  # organisation-202-in-utf16: JSON Schema counts 101 characters
    "mutuus-dossier": {
        "a-grid", "other-format", "no-format", "array", "newer-format", "format-version-text", "format-version-0",
        "organisation-number", "no-list", "unknown-questionnaire", "unreadable-entry",
        "calculators-list", "agreements-bad-id", "calculators-entry-number", "agreements-id-81",
    },
    "mutuus-grid": {
        "not-an-object", "answers-file", "dossier", "other-format", "newer-format", "format-version-text",
        "portraits-object", "thirteen-portraits", "unnamed", "no-name", "other-questionnaire", "marks-list",
        "marks-null", "mark-text", "mark-not-possible", "mark-null", "note-number", "note-20001",
    },  # named-by-a-bom: U+FEFF is no space for Python's \S, which the test's validator uses
}
CASES = (
    [("mutuus-answers", *c) for c in ANSWERS_CASES]
    + [("mutuus-dossier", *c) for c in DOSSIER_CASES]
    + [("mutuus-grid", *c) for c in GRID_CASES]
)


def _json(text: str):
    try:
        return parse_json(text.removeprefix("\ufeff"))
    except NotJSON:
        return None


# The cases of the other format that a page also reads (a dossier on a
# questionnaire's page, an answers file on "Mon dossier"), and files that are not JSON.
READ_AS_ANOTHER_FORMAT = {
    ("mutuus-answers", "dossier-holding-it"), ("mutuus-answers", "dossier-without-it"), ("mutuus-answers", "dossier-with-a-bad-one"),
    ("mutuus-dossier", "answers-file-as-dossier-of-one"), ("mutuus-dossier", "answers-file-newer-format"),
    ("mutuus-dossier", "answers-file-unknown-questionnaire"),
}


@pytest.mark.parametrize(("fmt", "case", "text", "expected"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_the_schema_agrees_with_the_reader(fmt, case, text, expected):
    data = _json(text)
    if (fmt, case) in READ_AS_ANOTHER_FORMAT or data is None or case.startswith("too-big"):
        pytest.skip("not a file of this format, or not JSON")
    refused_by_schema = bool(errors(fmt, data))
    if expected is ACCEPTED:
        assert not refused_by_schema
    else:
        assert refused_by_schema is (case in SCHEMA_REFUSES[fmt])
