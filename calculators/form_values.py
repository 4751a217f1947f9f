"""The calculator form's values, read and written by Python only.

The page sends the values as typed ("1 234,56"): the calculators read French
numbers themselves (``calculators.money.parse_decimal``). Two conversions are
left, and both live here so that the browser holds no number rule:

* ``cli_input``: the form's payload as the CLI's JSON (the exported scenario,
  the record "Mon dossier" and the agreements read): each number field in
  plain notation, "1 234,56" → "1234.56" (a JSON number becomes a string, as
  the CLI writes it). A text that is not a number stays as
  typed: the calculator's own errors say what is wrong with it.
* ``form_values``: the CLI's JSON (an imported file, a figure carried over
  from another calculator) as the form's flat values, numbers written the
  French way: ``{"consumables": {"cost_per_unit": 0.05}}`` →
  ``{"consumables.cost_per_unit": "0,05"}``. A file this form cannot take is
  refused with a French reason.

A field of kind ``percent`` (its label says "en %") holds a percentage in the
form and a fraction in the CLI's JSON: the form's ``"15"`` or ``"15 %"`` is the
CLI's ``"0.15"`` (``form_input``, with ``validation.percent_as_fraction``), and
the CLI's ``"0.15"`` (or ``"15 %"``) is shown ``"15"`` (``form_values``).

Both take the form's fields from the calculator's spec (``calculators.spec``).
Pure functions, standard library only: they run in CPython and in Pyodide.
"""

from __future__ import annotations

import re
from decimal import Decimal

from calculators.errors import FieldError, ValidationError, label
from calculators.money import NumberFormatError, french_notation, plain_notation, two_readings
from calculators.validation import coerce_number, percent_as_fraction
from calculators.payloads import loads
from calculators.registry import REGISTRY


def _pattern(flat_name: str) -> str:
    """``partners.3.share`` → ``partners.N.share`` (the key of ``Calculator.field_kinds``)."""
    return re.sub(r"\.\d+\.", ".N.", flat_name)


def _flatten(payload: object, prefix: str = "", out: dict | None = None) -> dict[str, object]:
    out = {} if out is None else out
    if isinstance(payload, dict):
        for key, value in payload.items():
            _flatten(value, f"{prefix}.{key}" if prefix else str(key), out)
    elif isinstance(payload, list):
        for index, value in enumerate(payload):
            _flatten(value, f"{prefix}.{index}", out)
    elif payload is not None:
        out[prefix] = payload
    return out


def cli_input(command: str, payload: object) -> object:
    """The CLI's JSON with each number field in the CLI's plain notation (see the module's docstring).

    Rates are taken as the CLI writes them (fractions): for the form's values, use ``form_input``."""
    spec = REGISTRY.get(command)
    if spec is None or not isinstance(payload, dict):
        return payload
    return _plain(payload, "", "", spec.field_kinds(), None)


def form_input(command: str, payload: object) -> tuple[object, object, list[FieldError]]:
    """The form's values (as typed, percentages in percent) as the CLI's JSON.

    Returns ``(cli, computable, errors)``: ``cli`` is the CLI's JSON, a
    percentage the form cannot take left as typed; ``computable`` is the same
    without those fields (all are optional), so that the other fields can
    still be checked; ``errors`` says what is wrong with each of them.
    """
    spec = REGISTRY.get(command)
    if spec is None or not isinstance(payload, dict):
        return payload, payload, []
    errors: list[FieldError] = []
    cli = _plain(payload, "", "", spec.field_kinds(), errors)
    computable = cli
    for error in errors:
        computable = _without(computable, error.field.split("."))
    return cli, computable, errors


def _without(node: object, keys: list[str]) -> object:
    """A copy of ``node`` without the value at the dotted path ``keys``."""
    if not keys:
        return node
    head, rest = keys[0], keys[1:]
    if isinstance(node, dict) and head in node:
        if not rest:
            return {key: value for key, value in node.items() if key != head}
        return {**node, head: _without(node[head], rest)}
    if isinstance(node, list) and head.isdigit() and int(head) < len(node):
        return [_without(value, rest) if i == int(head) else value for i, value in enumerate(node)]
    return node


