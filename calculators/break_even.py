"""Break-even: from how many uses a year pooling becomes cheaper (the calculator ``break-even``).

Pooling costs ``F + n·v`` a year for ``n`` uses (F: annual fixed costs such
as depreciation, insurance, coordination; v: variable cost per use). The
alternative (renting, buying the service, each member on its own) costs
``p·n``. Pooling is **strictly cheaper** from the smallest whole number of
uses ``n ≥ 1`` with ``F + n·v < p·n``, that is ``n = floor(F / (p − v)) + 1``.
At exactly ``F / (p − v)`` uses both cost the same: this module does not call
that "cheaper" (a tie brings no saving, only the work of pooling).

When ``p ≤ v`` the alternative is never dearer than pooling, whatever the
number of uses: there is no break-even, ``None`` (``null`` in JSON).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from calculators import charts
from calculators.errors import FieldError, ValidationError
from calculators.french import plural
from calculators.money import format_number
from calculators.payloads import as_object, build, check_keys, read_value, unique
from calculators.spec import Calculator, Field, Section
from calculators.view_blocks import chart
from calculators.validation import coerce, raise_if


@dataclass(frozen=True)
class BreakEvenInput:
    annual_fixed_costs: Decimal
    variable_cost_per_use: Decimal
    alternative_price_per_use: Decimal

    def __post_init__(self):
        names = ("annual_fixed_costs", "variable_cost_per_use", "alternative_price_per_use")
        raise_if(coerce(self, "", {name: "non_negative" for name in names}, names))


@dataclass(frozen=True)
class CurvePoint:
    """Yearly costs for ``uses`` uses: pooling (F + n·v) and the alternative (p·n)."""

    uses: int
    pooling: Decimal
    alternative: Decimal


@dataclass(frozen=True)
class BreakEvenResult:
    break_even_uses: int | None
    curve: tuple[CurvePoint, ...]


def break_even_uses(inp: BreakEvenInput) -> int | None:
    """Smallest n ≥ 1 with F + n·v < p·n (strictly cheaper), or None when p ≤ v."""
    margin = Fraction(inp.alternative_price_per_use) - Fraction(inp.variable_cost_per_use)
    if margin <= 0:
        return None
    ratio = Fraction(inp.annual_fixed_costs) / margin
    return ratio.numerator // ratio.denominator + 1


def curve_end(n: int | None, inp: BreakEvenInput) -> int:
    """How far the chart goes: twice the break-even (at least 10 uses)."""
    if n is None:
        return 10
    return max(10, 2 * n)


def cost_curve(inp: BreakEvenInput, last: int | None = None) -> tuple[CurvePoint, ...]:
    """Points at 0 and ``last`` uses plus the break-even, for a chart (both lines are straight)."""
    n = break_even_uses(inp)
    last = curve_end(n, inp) if last is None else last
    marks = sorted({0, last} | ({n} if n is not None and n <= last else set()))
    return tuple(
        CurvePoint(
            uses=k,
            pooling=inp.annual_fixed_costs + k * inp.variable_cost_per_use,
            alternative=k * inp.alternative_price_per_use,
        )
        for k in marks
    )


def break_even(inp: BreakEvenInput) -> BreakEvenResult:
    if not isinstance(inp, BreakEvenInput):
        raise TypeError("break_even attend un BreakEvenInput.")
    return BreakEvenResult(break_even_uses=break_even_uses(inp), curve=cost_curve(inp))


# --- the CLI's JSON in and out ----------------------------------------------------

KEYS = ("annual_fixed_costs", "variable_cost_per_use", "alternative_price_per_use")


def read(data: object) -> BreakEvenInput:
    errors: list[FieldError] = []
    root = as_object(data, "", errors)
    if root is None:
        raise ValidationError(errors)
    check_keys(root, "", KEYS, errors)
    kwargs = {key: read_value(root, key, "", "number", errors) for key in KEYS}
    if errors:
        # still report range problems of the fields that were readable
        build(BreakEvenInput, dict(kwargs), errors)
        raise ValidationError(unique(errors))
    return BreakEvenInput(**kwargs)


def to_json(result: BreakEvenResult) -> dict:
    return {"break_even_uses": result.break_even_uses}


# --- the view -----------------------------------------------------------------------

NO_THRESHOLD = "Aucun seuil : la solution de rechange reste toujours moins chère ou aussi chère."


def break_even_text(uses: int | None, locale: str = "fr_CA") -> str:
    if uses is None:
        return NO_THRESHOLD
    return f"À partir de {format_number(uses, locale, decimals=0)} {plural(uses, 'utilisation', 'utilisations')} par an"


def view(inp, result, currency: str, locale: str) -> dict:
    uses = result.break_even_uses
    if uses is None:
        summary = NO_THRESHOLD + " Mutualiser ne devient pas moins cher, quel que soit le nombre d'utilisations."
    else:
        summary = (
            f"Mutualiser devient moins cher à partir de {format_number(uses, locale, 0)} "
            f"{plural(uses, 'utilisation', 'utilisations')} par an."
        )
    return {"summary": summary, "blocks": chart(charts.break_even_chart(inp, result, currency, locale))}


# --- the form, the error labels and the worked examples ----------------------------

LABELS = {
    "annual_fixed_costs": "les coûts fixes annuels",
    "variable_cost_per_use": "le coût variable par utilisation",
    "alternative_price_per_use": "le prix d'une utilisation avec la solution de rechange",
}

EXAMPLES = {
    # The planer again, for a year: depreciation 500 + insurance 150 = 650 a year;
    # per use 2.50 + 0.05 + 30.00 + 5.00 = 37.55; renting one for a day: 85.
    "planer": {
        "title": "Seuil de rentabilité de la raboteuse partagée",
        # Where each input comes from (shown by the economics page): the TIESS
        # guide gives the purchase, the sharpening, the service, the time and
        # the fee; the insurance and the rental price are this site's assumptions.
        "origins": {
            "annual_fixed_costs": "amortissement 500 par an, tiré du guide du TIESS, plus une assurance de 150 par an : "
            "hypothèse de ce site, la source ne donne pas ce montant",
            "variable_cost_per_use": "affûtage 2,50, mise au point 0,05, préparation 30 et frais 5 : données du guide du TIESS",
            "alternative_price_per_use": "location d'une raboteuse pour la journée : hypothèse de ce site, "
            "la source ne donne pas ce prix",
        },
        "payload": {
            "annual_fixed_costs": "650",
            "variable_cost_per_use": "37.55",
            "alternative_price_per_use": "85",
        },
    },
    # Fictitious, the guide's story: depreciation 5 000 + insurance 1 500 = 6 500
    # a year; per day 16.00 + 2.40 + 13.20 + 3.00 = 34.60; renting a van: 120 a day.
    "story-van": {
        "title": "Histoire fictive : seuil de rentabilité de la camionnette partagée",
        "payload": {
            "annual_fixed_costs": "6500",
            "variable_cost_per_use": "34.60",
            "alternative_price_per_use": "120",
        },
    },
    # The calculator page's example: 1 000 of fixed costs, 20 per use, 45 elsewhere.
    "simple": {
        "title": "Seuil de rentabilité d'une ressource partagée : exemple simple",
        "payload": {
            "annual_fixed_costs": "1000",
            "variable_cost_per_use": "20",
            "alternative_price_per_use": "45",
        },
    },
}

CALCULATOR = Calculator(
    id="break-even",
    name="seuil de rentabilité",
    prefix="be",
    file="seuil-rentabilite",
    read=read,
    compute=break_even,
    to_json=to_json,
    view=view,
    labels=LABELS,
    examples=EXAMPLES,
    example="simple",
    sections=(
        Section(
            "Vos trois montants",
            (
                Field("annual_fixed_costs", "Coûts fixes annuels de la ressource partagée (en {currency} par an)",
                      "Ce que la ressource coûte chaque année, qu'elle serve ou non : amortissement, assurance, "
                      "coordination, entreposage."),
                Field("variable_cost_per_use", "Coût variable d'une utilisation (en {currency})",
                      "Ce que chaque utilisation ajoute : consommables, entretien, préparation. Le calculateur de coût "
                      "d'utilisation peut vous aider à l'estimer."),
                Field("alternative_price_per_use", "Prix d'une utilisation avec la solution de rechange (en {currency})",
                      "Ce que vous paieriez sans mutualiser : une location, un service acheté, ou le coût de votre propre bien."),
            ),
        ),
    ),
)
