"""A calculator written the way a contributor adds one: this module and nothing else.

tests/calculators/test_new_calculator.py puts this folder on the package's
path (as if the file were calculators/mileage.py) and checks that the
registry, the CLI, the bridge and the form macro all take it up.

Mileage allowance: distance × rate per kilometre, rounded half-up to the cent.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from calculators.errors import FieldError, ValidationError
from calculators.money import json_amount, round_cents
from calculators.payloads import as_object, check_keys, read_value
from calculators.spec import Calculator, Field, Section
from calculators.validation import coerce, raise_if
from calculators.view_blocks import money, table


@dataclass(frozen=True)
class MileageInput:
    distance: Decimal
    rate: Decimal

    def __post_init__(self):
        raise_if(coerce(self, "", {"distance": "non_negative", "rate": "non_negative"}, ("distance", "rate")))


@dataclass(frozen=True)
class MileageResult:
    amount: Decimal


def mileage(inp: MileageInput) -> MileageResult:
    return MileageResult(round_cents(inp.distance * inp.rate))


def read(data: object) -> MileageInput:
    errors: list[FieldError] = []
    root = as_object(data, "", errors)
    if root is None:
        raise ValidationError(errors)
    check_keys(root, "", ("distance", "rate"), errors)
    values = {key: read_value(root, key, "", "number", errors) for key in ("distance", "rate")}
    if errors:
        raise ValidationError(errors)
    return MileageInput(**values)


def view(inp, result, currency: str, locale: str) -> dict:
    amount = money(currency, locale)
    return {
        "summary": f"Indemnité kilométrique : {amount(result.amount)}.",
        "blocks": [table("Indemnité kilométrique", ["Poste", "Montant"], [["Trajet", amount(result.amount)]])],
    }


CALCULATOR = Calculator(
    id="mileage",
    name="indemnité kilométrique",
    prefix="mi",
    file="indemnite-kilometrique",
    read=read,
    compute=mileage,
    to_json=lambda result: {"amount": json_amount(result.amount)},
    view=view,
    labels={"distance": "la distance parcourue", "rate": "le taux par kilomètre"},
    # 120 km at 0.61 $ a kilometre: 73.20 $.
    examples={"trip": {"title": "Un aller-retour de 120 km", "payload": {"distance": "120", "rate": "0.61"}}},
    example="trip",
    sections=(
        Section(
            "Le trajet",
            (
                Field("distance", "Distance parcourue (en kilomètres)", "Aller et retour."),
                Field("rate", "Taux par kilomètre (en {currency})", "Le barème de votre organisme."),
            ),
        ),
    ),
)
