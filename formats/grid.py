"""A diagnostic grid file (``mutuus-grid``), read as "Ouvrir une grille enregistrée" reads it.

The file (grid.schema.json)::

    {"format": "mutuus-grid", "format_version": 1, "exported_at": "<ISO 8601>",
     "portrait": {"id": "portrait", "version": 1, "title": "…"},
     "portraits": [<mutuus-answers objects of the questionnaire "portrait">],
     "marks": {"<dimension id>": {"mark": "" | "convergence" | "complementarity" | "divergence",
                                  "note": "…"}}}

- ``validate_grid(obj, definition)`` is grid-files.js's ``validateGridObject``
  (``definition``: the portrait questionnaire; its sections are the dimensions);
- ``read_grid_file(data, definition)`` what opening a file's bytes does.

``data = {organisations: [{name, answers, exported_at}], marks: {id: {mark, note}}}``;
two organisations with the same name stay two ("Atelier", "Atelier (2)").
"""

from __future__ import annotations

import unicodedata

from formats import messages as m
from formats._js import JS_SPACE_RUN, NotJSON, decode_file, is_integer, is_number, js_keys, js_len, js_slice, js_trim, number_text, parse_json, strip_bom
from formats.answers import validate_answers
from formats.limits import ANSWERS_FORMAT, DOSSIER_FORMAT, GRID_FORMAT, GRID_FORMAT_VERSION, MARKS, MAX_FILE_BYTES, MAX_ORGANISATIONS, MAX_TEXT_LENGTH
from formats.messages import UNCHANGED_GRID
from formats.result import Result, accepted, join_field, refused


def _refused(sentence: str, field: str = "") -> Result:
    return refused(sentence, field, unchanged=UNCHANGED_GRID)


def normalise_name(name: str) -> str:
    """Names compared without case, accents kept, spaces collapsed (grid-files.js's normaliseName)."""
    return JS_SPACE_RUN.sub(" ", js_trim(unicodedata.normalize("NFC", str(name or "")))).lower()


def unique_name(name: str, taken: list[str]) -> str:
    """A name not yet taken: "Atelier", then "Atelier (2)", "Atelier (3)"…"""
    base = js_trim(str(name or ""))
    taken_names = {normalise_name(t) for t in taken}
    if normalise_name(base) not in taken_names:
        return base
    n = 2
    while normalise_name(f"{base} ({n})") in taken_names:
        n += 1
    return f"{base} ({n})"


def validate_grid(obj, definition: dict) -> Result:
    if not isinstance(obj, dict):
        return _refused(m.GRID_NOT_GRID)
    fmt = obj.get("format")
    if fmt in (ANSWERS_FORMAT, DOSSIER_FORMAT):
        return _refused(m.GRID_IS_ANSWERS, "format")
    if fmt != GRID_FORMAT:
        return _refused(m.GRID_NOT_GRID, "format")
    version = obj.get("format_version")
    if not (is_number(version) and version == GRID_FORMAT_VERSION):
        if is_integer(version) and version > GRID_FORMAT_VERSION:
            return _refused(m.GRID_NEWER_FORMAT.format(version=number_text(version)), "format_version")
        return _refused(m.GRID_UNKNOWN_FORMAT, "format_version")
    portraits = obj.get("portraits")
    if not isinstance(portraits, list):
        return _refused(m.GRID_NO_LIST, "portraits")
    if len(portraits) > MAX_ORGANISATIONS:
        return _refused(m.GRID_TOO_MANY.format(max=MAX_ORGANISATIONS), "portraits")
    organisations = []
    for index, portrait in enumerate(portraits):
        at = join_field("portraits", index)
        result = validate_answers(portrait, definition, at=at)
        if not result.ok:
            return _refused(m.GRID_IN_PORTRAIT.format(number=index + 1, refusal=result.sentence), result.field)
        name = js_trim(result.data["organisation"])
        if not name:
            return _refused(m.GRID_PORTRAIT_UNNAMED.format(number=index + 1), join_field(at, "organisation"))
        organisations.append(
            {
                "name": unique_name(name, [o["name"] for o in organisations]),
                "answers": result.data["answers"],
                "exported_at": result.data["exported_at"],
            }
        )
    raw = obj["marks"] if "marks" in obj else {}
    if not isinstance(raw, dict):
        return _refused(m.GRID_MARKS_UNREADABLE, "marks")
    dimensions = {section["id"]: section for section in definition["sections"]}
    marks = {}
    for key in js_keys(raw):
        entry, where = raw[key], join_field("marks", key)
        section = dimensions.get(key)
        if section is None:
            return _refused(m.GRID_UNKNOWN_DIMENSION.format(id=js_slice(key, 0, 40)), where)
        if not isinstance(entry, dict):
            return _refused(m.GRID_MARK_UNREADABLE.format(title=section["title"]), where)
        mark = entry["mark"] if "mark" in entry else ""
        note = entry["note"] if "note" in entry else ""
        if not (isinstance(mark, str) and (mark == "" or mark in MARKS)):
            return _refused(m.GRID_MARK_NOT_POSSIBLE.format(title=section["title"]), join_field(where, "mark"))
        if not isinstance(note, str) or js_len(note) > MAX_TEXT_LENGTH:
            return _refused(m.GRID_NOTE_INVALID.format(title=section["title"]), join_field(where, "note"))
        marks[key] = {"mark": mark, "note": note}
    return accepted({"organisations": organisations, "marks": marks})


def read_grid_file(data: bytes, definition: dict) -> Result:
    """What "Ouvrir une grille enregistrée" says of a file's bytes."""
    if len(data) > MAX_FILE_BYTES:
        return _refused(m.GRID_TOO_BIG)
    try:
        obj = parse_json(strip_bom(decode_file(data)))
    except NotJSON:
        return _refused(m.GRID_NOT_JSON)
    return validate_grid(obj, definition)
