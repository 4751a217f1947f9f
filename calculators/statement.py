"""Year-end statement of a shared good: what each partner owes, and who pays whom (the calculator ``statement``).

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
* **Comparison** (optional, ``compare``): the same fixed costs and cost per
  unit recomputed without one partner (``leaves``: its name) and/or with one
  more (``joins``: its committed units; it is assumed to use what it
  commits). Side by side, each partner's fixed share and due now and after;
  balances and transfers are not recomputed (the year's payments are not).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction

from calculators import charts
from calculators.errors import FieldError, ValidationError
from calculators.french import plural
from calculators.money import json_amount, round_cents
from calculators.payloads import as_object, check_keys, read_flag, read_list, read_value
from calculators.spec import Calculator, Carry, Field, ListField, Section
from calculators.split import largest_remainder
from calculators.validation import coerce, coerce_number, has_at_most_cents, partner_name, raise_if
from calculators.view_blocks import chart, note, table, units
from calculators.view_blocks import money as money_of

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
    compare_leaves: str | None = None  # the name of a partner who leaves, for the comparison
    compare_joins: Decimal | None = None  # the committed units of a partner who joins

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
            object.__setattr__(partner, "name", partner_name(partner.name, index, seen, errors))
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
        errors.extend(self._check_compare(checked, {e.field for e in errors}))
        raise_if(errors)

    def _check_compare(self, partners, bad) -> list[FieldError]:
        errors: list[FieldError] = []
        leaves = self.compare_leaves.strip() if isinstance(self.compare_leaves, str) else None
        object.__setattr__(self, "compare_leaves", leaves or None)
        if self.compare_joins is not None:
            object.__setattr__(
                self, "compare_joins", coerce_number(self.compare_joins, "compare.joins", "non_negative", errors)
            )
        if self.compare_leaves is not None and self.compare_leaves not in {p.name for p in partners}:
            names = ", ".join(f"« {p.name} »" for p in partners if p.name)
            errors.append(
                FieldError(
                    "compare.leaves",
                    f"Aucun partenaire ne s'appelle « {self.compare_leaves} » : écrivez le nom tel qu'il est dans "
                    f"la liste ({names}).",
                )
            )
        if errors or bad or (self.compare_leaves is None and self.compare_joins is None):
            return errors
        remaining = [p.committed_units for p in partners if p.name != self.compare_leaves]
        if self.compare_joins is not None:
            remaining.append(self.compare_joins)
        if not remaining:
            errors.append(
                FieldError("compare.leaves", "Sans ce partenaire, il ne resterait personne : rien à comparer.")
            )
        elif self.fixed_costs > 0 and sum(remaining) <= 0:
            field = "compare.joins" if self.compare_joins is not None else "compare.leaves"
            errors.append(
                FieldError(
                    field,
                    "Après ce changement, plus personne ne serait engagé sur des unités : "
                    "rien ne permettrait de répartir les coûts fixes.",
                )
            )
        return errors


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
class ComparedPartner:
    """One partner's fixed share and due now and after the change (None: not a partner then)."""

    name: str
    fixed_now: Decimal | None
    fixed_after: Decimal | None
    due_now: Decimal | None
    due_after: Decimal | None


@dataclass(frozen=True)
class Comparison:
    leaves: str | None
    joins: Decimal | None
    partners: tuple[ComparedPartner, ...]


NEWCOMER = "Nouveau partenaire"


@dataclass(frozen=True)
class StatementResult:
    partners: tuple[PartnerStatement, ...]
    transfers: tuple[Transfer, ...]
    total_due: Decimal
    fixed_costs: Decimal
    comparison: Comparison | None = None


def _variable(inp: StatementInput, billed: Decimal) -> Decimal:
    return round_cents(Fraction(billed) * Fraction(inp.variable_cost_per_unit))


