"""Split a total between partners, to the cent, with shares that add up exactly (the calculator ``split``).

Methods:

* ``equal``: the same share for everyone;
* ``usage``: in proportion to each partner's usage (hours, km, bookings…);
* ``weights``: in proportion to agreed weights (members, budget, surface…);
* ``mixed``: ``fixed_share`` (an **amount** in money, not a rate, from 0 to
  the total) is split equally, the rest (total − fixed_share) by usage.

Each partner's exact share is computed first (one fraction per partner), then
rounded with the largest remainder method: everyone gets the share rounded
down to the cent, and the cents still missing go one by one to the largest
remainders; on a tie, to the partner listed first. The shares add up to the
total exactly.

Contributions in kind (``in_kind``, already valued in money: a room lent,
hours of volunteering) are credited: ``net = share − in_kind``. A negative
net means the partner has given more than its share: the others owe it
that amount.

Amounts (total, fixed_share, in_kind) are in cents at most: a split of
a total with fractions of a cent could not add up.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction

from calculators import charts
from calculators.errors import FieldError, ValidationError
from calculators.money import json_amount
from calculators.payloads import as_object, check_keys, read_value, type_name
from calculators.spec import Calculator, Field, ListField, Section
from calculators.validation import coerce, has_at_most_cents, partner_name, raise_if
from calculators.view_blocks import chart, money, note, table

METHODS = ("equal", "usage", "weights", "mixed")


@dataclass(frozen=True)
class SplitPartner:
    """A partner: its name, its usage or weight when the method needs them, its in-kind contribution."""

    name: str
    usage: Decimal | None = None
    weight: Decimal | None = None
    in_kind: Decimal = Decimal(0)


@dataclass(frozen=True)
class SplitInput:
    total: Decimal
    method: str
    partners: tuple[SplitPartner, ...]
    fixed_share: Decimal | None = None

    def __post_init__(self):
        errors = coerce(self, "", {"total": "non_negative", "fixed_share": "non_negative"}, ("total",))
        bad = {e.field for e in errors}
        if self.total is not None and "total" not in bad and not has_at_most_cents(self.total):
            errors.append(FieldError("total", "Entrez le montant à répartir au cent près (deux décimales au plus)."))
            bad.add("total")
        if self.method not in METHODS:
            errors.append(
                FieldError(
                    "method",
                    "Choisissez la méthode de répartition : « equal » (parts égales), « usage » (selon "
                    "l'utilisation), « weights » (selon une pondération) ou « mixed » (part fixe puis utilisation).",
                )
            )
        partners = self.partners
        if isinstance(partners, list):
            partners = tuple(partners)
            object.__setattr__(self, "partners", partners)
        if not isinstance(partners, tuple) or not all(isinstance(p, SplitPartner) for p in partners):
            raise TypeError("partners doit être une suite de SplitPartner.")
        if not partners:
            errors.append(FieldError("partners", "Ajoutez au moins un partenaire."))
        needs_usage = self.method in ("usage", "mixed")
        needs_weight = self.method == "weights"
        seen: dict[str, int] = {}
        checked: list[SplitPartner] = []
        for index, given in enumerate(partners):
            prefix = f"partners.{index}"
            partner = replace(given)  # a copy: the caller's objects are never changed
            checked.append(partner)
            object.__setattr__(partner, "name", partner_name(partner.name, index, seen, errors))
            rules = {"usage": "non_negative", "weight": "non_negative", "in_kind": "non_negative"}
            required = ("usage",) if needs_usage else ("weight",) if needs_weight else ()
            partner_errors = coerce(partner, prefix, rules, required)
            if partner.in_kind is None:
                object.__setattr__(partner, "in_kind", Decimal(0))
            elif f"{prefix}.in_kind" not in {e.field for e in partner_errors} and not has_at_most_cents(
                partner.in_kind
            ):
                partner_errors.append(
                    FieldError(f"{prefix}.in_kind", "Entrez l'apport en nature au cent près (deux décimales au plus).")
                )
            errors.extend(partner_errors)
        partners = tuple(checked)
        object.__setattr__(self, "partners", partners)
        bad = {e.field for e in errors}
        for key, needed in (("usage", needs_usage), ("weight", needs_weight)):
            fields = [f"partners.{i}.{key}" for i in range(len(partners))]
            if needed and partners and not bad & set(fields):
                if sum(getattr(p, key) for p in partners) <= 0:
                    what = "l'utilisation" if key == "usage" else "la pondération"
                    errors.append(
                        FieldError(
                            f"partners.0.{key}",
                            f"Au moins un partenaire doit avoir {what} supérieure à zéro : "
                            "sinon, rien ne permet de répartir.",
                        )
                    )
        if self.method == "mixed":
            if self.fixed_share is None and "fixed_share" not in bad:
                errors.append(
                    FieldError("fixed_share", "Indiquez la part fixe, en montant, répartie à parts égales.")
                )
            elif "fixed_share" not in bad:
                if not has_at_most_cents(self.fixed_share):
                    errors.append(FieldError("fixed_share", "Entrez la part fixe au cent près (deux décimales au plus)."))
                elif "total" not in bad and self.fixed_share > self.total:
                    errors.append(
                        FieldError("fixed_share", "La part fixe ne peut pas dépasser le montant à répartir.")
                    )
        raise_if(errors)


@dataclass(frozen=True)
class PartnerShare:
    name: str
    share: Decimal
    in_kind: Decimal
    net: Decimal  # share − in_kind; negative: the partner is owed that amount


@dataclass(frozen=True)
class SplitResult:
    partners: tuple[PartnerShare, ...]
    total: Decimal


def largest_remainder(total_cents: int, exact: list[Fraction]) -> list[int]:
    """Round exact shares (in cents, summing to ``total_cents``) to whole cents that add up.

    Floors first; the missing cents go to the largest remainders, ties to the
    lowest index (the partner listed first).
    """
    floors = [x.numerator // x.denominator for x in exact]
    missing = total_cents - sum(floors)
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:missing]:
        floors[i] += 1
    return floors


def exact_shares(inp: SplitInput) -> list[Fraction]:
    """Each partner's share before rounding, in money (not cents)."""
    total = Fraction(inp.total)
    count = len(inp.partners)
    if inp.method == "equal":
        return [total / count] * count
    if inp.method == "weights":
        weights = [Fraction(p.weight) for p in inp.partners]
        return [total * w / sum(weights) for w in weights]
    usages = [Fraction(p.usage) for p in inp.partners]
    fixed = Fraction(inp.fixed_share) if inp.method == "mixed" else Fraction(0)
    rest = total - fixed
    return [fixed / count + rest * u / sum(usages) for u in usages]


