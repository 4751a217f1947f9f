"""What the board page gives the browser: the catalog JSON (``build_catalog``).

Python owns the board's rules; board.js applies them:

- the vocabulary (kinds, categories, countries), the guide's advice per category;
- where each inventory answer is (``inventory_fields``);
- the territory rule of "Chercher dans mon inventaire": the matches of the
  reader's country first, then the other countries in the network's order,
  marked "ailleurs : <pays>" (``match_order``);
- how an entry is sent: the file to download, the e-mail to the network (its
  address), the GitHub form (its field ids), the entry file's keys and length.

The page's sentences are the words catalog's (``words/board.py``), as
everywhere; the board's modules read them with ``t()``.
"""

from __future__ import annotations

from macros.countries import COUNTRIES, network_country, order
from macros.network_loader import (
    DEFAULT_DAYS,
    EMAIL,
    ENTRY_KEYS,
    HTTPS_URL,
    KINDS,
    MAX_LENGTHS,
    NetworkError,
)

# The guide's advice for each kind of resource: (label, page of docs/).
_AGREEMENT = ("Écrire une convention", "pratique.md#formaliser")
_INSURANCE = ("Questions à poser à votre assureur", "pratique.md#assurances")
_USAGE_COST = ("Calculer un coût d'utilisation", "outils/cout-utilisation.md")
_SPLIT = ("Répartir un coût entre partenaires", "outils/repartition.md")
ADVICE = {
    "personnel": [("Partager du personnel", "comprendre/quoi-mutualiser.md#personnes-expertises"),
                  ("Le groupement d'employeurs (France)", "conditions.md#groupement-employeurs"), _SPLIT, _AGREEMENT],
    "competences": [("Partager des compétences", "comprendre/quoi-mutualiser.md#personnes-expertises"), _USAGE_COST, _AGREEMENT],
    "locaux": [("Partager des espaces", "comprendre/quoi-mutualiser.md#espaces-equipements"), _INSURANCE, _USAGE_COST, _AGREEMENT],
    "transport": [_INSURANCE, _USAGE_COST, _AGREEMENT],
    "moyens_techniques": [("Partager des équipements", "comprendre/quoi-mutualiser.md#espaces-equipements"),
                          ("Les coûts à compter", "economie.md#liste-couts"), _USAGE_COST, _INSURANCE, _AGREEMENT],
    "fonctions_support": [_SPLIT, _AGREEMENT],
    "achats": [("Acheter à plusieurs", "comprendre/quoi-mutualiser.md#achats-fournisseurs"), _SPLIT, _AGREEMENT],
    "autres": [("Trouver des partenaires", "pratique.md#trouver-partenaires"), _AGREEMENT],
}

ISSUE_TEMPLATE = "annonce.yml"
# Ids of the issue form's fields (.github/ISSUE_TEMPLATE/annonce.yml), by entry key.
# Not "title": GitHub reserves that query parameter for the issue's own title.
ISSUE_FIELDS = {key: key for key in ENTRY_KEYS if key not in ("published", "title")}
ISSUE_FIELDS["title"] = "entry_title"

def match_order(reader: str, network: str) -> list[str]:
    """The countries in the order the matches come: the reader's, then the
    others in the network's order (its own country, then Québec, France, Belgique)."""
    if reader not in COUNTRIES:
        raise ValueError(f"pays inconnu « {reader} »")
    return [reader] + [code for code in order(network) if code != reader]


def place(territory: str, country: str) -> str:
    """Where an entry is, as the board shows it: « Liège (Belgique) »; « Québec »
    alone when the territory is the country's own name."""
    name = COUNTRIES[country]
    return territory if territory.casefold() == name.casefold() else f"{territory} ({name})"


def inventory_fields(inventory: dict) -> dict[str, dict[str, str]]:
    """For each inventory section: the question ids of its offer, need, schedule and conditions."""
    fields = {}
    for section in inventory["sections"]:
        sid = section["id"]
        ids = [q["id"] for q in section["questions"]]
        needed = {"offer": f"{sid}_offre", "need": f"{sid}_besoin", "conditions": f"{sid}_conditions"}
        missing = [q for q in needed.values() if q not in ids]
        if missing:
            raise NetworkError("questionnaires/inventaire.yml", None,
                               f"la section « {sid} » doit avoir les questions {', '.join(missing)} (le tableau du réseau les lit)")
        others = [q for q in ids if q not in needed.values()]
        fields[sid] = {**needed, "schedule": others[0] if others else ""}
    return fields


def submission_email(network: dict) -> str:
    """Where an entry is e-mailed: ``extra.network.board_email``, else the
    network's own address (``extra.network.contact``) when it is an e-mail."""
    email = network.get("board_email") or ""
    if email:
        if not EMAIL.match(email):
            raise NetworkError("mkdocs.yml", None, f"extra.network.board_email vaut « {email} » : écrivez une adresse courriel")
        return email
    contact = str(network.get("contact") or "")
    return contact if EMAIL.match(contact) else ""


def build_catalog(categories: dict[str, str], inventory: dict, network: dict, repository: str) -> dict:
    """The JSON the board page hands to board.js."""
    network = network or {}
    home = network_country({"network": network})
    github = bool(repository) and not network.get("board_email")
    return {
        "kinds": KINDS,
        "categories": categories,
        "countries": {code: COUNTRIES[code] for code in order(home)},
        "network_country": home,
        "advice": {c: [list(pair) for pair in ADVICE.get(c, [_AGREEMENT])] for c in categories},
        "inventory": {"id": inventory["id"], "version": inventory["version"], "fields": inventory_fields(inventory)},
        "match": {
            # An offer answers a need of the same category, and a need an offer.
            "answers": {"need": "offer", "offer": "need"},
            # Words of this length or more count in the score.
            "min_word": 4,
            "order": {code: match_order(code, home) for code in COUNTRIES},
        },
        "submit": {
            "mode": "issue" if github else "email",
            "email": submission_email(network),
            "issue_url": repository.rstrip("/") + "/issues/new" if github else "",
            "template": ISSUE_TEMPLATE,
            "fields": ISSUE_FIELDS,
            "keys": list(ENTRY_KEYS),
            "default_days": DEFAULT_DAYS,
            "limits": {"territory": MAX_LENGTHS["territory"], "contact": MAX_LENGTHS["contact"]},
            "contact_patterns": [EMAIL.pattern, HTTPS_URL.pattern],
        },
    }
