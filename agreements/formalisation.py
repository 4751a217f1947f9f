"""Which written agreement a pooling needs: the guide's formalisation rule.

One pure decision, :func:`recommend`, from a :class:`Situation` (duration,
yearly sums at stake, what is pooled, whether goods are bought together,
how many partners, whether the project must act in its own name) to a
:class:`Recommendation`: the form of the agreement, the agreement models
(``agreements/<id>.yml``) to start from, and the reasons, in French.

The same rule is written once here and shown everywhere from here: the table
of ``conditions.md#formalisation`` (:func:`rule_rows`, through a macro), the
chooser's table without JavaScript, and the chooser's answer in the browser
(``agreements.bridge.recommend``, in Pyodide). Standard library only, plus
``calculators.money`` (same wheel).

The rule, read from the top; the first row that fits gives the form:

1. the project must sign, own, employ or receive funds in its own name for
   ``ENTITY_MONTHS`` months or more: a shared legal entity;
2. a person shared, goods bought together, sums of ``LARGE_AMOUNT`` a year or
   more, several resources, or a project that must act in its own name for a
   shorter time: a convention-cadre with one annex per resource;
3. one resource shared for more than ``TRIAL_MONTHS`` months: a convention
   for that resource;
4. otherwise (one resource, lent once or tried for ``TRIAL_MONTHS`` months at
   most): a lettre d'entente.

Whatever the form, the agreement is written and signed: an oral agreement is
never enough. The number of partners is asked but is not a criterion: every
pooling has at least two.

The thresholds are this guide's own rules of thumb, not legal thresholds.
The amount is a round figure in each currency, not a conversion.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from calculators.money import NumberFormatError, format_number, to_decimal

# A trial or a one-off loan lasts this many months at most (guide's rule of thumb).
TRIAL_MONTHS = 6
# "Un projet de plusieurs années": two years or more (guide's rule of thumb).
ENTITY_MONTHS = 24
# Yearly sums from which the money deserves its own written rules (guide's
# rule of thumb, not a legal threshold): a round figure in each currency.
LARGE_AMOUNT = {"CAD": Decimal("10000"), "EUR": Decimal("10000")}
CURRENCIES = ("CAD", "EUR")
CURRENCY_NAMES = {"CAD": "dollars canadiens ($ CA)", "EUR": "euros (€)"}
CURRENCY_SYMBOLS = {"CAD": "$\u00a0CA", "EUR": "€"}
# What the site writes for a currency ("$" in Québec) and the ISO code it means.
# More than this many resources of one kind is a typing mistake.
MAX_COUNT = 99
CURRENCY_ALIASES = {"$": "CAD", "$ CA": "CAD", "$\u00a0CA": "CAD", "CAD": "CAD", "€": "EUR", "EUR": "EUR"}

# What a group pools, each kind with its agreement model ("autre" has none).
KINDS = ("locaux", "vehicule", "materiel", "personnel", "autre")
KIND_LABELS = {
    "locaux": "Locaux",
    "vehicule": "Véhicules",
    "materiel": "Matériel ou équipements",
    "personnel": "Personnes salariées partagées",
    "autre": "Autres ressources (fonction support, logiciel…)",
}
KIND_MODELS = {"locaux": "locaux", "vehicule": "vehicule", "materiel": "materiel", "personnel": "personnel"}

# The four forms, from the lightest: (title, what it is).
FORMS = {
    "lettre_entente": (
        "Une lettre d'entente",
        "Un contrat court, signé par chaque organisation, qui fixe l'essentiel : ce que vous partagez, "
        "qui s'en occupe, qui paie quoi et comment vous arrêtez. Ce n'est pas une simple lettre d'intention.",
    ),
    "convention": (
        "Une convention pour la ressource",
        "Un contrat détaillé pour la ressource partagée : usage, horaires, entretien, assurance, "
        "partage des coûts, durée, sortie.",
    ),
    "convention_cadre": (
        "Une convention-cadre, avec une annexe par ressource",
        "Un contrat qui fixe les règles communes du groupe (décisions, argent, responsabilités, sortie), "
        "et, en annexe, une convention pour chaque ressource.",
    ),
    "entite": (
        "Une structure juridique commune",
        "Une personne morale créée par les partenaires, qui signe, possède, emploie et reçoit des fonds "
        "en son propre nom.",
    ),
}
ORDER = ("entite", "convention_cadre", "convention", "lettre_entente")

# Forms of a shared legal entity, per country.
ENTITY_FORMS = (
    ("QC", "Québec", "un OBNL (organisme à but non lucratif)"),
    ("FR", "France", "une association loi 1901, ou une SCIC (société coopérative d'intérêt collectif)"),
    ("BE", "Belgique", "une ASBL (association sans but lucratif)"),
)

# Guide pages a recommendation points to (label, page under docs/), by key.
GUIDE_PAGES = {
    "personnel": ("Partager une personne : ce que le droit de chaque pays permet", "engager/personnel.md"),
    "bien": ("Partir ou se séparer : ce que devient un bien acheté ensemble", "engager/sortie.md"),
    "argent": ("L'argent entre partenaires : refacturer, se facturer, les taxes", "engager/argent.md"),
}

ORAL = "un accord oral ne suffit pas"
PARTNERS_NOTE = (
    "Le nombre de partenaires ne change pas la forme : toute mutualisation réunit au moins deux organisations."
)


class SituationError(ValueError):
    """A situation that cannot be judged; ``errors`` lists ``{"field", "message"}`` in French."""

    def __init__(self, errors: list[dict]):
        super().__init__("; ".join(e["message"] for e in errors))
        self.errors = errors


@dataclass(frozen=True)
class Situation:
    """What the rule looks at.

    ``resources`` names each pooled resource by its kind (``KINDS``), once per
    resource: ``("locaux", "materiel", "materiel")`` is three resources.
    ``annual_amount`` is what the partners pay each other or pay together in
    a year (rents, re-billed costs, shared wages, purchases), in ``currency``.
    """

    duration_months: int
    annual_amount: Decimal
    currency: str
    resources: tuple[str, ...]
    bought_together: bool
    partners: int
    own_name: bool

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds pooled, each once, in ``KINDS`` order."""
        return tuple(k for k in KINDS if k in self.resources)

    @property
    def staff_shared(self) -> bool:
        return "personnel" in self.resources


