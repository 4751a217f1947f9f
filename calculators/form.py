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

Both take the form's fields from the calculator's spec (``calculators.spec``).
Pure functions, standard library only: they run in CPython and in Pyodide.
"""

from __future__ import annotations

import re
from decimal import Decimal

from calculators.errors import FieldError, ValidationError
from calculators.money import NumberFormatError, french_notation, plain_notation
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
    """The payload with each number field in the CLI's plain notation (see the module's docstring)."""
    spec = REGISTRY.get(command)
    if spec is None or not isinstance(payload, dict):
        return payload
    return _plain(payload, "", spec.field_kinds())


def _plain(node: object, path: str, kinds: dict[str, str]) -> object:
    """A copy of ``node`` (at ``path``, list indexes as ``N``) with its numbers as the CLI writes them."""
    if isinstance(node, dict):
        return {key: _plain(value, f"{path}.{key}" if path else str(key), kinds) for key, value in node.items()}
    if isinstance(node, list):
        return [_plain(value, f"{path}.N", kinds) for value in node]
    if isinstance(node, Decimal):  # a JSON number: a string, as the CLI writes it
        return format(node, "f")
    if isinstance(node, str) and kinds.get(path) == "decimal":
        try:
            return plain_notation(node)
        except NumberFormatError:
            return node  # left as typed: the calculator says what is wrong
    return node


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
        text = format(value, "f") if isinstance(value, Decimal) else str(value)
        if kinds[_pattern(name)] == "decimal":
            try:
                text = french_notation(text)
            except NumberFormatError:
                pass  # shown as written: the calculator's message will point at it
        values[name] = text
    return values