def _plain(node: object, path: str, real: str, kinds: dict[str, str], errors: list[FieldError] | None) -> object:
    """A copy of ``node`` (at ``path``, list indexes as ``N``; ``real``, with them) with its numbers as the
    CLI writes them. With ``errors`` (the form's values), a ``percent`` field is read in percent."""
    if isinstance(node, dict):
        return {
            key: _plain(value, f"{path}.{key}" if path else str(key), f"{real}.{key}" if real else str(key), kinds, errors)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_plain(value, f"{path}.N", f"{real}.{index}", kinds, errors) for index, value in enumerate(node)]
    kind = kinds.get(path)
    if kind == "percent" and errors is not None and not (isinstance(node, str) and not node.strip()):
        fraction = percent_as_fraction(node, real, errors)
        return node if fraction is None else format(fraction, "f")
    if isinstance(node, Decimal):  # a JSON number: a string, as the CLI writes it
        return format(node, "f")
    if isinstance(node, str) and kind in ("decimal", "percent"):
        readings = two_readings(node) if errors is not None and kind == "decimal" else None
        if readings:
            errors.append(_two_readings(node.strip(), real, readings))
            return node
        try:
            return plain_notation(node)
        except NumberFormatError:
            return node  # left as typed: the calculator says what is wrong
    return node


def _two_readings(text: str, field: str, readings: tuple[str, str]) -> FieldError:
    """The form's error for a number that reads two ways (calculators.money.two_readings)."""
    thousands, decimal = readings
    return FieldError(
        field,
        f"« {text} » se lit {thousands} ou {decimal} : écrivez {thousands} pour un nombre entier "
        f"(une espace entre les milliers), ou {decimal} avec une virgule. Ce champ attend {label(field)}.",
    )


def form_text(kind: str, value: object) -> str:
    """One value of the CLI's JSON as the form shows it: a number the French way ("0.05" → "0,05"),
    a rate in percent ("0.15" or "15 %" → "15"). What is not a number is shown as written."""
    text = format(value, "f") if isinstance(value, Decimal) else str(value)
    if kind == "decimal":
        try:
            return french_notation(text)
        except NumberFormatError:
            return text
    if kind == "percent":
        fraction = coerce_number(value, "", "rate", [])
        if fraction is None:
            return text
        return french_notation(format((fraction * 100).normalize(), "f"))
    return text


def _refused(message: str) -> ValidationError:
    return ValidationError([FieldError("", message)])


def form_values(command: str, payload_json: str) -> dict[str, str]:
    """The form's flat values from the CLI's JSON; raises ValidationError with a French reason.

    The reason completes the page's sentence "Le fichier … n'a pas été importé : <reason>".
    """
    spec = REGISTRY[command]
    try:
        data = loads(payload_json)
    except ValidationError:
        raise _refused("ce n'est pas un fichier JSON valide (il est peut-être abîmé ou incomplet).") from None
    if not isinstance(data, dict):
        raise _refused("le fichier doit contenir un objet JSON ({…}) exporté par ce calculateur.")
    kinds = spec.field_kinds()
    flat = _flatten(data)
    unknown = [name for name in flat if _pattern(name) not in kinds]
    if unknown:
        raise _refused(
            f"il contient des champs que ce calculateur ne connaît pas ({', '.join(unknown[:3])}). "
            "Vérifiez qu'il a été exporté depuis cette page."
        )
    if not flat:
        raise _refused("il ne contient aucune valeur.")
    values = {}
    for name, value in flat.items():
        if isinstance(value, bool):
            values[name] = "true" if value else "false"
            continue
        # What is not a number is shown as written: the calculator's message will point at it.
        values[name] = form_text(kinds[_pattern(name)], value)
    return values