@dataclass(frozen=True)
class Recommendation:
    form: str  # a key of FORMS
    title: str
    summary: str
    models: tuple[str, ...]  # agreement model ids, the first one first
    reasons: tuple[str, ...]  # French sentences, the deciding one first
    entity_forms: tuple[tuple[str, str, str], ...]  # (territory, country, forms) for "entite"
    guide: tuple[str, ...] = ()  # keys of GUIDE_PAGES to read before writing

    def to_json(self) -> dict:
        return {
            "form": self.form,
            "title": self.title,
            "summary": self.summary,
            "models": list(self.models),
            "reasons": list(self.reasons),
            "entity_forms": [{"territory": t, "country": c, "forms": f} for t, c, f in self.entity_forms],
            "guide": list(self.guide),
        }


# ---------------------------------------------------------------- wording


def money(amount: Decimal, currency: str) -> str:
    """``10000`` → ``10 000 $ CA`` or ``10 000 €`` (no cents unless there are some)."""
    locale = "fr_CA" if currency == "CAD" else "fr_FR"
    decimals = 0 if amount == amount.to_integral_value() else 2
    return f"{format_number(amount, locale, decimals)}\u00a0{CURRENCY_SYMBOLS[currency]}"


def large_amounts() -> str:
    """``10 000 $ CA ou 10 000 €``: the amount threshold in every currency."""
    return " ou ".join(money(LARGE_AMOUNT[c], c) for c in CURRENCIES)


def months(n: int) -> str:
    return f"{n}\u00a0mois"


