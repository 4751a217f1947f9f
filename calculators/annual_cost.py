"""Annual cost of a shared good: its full cost with financing, and a price per unit (the calculator ``annual-cost``).

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

from calculators import charts
from calculators.errors import FieldError, ValidationError
from calculators.french import count_noun
from calculators.money import json_amount, round_cents
from calculators.payloads import as_object, build, check_keys, read_list, read_value
from calculators.spec import Calculator, Field, ListField, Section
from calculators.validation import coerce, raise_if
from calculators.view_blocks import chart, note, table
from calculators.view_blocks import money as money_of

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


# --- the CLI's JSON in and out ----------------------------------------------------

KEYS = {
    "purchase_price": "number",
    "subsidy": "number",
    "residual_value": "number",
    "lifetime_years": "number",
    "loan": "object",
    "fixed_costs": "list",
    "variable_cost_per_unit": "number",
    "expected_units": "number",
    "unit": "text",
}
LOAN_KEYS = {"amount": "number", "annual_rate": "number", "years": "number"}
FIXED_COST_KEYS = {"label": "text", "amount": "number"}


def read(data: object) -> AnnualCostInput:
    errors: list[FieldError] = []
    root = as_object(data, "", errors)
    if root is None:
        raise ValidationError(errors)
    check_keys(root, "", tuple(KEYS), errors)
    values = {
        key: read_value(root, key, "", kind, errors) for key, kind in KEYS.items() if kind in ("number", "text")
    }
    loan = None
    if root.get("loan") is not None:
        section = as_object(root["loan"], "loan", errors)
        if section is not None:
            before = len(errors)
            check_keys(section, "loan", tuple(LOAN_KEYS), errors)
            kwargs = {key: read_value(section, key, "loan", kind, errors) for key, kind in LOAN_KEYS.items()}
            if all(v is None for v in kwargs.values()):
                pass  # an empty loan section: no loan
            elif len(errors) == before:
                if kwargs["annual_rate"] is None:
                    kwargs["annual_rate"] = "0"
                loan = build(Loan, kwargs, errors)
    costs = []
    for index, item in enumerate(read_list(root, "fixed_costs", errors)):
        prefix = f"fixed_costs.{index}"
        entry = as_object(item, prefix, errors)
        if entry is None:
            continue
        check_keys(entry, prefix, tuple(FIXED_COST_KEYS), errors)
        kwargs = {key: read_value(entry, key, prefix, kind, errors) for key, kind in FIXED_COST_KEYS.items()}
        kwargs["label"] = kwargs["label"] or ""
        costs.append(FixedCost(**kwargs))
    if errors:
        raise ValidationError(errors)
    values["unit"] = values.get("unit") or ""
    return AnnualCostInput(**values, loan=loan, fixed_costs=tuple(costs))


def _amount_or_none(value):
    return None if value is None else json_amount(value)


def to_json(result: AnnualCostResult) -> dict:
    a, c = result.accounting, result.cash
    return {
        "accounting": {
            "depreciation": json_amount(a.depreciation),
            "interest": json_amount(a.interest),
            "fixed": json_amount(a.fixed),
            "variable": json_amount(a.variable),
            "total": json_amount(a.total),
            "per_unit": _amount_or_none(a.per_unit),
        },
        "cash": {
            "loan_payment": json_amount(c.loan_payment),
            "fixed": json_amount(c.fixed),
            "variable": json_amount(c.variable),
            "total": json_amount(c.total),
            "per_unit": _amount_or_none(c.per_unit),
        },
        "initial_contribution": json_amount(result.initial_contribution),
        "schedule": [
            {
                "year": row.year,
                "payment": json_amount(row.payment),
                "interest": json_amount(row.interest),
                "principal": json_amount(row.principal),
                "balance": json_amount(row.balance),
            }
            for row in result.schedule
        ],
    }


# --- the view -----------------------------------------------------------------------


def view(inp, result, currency: str, locale: str) -> dict:
    money = money_of(currency, locale)
    unit = inp.unit or "unité"
    a, c = result.accounting, result.cash
    if a.per_unit is None:
        summary = (
            f"Coût de l'année 1 : {money(a.total)} en vue comptable, {money(c.total)} en vue trésorerie. "
            "Indiquez l'usage prévu dans l'année pour obtenir un prix par unité."
        )
    else:
        summary = (
            f"Prix par {unit} : {money(a.per_unit)} en vue comptable, "
            f"{money(c.per_unit)} en vue trésorerie (année 1)."
        )
    per_unit = lambda v: "—" if v is None else money(v)  # noqa: E731
    fixed_rows = [[f"Coût fixe : {label}", money(amount)] for label, amount in result.fixed_lines]
    variable_label = (
        f"Coûts variables : {money(inp.variable_cost_per_unit)} × {count_noun(inp.expected_units, unit, locale)}"
    )
    blocks = [
        table(
            "Vue comptable de l'année 1 : ce que le bien coûte",
            ["Poste", "Montant"],
            [
                ["Amortissement", money(a.depreciation)],
                ["Intérêts du prêt", money(a.interest)],
                *fixed_rows,
                [variable_label, money(a.variable)],
            ],
            ["Total", money(a.total)],
        ),
        table(
            "Vue trésorerie de l'année 1 : ce qui sort du compte",
            ["Poste", "Montant"],
            [["Annuité du prêt", money(c.loan_payment)], *fixed_rows, [variable_label, money(c.variable)]],
            ["Total", money(c.total)],
        ),
        table(
            f"Prix par {unit} qui couvre l'année 1",
            ["Vue", f"Prix par {unit}"],
            [["Vue comptable", per_unit(a.per_unit)], ["Vue trésorerie", per_unit(c.per_unit)]],
        ),
        note(
            f"Apport initial des partenaires à l'achat (prix − subvention − emprunt) : "
            f"{money(result.initial_contribution)}. Il n'entre dans aucune des deux vues."
        ),
    ]
    if result.schedule:
        blocks.append(
            table(
                "Tableau d'amortissement du prêt",
                ["Année", "Annuité", "Intérêts", "Capital", "Reste dû"],
                [
                    [str(r.year), money(r.payment), money(r.interest), money(r.principal), money(r.balance)]
                    for r in result.schedule
                ],
                [
                    "Total",
                    money(sum((r.payment for r in result.schedule), Decimal("0.00"))),
                    money(sum((r.interest for r in result.schedule), Decimal("0.00"))),
                    money(sum((r.principal for r in result.schedule), Decimal("0.00"))),
                    "",
                ],
            )
        )
    blocks += chart(charts.per_unit_chart(inp, result, currency, locale))
    blocks += chart(charts.loan_schedule_chart(result, currency, locale))
    return {"summary": summary, "blocks": blocks}


# --- the form, the error labels and the worked examples ----------------------------

LABELS = {
    "purchase_price": "le prix d'achat",
    "subsidy": "la subvention",
    "residual_value": "la valeur résiduelle",
    "lifetime_years": "la durée d'amortissement en années",
    "loan": "le prêt",
    "loan.amount": "le montant emprunté",
    "loan.annual_rate": "le taux d'intérêt annuel",
    "loan.years": "la durée du prêt en années",
    "variable_cost_per_unit": "le coût variable par unité",
    "expected_units": "le nombre d'unités prévues dans l'année",
    "unit": "l'unité",
    "fixed_costs.N.label": "le nom du coût fixe",
    "fixed_costs.N.amount": "le montant annuel du coût fixe",
}

EXAMPLES = {
    # Fictitious: the shared van of the split example, bought with a subsidy and a loan.
    "van": {
        "title": "Coût annuel de la camionnette partagée",
        "payload": {
            "purchase_price": "42000",
            "subsidy": "10000",
            "residual_value": "12000",
            "lifetime_years": "6",
            "loan": {"amount": "20000", "annual_rate": "0.05", "years": "4"},
            "fixed_costs": [
                {"label": "Assurance", "amount": "1800"},
                {"label": "Immatriculation", "amount": "300"},
            ],
            "variable_cost_per_unit": "0.18",
            "expected_units": "10000",
            "unit": "kilomètre",
        },
    },
}

CALCULATOR = Calculator(
    id="annual-cost",
    name="coût annuel",
    prefix="ac",
    file="cout-annuel",
    read=read,
    compute=annual_cost,
    to_json=to_json,
    view=view,
    labels=LABELS,
    examples=EXAMPLES,
    example="van",
    example_label="Charger l'exemple de la camionnette",
    sections=(
        Section(
            "L'achat",
            (
                Field("purchase_price", "Prix d'achat (en {currency})", "Ce que le bien coûte, taxes non récupérables comprises."),
                Field("subsidy", "Subvention reçue pour l'achat (en {currency})", "Laissez vide s'il n'y en a pas."),
                Field("residual_value", "Valeur résiduelle (en {currency})",
                      "Ce que vous pensez tirer du bien à la revente, en fin de vie. Laissez vide si vous n'en savez rien."),
                Field("lifetime_years", "Durée d'amortissement (en années)", "Le nombre d'années pendant lesquelles le bien servira."),
            ),
        ),
        Section(
            "Le prêt (facultatif)",
            (
                Field("loan.amount", "Montant emprunté (en {currency})", "Laissez vide si vous payez comptant."),
                Field("loan.annual_rate", "Taux d'intérêt annuel (en %, par exemple 4,5 %)",
                      "Le taux de l'offre de prêt, en pourcentage : 4,5 ou 4,5 % pour 4,5 %. Mettez 0 pour un prêt sans intérêt.",
                      kind="percent"),
                Field("loan.years", "Durée du prêt (en années entières)", "Le prêt est remboursé par annuités constantes, une par an."),
            ),
        ),
        Section(
            "Les coûts fixes de chaque année",
            (
                ListField(
                    "fixed_costs",
                    "Coûts fixes annuels : assurance, immatriculation, entreposage…",
                    "coût fixe",
                    (
                        Field("label", "Nature du coût", kind="text"),
                        Field("amount", "Montant annuel ({currency})", header="Montant annuel (en {currency})"),
                    ),
                    "Ajouter un coût fixe",
                ),
            ),
            intro="Ce que le bien coûte chaque année, qu'il serve ou non. Une ligne par coût.",
        ),
        Section(
            "L'usage prévu",
            (
                Field("unit", "Unité d'usage (au singulier : kilomètre, heure, jour…)", "Le mot qui compte l'usage du bien.", kind="text"),
                Field("expected_units", "Usage prévu dans l'année (en unités)", "Tous partenaires confondus : par exemple 20 000 kilomètres."),
                Field("variable_cost_per_unit", "Coût variable par unité (en {currency})",
                      "Ce que chaque unité ajoute : carburant, usure, entretien courant."),
            ),
        ),
    ),
)
