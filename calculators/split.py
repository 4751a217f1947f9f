"""Split a total between partners, to the cent, with shares that add up exactly.

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

from calculators.errors import FieldError
from calculators.validation import coerce, has_at_most_cents, partner_name, raise_if

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