def entity_forms_text() -> str:
    return " ; ".join(f"{forms} en {country}" if code != "QC" else f"{forms} au {country}" for code, country, forms in ENTITY_FORMS)


# ---------------------------------------------------------------- the rule


def _check(situation: Situation) -> None:
    errors = []
    if not isinstance(situation.duration_months, int) or isinstance(situation.duration_months, bool) or situation.duration_months < 1:
        errors.append({"field": "duration_months", "message": "Indiquez une durée d'au moins 1 mois, en mois entiers."})
    if situation.currency not in CURRENCIES:
        errors.append({"field": "currency", "message": "Choisissez la monnaie : dollars canadiens ou euros."})
    amount = situation.annual_amount
    if not isinstance(amount, Decimal) or not amount.is_finite() or amount < 0:
        errors.append({"field": "annual_amount", "message": "Indiquez les sommes en jeu par an : 0 ou un montant positif."})
    unknown = [k for k in situation.resources if k not in KINDS]
    if unknown:
        raise ValueError(f"type de ressource inconnu : {', '.join(unknown)} (types : {', '.join(KINDS)})")
    if not situation.resources:
        errors.append({"field": "resources", "message": "Indiquez au moins une ressource mise en commun."})
    if not isinstance(situation.partners, int) or isinstance(situation.partners, bool) or situation.partners < 2:
        errors.append({"field": "partners", "message": "Une mutualisation réunit au moins deux organisations : indiquez 2 ou plus."})
    if errors:
        raise SituationError(errors)


def recommend(situation: Situation) -> Recommendation:
    """The form of agreement the guide's rule gives for ``situation`` (see the module's docstring)."""
    _check(situation)
    s = situation
    count = len(s.resources)
    large = s.annual_amount >= LARGE_AMOUNT[s.currency]
    long_enough = s.duration_months >= ENTITY_MONTHS

    # Every criterion of rows 1 and 2 that holds, in the order of the rule.
    reasons: list[str] = []
    if s.own_name and long_enough:
        reasons.append(
            f"Le projet doit signer, posséder, employer ou recevoir des fonds en son propre nom pendant "
            f"{months(s.duration_months)} ({months(ENTITY_MONTHS)} ou plus) : seule une personne morale le peut."
        )
    elif s.own_name:
        reasons.append(
            f"Le projet doit agir en son propre nom, mais pendant moins de {months(ENTITY_MONTHS)} : "
            "un des partenaires agit pour tous, et la convention-cadre dit lequel, pour quels actes et dans quelles limites."
        )
    if s.staff_shared:
        reasons.append(
            "Vous partagez une personne salariée : son contrat de travail, qui l'emploie et qui dirige son travail "
            "engagent tout le groupe, et chaque pays a ses règles pour le faire légalement."
        )
    if s.bought_together:
        reasons.append(
            "Vous achetez un bien ensemble : l'écrit dit à qui il appartient, qui l'assure et ce qu'il devient "
            "si un partenaire part."
        )
    if large:
        reasons.append(
            f"Les sommes en jeu ({money(s.annual_amount, s.currency)} par an) atteignent le repère de ce guide "
            f"({money(LARGE_AMOUNT[s.currency], s.currency)} par an ou plus) : l'argent demande des règles écrites "
            "détaillées."
        )
    if count >= 2:
        reasons.append(f"Vous mettez en commun {count} ressources : des règles communes, puis une annexe par ressource.")

    if s.own_name and long_enough:
        form = "entite"
    elif reasons:
        form = "convention_cadre"
    elif s.duration_months > TRIAL_MONTHS:
        form = "convention"
        reasons.append(
            f"Une seule ressource, partagée pendant {months(s.duration_months)} (plus de {months(TRIAL_MONTHS)}) : "
            "un partage régulier demande une convention détaillée."
        )
    else:
        form = "lettre_entente"
        reasons.append(
            f"Une seule ressource, prêtée une fois ou à l'essai pendant {months(s.duration_months)} "
            f"({months(TRIAL_MONTHS)} au plus), sans personne partagée, sans bien acheté ensemble et avec des "
            "sommes sous le repère de ce guide : une lettre d'entente suffit."
        )

    models = _models(form, s)
    if form == "entite":
        reasons.append(
            "Ses statuts ne font pas partie des modèles de ce guide : faites-vous accompagner pour les écrire. "
            "En attendant que la structure existe, une convention-cadre lie les partenaires. Ensuite, un partenaire "
            "qui met un local, un véhicule, du matériel ou une personne à la disposition de la structure signe avec elle "
            "une convention pour cette ressource."
        )
    if "autre" in s.kinds and form != "lettre_entente":
        reasons.append(
            "Ce guide n'a pas de modèle propre aux autres ressources (fonction support, logiciel…) : "
            "décrivez-les dans une annexe écrite sur le modèle de la convention-cadre."
        )
    reasons.append(
        f"Quelle que soit la forme, l'entente est écrite et signée par les {s.partners} organisations : {ORAL}."
    )
    title, summary = FORMS[form]
    return Recommendation(
        form=form,
        title=title,
        summary=summary,
        models=models,
        reasons=tuple(reasons),
        entity_forms=ENTITY_FORMS if form == "entite" else (),
        guide=tuple(key for key, holds in (("personnel", s.staff_shared), ("bien", s.bought_together), ("argent", large)) if holds),
    )


