"""A questionnaire's answers file (``mutuus-answers``), read as its page reads it.

The file (answers.schema.json)::

    {"format": "mutuus-answers", "format_version": 1,
     "questionnaire": {"id": "diagnostic", "version": 1, "title": "…"},
     "organisation": "…", "exported_at": "<ISO 8601>",
     "answers": {"<question id>": {"value": "…", "note"?: "…"}}}

A *definition* is the questionnaire as the page sees it
(``macros.questionnaire_render.definition_json``): ``{id, version, title,
sections: [{id, title, questions: [{id, kind, label, options?}]}]}``.

- ``validate_answers(obj, definition)`` is answers.js's ``validateAnswersObject``;
- ``parse_answers_file(text, definition)`` its ``parseAnswersFile`` (a dossier
  holding this questionnaire is read too);
- ``read_answers_file(data, definition)`` what "Importer" on the questionnaire's
  page does with a file's bytes.

Each returns a ``Result``: ``data = {organisation, answers, exported_at}``.
"""

from __future__ import annotations

from formats import messages as m
from formats._js import NotJSON, decode_file, is_integer, is_number, js_keys, js_len, number_text, parse_json, strip_bom
from formats.limits import (
    ANSWERS_FORMAT,
    CHECK_VALUES,
    DOSSIER_FORMAT,
    FORMAT_VERSION,
    MAX_FILE_BYTES,
    MAX_ORGANISATION_LENGTH,
    MAX_TEXT_LENGTH,
    RATING_VALUES,
)
from formats.messages import quote
from formats.result import Result, accepted, join_field, refused


def questions_of(definition: dict) -> list[dict]:
    return [q for section in definition.get("sections", []) for q in section.get("questions", [])]


def allowed_values(question: dict) -> list[str]:
    kind = question.get("kind")
    if kind == "check":
        return list(CHECK_VALUES)
    if kind == "rating":
        return list(RATING_VALUES)
    if kind == "choice":
        return [option["value"] for option in question.get("options", [])]
    return []