def split(inp: SplitInput) -> SplitResult:
    """Shares to the cent adding up to the total; ``net = share − in_kind``."""
    if not isinstance(inp, SplitInput):
        raise TypeError("split attend un SplitInput.")
    total_cents = int(inp.total * 100)
    cents = largest_remainder(total_cents, [x * 100 for x in exact_shares(inp)])
    shares = []
    for partner, c in zip(inp.partners, cents):
        share = Decimal(c).scaleb(-2)
        in_kind = partner.in_kind.quantize(Decimal("0.01"))
        shares.append(PartnerShare(partner.name, share, in_kind, share - in_kind))
    return SplitResult(tuple(shares), inp.total.quantize(Decimal("0.01")))


# --- the CLI's JSON in and out ----------------------------------------------------

KEYS = ("total", "method", "fixed_share", "partners")
PARTNER_KEYS = {"name": "text", "usage": "number", "weight": "number", "in_kind": "number"}


def read(data: object) -> SplitInput:
    errors: list[FieldError] = []
    root = as_object(data, "", errors)
    if root is None:
        raise ValidationError(errors)
    check_keys(root, "", KEYS, errors)
    total = read_value(root, "total", "", "number", errors)
    fixed_share = read_value(root, "fixed_share", "", "number", errors)
    method = read_value(root, "method", "", "text", errors)
    partners: list[SplitPartner] = []
    raw = root.get("partners")
    if raw is None:
        raw = []
    if not isinstance(raw, list):
        errors.append(FieldError("partners", f"« partners » doit être une liste de partenaires, pas {type_name(raw)}."))
        raw = []
    for index, item in enumerate(raw):
        prefix = f"partners.{index}"
        entry = as_object(item, prefix, errors)
        if entry is None:
            continue
        check_keys(entry, prefix, tuple(PARTNER_KEYS), errors)
        values = {key: read_value(entry, key, prefix, kind, errors) for key, kind in PARTNER_KEYS.items()}
        values["name"] = values["name"] or ""
        partners.append(SplitPartner(**values))
    if errors:
        raise ValidationError(errors)
    return SplitInput(total=total, method=method, partners=tuple(partners), fixed_share=fixed_share)


def to_json(result: SplitResult) -> dict:
    return {
        "partners": [
            {"name": p.name, "share": json_amount(p.share), "in_kind": json_amount(p.in_kind), "net": json_amount(p.net)}
            for p in result.partners
        ],
        "total": json_amount(result.total),
    }


# --- the view -----------------------------------------------------------------------


def view(inp, result, currency: str, locale: str) -> dict:
    amount = money(currency, locale)
    in_kind = sum((p.in_kind for p in result.partners), Decimal("0.00"))
    net = sum((p.net for p in result.partners), Decimal("0.00"))
    count = len(result.partners)
    notes = [
        note(
            f"{p.name} a apporté {amount(-p.net)} de plus que sa part : les autres partenaires lui doivent ce montant.",
            "mu-calc-owed",
        )
        for p in result.partners
        if p.net < 0
    ]
    between = "pour un seul partenaire" if count == 1 else f"entre {count} partenaires"
    return {
        "summary": f"Montant réparti : {amount(result.total)}, {between}.",
        "blocks": [
            table(
                "Part de chaque partenaire",
                ["Partenaire", "Part", "Apport en nature", "Reste à payer"],
                [[p.name, amount(p.share), amount(p.in_kind), amount(p.net)] for p in result.partners],
                ["Total", amount(result.total), amount(in_kind), amount(net)],
            ),
            *notes,
            *chart(charts.split_chart(result, currency, locale)),
        ],
    }