def _models(form: str, s: Situation) -> tuple[str, ...]:
    per_resource = [KIND_MODELS[k] for k in s.kinds if k in KIND_MODELS]
    if form == "lettre_entente":
        return ("lettre_entente",)
    if form == "convention":
        # One resource: its own model, or the convention-cadre for a kind without one.
        return tuple(per_resource) or ("convention_cadre",)
    # convention_cadre and entite: the common rules, then one model per resource.
    return ("convention_cadre", *per_resource)


# ---------------------------------------------------------------- the rule as a table


def rule_rows() -> list[dict]:
    """The rule as rows, read from the top: {form, when, title, detail, models, models_note}.

    ``models`` are the model ids a reader may start from on that row
    (per-resource models listed as possibilities).
    """
    return [
        {
            "form": "entite",
            "when": (
                "Le projet doit signer, posséder, employer ou recevoir des fonds en son propre nom, "
                f"pendant {months(ENTITY_MONTHS)} ou plus"
            ),
            "title": FORMS["entite"][0],
            "detail": entity_forms_text(),
            "models": ("convention_cadre", "locaux", "vehicule", "materiel", "personnel"),
            "models_note": (
                "la convention-cadre en attendant la structure, puis une convention par ressource "
                "qu'un partenaire met à sa disposition"
            ),
        },
        {
            "form": "convention_cadre",
            "when": (
                "Une personne salariée partagée, un bien acheté ensemble, des sommes en jeu de "
                f"{large_amounts()} par an ou plus, plusieurs ressources, ou un projet qui doit agir en son "
                f"propre nom pendant moins de {months(ENTITY_MONTHS)}"
            ),
            "title": FORMS["convention_cadre"][0],
            "detail": "",
            "models": ("convention_cadre", "locaux", "vehicule", "materiel", "personnel"),
            "models_note": "la convention-cadre, et en annexe le modèle de chaque ressource",
        },
        {
            "form": "convention",
            "when": f"Une seule ressource (un local, un véhicule, du matériel…), partagée plus de {months(TRIAL_MONTHS)}",
            "title": FORMS["convention"][0],
            "detail": "",
            "models": ("locaux", "vehicule", "materiel"),
            "models_note": "le modèle de la ressource",
        },
        {
            "form": "lettre_entente",
            "when": f"Une seule ressource, prêtée une fois ou à l'essai pendant {months(TRIAL_MONTHS)} au plus",
            "title": FORMS["lettre_entente"][0],
            "detail": "",
            "models": ("lettre_entente",),
            "models_note": "",
        },
    ]


