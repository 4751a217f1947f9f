"""Usage cost: what one use of a pooled resource really costs (the calculator ``usage-cost``).

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

from calculators import charts
from calculators.errors import FieldError, ValidationError
from calculators.money import json_amount, round_cents
from calculators.payloads import as_object, build, check_keys, read_value
from calculators.spec import Calculator, Carry, Field, Section
from calculators.validation import coerce, raise_if
from calculators.view_blocks import chart, money, table

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


# --- the CLI's JSON in and out ----------------------------------------------------

SECTIONS: dict[str, tuple[type, dict[str, str]]] = {
    # section: (dataclass, {field: "number" | "text"})
    "use": (Use, {"units": "number", "hours": "number"}),
    "consumables": (Consumables, {"cost_per_unit": "number"}),
    "maintenance": (Maintenance, {"service_cost": "number", "service_interval_units": "number"}),
    "replacement": (
        Replacement,
        {
            "purchase_price": "number",
            "residual_value": "number",
            "lifetime_years": "number",
            "charged_per": "text",
            "uses_per_year": "number",
        },
    ),
    "preparation": (Preparation, {"hours": "number", "hourly_rate": "number", "payroll_charges_rate": "number"}),
}
KEYS = (*SECTIONS, "admin_fee")


def read(data: object) -> UsageCostInput:
    errors: list[FieldError] = []
    root = as_object(data, "", errors)
    if root is None:
        raise ValidationError(errors)
    check_keys(root, "", KEYS, errors)
    sections: dict[str, object] = {}
    for name, (kind, fields) in SECTIONS.items():
        if root.get(name) is None:
            continue
        section = as_object(root[name], name, errors)
        if section is None:
            continue
        before = len(errors)
        check_keys(section, name, tuple(fields), errors)
        kwargs = {key: read_value(section, key, name, fields[key], errors) for key in fields}
        if len(errors) == before:
            sections[name] = build(kind, kwargs, errors)
    admin_fee = read_value(root, "admin_fee", "", "number", errors)
    if errors:
        raise ValidationError(errors)
    return UsageCostInput(**sections, admin_fee=admin_fee)


def to_json(result: UsageCostResult) -> dict:
    return {
        "lines": {name: json_amount(value) for name, value in result.lines.items()},
        "total": json_amount(result.total),
    }


# --- the view -----------------------------------------------------------------------


def view(inp, result, currency: str, locale: str) -> dict:
    amount = money(currency, locale)
    return {
        "summary": f"Coût d'une utilisation : {amount(result.total)}.",
        "blocks": [
            table(
                "Détail du coût d'une utilisation",
                ["Poste", "Montant"],
                [[LINE_LABELS[name], amount(value)] for name, value in result.lines.items()],
                ["Total", amount(result.total)],
            ),
            *chart(charts.usage_cost_chart(result, LINE_LABELS, currency, locale)),
        ],
    }


# --- the form, the error labels and the worked examples ----------------------------

LABELS = {
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
}

EXAMPLES = {
    # TIESS (2023), the wood planer: 50 linear feet over 5 hours.
    "planer": {
        "title": "Coût d'une utilisation de la raboteuse : 50 pieds linéaires en 5 heures",
        "unit": ("pied", "pieds"),
        "payload": {
            "use": {"units": "50", "hours": "5"},
            "consumables": {"cost_per_unit": "0.05"},
            "maintenance": {"service_cost": "100", "service_interval_units": "100000"},
            "replacement": {
                "purchase_price": "3500",
                "residual_value": "0",
                "lifetime_years": "7",
                "charged_per": "hour",
            },
            "preparation": {"hours": "1", "hourly_rate": "30", "payroll_charges_rate": "0"},
            "admin_fee": "5",
        },
    },
    # Fictitious: a shared van, 120 km over 30 hours (two calendar days started).
    "van": {
        "title": "Coût d'une utilisation de la camionnette partagée : 120 km sur 30 heures",
        "unit": ("kilomètre", "kilomètres"),
        "payload": {
            "use": {"units": "120", "hours": "30"},
            "consumables": {"cost_per_unit": "0.18"},
            "maintenance": {"service_cost": "450", "service_interval_units": "15000"},
            "replacement": {
                "purchase_price": "42000",
                "residual_value": "12000",
                "lifetime_years": "6",
                "charged_per": "day",
            },
            "preparation": {"hours": "0.5", "hourly_rate": "24", "payroll_charges_rate": "0.15"},
            "admin_fee": "4",
        },
    },
    # Fictitious: a meeting room booked for 3 hours, furniture charged per use.
    "room": {
        "title": "Coût d'une réservation de la salle de réunion : 3 heures",
        "unit": ("heure de chauffage", "heures de chauffage"),
        "payload": {
            "use": {"units": "3", "hours": "3"},
            "consumables": {"cost_per_unit": "1.20"},
            "replacement": {
                "purchase_price": "6000",
                "residual_value": "0",
                "lifetime_years": "5",
                "charged_per": "use",
                "uses_per_year": "160",
            },
            "preparation": {"hours": "0.25", "hourly_rate": "18", "payroll_charges_rate": "0.35"},
            "admin_fee": "2.50",
        },
    },
    # Fictitious, the guide's story (docs/histoire.md): one day out with the
    # shared van, 80 km over 8 hours (one calendar day started).
    "story-van": {
        "title": "Histoire fictive : coût d'une journée de camionnette, 80 km en 8 heures",
        "unit": ("kilomètre", "kilomètres"),
        "payload": {
            "use": {"units": "80", "hours": "8"},
            "consumables": {"cost_per_unit": "0.20"},
            "maintenance": {"service_cost": "600", "service_interval_units": "20000"},
            "replacement": {
                "purchase_price": "36000",
                "residual_value": "6000",
                "lifetime_years": "6",
                "charged_per": "day",
            },
            "preparation": {"hours": "0.5", "hourly_rate": "22", "payroll_charges_rate": "0.20"},
            "admin_fee": "3",
        },
    },
}

CALCULATOR = Calculator(
    id="usage-cost",
    name="coût d'utilisation",
    prefix="uc",
    file="cout-utilisation",
    read=read,
    compute=usage_cost,
    to_json=to_json,
    view=view,
    labels=LABELS,
    examples=EXAMPLES,
    example="planer",
    example_label="Charger l'exemple de la raboteuse",
    carry=(
        Carry(
            "annual-cost",
            "Reprendre le prix par unité du coût annuel",
            "Le prix par unité du coût annuel (vue comptable) est repris comme coût par unité des consommables : "
            "il couvre déjà l'entretien et le remplacement, laissez ces sections vides.",
            "Aucun coût annuel n'est enregistré sur cet appareil : calculez-le d'abord sur la page « Coût annuel d'un bien partagé ».",
            (("consumables.cost_per_unit", "result.accounting.per_unit"),),
        ),
    ),
    sections=(
        Section(
            "L'utilisation",
            (
                Field("use.units", "Quantité utilisée (en unités : pieds, kilomètres, copies…)",
                      "Ce que cette utilisation consomme, dans l'unité qui use le bien. Raboteuse : 50 pieds linéaires rabotés."),
                Field("use.hours", "Durée de l'utilisation (en heures)",
                      "Le temps pendant lequel le bien est occupé. Sert à imputer l'amortissement à l'heure ou au jour. Raboteuse : 5 heures."),
            ),
            intro="Décrivez une utilisation type : celle dont vous voulez connaître le coût.",
        ),
        Section(
            "Les consommables",
            (
                Field("consumables.cost_per_unit", "Coût des consommables par unité (en {currency} par unité)",
                      "Ce qui s'use ou se consomme à chaque unité : essence, encre, affûtage. Raboteuse : 100 {currency} "
                      "d'affûtage tous les 2 000 pieds, soit 0,05 {currency} par pied."),
            ),
        ),
        Section(
            "L'entretien (mise au point)",
            (
                Field("maintenance.service_cost", "Coût d'une mise au point (en {currency})",
                      "Le prix d'un entretien recommandé par le fabricant. Raboteuse : 100 {currency}."),
                Field("maintenance.service_interval_units", "Intervalle entre deux mises au point (en unités)",
                      "Le nombre d'unités entre deux entretiens, dans la même unité que la quantité utilisée. "
                      "Doit être supérieur à zéro. Raboteuse : 100 000 pieds."),
            ),
        ),
        Section(
            "Le remplacement (amortissement)",
            (
                Field("replacement.purchase_price", "Prix d'achat (en {currency})",
                      "Ce que le bien a coûté, ou coûtera à remplacer. Raboteuse : 3 500 {currency}."),
                Field("replacement.residual_value", "Valeur résiduelle (en {currency})",
                      "Ce que vous pensez en tirer à la revente en fin de vie. Laissez 0 si vous n'en savez rien."),
                Field("replacement.lifetime_years", "Durée d'amortissement (en années)",
                      "Le nombre d'années pendant lesquelles le bien servira. Doit être supérieur à zéro. Raboteuse : 7 ans."),
                Field("replacement.charged_per", "Imputer l'amortissement",
                      "À l'heure : la part d'une année (365 jours de 24 heures) que dure l'utilisation. Au jour : chaque "
                      "jour commencé compte. À l'utilisation : l'année divisée par le nombre d'utilisations prévues.",
                      kind="choice",
                      choices=(("hour", "à l'heure d'utilisation"), ("day", "au jour commencé"), ("use", "à l'utilisation"))),
                Field("replacement.uses_per_year", "Nombre d'utilisations par an",
                      "Combien de fois le bien servira dans l'année, tous partenaires confondus. Doit être supérieur à zéro.",
                      show_when="replacement.charged_per=use"),
            ),
            intro="Le prix d'achat réparti sur la durée de vie : mis de côté à chaque utilisation, il permet de racheter le bien.",
        ),
        Section(
            "La préparation, la vérification et le rangement",
            (
                Field("preparation.hours", "Temps de préparation (en heures)",
                      "Le temps passé à sortir, vérifier et ranger le bien pour cette utilisation. Raboteuse : 1 heure."),
                Field("preparation.hourly_rate", "Taux horaire de la personne (en {currency} par heure)",
                      "Son salaire horaire. Si vous indiquez un taux charges comprises, mettez 0 au champ suivant. "
                      "Raboteuse : 30 {currency} de l'heure, charges comprises."),
                Field("preparation.payroll_charges_rate", "Charges sociales (en %, par exemple 15 %)",
                      "Les charges patronales ajoutées au taux horaire, en pourcentage : 15 ou 15 % pour 15 %. "
                      "Mettez 0 si le taux horaire les comprend déjà.", kind="percent"),
            ),
        ),
        Section(
            "Les frais administratifs",
            (
                Field("admin_fee", "Frais administratifs par utilisation (en {currency})",
                      "Réservation, facturation, tenue des comptes, pour cette utilisation. Raboteuse : 5 {currency}."),
            ),
        ),
    ),
)
