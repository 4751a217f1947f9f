"""Year-end statement of a shared good: what each partner owes, and who pays whom.

* The fixed costs are split in proportion to the units each partner
  **committed** to use (largest remainder, ties to the partner listed first:
  the shares add up to the fixed costs to the cent).
* Billed units = the greater of the units actually used and
  ``minimum_share_of_commitment`` × committed units (0 when absent: only
  actual use is billed). A partner that used less than its minimum pays the
  minimum.
* variable = billed units × variable_cost_per_unit, rounded to the cent per
  partner; due = fixed share + variable; balance = due − paid.
* Exactly one partner is the **holder**: it holds the good and pays its bills
  for the group. What the others have not paid, the holder has advanced: its
  ``paid`` is the total due minus what the others paid, so the balances sum to
  zero. Every other partner with a non-zero balance settles it with the holder
  in one transfer (a positive balance is paid to the holder, a negative one is
  refunded by the holder).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction

from calculators.errors import FieldError
from calculators.money import round_cents
from calculators.split import largest_remainder
from calculators.validation import coerce, has_at_most_cents, raise_if

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class StatementPartner:
    name: str
    committed_units: Decimal
    actual_units: Decimal
    paid: Decimal | None = None
    holder: bool = False


@dataclass(frozen=True)
class StatementInput:
    fixed_costs: Decimal
    variable_cost_per_unit: Decimal
    partners: tuple[StatementPartner, ...]
    minimum_share_of_commitment: Decimal = Decimal(0)

    def __post_init__(self):
        errors = coerce(
            self,
            "",
            {
                "fixed_costs": "non_negative",
                "variable_cost_per_unit": "non_negative",
                "minimum_share_of_commitment": "rate",
            },
            ("fixed_costs", "variable_cost_per_unit"),
        )
        if self.minimum_share_of_commitment is None:
            object.__setattr__(self, "minimum_share_of_commitment", Decimal(0))
        bad = {e.field for e in errors}
        if "fixed_costs" not in bad and self.fixed_costs is not None and not has_at_most_cents(self.fixed_costs):
            errors.append(FieldError("fixed_costs", "Entrez les coûts fixes au cent près (deux décimales au plus)."))
            bad.add("fixed_costs")
        partners = tuple(self.partners or ())
        if not all(isinstance(p, StatementPartner) for p in partners):
            raise TypeError("partners doit être une suite de StatementPartner.")
        if not partners:
            errors.append(FieldError("partners", "Ajoutez au moins un partenaire, avec son nom."))
        seen: dict[str, int] = {}
        checked = []
        holders = []
        for index, given in enumerate(partners):
            prefix = f"partners.{index}"
            partner = replace(given)
            name = partner.name.strip() if isinstance(partner.name, str) else ""
            if not name:
                errors.append(FieldError(f"{prefix}.name", f"Donnez un nom au partenaire n° {index + 1}."))
            elif name in seen:
                errors.append(
                    FieldError(
                        f"{prefix}.name",
                        f"Le nom « {name} » est déjà utilisé par le partenaire n° {seen[name] + 1} : "
                        "donnez à chaque partenaire un nom différent.",
                    )
                )
            else:
                seen[name] = index
            object.__setattr__(partner, "name", name)
            if partner.holder is not True and partner.holder is not False:
                raise TypeError("holder doit être True ou False.")
            if partner.holder:
                holders.append(index)
            partner_errors = coerce(
                partner,
                prefix,
                {"committed_units": "non_negative", "actual_units": "non_negative", "paid": "non_negative"},
                ("committed_units", "actual_units"),
            )
            if partner.paid is not None and f"{prefix}.paid" not in {e.field for e in partner_errors}:
                if not has_at_most_cents(partner.paid):
                    partner_errors.append(
                        FieldError(f"{prefix}.paid", "Entrez le montant déjà payé au cent près (deux décimales au plus).")
                    )
                elif partner.holder and partner.paid != 0:
                    partner_errors.append(
                        FieldError(
                            f"{prefix}.paid",
                            "Laissez vide le montant payé du détenteur : il paie les factures du bien, "
                            "et ce qu'il a avancé se déduit de ce que les autres ont payé.",
                        )
                    )
            errors.extend(partner_errors)
            checked.append(partner)
        object.__setattr__(self, "partners", tuple(checked))
        if partners and len(holders) != 1:
            field = f"partners.{holders[1]}.holder" if len(holders) > 1 else "partners.0.holder"
            errors.append(
                FieldError(
                    field,
                    "Choisissez un seul détenteur : le partenaire qui garde le bien et paie ses factures.",
                )
            )
        bad = {e.field for e in errors}
        committed = [f"partners.{i}.committed_units" for i in range(len(checked))]
        if (
            checked
            and not bad & set(committed)
            and "fixed_costs" not in bad
            and self.fixed_costs > 0
            and sum(p.committed_units for p in checked) <= 0
        ):
            errors.append(
                FieldError(
                    "partners.0.committed_units",
                    "Au moins un partenaire doit s'être engagé sur des unités : "
                    "sinon, rien ne permet de répartir les coûts fixes.",
                )
            )
        raise_if(errors)


@dataclass(frozen=True)
class PartnerStatement:
    name: str
    holder: bool
    fixed_share: Decimal
    billed_units: Decimal
    variable: Decimal
    due: Decimal
    paid: Decimal
    balance: Decimal  # due − paid: positive, the partner pays; negative, it is refunded


@dataclass(frozen=True)
class Transfer:
    payer: str
    payee: str
    amount: Decimal


@dataclass(frozen=True)
class StatementResult:
    partners: tuple[PartnerStatement, ...]
    transfers: tuple[Transfer, ...]
    total_due: Decimal
    fixed_costs: Decimal


def fixed_shares(fixed_costs: Decimal, committed: list[Decimal]) -> list[Decimal]:
    """The fixed costs in proportion to committed units, to the cent, adding up exactly."""
    total_cents = int(fixed_costs * 100)
    weight = sum((Fraction(c) for c in committed), Fraction(0))
    if total_cents == 0 or weight == 0:
        return [ZERO for _ in committed]
    exact = [Fraction(total_cents) * Fraction(c) / weight for c in committed]
    return [Decimal(c).scaleb(-2) for c in largest_remainder(total_cents, exact)]


def billed_units(partner: StatementPartner, minimum_share: Decimal) -> Decimal:
    """The greater of the units used and the minimum share of the units committed."""
    return max(partner.actual_units, minimum_share * partner.committed_units)


def statement(inp: StatementInput) -> StatementResult:
    if not isinstance(inp, StatementInput):
        raise TypeError("statement attend un StatementInput.")
    shares = fixed_shares(inp.fixed_costs, [p.committed_units for p in inp.partners])
    rows = []
    for partner, share in zip(inp.partners, shares):
        billed = billed_units(partner, inp.minimum_share_of_commitment)
        variable = round_cents(Fraction(billed) * Fraction(inp.variable_cost_per_unit))
        rows.append([partner, share, billed, variable, share + variable])
    total_due = sum((row[4] for row in rows), ZERO)
    others_paid = sum(((p.paid or ZERO) for p in inp.partners if not p.holder), ZERO)
    result = []
    holder_name = next(p.name for p in inp.partners if p.holder)
    for partner, share, billed, variable, due in rows:
        paid = total_due - others_paid if partner.holder else round_cents(partner.paid or ZERO)
        result.append(
            PartnerStatement(
                partner.name, partner.holder, share, billed, variable, due, round_cents(paid), due - round_cents(paid)
            )
        )
    transfers = []
    for row in result:
        if row.holder or row.balance == 0:
            continue
        if row.balance > 0:
            transfers.append(Transfer(row.name, holder_name, row.balance))
        else:
            transfers.append(Transfer(holder_name, row.name, -row.balance))
    return StatementResult(tuple(result), tuple(transfers), total_due, round_cents(inp.fixed_costs))