def compare(inp: StatementInput, rows: tuple[PartnerStatement, ...]) -> Comparison | None:
    """The same year recomputed without ``inp.compare_leaves`` and/or with a newcomer; None when not asked."""
    if inp.compare_leaves is None and inp.compare_joins is None:
        return None
    staying = [(p, row) for p, row in zip(inp.partners, rows) if p.name != inp.compare_leaves]
    committed = [p.committed_units for p, _ in staying]
    if inp.compare_joins is not None:
        committed.append(inp.compare_joins)
    shares = fixed_shares(inp.fixed_costs, committed)
    after = {}
    for (partner, _), share in zip(staying, shares):
        after[partner.name] = (share, share + _variable(inp, billed_units(partner, inp.minimum_share_of_commitment)))
    compared = []
    for row in rows:
        fixed_after, due_after = after.get(row.name, (None, None))
        compared.append(ComparedPartner(row.name, row.fixed_share, fixed_after, row.due, due_after))
    if inp.compare_joins is not None:
        share = shares[-1]
        # A newcomer is assumed to use what it commits to: billed units = committed units.
        compared.append(ComparedPartner(NEWCOMER, None, share, None, share + _variable(inp, inp.compare_joins)))
    return Comparison(inp.compare_leaves, inp.compare_joins, tuple(compared))


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
        variable = _variable(inp, billed)
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
    return StatementResult(
        tuple(result), tuple(transfers), total_due, round_cents(inp.fixed_costs), compare(inp, tuple(result))
    )


# --- the CLI's JSON in and out ----------------------------------------------------

KEYS = ("fixed_costs", "variable_cost_per_unit", "minimum_share_of_commitment", "partners", "compare")
COMPARE_KEYS = {"leaves": "text", "joins": "number"}
PARTNER_KEYS = {"name": "text", "committed_units": "number", "actual_units": "number", "paid": "number"}


def read(data: object) -> StatementInput:
    errors: list[FieldError] = []
    root = as_object(data, "", errors)
    if root is None:
        raise ValidationError(errors)
    check_keys(root, "", KEYS, errors)
    values = {key: read_value(root, key, "", "number", errors) for key in KEYS[:3]}
    partners = []
    for index, item in enumerate(read_list(root, "partners", errors)):
        prefix = f"partners.{index}"
        entry = as_object(item, prefix, errors)
        if entry is None:
            continue
        check_keys(entry, prefix, (*PARTNER_KEYS, "holder"), errors)
        kwargs = {key: read_value(entry, key, prefix, kind, errors) for key, kind in PARTNER_KEYS.items()}
        kwargs["name"] = kwargs["name"] or ""
        kwargs["holder"] = read_flag(entry, "holder", prefix, errors)
        partners.append(StatementPartner(**kwargs))
    wanted = {}
    if root.get("compare") is not None:
        section = as_object(root["compare"], "compare", errors)
        if section is not None:
            check_keys(section, "compare", tuple(COMPARE_KEYS), errors)
            wanted = {key: read_value(section, key, "compare", kind, errors) for key, kind in COMPARE_KEYS.items()}
    if errors:
        raise ValidationError(errors)
    return StatementInput(
        **values, partners=tuple(partners), compare_leaves=wanted.get("leaves"), compare_joins=wanted.get("joins")
    )


def to_json(result: StatementResult) -> dict:
    return {
        "partners": [
            {
                "name": p.name,
                "fixed_share": json_amount(p.fixed_share),
                "billed_units": format(p.billed_units.normalize(), "f") if p.billed_units else "0",
                "variable": json_amount(p.variable),
                "due": json_amount(p.due),
                "paid": json_amount(p.paid),
                "balance": json_amount(p.balance),
            }
            for p in result.partners
        ],
        "transfers": [{"from": t.payer, "to": t.payee, "amount": json_amount(t.amount)} for t in result.transfers],
        "total_due": json_amount(result.total_due),
        **({"compare": comparison_json(result.comparison)} if result.comparison else {}),
    }


def comparison_json(comparison) -> dict:
    amount = lambda value: None if value is None else json_amount(value)  # noqa: E731
    return {
        "leaves": comparison.leaves,
        "joins": None if comparison.joins is None else format(comparison.joins.normalize(), "f"),
        "partners": [
            {
                "name": p.name,
                "fixed_share_now": amount(p.fixed_now),
                "fixed_share_after": amount(p.fixed_after),
                "due_now": amount(p.due_now),
                "due_after": amount(p.due_after),
            }
            for p in comparison.partners
        ],
    }


# --- the view -----------------------------------------------------------------------


