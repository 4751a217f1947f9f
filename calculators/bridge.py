"""The JSON door: the only thing the CLI and the browser talk to.

* ``run(command, payload_json)`` returns exactly what ``python -m calculators``
  prints: the result as JSON with amounts as strings (``"37.84"``), or
  ``{"errors": [{"field": ..., "message": ...}]}``.
* ``present(command, payload_json, currency, locale)`` returns, as JSON,
  ``{"result": <run's output>, "display": <same shape, amounts written in
  French, "1 234,56 $">, "svg": "<svg…>"}`` or ``{"errors": [...]}``.
  For ``split`` it adds ``"totals"`` (``{"in_kind", "net"}``, written in
  French) and ``"owed"`` (``[{"name", "amount"}]``: the partners who gave
  more than their share, and what the others owe them).

Pure functions, standard library only: the same file runs in CPython and in
Pyodide (it never imports ``js`` or ``pyodide``).
"""

from __future__ import annotations

import json
from decimal import Decimal

from calculators import charts
from calculators.break_even import break_even
from calculators.errors import FieldError, ValidationError
from calculators.money import SUPPORTED_LOCALES, format_money, format_number, json_amount
from calculators.payloads import READERS, loads
from calculators.split import split
from calculators.usage_cost import LINE_LABELS, LINE_NAMES, usage_cost

COMMANDS = tuple(READERS)


class UnknownCommand(ValueError):
    pass


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
    if command not in READERS:
        raise unknown_command_error(command)
    inp = READERS[command](loads(payload_json))
    if command == "usage-cost":
        return inp, usage_cost(inp)
    if command == "break-even":
        return inp, break_even(inp)
    return inp, split(inp)


def result_json(command: str, result) -> dict:
    """The CLI's result object: amounts as strings with two decimals."""
    if command == "usage-cost":
        return {
            "lines": {name: json_amount(value) for name, value in result.lines.items()},
            "total": json_amount(result.total),
        }
    if command == "break-even":
        return {"break_even_uses": result.break_even_uses}
    return {
        "partners": [
            {
                "name": p.name,
                "share": json_amount(p.share),
                "in_kind": json_amount(p.in_kind),
                "net": json_amount(p.net),
            }
            for p in result.partners
        ],
        "total": json_amount(result.total),
    }


def display_json(command: str, result, currency: str, locale: str) -> dict:
    """The result's shape with amounts written for people (``37,84 $``)."""

    def money(value):
        return format_money(value, currency, locale)

    if command == "usage-cost":
        return {
            "lines": {name: money(value) for name, value in result.lines.items()},
            "total": money(result.total),
        }
    if command == "break-even":
        return {"break_even_uses": break_even_text(result.break_even_uses, locale)}
    return {
        "partners": [
            {"name": p.name, "share": money(p.share), "in_kind": money(p.in_kind), "net": money(p.net)}
            for p in result.partners
        ],
        "total": money(result.total),
    }


def break_even_text(uses: int | None, locale: str = "fr_CA") -> str:
    if uses is None:
        return "Aucun seuil : la solution de rechange reste toujours moins chère ou aussi chère."
    noun = "utilisation" if uses == 1 else "utilisations"
    return f"À partir de {format_number(uses, locale, decimals=0)} {noun} par an"


def run(command: str, payload_json: str) -> str:
    """Exactly what ``python -m calculators COMMAND`` prints for this payload."""
    try:
        _, result = compute(command, payload_json)
    except ValidationError as exc:
        return _dumps(exc.to_json())
    return _dumps(result_json(command, result))


def present(command: str, payload_json: str, currency: str = "$", locale: str = "fr_CA") -> str:
    """Result, French display strings and an SVG chart, as one JSON object."""
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
        return _dumps(exc.to_json())
    answer = {
        "result": result_json(command, result),
        "display": display_json(command, result, currency, locale),
        "svg": charts.chart(command, inp, result, currency, locale),
    }
    if command == "usage-cost":
        # The page's table names the lines as the guide's table and the chart do.
        answer["labels"] = {name: LINE_LABELS[name] for name in LINE_NAMES}
    if command == "split":
        answer["totals"] = split_totals(result, currency, locale)
        answer["owed"] = owed_partners(result, currency, locale)
    return _dumps(answer)


def split_totals(result, currency: str = "$", locale: str = "fr_CA") -> dict:
    """The Total row's in-kind and net: sums of the shown (already rounded) lines, so the table adds up."""
    in_kind = sum((p.in_kind for p in result.partners), Decimal("0.00"))
    net = sum((p.net for p in result.partners), Decimal("0.00"))
    return {"in_kind": format_money(in_kind, currency, locale), "net": format_money(net, currency, locale)}


def owed_partners(result, currency: str = "$", locale: str = "fr_CA") -> list[dict]:
    """Partners whose net is negative: they gave more than their share; ``amount`` is what the others owe them."""
    return [
        {"name": p.name, "amount": format_money(-p.net, currency, locale)}
        for p in result.partners
        if p.net < 0
    ]


__all__ = ["run", "present", "COMMANDS", "LINE_NAMES"]