def rule_notes() -> list[str]:
    """What the table alone does not say, in French (shown under it)."""
    return [
        "Lisez le tableau de haut en bas : la première ligne qui décrit votre situation donne la forme. "
        "En cas de doute entre deux lignes, prenez la plus haute.",
        f"Quelle que soit la forme, l'entente est écrite et signée par chaque organisation : {ORAL}, "
        "même entre voisines qui se connaissent bien.",
        PARTNERS_NOTE,
        f"Les durées ({months(TRIAL_MONTHS)}, {months(ENTITY_MONTHS)}) et le montant ({large_amounts()} par an) "
        "sont des repères propres à ce guide, pas des seuils fixés par la loi. Le montant compte ce que les "
        "partenaires se paient ou paient ensemble en un an : loyers, refacturations, salaires partagés, achats. "
        "C'est un chiffre rond dans chaque monnaie, pas une conversion de l'une à l'autre.",
    ]


# ---------------------------------------------------------------- JSON door


def _integer(raw, field: str, message: str, errors: list) -> int | None:
    if isinstance(raw, bool):
        errors.append({"field": field, "message": message})
        return None
    if isinstance(raw, int):
        return raw
    text = str(raw if raw is not None else "").strip()
    if not text.isdigit():
        errors.append({"field": field, "message": message})
        return None
    return int(text)


def situation_from_json(data) -> Situation:
    """A :class:`Situation` from the browser's JSON (numbers as typed, in French).

    ``{"duration_months": "12", "annual_amount": "4 000", "currency": "EUR" | "€",
    "resources": {"locaux": "1", …}, "bought_together": false, "partners": "3",
    "own_name": false}``. Raises :class:`SituationError` with every problem.
    """
    if not isinstance(data, dict):
        raise SituationError([{"field": "", "message": "La situation n'est pas un objet JSON."}])
    errors: list[dict] = []
    duration = _integer(data.get("duration_months"), "duration_months", "Indiquez la durée en mois entiers, par exemple 12.", errors)
    amount = Decimal(0)
    raw_amount = data.get("annual_amount", "")
    if isinstance(raw_amount, str) and raw_amount.strip() == "":
        raw_amount = "0"
    try:
        amount = to_decimal(raw_amount)
    except NumberFormatError as error:
        errors.append({"field": "annual_amount", "message": str(error)})
    except TypeError:
        errors.append({"field": "annual_amount", "message": "Indiquez les sommes en jeu par an, par exemple 4 000."})
    currency = CURRENCY_ALIASES.get(str(data.get("currency", "")).strip(), "")
    resources: list[str] = []
    raw_resources = data.get("resources") or {}
    if not isinstance(raw_resources, dict):
        raw_resources = {}
    for kind in KINDS:
        raw = raw_resources.get(kind, 0)
        if raw in ("", None):
            raw = 0
        n = _integer(raw, f"resources.{kind}", f"{KIND_LABELS[kind]} : indiquez un nombre entier, 0 s'il n'y en a pas.", errors)
        if n is not None and n > MAX_COUNT:
            errors.append({"field": f"resources.{kind}", "message": f"{KIND_LABELS[kind]} : indiquez au plus {MAX_COUNT}."})
            n = 0
        resources.extend([kind] * (n or 0))
    partners = _integer(data.get("partners"), "partners", "Indiquez le nombre d'organisations partenaires, par exemple 3.", errors)
    situation = Situation(
        duration_months=duration if duration is not None else 1,
        annual_amount=amount,
        currency=currency,
        resources=tuple(resources),
        bought_together=data.get("bought_together") is True,
        partners=partners if partners is not None else 2,
        own_name=data.get("own_name") is True,
    )
    try:
        _check(situation)
    except SituationError as error:
        seen = {e["field"] for e in errors}
        if any(f.startswith("resources.") for f in seen):
            seen.add("resources")  # a count was unreadable: "no resource" would mislead
        errors.extend(e for e in error.errors if e["field"] not in seen)
    if errors:
        raise SituationError(errors)
    return situation
