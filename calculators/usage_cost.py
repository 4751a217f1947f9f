"""Usage cost: what one use of a pooled resource really costs.

Five lines, each rounded once, half-up, to the cent, and a total that is the
sum of the shown lines (so a printed table always adds up):

* consumables = cost_per_unit × units
* maintenance = service_cost ÷ service_interval_units × units
* replacement = (purchase_price − residual_value) ÷ lifetime_years, per year,
  charged
    - ``hour``: ÷ (365 × 24) × hours of use,
    - ``day``: ÷ 365 × calendar days started, ``max(1, ceil(hours / 24))``,
    - ``use``: ÷ uses_per_year;
* preparation = hours × hourly_rate × (1 + payroll_charges_rate)
* admin_fee, as given.

Every section is optional: a missing section gives a line of 0.00.

A use with no units and no hours (a booking that was not used) still pays
the fixed lines: preparation, the admin fee, and the replacement when it is
charged per use or per day (one day started at least: the resource was
kept for that booking). Only consumables, maintenance and a replacement
charged per hour fall to zero.

All arithmetic is exact (``fractions.Fraction``); rounding happens once per line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from calculators.errors import FieldError
from calculators.money import round_cents
from calculators.validation import coerce, raise_if

CHARGED_PER = ("hour", "day", "use")
HOURS_PER_YEAR = 365 * 24
DAYS_PER_YEAR = 365


@dataclass(frozen=True)
class Use:
    """How much the resource is used this time: units (feet, km…) and hours."""

    units: Decimal = Decimal(0)
    hours: Decimal = Decimal(0)

    def __post_init__(self):
        errors = coerce(self, "use", {"units": "non_negative", "hours": "non_negative"})
        for name in ("units", "hours"):
            if getattr(self, name) is None:
                object.__setattr__(self, name, Decimal(0))
        raise_if(errors)


@dataclass(frozen=True)
class Consumables:
    """What is used up per unit (knives sharpened, fuel, electricity)."""

    cost_per_unit: Decimal

    def __post_init__(self):
        raise_if(coerce(self, "consumables", {"cost_per_unit": "non_negative"}, ("cost_per_unit",)))


@dataclass(frozen=True)
class Maintenance:
    """A service (mise au point) costing ``service_cost`` every ``service_interval_units``."""

    service_cost: Decimal
    service_interval_units: Decimal

    def __post_init__(self):
        errors = coerce(
            self,
            "maintenance",
            {"service_cost": "non_negative", "service_interval_units": "any"},
            ("service_cost", "service_interval_units"),
        )
        if "maintenance.service_interval_units" not in {e.field for e in errors}:
            if self.service_interval_units <= 0:
                errors.append(
                    FieldError(
                        "maintenance.service_interval_units",
                        "L'intervalle entre deux mises au point doit être supérieur à zéro.",
                    )
                )
        raise_if(errors)


@dataclass(frozen=True)
class Replacement:
    """Depreciation (amortissement): the purchase spread over its lifetime."""

    purchase_price: Decimal
    lifetime_years: Decimal
    charged_per: str = "hour"
    residual_value: Decimal = Decimal(0)
    uses_per_year: Decimal | None = None

    def __post_init__(self):
        errors = coerce(
            self,
            "replacement",
            {
                "purchase_price": "non_negative",
                "residual_value": "non_negative",
                "lifetime_years": "any",
                "uses_per_year": "positive",
            },
            ("purchase_price", "lifetime_years"),
        )
        if self.residual_value is None:
            object.__setattr__(self, "residual_value", Decimal(0))

        bad = {e.field for e in errors}
        if "replacement.lifetime_years" not in bad and self.lifetime_years <= 0:
            errors.append(
                FieldError(
                    "replacement.lifetime_years",
                    "La durée d'amortissement doit être supérieure à zéro : entrez un nombre d'années, par exemple 7.",
                )
            )
        if (
            not bad & {"replacement.purchase_price", "replacement.residual_value"}
            and self.residual_value > self.purchase_price
        ):
            errors.append(
                FieldError(
                    "replacement.residual_value",
                    "La valeur résiduelle ne peut pas dépasser le prix d'achat.",
                )
            )
        if self.charged_per is None:
            errors.append(
                FieldError(
                    "replacement.charged_per",
                    "Indiquez comment imputer l'amortissement : « hour » (à l'heure d'utilisation), "
                    "« day » (par jour entamé) ou « use » (par utilisation).",
                )
            )
        elif self.charged_per not in CHARGED_PER:
            errors.append(
                FieldError(
                    "replacement.charged_per",
                    "Choisissez comment imputer l'amortissement : « hour » (à l'heure d'utilisation), "
                    "« day » (par jour entamé) ou « use » (par utilisation).",
                )
            )
        elif self.charged_per == "use" and self.uses_per_year is None and "replacement.uses_per_year" not in bad:
            errors.append(
                FieldError(
                    "replacement.uses_per_year",
                    "Indiquez le nombre d'utilisations prévues par an : l'amortissement est imputé par utilisation.",
                )
            )
        raise_if(errors)


@dataclass(frozen=True)
class Preparation:
    """Time to prepare, check and put away, paid ``hourly_rate`` plus payroll charges."""

    hours: Decimal
    hourly_rate: Decimal
    payroll_charges_rate: Decimal = Decimal(0)

    def __post_init__(self):
        errors = coerce(
            self,
            "preparation",
            {"hours": "non_negative", "hourly_rate": "non_negative", "payroll_charges_rate": "rate"},
            ("hours", "hourly_rate"),
        )
        if self.payroll_charges_rate is None:
            object.__setattr__(self, "payroll_charges_rate", Decimal(0))
        raise_if(errors)


@dataclass(frozen=True)
class UsageCostInput:
    """One use of a pooled resource; every section may be left out (``None``)."""

    use: Use = field(default_factory=Use)
    consumables: Consumables | None = None
    maintenance: Maintenance | None = None
    replacement: Replacement | None = None
    preparation: Preparation | None = None
    admin_fee: Decimal = Decimal(0)

    def __post_init__(self):
        for name, kind in (
            ("use", Use),
            ("consumables", Consumables),
            ("maintenance", Maintenance),
            ("replacement", Replacement),
            ("preparation", Preparation),
        ):
            value = getattr(self, name)
            if value is not None and not isinstance(value, kind):
                raise TypeError(f"{name} doit être un {kind.__name__}, pas {type(value).__name__}.")
        if self.use is None:
            object.__setattr__(self, "use", Use())
        raise_if(coerce(self, "", {"admin_fee": "non_negative"}))
        if self.admin_fee is None:
            object.__setattr__(self, "admin_fee", Decimal(0))


LINE_NAMES = ("consumables", "maintenance", "replacement", "preparation", "admin_fee")
# How each line is called on the site (French).
LINE_LABELS = {
    "consumables": "Consommables",
    "maintenance": "Entretien (mises au point)",
    "replacement": "Remplacement (amortissement)",
    "preparation": "Préparation, vérification, rangement",
    "admin_fee": "Frais administratifs",
}


@dataclass(frozen=True)
class UsageCostResult:
    """The five shown lines (already rounded to the cent) and their sum."""

    consumables: Decimal
    maintenance: Decimal
    replacement: Decimal
    preparation: Decimal
    admin_fee: Decimal
    total: Decimal

    @property
    def lines(self) -> dict[str, Decimal]:
        return {name: getattr(self, name) for name in LINE_NAMES}


def _exact(value: Decimal) -> Fraction:
    return Fraction(value)


def days_started(hours: Decimal) -> int:
    """Calendar days started by a use of ``hours``: at least one (5 h → 1, 24 h → 1, 25 h → 2)."""
    whole = Fraction(hours) / 24
    days = -(-whole.numerator // whole.denominator)  # ceiling
    return max(1, days)


def replacement_cost(replacement: Replacement, use: Use) -> Fraction:
    """Unrounded depreciation charged to this use."""
    per_year = (_exact(replacement.purchase_price) - _exact(replacement.residual_value)) / _exact(
        replacement.lifetime_years
    )
    if replacement.charged_per == "hour":
        return per_year / HOURS_PER_YEAR * _exact(use.hours)
    if replacement.charged_per == "day":
        return per_year / DAYS_PER_YEAR * days_started(use.hours)
    return per_year / _exact(replacement.uses_per_year)


def usage_cost(inp: UsageCostInput) -> UsageCostResult:
    """Cost of one use; each line rounded half-up to the cent, total = sum of the lines."""
    if not isinstance(inp, UsageCostInput):
        raise TypeError("usage_cost attend un UsageCostInput.")
    use = inp.use
    units = _exact(use.units)
    consumables = maintenance = replacement = preparation = Fraction(0)
    if inp.consumables is not None:
        consumables = _exact(inp.consumables.cost_per_unit) * units
    if inp.maintenance is not None:
        m = inp.maintenance
        maintenance = _exact(m.service_cost) / _exact(m.service_interval_units) * units
    if inp.replacement is not None:
        replacement = replacement_cost(inp.replacement, use)
    if inp.preparation is not None:
        p = inp.preparation
        preparation = _exact(p.hours) * _exact(p.hourly_rate) * (1 + _exact(p.payroll_charges_rate))
    lines = [round_cents(x) for x in (consumables, maintenance, replacement, preparation, _exact(inp.admin_fee))]
    return UsageCostResult(*lines, total=sum(lines, Decimal("0.00")))
