"""The guide's worked examples, as the JSON payloads the calculators take.

Every figure printed in the guide comes from here through the calculators
(``macros/calculations.py`` renders them); nothing is typed by hand in a page.
Amounts are strings, as a form or the CLI would send them.

Each example: ``title`` (the table caption, French), ``unit`` (singular,
plural: what ``use.units`` counts, for the usage cost) and ``payload``.
"""

from __future__ import annotations

import json
from types import MappingProxyType

USAGE_COST = {
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

BREAK_EVEN = {
    # The planer again, for a year: depreciation 500 + insurance 150 = 650 a year;
    # per use 2.50 + 0.05 + 30.00 + 5.00 = 37.55; renting one for a day: 85.
    "planer": {
        "title": "Seuil de rentabilité de la raboteuse partagée",
        # Where each input comes from (shown by the economics page): the TIESS
        # guide gives the purchase, the sharpening, the service, the time and
        # the fee; the insurance and the rental price are this site's assumptions.
        "origins": {
            "annual_fixed_costs": "amortissement 500 par an, tiré du guide du TIESS, plus une assurance de 150 par an : "
            "hypothèse de ce site, la source ne donne pas ce montant",
            "variable_cost_per_use": "affûtage 2,50, mise au point 0,05, préparation 30 et frais 5 : données du guide du TIESS",
            "alternative_price_per_use": "location d'une raboteuse pour la journée : hypothèse de ce site, "
            "la source ne donne pas ce prix",
        },
        "payload": {
            "annual_fixed_costs": "650",
            "variable_cost_per_use": "37.55",
            "alternative_price_per_use": "85",
        },
    },
    # Fictitious, the guide's story: depreciation 5 000 + insurance 1 500 = 6 500
    # a year; per day 16.00 + 2.40 + 13.20 + 3.00 = 34.60; renting a van: 120 a day.
    "story-van": {
        "title": "Histoire fictive : seuil de rentabilité de la camionnette partagée",
        "payload": {
            "annual_fixed_costs": "6500",
            "variable_cost_per_use": "34.60",
            "alternative_price_per_use": "120",
        },
    },
    # The calculator page's example: 1 000 of fixed costs, 20 per use, 45 elsewhere.
    "simple": {
        "title": "Seuil de rentabilité d'une ressource partagée : exemple simple",
        "payload": {
            "annual_fixed_costs": "1000",
            "variable_cost_per_use": "20",
            "alternative_price_per_use": "45",
        },
    },
}

SPLIT = {
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

ANNUAL_COST = {
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

STATEMENT = {
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

EXAMPLES = MappingProxyType(
    {
        "usage-cost": USAGE_COST,
        "break-even": BREAK_EVEN,
        "split": SPLIT,
        "annual-cost": ANNUAL_COST,
        "statement": STATEMENT,
    }
)


def example(command: str, example_id: str) -> dict:
    """The example's description; ``KeyError`` with the known ids when it does not exist."""
    known = EXAMPLES[command]
    if example_id not in known:
        raise KeyError(
            f"Exemple « {example_id} » inconnu pour {command} : choisissez parmi {', '.join(sorted(known))}."
        )
    return known[example_id]


def payload_json(command: str, example_id: str) -> str:
    return json.dumps(example(command, example_id)["payload"], ensure_ascii=False)
