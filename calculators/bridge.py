"""The JSON door: the only thing the CLI and the browser talk to.

* ``run(command, payload_json)`` returns exactly what ``python -m calculators``
  prints: the result as JSON with amounts as strings (``"37.84"``), or
  ``{"errors": [{"field": ..., "message": ...}]}``.
* ``present(command, payload_json, currency, locale)`` returns, as JSON,
  ``{"result": <run's output>, "view": <the French view: summary, tables,
  notes, charts; see calculators.spec>, "input": <the payload as the CLI's
  JSON, numbers in plain notation (calculators.form_values.cli_input), for
  the export and the stored record>}`` or ``{"errors": [...], "input"}``.
  The browser renders ``view`` and nothing else.
* ``present_form(command, form_json, currency, locale)``: the browser's door,
  ``present`` for the form's values as typed, where a field labelled in percent
  holds a percentage ("15" or "15 %" is 15 %; ``calculators.form_values.form_input``).
  Its ``"input"`` is the CLI's JSON, rates as fractions.
* ``form(command, payload_json)`` returns ``{"values": {flat name: text}}``,
  numbers written the French way, for the form to show an imported file or a
  carried figure, or ``{"errors": [{"field": "", "message": <French reason>}]}``.
* ``read_usage_log(log, partners_json, period_json, file_name, locale)``: the
  statement page's import of a usage log (CSV, bytes or text), read by
  ``calculators.usage_log.read_log`` as the CLI reads it. Returns
  ``{"values": [text | null per partner], "view", "log"}`` or
  ``{"errors": [{"field": "log:LINE", ...}], "title"}`` (see
  ``calculators.usage_log.import_answer``).
* ``statement_documents(payload_json, log_json, currency, locale)``: each
  partner's printable statement and the whole statement as CSV
  (``calculators.statement_sheets.documents``), or ``{"errors": [...]}``.
* ``tools()``: what the engine's door (``engine.door``) offers the browser,
  one tool per calculator of the registry, each with the actions ``present``
  (payload ``{values, currency, locale}``: the form's values as typed) and
  ``form`` (payload ``{text}``: a file's text or a JSON object), plus a
  calculator's own actions (``EXTRA_ACTIONS``). A new calculator in the
  registry is a new tool, with no line here.

Pure functions, standard library only: the same file runs in CPython and in
Pyodide (it never imports ``js`` or ``pyodide``).
"""

from __future__ import annotations

import json

from calculators.errors import FieldError, ValidationError
from calculators.form_values import cli_input, form_input, form_values
from calculators.money import SUPPORTED_LOCALES
from calculators.payloads import loads
from calculators.registry import REGISTRY
from calculators.statement_sheets import documents
from calculators.usage_log import read_for_page

COMMANDS = tuple(REGISTRY)


def _dumps(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False)


def unknown_command_error(command: str) -> ValidationError:
    return ValidationError(
        [
            FieldError(
                "",
                f"Commande inconnue : « {command} ». Choisissez parmi : {', '.join(COMMANDS)}.",
            )
        ]
    )


def compute(command: str, payload_json: str):
    """Parse, validate and compute; returns (input, result) or raises ValidationError."""
    spec = REGISTRY.get(command)
    if spec is None:
        raise unknown_command_error(command)
    inp = spec.read(loads(payload_json))
    return inp, spec.compute(inp)


def result_json(command: str, result) -> dict:
    """The CLI's result object: amounts as strings with two decimals."""
    return REGISTRY[command].to_json(result)


def run(command: str, payload_json: str) -> str:
    """Exactly what ``python -m calculators COMMAND`` prints for this payload."""
    try:
        _, result = compute(command, payload_json)
    except ValidationError as exc:
        return _dumps(exc.to_json())
    return _dumps(result_json(command, result))


def present(command: str, payload_json: str, currency: str = "$", locale: str = "fr_CA") -> str:
    """The result, its French view and the input as the CLI writes it, as one JSON object."""
    if locale not in SUPPORTED_LOCALES:
        return _dumps(
            {
                "errors": [
                    {
                        "field": "",
                        "message": f"Locale « {locale} » non prise en charge : "
                        f"choisissez parmi {', '.join(SUPPORTED_LOCALES)}.",
                    }
                ]
            }
        )
    try:
        inp, result = compute(command, payload_json)
    except ValidationError as exc:
        return _dumps({**exc.to_json(), "input": _input(command, payload_json)})
    view = REGISTRY[command].view(inp, result, currency, locale)
    return _dumps({"result": result_json(command, result), "view": view, "input": _input(command, payload_json)})