def comparison_blocks(comparison, currency: str, locale: str) -> list[dict]:
    """The side-by-side table: each partner's fixed share and due now and after the change."""
    money = money_of(currency, locale)
    shown = lambda value: "—" if value is None else money(value)  # noqa: E731
    changes = []
    if comparison.leaves is not None:
        changes.append(f"{comparison.leaves} part")
    if comparison.joins is not None:
        changes.append(f"un nouveau partenaire arrive avec {units(comparison.joins, locale)} unités prévues")
    total = lambda key: money(  # noqa: E731
        sum((getattr(p, key) for p in comparison.partners if getattr(p, key) is not None), Decimal("0.00"))
    )
    notes = [
        "Les coûts fixes et le coût par unité restent ceux de l'année ; seuls les partenaires changent. "
        "« — » : pas partenaire à ce moment-là."
    ]
    if comparison.joins is not None:
        notes.append("On suppose que le nouveau partenaire utilise ce qu'il prévoit : ses unités prévues sont facturées.")
    notes.append("Les soldes et les virements ci-dessus ne changent pas : ils portent sur l'année écoulée.")
    return [
        table(
            f"Si {' et '.join(changes)} : parts recalculées",
            ["Partenaire", "Part des coûts fixes, maintenant", "Part des coûts fixes, après",
             "Dû, maintenant", "Dû, après"],
            [[p.name, shown(p.fixed_now), shown(p.fixed_after), shown(p.due_now), shown(p.due_after)]
             for p in comparison.partners],
            ["Total", total("fixed_now"), total("fixed_after"), total("due_now"), total("due_after")],
        ),
        note(" ".join(notes)),
    ]


def view(inp, result, currency: str, locale: str) -> dict:
    money = money_of(currency, locale)
    count = len(result.transfers)
    if count == 0:
        settle = "Les comptes sont déjà soldés : aucun virement."
    else:
        settle = f"{count} {plural(count, 'virement solde', 'virements soldent')} les comptes."
    total = lambda key: money(sum((getattr(p, key) for p in result.partners), Decimal("0.00")))  # noqa: E731
    blocks = [
        table(
            "Relevé de chaque partenaire pour l'année",
            ["Partenaire", "Part des coûts fixes", "Unités facturées", "Coûts variables", "Dû", "Déjà payé", "Solde"],
            [
                [
                    p.name + (" (détenteur)" if p.holder else ""),
                    money(p.fixed_share),
                    units(p.billed_units, locale),
                    money(p.variable),
                    money(p.due),
                    money(p.paid),
                    money(p.balance),
                ]
                for p in result.partners
            ],
            ["Total", total("fixed_share"), "", total("variable"), total("due"), total("paid"), total("balance")],
        )
    ]
    if result.transfers:
        blocks.append(
            table(
                "Qui paie qui",
                ["De", "À", "Montant"],
                [[t.payer, t.payee, money(t.amount)] for t in result.transfers],
            )
        )
    minimum = inp.minimum_share_of_commitment
    for p, given in zip(result.partners, inp.partners):
        if minimum and p.billed_units > given.actual_units:
            blocks.append(
                note(
                    f"{p.name} a utilisé {units(given.actual_units, locale)} unités, moins que son minimum "
                    f"({units(minimum * 100, locale)} % de {units(given.committed_units, locale)}) : "
                    f"{units(p.billed_units, locale)} unités lui sont facturées."
                )
            )
    if result.comparison:
        blocks += comparison_blocks(result.comparison, currency, locale)
    blocks += chart(charts.statement_chart(result, currency, locale))
    return {"summary": f"Total dû pour l'année : {money(result.total_due)}. {settle}", "blocks": blocks}


# --- the form, the error labels and the worked examples ----------------------------

LABELS = {
    "fixed_costs": "les coûts fixes de l'année",
    "variable_cost_per_unit": "le coût variable par unité",
    "minimum_share_of_commitment": "la part minimale de l'engagement",
    "partners": "la liste des partenaires",
    "partners.N.name": "le nom du partenaire",
    "partners.N.committed_units": "les unités sur lesquelles le partenaire s'est engagé",
    "partners.N.actual_units": "les unités réellement utilisées par le partenaire",
    "partners.N.paid": "le montant déjà payé par le partenaire",
    "partners.N.holder": "le détenteur du bien",
    "compare.leaves": "le partenaire qui part",
    "compare.joins": "les unités prévues du nouveau partenaire",
}