def validate_answers(obj, definition: dict, at: str = "") -> Result:
    """One ``mutuus-answers`` object checked against the questionnaire it claims to answer.

    ``at`` is where the object sits in a larger file ("questionnaires.0"), for the fields named.
    """

    def fail(sentence, field=""):
        return refused(sentence, join_field(at, field))

    if not isinstance(obj, dict) or obj.get("format") != ANSWERS_FORMAT:
        return fail(m.ANSWERS_NOT_ANSWERS, "format")
    version = obj.get("format_version")
    if not (is_number(version) and version == FORMAT_VERSION):
        if is_integer(version) and version > FORMAT_VERSION:
            return fail(m.ANSWERS_NEWER_FORMAT, "format_version")
        return fail(m.ANSWERS_UNKNOWN_FORMAT, "format_version")
    q = obj.get("questionnaire")
    if not isinstance(q, dict) or not isinstance(q.get("id"), str) or not is_integer(q.get("version")):
        return fail(m.ANSWERS_NO_QUESTIONNAIRE, "questionnaire")
    if q["id"] != definition["id"]:
        title = q["title"] if isinstance(q.get("title"), str) and q["title"] else q["id"]
        return fail(m.ANSWERS_OTHER_QUESTIONNAIRE.format(title=quote(title), page=quote(definition["title"])), "questionnaire.id")
    if q["version"] > definition["version"]:
        sentence = m.ANSWERS_NEWER_QUESTIONNAIRE.format(version=number_text(q["version"]), page_version=number_text(definition["version"]))
        return fail(sentence, "questionnaire.version")
    if q["version"] < 1:
        return fail(m.ANSWERS_BAD_QUESTIONNAIRE_VERSION, "questionnaire.version")
    organisation = obj["organisation"] if "organisation" in obj else ""
    if not isinstance(organisation, str):
        return fail(m.ANSWERS_ORGANISATION_NOT_TEXT, "organisation")
    if js_len(organisation) > MAX_ORGANISATION_LENGTH:
        return fail(m.ANSWERS_ORGANISATION_TOO_LONG.format(max=MAX_ORGANISATION_LENGTH), "organisation")
    exported_at = obj["exported_at"] if isinstance(obj.get("exported_at"), str) else ""
    raw = obj.get("answers")
    if not isinstance(raw, dict):
        return fail(m.ANSWERS_NO_ANSWERS, "answers")
    by_id = {q["id"]: q for q in questions_of(definition)}
    ids = js_keys(raw)
    unknown = [i for i in ids if i not in by_id]
    if unknown:
        shown = ", ".join(quote(i) for i in unknown[:5]) + ("…" if len(unknown) > 5 else "")
        return fail(m.ANSWERS_UNKNOWN_QUESTIONS.format(ids=shown), join_field("answers", unknown[0]))
    answers = {}
    for qid in ids:
        answer, question = raw[qid], by_id[qid]
        label = quote(question["label"])
        where = join_field("answers", qid)
        if not isinstance(answer, dict) or not isinstance(answer.get("value"), str):
            return fail(m.ANSWER_UNREADABLE.format(label=label), where)
        extra = [k for k in js_keys(answer) if k not in ("value", "note")]
        if extra:
            return fail(m.ANSWER_UNKNOWN_FIELD.format(label=label, key=quote(extra[0])), join_field(where, extra[0]))
        value = answer["value"]
        has_note = "note" in answer
        if has_note and (not isinstance(answer["note"], str) or question.get("kind") != "rating"):
            return fail(m.ANSWER_NOTE_INVALID.format(label=label), join_field(where, "note"))
        note = answer["note"] if has_note else ""
        if question.get("kind") == "text":
            if js_len(value) > MAX_TEXT_LENGTH:
                return fail(m.ANSWER_TOO_LONG.format(label=label, max=MAX_TEXT_LENGTH), join_field(where, "value"))
        elif not (value == "" and question.get("kind") == "rating" and note) and value not in allowed_values(question):
            # A rating's note typed before any rating is kept with an empty value.
            return fail(m.ANSWER_NOT_POSSIBLE.format(label=label, value=quote(value)), join_field(where, "value"))
        if has_note and js_len(note) > MAX_TEXT_LENGTH:
            return fail(m.ANSWER_NOTE_TOO_LONG.format(label=label, max=MAX_TEXT_LENGTH), join_field(where, "note"))
        answers[qid] = {"value": value, "note": note} if note else {"value": value}
    return accepted({"organisation": organisation, "answers": answers, "exported_at": exported_at})


def parse_answers_file(text: str, definition: dict) -> Result:
    """A file's text: an answers file for this questionnaire, or a dossier holding one."""
    if not isinstance(text, str) or js_len(text) > MAX_FILE_BYTES:
        return refused(m.ANSWERS_TOO_BIG)
    try:
        obj = parse_json(strip_bom(text))
    except NotJSON:
        return refused(m.ANSWERS_NOT_JSON)
    if isinstance(obj, dict) and obj.get("format") == DOSSIER_FORMAT:
        items = obj["questionnaires"] if isinstance(obj.get("questionnaires"), list) else []
        for index, item in enumerate(items):
            if isinstance(item, dict) and isinstance(item.get("questionnaire"), dict) and _same(item["questionnaire"].get("id"), definition["id"]):
                return validate_answers(item, definition, at=join_field("questionnaires", index))
        return refused(m.ANSWERS_DOSSIER_LACKS.format(title=quote(definition["title"])), "questionnaires")
    return validate_answers(obj, definition)


def read_answers_file(data: bytes, definition: dict) -> Result:
    """What "Importer" on the questionnaire's page says of a file's bytes."""
    if len(data) > MAX_FILE_BYTES:
        return refused(m.ANSWERS_TOO_BIG)
    return parse_answers_file(decode_file(data), definition)


def _same(a, b) -> bool:
    """JavaScript's ``a === b`` for two JSON values that may be strings."""
    return isinstance(a, str) and isinstance(b, str) and a == b