def present_form(command: str, form_json: str, currency: str = "$", locale: str = "fr_CA") -> str:
    """``present`` for the form's values as typed (see the module's docstring)."""
    if command not in REGISTRY:
        return _dumps(unknown_command_error(command).to_json())
    try:
        payload = loads(form_json)
    except ValidationError as exc:
        return _dumps(exc.to_json())
    cli, computable, errors = form_input(command, payload)
    answer = json.loads(present(command, _dumps(computable), currency, locale))
    if errors:
        # The percentages' errors first; the other fields are checked all the same.
        bad = {error.field for error in errors}
        others = [error for error in answer.get("errors", []) if error["field"] not in bad]
        return _dumps({"errors": [error.to_json() for error in errors] + others, "input": cli})
    return _dumps(answer)


def _input(command: str, payload_json: str) -> object:
    try:
        return cli_input(command, loads(payload_json))
    except ValidationError:
        return None  # not JSON at all: nothing to export


def form(command: str, payload_json: str) -> str:
    """The form's flat values for a file or a carried figure (see the module's docstring)."""
    if command not in REGISTRY:
        return _dumps(unknown_command_error(command).to_json())
    try:
        return _dumps({"values": form_values(command, payload_json)})
    except ValidationError as exc:
        return _dumps(exc.to_json())


def read_usage_log(log, partners_json: str, period_json: str = "null", file_name: str = "", locale: str = "fr_CA") -> str:
    """The statement page's import of a usage log (see the module's docstring).

    ``log``: the file's bytes (a ``memoryview`` from Pyodide) or its text;
    ``partners_json``: ``[{"name", "actual_units"}]`` as typed in the form;
    ``period_json``: ``{"from", "to"}`` (AAAA-MM-JJ) or ``null``.
    """
    if locale not in SUPPORTED_LOCALES:
        locale = "fr_CA"
    if isinstance(log, memoryview):
        log = log.tobytes()
    return _dumps(read_for_page(log, json.loads(partners_json), json.loads(period_json), file_name, locale))


def statement_documents(payload_json: str, log_json: str = "null", currency: str = "$", locale: str = "fr_CA") -> str:
    """Each partner's printable statement and the CSV for the accountant, from the statement's CLI JSON."""
    if locale not in SUPPORTED_LOCALES:
        locale = "fr_CA"
    try:
        inp, result = compute("statement", payload_json)
    except ValidationError as exc:
        return _dumps(exc.to_json())
    log = json.loads(log_json)
    return _dumps(documents(inp, result, log if isinstance(log, dict) else None, currency, locale))


def _present_action(command: str):
    def action(payload: dict) -> dict:
        values = payload.get("values", {})
        currency, locale = payload.get("currency") or "$", payload.get("locale") or "fr_CA"
        return json.loads(present_form(command, _dumps(values), currency, locale))

    return action


def _form_action(command: str):
    def action(payload: dict) -> dict:
        text = payload.get("text", "")
        return json.loads(form(command, text if isinstance(text, str) else _dumps(text)))

    return action


def _usage_log_action(payload: dict) -> dict:
    log = payload.get("bytes", payload.get("text", b""))
    partners, period = _dumps(payload.get("partners", [])), _dumps(payload.get("period"))
    return json.loads(read_usage_log(log, partners, period, payload.get("fileName") or "", payload.get("locale") or "fr_CA"))


def _documents_action(payload: dict) -> dict:
    currency, locale = payload.get("currency") or "$", payload.get("locale") or "fr_CA"
    return json.loads(statement_documents(_dumps(payload.get("input")), _dumps(payload.get("log")), currency, locale))


# Actions of one calculator beyond present and form: the statement page's
# usage-log import and its partners' printable sheets (usage-log.js).
EXTRA_ACTIONS = {"statement": {"usage-log": _usage_log_action, "documents": _documents_action}}


def tools() -> dict:
    """``{calculator id: {action: function(payload) -> answer}}`` for the engine's door."""
    return {
        command: {"present": _present_action(command), "form": _form_action(command), **EXTRA_ACTIONS.get(command, {})}
        for command in REGISTRY
    }


__all__ = ["tools", "run", "present", "present_form", "form", "read_usage_log", "statement_documents", "COMMANDS"]