# --- the form, the error labels and the worked examples ----------------------------

LABELS = {
    "total": "le montant à répartir",
    "method": "la méthode de répartition",
    "fixed_share": "la part fixe",
    "partners": "la liste des partenaires",
    "partners.N.name": "le nom du partenaire",
    "partners.N.usage": "l'utilisation du partenaire",
    "partners.N.weight": "la pondération du partenaire",
    "partners.N.in_kind": "l'apport en nature du partenaire",
}

EXAMPLES = {
    # Fictitious: the van's yearly cost shared by three organisations.
    "van": {
        "title": "Répartition des coûts annuels de la camionnette entre trois organismes",
        "payload": {
            "total": "5400",
            "method": "mixed",
            "fixed_share": "1800",
            "partners": [
                {"name": "Ressourcerie du Plateau", "usage": "6000"},
                {"name": "Centre communautaire des Saules", "usage": "3000", "in_kind": "600"},
                {"name": "Festival des Voisins", "usage": "1000"},
            ],
        },
    },
    # Fictitious, the guide's story: 100 days of van a year, 6 500 + 100 × 34.60
    # = 9 960, split by days used (60, 30, 10); the grocery's garage is in kind.
    "story-van": {
        "title": "Histoire fictive : répartition du coût annuel de la camionnette",
        "payload": {
            "total": "9960",
            "method": "usage",
            "partners": [
                {"name": "Ressourcerie La Boucle", "usage": "60"},
                {"name": "Épicerie solidaire Le Panier", "usage": "30", "in_kind": "400"},
                {"name": "Maison des familles des Tilleuls", "usage": "10"},
            ],
        },
    },
    # Fictitious, the guide's story: the bookkeeper's yearly cost (pay and
    # payroll charges, 21 600) split by hours a week (8, 8, 4); the family
    # centre lends her desk, valued at 1 200 a year.
    "story-bookkeeper": {
        "title": "Histoire fictive : répartition du coût annuel de la commis comptable",
        "payload": {
            "total": "21600",
            "method": "weights",
            "partners": [
                {"name": "Ressourcerie La Boucle", "weight": "8"},
                {"name": "Épicerie solidaire Le Panier", "weight": "8"},
                {"name": "Maison des familles des Tilleuls", "weight": "4", "in_kind": "1200"},
            ],
        },
    },
    # The calculator page's example button.
    "page": {
        "title": "Répartition de 1 200 entre trois organismes",
        "payload": {
            "total": "1200",
            "method": "mixed",
            "fixed_share": "300",
            "partners": [
                {"name": "Atelier du Quartier", "usage": "10", "in_kind": "50"},
                {"name": "Ressourcerie Les Castors", "usage": "20"},
                {"name": "Jardins solidaires", "usage": "30"},
            ],
        },
    },
}

CALCULATOR = Calculator(
    id="split",
    name="répartition des coûts",
    prefix="sp",
    file="repartition",
    read=read,
    compute=split,
    to_json=to_json,
    view=view,
    labels=LABELS,
    examples=EXAMPLES,
    example="page",
    sections=(
        Section(
            "Le montant et la méthode",
            (
                Field("total", "Montant à répartir (en {currency})",
                      "La facture ou le budget annuel à partager : loyer, entretien, salaire d'une personne partagée…"),
                Field("method", "Méthode de répartition",
                      "À parts égales : chacun paie autant. Selon l'utilisation : au prorata de ce que chacun utilise "
                      "(heures, kilomètres, jours). Selon une pondération : au prorata d'un poids convenu (budget, nombre "
                      "de salariés, surface). Mixte : une part fixe partagée également, le reste selon l'utilisation.",
                      kind="choice",
                      choices=(("equal", "à parts égales"), ("usage", "selon l'utilisation"),
                               ("weights", "selon une pondération"), ("mixed", "mixte : part fixe et utilisation"))),
                Field("fixed_share", "Part fixe, répartie à parts égales (en {currency})",
                      "Un montant en {currency}, pas un pourcentage (par exemple 1 800) : la partie du montant que chacun "
                      "paie également, quel que soit son usage, souvent les coûts fixes. Le reste est réparti selon "
                      "l'utilisation.",
                      show_when="method=mixed"),
            ),
        ),
        Section(
            "Les partenaires",
            (
                ListField(
                    "partners",
                    "Partenaires, leur utilisation, leur pondération et leur apport en nature",
                    "partenaire",
                    (
                        Field("name", "Nom", kind="text"),
                        Field("usage", "Utilisation", header="Utilisation (unités)"),
                        Field("weight", "Pondération"),
                        Field("in_kind", "Apport en nature ({currency})", header="Apport en nature (en {currency})"),
                    ),
                    "Ajouter un partenaire",
                ),
            ),
            intro="Une ligne par partenaire. L'utilisation sert aux méthodes « selon l'utilisation » et « mixte » ; la "
            "pondération, à la méthode « selon une pondération ». L'apport en nature (un local prêté, des heures de "
            "bénévolat valorisées) est déduit de la part : il reste alors le montant à payer.",
        ),
    ),
)
