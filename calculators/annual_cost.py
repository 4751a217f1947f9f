"""Annual cost of a shared good: its full cost with financing, and a price per unit.

A group buys a van or a machine together. For year 1 this module gives:

* **depreciation** per year = (purchase_price − subsidy − residual_value) ÷ lifetime_years;
* the **loan schedule**: constant annual payments
  ``A = L·r ÷ (1 − (1 + r)^−n)`` rounded to the cent (``L ÷ n`` at 0 %); each
  year's interest = previous balance × r, rounded to the cent; principal =
  A − interest; the last year pays the remaining balance plus its interest,
  so the loan is repaid exactly;
* the **accounting view**: depreciation + year-1 interest + fixed costs +
  variable cost per unit × expected units; per unit = total ÷ expected units;
* the **cash view**: year-1 loan payment + fixed costs + variable costs; per
  unit likewise. The **initial contribution** (purchase_price − subsidy −
  loan amount: what the partners put in on the day of purchase) is shown apart.

Every shown line is rounded half-up to the cent; a total is the sum of its
shown lines. Per-unit figures are ``None`` when no unit is expected.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction

from calculators.errors import FieldError
from calculators.money import round_cents
from calculators.validation import coerce, raise_if

ZERO = Decimal("0.00")
MAX_LOAN_YEARS = 50


@dataclass(frozen=True)
class Loan:
    amount: Decimal
    annual_rate: Decimal
    years: Decimal

    def __post_init__(self):
        errors = coerce(
            self,
            "loan",
            {"amount": "non_negative", "annual_rate": "rate", "years": "positive"},
            ("amount", "annual_rate", "years"),
        )
        bad = {e.field for e in errors}
        if "loan.years" not in bad and self.years is not None:
            if self.years != self.years.to_integral_value() or self.years > MAX_LOAN_YEARS:
                errors.append(
                    FieldError("loan.years", f"Entrez la durée du prêt en années entières, de 1 à {MAX_LOAN_YEARS}.")
                )
        raise_if(errors)


@dataclass(frozen=True)
class FixedCost:
    label: str
    amount: Decimal


@dataclass(frozen=True)
class AnnualCostInput:
    purchase_price: Decimal
    lifetime_years: Decimal
    subsidy: Decimal = Decimal(0)
    residual_value: Decimal = Decimal(0)
    loan: Loan | None = None
    fixed_costs: tuple[FixedCost, ...] = ()
    variable_cost_per_unit: Decimal = Decimal(0)
    expected_units: Decimal = Decimal(0)
    unit: str = ""

    def __post_init__(self):
        rules = {
            "purchase_price": "non_negative",
            "lifetime_years": "positive",
            "subsidy": "non_negative",
            "residual_value": "non_negative",
            "variable_cost_per_unit": "non_negative",
            "expected_units": "non_negative",
        }
        errors = coerce(self, "", rules, ("purchase_price", "lifetime_years"))
        for name in ("subsidy", "residual_value", "variable_cost_per_unit", "expected_units"):
            if getattr(self, name) is None:
                object.__setattr__(self, name, Decimal(0))
        bad = {e.field for e in errors}
        if self.loan is not None and not isinstance(self.loan, Loan):
            raise TypeError("loan doit être un Loan.")
        costs = tuple(self.fixed_costs or ())
        checked = []
        for index, given in enumerate(costs):
            if not isinstance(given, FixedCost):
                raise TypeError("fixed_costs doit être une suite de FixedCost.")
            cost = replace(given)
            prefix = f"fixed_costs.{index}"
            name = cost.label.strip() if isinstance(cost.label, str) else ""
            object.__setattr__(cost, "label", name or f"Coût fixe n° {index + 1}")
            errors.extend(coerce(cost, prefix, {"amount": "non_negative"}, ("amount",)))
            checked.append(cost)
        object.__setattr__(self, "fixed_costs", tuple(checked))
        object.__setattr__(self, "unit", (self.unit or "").strip() if isinstance(self.unit, str) else "")
        # A limit between two fields is said under the field to change: the
        # subsidy when it alone exceeds the price, else the residual value.
        if not bad & {"purchase_price", "subsidy", "residual_value"} and self.purchase_price is not None:
            if self.subsidy > self.purchase_price:
                errors.append(FieldError("subsidy", "La subvention ne peut pas dépasser le prix d'achat."))
            elif self.subsidy + self.residual_value > self.purchase_price:
                errors.append(
                    FieldError(
                        "residual_value",
                        "La valeur résiduelle ne peut pas dépasser le prix d'achat moins la subvention.",
                    )
                )
            elif self.loan is not None and self.loan.amount > self.purchase_price - self.subsidy:
                errors.append(
                    FieldError(
                        "loan.amount",
                        "Le montant emprunté ne peut pas dépasser le prix d'achat moins la subvention.",
                    )
                )
        raise_if(errors)


@dataclass(frozen=True)
class ScheduleYear:
    year: int
    payment: Decimal
    interest: Decimal
    principal: Decimal
    balance: Decimal


@dataclass(frozen=True)
class AccountingView:
    depreciation: Decimal
    interest: Decimal
    fixed: Decimal
    variable: Decimal
    total: Decimal
    per_unit: Decimal | None


@dataclass(frozen=True)
class CashView:
    loan_payment: Decimal
    fixed: Decimal
    variable: Decimal
    total: Decimal
    per_unit: Decimal | None


@dataclass(frozen=True)
class AnnualCostResult:
    accounting: AccountingView
    cash: CashView
    initial_contribution: Decimal
    schedule: tuple[ScheduleYear, ...]
    fixed_lines: tuple[tuple[str, Decimal], ...]


def constant_payment(amount: Decimal, rate: Decimal, years: int) -> Decimal:
    """A = L·r ÷ (1 − (1 + r)^−n), rounded half-up to the cent; L ÷ n at 0 %."""
    loan, r = Fraction(amount), Fraction(rate)
    if r == 0:
        return round_cents(loan / years)
    growth = (1 + r) ** years
    return round_cents(loan * r * growth / (growth - 1))


def loan_schedule(loan: Loan | None) -> tuple[ScheduleYear, ...]:
    """Year by year: payment, interest, principal and the balance left; the last year settles it."""
    if loan is None or loan.amount == 0:
        return ()
    years = int(loan.years)
    payment = constant_payment(loan.amount, loan.annual_rate, years)
    balance = round_cents(loan.amount)
    rows = []
    for year in range(1, years + 1):
        interest = round_cents(balance * loan.annual_rate)
        if year == years:
            principal = balance
            this_payment = principal + interest
        else:
            principal = payment - interest
            this_payment = payment
        balance = balance - principal
        rows.append(ScheduleYear(year, this_payment, interest, principal, round_cents(balance)))
    return tuple(rows)


def _per_unit(total: Decimal, units: Decimal) -> Decimal | None:
    if units == 0:
        return None
    return round_cents(Fraction(total) / Fraction(units))


def annual_cost(inp: AnnualCostInput) -> AnnualCostResult:
    if not isinstance(inp, AnnualCostInput):
        raise TypeError("annual_cost attend un AnnualCostInput.")
    base = Fraction(inp.purchase_price) - Fraction(inp.subsidy) - Fraction(inp.residual_value)
    depreciation = round_cents(base / Fraction(inp.lifetime_years))
    schedule = loan_schedule(inp.loan)
    first = schedule[0] if schedule else None
    interest = first.interest if first else ZERO
    loan_payment = first.payment if first else ZERO
    fixed_lines = tuple((cost.label, round_cents(cost.amount)) for cost in inp.fixed_costs)
    fixed = sum((amount for _, amount in fixed_lines), ZERO)
    variable = round_cents(Fraction(inp.variable_cost_per_unit) * Fraction(inp.expected_units))
    accounting_total = depreciation + interest + fixed + variable
    cash_total = loan_payment + fixed + variable
    loan_amount = inp.loan.amount if inp.loan is not None else Decimal(0)
    return AnnualCostResult(
        accounting=AccountingView(
            depreciation, interest, fixed, variable, accounting_total, _per_unit(accounting_total, inp.expected_units)
        ),
        cash=CashView(loan_payment, fixed, variable, cash_total, _per_unit(cash_total, inp.expected_units)),
        initial_contribution=round_cents(inp.purchase_price - inp.subsidy - loan_amount),
        schedule=schedule,
        fixed_lines=fixed_lines,
    )
