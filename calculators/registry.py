"""The five calculators, one declaration each (see ``calculators.spec``).

Adding a calculator: write its module (input dataclass, compute function), a
reader in ``payloads.py``, then one ``Calculator(...)`` below with its JSON
result, its French view and its fields; add its example to ``examples.py``
and put ``{{ calculator("<id>") }}`` in a page. The bridge, the CLI, the form
macro and the browser need nothing else.
"""

from __future__ import annotations

from decimal import Decimal

from calculators import charts
from calculators.annual_cost import annual_cost
from calculators.break_even import break_even
from calculators.french import count_noun
from calculators.money import format_money, format_number, json_amount
from calculators.payloads import (
    read_annual_cost,
    read_break_even,
    read_split,
    read_statement,
    read_usage_cost,
)
from calculators.spec import Calculator, Carry, Field, ListField, Section
from calculators.split import split
from calculators.statement import statement
from calculators.usage_cost import LINE_LABELS, LINE_NAMES, usage_cost


def _money(currency: str, locale: str):
    return lambda value: format_money(value, currency, locale)


def _table(caption, headers, rows, foot=None) -> dict:
    return {"kind": "table", "caption": caption, "headers": list(headers), "rows": [list(r) for r in rows], "foot": foot}


def _chart(svg: str | None) -> list[dict]:
    return [{"kind": "chart", "svg": svg}] if svg else []


def _units(value: Decimal, locale: str) -> str:
    exponent = value.normalize().as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    return format_number(value, locale, min(places, 4))


def plural(count, singular: str, plural_form: str) -> str:
    """French: 0 and 1 take the singular (« 1 partenaire », « 0 utilisation »)."""
    return singular if abs(count) < 2 else plural_form


# --- usage cost ------------------------------------------------------------------


def usage_cost_json(result) -> dict:
    return {
        "lines": {name: json_amount(value) for name, value in result.lines.items()},
        "total": json_amount(result.total),
    }


def usage_cost_view(inp, result, currency: str, locale: str) -> dict:
    money = _money(currency, locale)
    return {
        "summary": f"Coût d'une utilisation : {money(result.total)}.",
        "blocks": [
            _table(
                "Détail du coût d'une utilisation",
                ["Poste", "Montant"],
                [[LINE_LABELS[name], money(value)] for name, value in result.lines.items()],
                ["Total", money(result.total)],
            ),
            *_chart(charts.usage_cost_chart(result, currency, locale)),
        ],
    }


# --- break-even ------------------------------------------------------------------

NO_THRESHOLD = "Aucun seuil : la solution de rechange reste toujours moins chère ou aussi chère."


def break_even_text(uses: int | None, locale: str = "fr_CA") -> str:
    if uses is None:
        return NO_THRESHOLD
    return f"À partir de {format_number(uses, locale, decimals=0)} {plural(uses, 'utilisation', 'utilisations')} par an"


def break_even_view(inp, result, currency: str, locale: str) -> dict:
    uses = result.break_even_uses
    if uses is None:
        summary = NO_THRESHOLD + " Mutualiser ne devient pas moins cher, quel que soit le nombre d'utilisations."
    else:
        summary = (
            f"Mutualiser devient moins cher à partir de {format_number(uses, locale, 0)} "
            f"{plural(uses, 'utilisation', 'utilisations')} par an."
        )
    return {"summary": summary, "blocks": _chart(charts.break_even_chart(inp, result, currency, locale))}


# --- split -----------------------------------------------------------------------


def split_json(result) -> dict:
    return {
        "partners": [
            {"name": p.name, "share": json_amount(p.share), "in_kind": json_amount(p.in_kind), "net": json_amount(p.net)}
            for p in result.partners
        ],
        "total": json_amount(result.total),
    }


def split_view(inp, result, currency: str, locale: str) -> dict:
    money = _money(currency, locale)
    in_kind = sum((p.in_kind for p in result.partners), Decimal("0.00"))
    net = sum((p.net for p in result.partners), Decimal("0.00"))
    count = len(result.partners)
    notes = [
        {
            "kind": "note",
            "class": "mu-calc-owed",
            "text": f"{p.name} a apporté {money(-p.net)} de plus que sa part : "
            "les autres partenaires lui doivent ce montant.",
        }
        for p in result.partners
        if p.net < 0
    ]
    between = "pour un seul partenaire" if count == 1 else f"entre {count} partenaires"
    return {
        "summary": f"Montant réparti : {money(result.total)}, {between}.",
        "blocks": [
            _table(
                "Part de chaque partenaire",
                ["Partenaire", "Part", "Apport en nature", "Reste à payer"],
                [[p.name, money(p.share), money(p.in_kind), money(p.net)] for p in result.partners],
                ["Total", money(result.total), money(in_kind), money(net)],
            ),
            *notes,
            *_chart(charts.split_chart(result, currency, locale)),
        ],
    }


# --- annual cost -----------------------------------------------------------------


def _amount_or_none(value):
    return None if value is None else json_amount(value)


def annual_cost_json(result) -> dict:
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


