"""Break-even: from how many uses a year pooling becomes cheaper.

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