EXAMPLES = {
    # Fictitious: the van's first year; the Ressourcerie holds it and pays its bills.
    "van": {
        "title": "Relevé de fin d'année de la camionnette partagée",
        "payload": {
            # depreciation 3 333.33 + interest 1 000.00 + insurance 1 800 + registration 300 (annual-cost "van")
            "fixed_costs": "6433.33",
            "variable_cost_per_unit": "0.18",
            "minimum_share_of_commitment": "0.8",
            "partners": [
                {"name": "Ressourcerie du Plateau", "committed_units": "6000", "actual_units": "6400", "holder": True},
                {"name": "Centre communautaire des Saules", "committed_units": "3000", "actual_units": "2000", "paid": "2000"},
                {"name": "Festival des Voisins", "committed_units": "1000", "actual_units": "1100", "paid": "1200"},
            ],
        },
    },
}

CALCULATOR = Calculator(
    id="statement",
    name="relevé annuel",
    prefix="st",
    file="releve-annuel",
    read=read,
    compute=statement,
    to_json=to_json,
    view=view,
    labels=LABELS,
    examples=EXAMPLES,
    example="van",
    example_label="Charger l'exemple de la camionnette",
    carry=(
        Carry(
            "annual-cost",
            "Reprendre le prix par unité du coût annuel",
            "Le prix par unité du coût annuel (vue comptable) est repris comme coût par unité, avec des coûts fixes à 0 : "
            "ce prix couvre déjà toute l'année.",
            "Aucun coût annuel n'est enregistré sur cet appareil : calculez-le d'abord sur la page « Coût annuel d'un bien partagé ».",
            (("variable_cost_per_unit", "result.accounting.per_unit"),),
            (("fixed_costs", "0"),),
        ),
    ),
    sections=(
        Section(
            "Les coûts de l'année",
            (
                Field("fixed_costs", "Coûts fixes de l'année (en {currency})",
                      "Amortissement, assurance, intérêts : ce que le bien a coûté dans l'année, quel que soit l'usage. "
                      "Le calculateur du coût annuel peut vous le donner."),
                Field("variable_cost_per_unit", "Coût variable par unité (en {currency})",
                      "Ce que chaque unité utilisée a coûté : carburant, usure."),
                Field("minimum_share_of_commitment", "Part minimale de l'engagement facturée (en %, par exemple 80 %)",
                      "Un partenaire qui utilise moins que ce pourcentage de ce qu'il s'était engagé à utiliser paie ce "
                      "minimum. Laissez vide pour ne facturer que l'usage réel.", kind="percent"),
            ),
        ),
        Section(
            "Les partenaires",
            (
                ListField(
                    "partners",
                    "Partenaires : engagement, usage réel, montant déjà payé, détenteur",
                    "partenaire",
                    (
                        Field("name", "Nom", kind="text"),
                        Field("committed_units", "Unités prévues", header="Unités prévues (engagement)"),
                        Field("actual_units", "Unités utilisées"),
                        Field("paid", "Déjà payé ({currency})", header="Déjà payé (en {currency})"),
                        Field("holder", "Détenteur", kind="radio"),
                    ),
                    "Ajouter un partenaire",
                ),
            ),
            intro="Une ligne par partenaire. Les coûts fixes sont répartis selon les unités prévues. Le détenteur garde "
            "le bien et paie ses factures : laissez vide son montant payé, les autres soldent leur compte avec lui.",
        ),
        Section(
            "Comparer : si un partenaire part ou arrive (facultatif)",
            (
                Field("compare.leaves", "Partenaire qui part (son nom)",
                      "Le nom tel qu'il est dans la liste. Les parts sont recalculées sans lui.", kind="text"),
                Field("compare.joins", "Unités prévues d'un nouveau partenaire",
                      "Son engagement : les parts sont recalculées avec lui, comme s'il utilisait ce qu'il prévoit."),
            ),
            intro="Remplissez l'un ou les deux champs : le résultat montre côte à côte la part des coûts fixes et le dû "
            "de chacun, maintenant et après le changement. Laissez vide pour ne pas comparer.",
        ),
    ),
)
