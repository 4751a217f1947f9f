"""Field errors: what the calculators say when an input cannot be used.

Every error names the field by its dotted path in the JSON input
(``maintenance.service_interval_units``) and tells the reader, in French,
what to enter instead. ``ValidationError`` carries one or more of them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldError:
    """One problem with one field: ``field`` is a dotted path, ``message`` French."""

    field: str
    message: str

    def to_json(self) -> dict[str, str]:
        return {"field": self.field, "message": self.message}


class ValidationError(ValueError):
    """Raised when an input is refused; ``errors`` lists every problem found."""

    def __init__(self, errors: list[FieldError] | tuple[FieldError, ...]):
        self.errors = tuple(errors)
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in self.errors))

    def to_json(self) -> dict[str, list[dict[str, str]]]:
        return {"errors": [e.to_json() for e in self.errors]}


# What each field is called in the messages, by dotted path. The article is
# part of the label so messages read naturally: « Entrez ... pour le coût par unité. »
LABELS: dict[str, str] = {
    # statement: the side-by-side comparison
    "compare.leaves": "le partenaire qui part",
    "compare.joins": "les unités prévues du nouveau partenaire",
    # usage cost
    "use.units": "la quantité utilisée (unités, pieds, kilomètres…)",
    "use.hours": "la durée d'utilisation en heures",
    "consumables.cost_per_unit": "le coût des consommables par unité",
    "maintenance.service_cost": "le coût d'une mise au point",
    "maintenance.service_interval_units": "l'intervalle entre deux mises au point",
    "replacement.purchase_price": "le prix d'achat",
    "replacement.residual_value": "la valeur résiduelle",
    "replacement.lifetime_years": "la durée d'amortissement en années",
    "replacement.charged_per": "la façon d'imputer l'amortissement",
    "replacement.uses_per_year": "le nombre d'utilisations par an",
    "preparation.hours": "le temps de préparation, de vérification et de rangement en heures",
    "preparation.hourly_rate": "le taux horaire",
    "preparation.payroll_charges_rate": "le taux de charges sociales",
    "admin_fee": "les frais administratifs",
    # break-even
    "annual_fixed_costs": "les coûts fixes annuels",
    "variable_cost_per_use": "le coût variable par utilisation",
    "alternative_price_per_use": "le prix d'une utilisation avec la solution de rechange",
    # split
    "total": "le montant à répartir",
    "method": "la méthode de répartition",
    "fixed_share": "la part fixe",
    "partners": "la liste des partenaires",
    # annual cost
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
    # statement
    "fixed_costs": "les coûts fixes de l'année",
    "minimum_share_of_commitment": "la part minimale de l'engagement",
}

PARTNER_LABELS: dict[str, str] = {
    "name": "le nom du partenaire",
    "usage": "l'utilisation du partenaire",
    "weight": "la pondération du partenaire",
    "in_kind": "l'apport en nature du partenaire",
    "committed_units": "les unités sur lesquelles le partenaire s'est engagé",
    "actual_units": "les unités réellement utilisées par le partenaire",
    "paid": "le montant déjà payé par le partenaire",
    "holder": "le détenteur du bien",
}

FIXED_COST_LABELS: dict[str, str] = {
    "label": "le nom du coût fixe",
    "amount": "le montant annuel du coût fixe",
}


def label(field: str) -> str:
    """The French label of a dotted path (``partners.2.usage`` included)."""
    if field in LABELS:
        return LABELS[field]
    last = field.rsplit(".", 1)[-1]
    if field.startswith("partners.") and last in PARTNER_LABELS:
        return PARTNER_LABELS[last]
    if field.startswith("fixed_costs.") and last in FIXED_COST_LABELS:
        return FIXED_COST_LABELS[last]
    return f"le champ « {field} »"


def missing(field: str) -> FieldError:
    return FieldError(field, f"Indiquez {label(field)}.")


def not_a_number(field: str, text: str | None = None) -> FieldError:
    shown = f"« {text} » n'est pas un nombre. " if text else ""
    return FieldError(
        field,
        f"{shown}Entrez un nombre pour {label(field)}, par exemple 12,50 ou 1 234,56.",
    )


def negative(field: str) -> FieldError:
    return FieldError(field, f"Entrez un nombre positif ou nul pour {label(field)}.")


def not_positive(field: str) -> FieldError:
    return FieldError(field, f"Entrez un nombre supérieur à zéro pour {label(field)}.")
