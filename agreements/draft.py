"""The draft as the browser stores it and the CLI reads it, checked and cleaned.

``{"partners": [{"name", "legal_form", "address", "identifier",
"representative", "authority"}], "values": {<field name>: <text>},
"options": {<clause id>: bool}}``: every problem is listed, in French, in
one :class:`DraftError`.
"""

from __future__ import annotations

from agreements import TERRITORIES

PARTNER_KEYS = ("name", "legal_form", "address", "identifier", "representative", "authority")
PARTNER_LABELS = {
    "name": "nom",
    "legal_form": "forme juridique",
    "address": "adresse du siège",
    "identifier": "numéro d'immatriculation",
    "representative": "personne qui signe (nom et qualité)",
    "authority": "décision qui autorise la signature",
}


class DraftError(ValueError):
    """The draft cannot be assembled; ``errors`` is ``[{"field", "message"}]``."""

    def __init__(self, errors: list[dict]):
        super().__init__("; ".join(e["message"] for e in errors))
        self.errors = errors


def check_draft(model: dict, territory: str, draft) -> tuple[list[dict], dict, dict]:
    """(partners, values, options) cleaned, or DraftError with every problem."""
    errors: list[dict] = []
    if territory not in TERRITORIES:
        raise DraftError([{"field": "territory", "message": f"Territoire inconnu : « {territory} ». Choisissez parmi : {', '.join(TERRITORIES)}."}])
    if territory not in model["territories"]:
        raise DraftError([{"field": "territory", "message": f"Le modèle « {model['id']} » n'existe pas pour le territoire {territory}."}])
    if not isinstance(draft, dict):
        raise DraftError([{"field": "", "message": "Le brouillon doit être un objet JSON ({\"partners\": [...], \"values\": {...}, \"options\": {...}})."}])
    for key in draft:
        if key not in ("partners", "values", "options"):
            errors.append({"field": key, "message": f"Clé inconnue « {key} » : seules « partners », « values » et « options » sont lues."})

    partners_raw = draft.get("partners", [])
    partners: list[dict] = []
    if not isinstance(partners_raw, list):
        errors.append({"field": "partners", "message": "« partners » doit être une liste de partenaires."})
        partners_raw = []
    for index, raw in enumerate(partners_raw):
        where = f"partners[{index}]"
        if not isinstance(raw, dict):
            errors.append({"field": where, "message": f"Le partenaire n° {index + 1} doit être un objet (nom, forme juridique, adresse, représentant)."})
            continue
        partner = {}
        for key, value in raw.items():
            if key not in PARTNER_KEYS:
                errors.append({"field": f"{where}.{key}", "message": f"Clé inconnue « {key} » pour le partenaire n° {index + 1} (clés possibles : {', '.join(PARTNER_KEYS)})."})
            elif value is not None and not isinstance(value, str):
                errors.append({"field": f"{where}.{key}", "message": f"Le champ « {PARTNER_LABELS[key]} » du partenaire n° {index + 1} doit être du texte (mettez-le entre guillemets)."})
            else:
                partner[key] = (value or "").strip()
        partners.append({key: partner.get(key, "") for key in PARTNER_KEYS})
    if len(partners_raw) < 2 and isinstance(draft.get("partners", []), list):
        errors.append({"field": "partners", "message": "Une convention lie au moins deux partenaires : ajoutez-en un."})

    known_fields = {f["name"] for f in model["fields"]}
    values_raw = draft.get("values", {})
    values: dict[str, str] = {}
    if not isinstance(values_raw, dict):
        errors.append({"field": "values", "message": "« values » doit être un objet {nom du champ: texte}."})
        values_raw = {}
    for name, value in values_raw.items():
        if name not in known_fields:
            errors.append({"field": f"values.{name}", "message": f"Champ inconnu « {name} » pour le modèle « {model['id']} »."})
        elif value is not None and not isinstance(value, str):
            errors.append({"field": f"values.{name}", "message": f"La valeur du champ « {name} » doit être du texte (mettez-la entre guillemets)."})
        else:
            values[name] = (value or "").strip()

    clauses = {c["id"]: c for c in model["clauses"]}
    options_raw = draft.get("options", {})
    options: dict[str, bool] = {}
    if not isinstance(options_raw, dict):
        errors.append({"field": "options", "message": "« options » doit être un objet {id de clause: true ou false}."})
        options_raw = {}
    for cid, value in options_raw.items():
        if cid not in clauses:
            errors.append({"field": f"options.{cid}", "message": f"Clause inconnue « {cid} » pour le modèle « {model['id']} »."})
        elif not isinstance(value, bool):
            errors.append({"field": f"options.{cid}", "message": f"L'option « {cid} » doit valoir true ou false."})
        elif not clauses[cid]["optional"] and value is False:
            errors.append({"field": f"options.{cid}", "message": f"La clause « {clauses[cid]['title']} » est obligatoire : elle ne peut pas être retirée."})
        else:
            options[cid] = value
    if errors:
        raise DraftError(errors)
    return partners, values, options
