"""A dossier file (``mutuus-dossier``), read as "Importer un dossier" on "Mon dossier" reads it.

The file (dossier.schema.json)::

    {"format": "mutuus-dossier", "format_version": 1,
     "organisation": "…", "exported_at": "<ISO 8601>",
     "questionnaires": [<mutuus-answers objects, one per questionnaire>],
     "calculators"?: {"<calculator id>": {…}}, "agreements"?: {"<model id>": {…}}}

One questionnaire's answers file is read as a dossier of one.

- ``read_dossier_json(text)`` is dossier-file.js's ``readDossierJSON``;
- ``validate_dossier(obj, definitions)`` answers.js's ``validateDossierObject``
  (``definitions``: every questionnaire the site has, by id);
- ``check_saved(obj)`` dossier-saved.js's ``restoreSaved`` without writing;
- ``read_dossier_file(data, definitions)`` the whole import of a file's bytes, up to
  the confirmation box. ``data = {organisation, exported_at, questionnaires:
  [{id, organisation, answers, exported_at}], saved: {calculators?, agreements?}}``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from formats import messages as m
from formats._js import NotJSON, decode_file, is_integer, js_keys, number_text, parse_json, strip_bom
from formats.answers import validate_answers
from formats.limits import (
    ANSWERS_FORMAT,
    DOSSIER_FORMAT,
    FORMAT_VERSION,
    GRID_FORMAT,
    MAX_FILE_BYTES,
    SAVED_ID_PATTERN,
    SAVED_SECTIONS,
)
from formats.messages import quote
from formats.result import Result, accepted, join_field, refused

_SAVED_ID = re.compile(SAVED_ID_PATTERN)


def read_dossier_json(text: str) -> Result:
    """The file's text parsed; other formats and newer versions refused. ``data`` is the object."""
    return _read(text)[0]


def _read(text: str) -> tuple[Result, bool]:
    """``read_dossier_json``, and whether the file was one questionnaire's answers."""
    try:
        obj = parse_json(strip_bom(text))
    except NotJSON:
        return refused(m.DOSSIER_NOT_JSON), False
    fmt = obj.get("format") if isinstance(obj, dict) else None
    one = fmt == ANSWERS_FORMAT
    if one:
        # One questionnaire's export is accepted too, as a dossier of one.
        obj = {
            "format": DOSSIER_FORMAT,
            "format_version": FORMAT_VERSION,
            "organisation": obj["organisation"] if isinstance(obj.get("organisation"), str) else "",
            "exported_at": obj.get("exported_at"),
            "questionnaires": [obj],
        }
        fmt = DOSSIER_FORMAT
    if fmt == DOSSIER_FORMAT and is_integer(obj.get("format_version")) and obj["format_version"] > FORMAT_VERSION:
        return refused(m.DOSSIER_NEWER_FORMAT.format(version=number_text(obj["format_version"])), "format_version"), one
    if isinstance(fmt, str) and fmt != DOSSIER_FORMAT:
        sentence = f"{m.DOSSIER_NOT_DOSSIER} {m.DOSSIER_IS_A_GRID}" if fmt == GRID_FORMAT else m.DOSSIER_NOT_DOSSIER
        return refused(sentence, "format"), one
    return accepted(obj), one


def validate_dossier(obj, definitions: dict[str, dict]) -> Result:
    """The dossier checked against the site's questionnaires."""
    if not isinstance(obj, dict) or obj.get("format") != DOSSIER_FORMAT:
        return refused(m.DOSSIER_NOT_DOSSIER, "format")
    version = obj.get("format_version")
    if not (is_integer(version) and version == FORMAT_VERSION):
        return refused(m.DOSSIER_UNKNOWN_FORMAT, "format_version")
    organisation = obj.get("organisation")
    if organisation is not None and not isinstance(organisation, str):
        return refused(m.DOSSIER_ORGANISATION_NOT_TEXT, "organisation")
    items = obj.get("questionnaires")
    if not isinstance(items, list):
        return refused(m.DOSSIER_NO_LIST, "questionnaires")
    seen = set()
    questionnaires = []
    for index, item in enumerate(items):
        at = join_field("questionnaires", index)
        qid = item["questionnaire"].get("id") if isinstance(item, dict) and isinstance(item.get("questionnaire"), dict) else None
        definition = definitions.get(qid) if isinstance(qid, str) else None
        if definition is None:
            sentence = m.DOSSIER_UNKNOWN_QUESTIONNAIRE_NAMED.format(id=quote(qid)) if isinstance(qid, str) else m.DOSSIER_UNKNOWN_QUESTIONNAIRE
            return refused(sentence, join_field(at, "questionnaire.id"))
        if qid in seen:
            return refused(m.DOSSIER_TWICE.format(title=quote(definition["title"])), join_field(at, "questionnaire.id"))
        seen.add(qid)
        result = validate_answers(item, definition, at=at)
        if not result.ok:
            return refused(m.DOSSIER_IN_QUESTIONNAIRE.format(title=definition["title"], refusal=result.sentence), result.field)
        questionnaires.append({"id": qid, **result.data})
    return accepted(
        {
            "organisation": organisation or "",
            "exported_at": obj["exported_at"] if isinstance(obj.get("exported_at"), str) else "",
            "questionnaires": questionnaires,
        }
    )


def check_saved(obj) -> Result:
    """The optional ``calculators`` and ``agreements`` parts: ``data`` = those present."""
    saved = {}
    for section in SAVED_SECTIONS:
        if not isinstance(obj, dict) or section not in obj:
            continue
        values = obj[section]
        if not isinstance(values, dict):
            return refused(m.DOSSIER_SAVED_UNREADABLE.format(section=section), section)
        for key in js_keys(values):
            if not _SAVED_ID.fullmatch(key) or not isinstance(values[key], dict):
                return refused(m.DOSSIER_SAVED_BAD_ENTRY.format(section=section), join_field(section, key))
        saved[section] = values
    return accepted(saved)


def read_dossier_file(data: bytes, definitions: dict[str, dict]) -> Result:
    """What "Importer un dossier" says of a file's bytes, before it asks to confirm."""
    if len(data) > MAX_FILE_BYTES:
        return refused(m.DOSSIER_TOO_BIG)
    read, one = _read(decode_file(data))
    if not read.ok:
        return read
    result = validate_dossier(read.data, definitions)
    if not result.ok:
        # One questionnaire's answers: the fields are named in that file.
        return replace(result, field=result.field.removeprefix("questionnaires.0.")) if one else result
    saved = check_saved(read.data)
    if not saved.ok:
        return saved
    if not result.data["questionnaires"] and not any(saved.data.values()):
        return refused(m.DOSSIER_EMPTY, "questionnaires")
    return accepted({**result.data, "saved": saved.data})