def annual_cost_view(inp, result, currency: str, locale: str) -> dict:
    money = _money(currency, locale)
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
        _table(
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
        _table(
            "Vue trésorerie de l'année 1 : ce qui sort du compte",
            ["Poste", "Montant"],
            [["Annuité du prêt", money(c.loan_payment)], *fixed_rows, [variable_label, money(c.variable)]],
            ["Total", money(c.total)],
        ),
        _table(
            f"Prix par {unit} qui couvre l'année 1",
            ["Vue", f"Prix par {unit}"],
            [["Vue comptable", per_unit(a.per_unit)], ["Vue trésorerie", per_unit(c.per_unit)]],
        ),
        {
            "kind": "note",
            "text": f"Apport initial des partenaires à l'achat (prix − subvention − emprunt) : "
            f"{money(result.initial_contribution)}. Il n'entre dans aucune des deux vues.",
        },
    ]
    if result.schedule:
        blocks.append(
            _table(
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
    blocks += _chart(charts.per_unit_chart(inp, result, currency, locale))
    blocks += _chart(charts.loan_schedule_chart(result, currency, locale))
    return {"summary": summary, "blocks": blocks}


# --- statement -------------------------------------------------------------------


def statement_json(result) -> dict:
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


def comparison_blocks(comparison, currency: str, locale: str) -> list[dict]:
    """The side-by-side table: each partner's fixed share and due now and after the change."""
    money = _money(currency, locale)
    shown = lambda value: "—" if value is None else money(value)  # noqa: E731
    changes = []
    if comparison.leaves is not None:
        changes.append(f"{comparison.leaves} part")
    if comparison.joins is not None:
        changes.append(f"un nouveau partenaire arrive avec {_units(comparison.joins, locale)} unités prévues")
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
        _table(
            f"Si {' et '.join(changes)} : parts recalculées",
            ["Partenaire", "Part des coûts fixes, maintenant", "Part des coûts fixes, après",
             "Dû, maintenant", "Dû, après"],
            [[p.name, shown(p.fixed_now), shown(p.fixed_after), shown(p.due_now), shown(p.due_after)]
             for p in comparison.partners],
            ["Total", total("fixed_now"), total("fixed_after"), total("due_now"), total("due_after")],
        ),
        {"kind": "note", "text": " ".join(notes)},
    ]


def statement_view(inp, result, currency: str, locale: str) -> dict:
    money = _money(currency, locale)
    count = len(result.transfers)
    if count == 0:
        settle = "Les comptes sont déjà soldés : aucun virement."
    else:
        settle = f"{count} {plural(count, 'virement solde', 'virements soldent')} les comptes."
    total = lambda key: money(sum((getattr(p, key) for p in result.partners), Decimal("0.00")))  # noqa: E731
    blocks = [
        _table(
            "Relevé de chaque partenaire pour l'année",
            ["Partenaire", "Part des coûts fixes", "Unités facturées", "Coûts variables", "Dû", "Déjà payé", "Solde"],
            [
                [
                    p.name + (" (détenteur)" if p.holder else ""),
                    money(p.fixed_share),
                    _units(p.billed_units, locale),
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
            _table(
                "Qui paie qui",
                ["De", "À", "Montant"],
                [[t.payer, t.payee, money(t.amount)] for t in result.transfers],
            )
        )
    minimum = inp.minimum_share_of_commitment
    for p, given in zip(result.partners, inp.partners):
        if minimum and p.billed_units > given.actual_units:
            blocks.append(
                {
                    "kind": "note",
                    "text": f"{p.name} a utilisé {_units(given.actual_units, locale)} unités, moins que son minimum "
                    f"({_units(minimum * 100, locale)} % de {_units(given.committed_units, locale)}) : "
                    f"{_units(p.billed_units, locale)} unités lui sont facturées.",
                }
            )
    if result.comparison:
        blocks += comparison_blocks(result.comparison, currency, locale)
    blocks += _chart(charts.statement_chart(result, currency, locale))
    return {"summary": f"Total dû pour l'année : {money(result.total_due)}. {settle}", "blocks": blocks}


# --- the declarations ------------------------------------------------------------

USAGE_COST = Calculator(
    id="usage-cost",
    prefix="uc",
    file="cout-utilisation",
    read=read_usage_cost,
    compute=usage_cost,
    to_json=usage_cost_json,
    view=usage_cost_view,
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

BREAK_EVEN = Calculator(
    id="break-even",
    prefix="be",
    file="seuil-rentabilite",
    read=read_break_even,
    compute=break_even,
    to_json=lambda result: {"break_even_uses": result.break_even_uses},
    view=break_even_view,
    example="simple",
    sections=(
        Section(
            "Vos trois montants",
            (
                Field("annual_fixed_costs", "Coûts fixes annuels de la ressource partagée (en {currency} par an)",
                      "Ce que la ressource coûte chaque année, qu'elle serve ou non : amortissement, assurance, "
                      "coordination, entreposage."),
                Field("variable_cost_per_use", "Coût variable d'une utilisation (en {currency})",
                      "Ce que chaque utilisation ajoute : consommables, entretien, préparation. Le calculateur de coût "
                      "d'utilisation peut vous aider à l'estimer."),
                Field("alternative_price_per_use", "Prix d'une utilisation avec la solution de rechange (en {currency})",
                      "Ce que vous paieriez sans mutualiser : une location, un service acheté, ou le coût de votre propre bien."),
            ),
        ),
    ),
)

SPLIT = Calculator(
    id="split",
    prefix="sp",
    file="repartition",
    read=read_split,
    compute=split,
    to_json=split_json,
    view=split_view,
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

ANNUAL_COST = Calculator(
    id="annual-cost",
    prefix="ac",
    file="cout-annuel",
    read=read_annual_cost,
    compute=annual_cost,
    to_json=annual_cost_json,
    view=annual_cost_view,
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

STATEMENT = Calculator(
    id="statement",
    prefix="st",
    file="releve-annuel",
    read=read_statement,
    compute=statement,
    to_json=statement_json,
    view=statement_view,
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

REGISTRY = {calc.id: calc for calc in (USAGE_COST, BREAK_EVEN, SPLIT, ANNUAL_COST, STATEMENT)}
