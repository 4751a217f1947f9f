"""Assemble one agreement from a model (plain JSON data) and a draft.

A model, as the catalog holds it (see ``agreements/schema.json``)::

    {"id", "title", "summary", "territories": ["QC", "FR", "BE"],
     "fields": [{"name", "label", "help"}],
     "clauses": [{"id", "title", "text", "why", "link", "optional",
                  "applies_when"?, "territories", "references": [...]}],
     "closing", "note"}

A draft, as the CLI reads it and the browser stores it::

    {"partners": [{"name", "legal_form", "address", "representative"}],
     "values": {<field name>: <text>}, "options": {<clause id>: bool}}

``assemble`` returns a plain dict (see :func:`assemble`) or raises
:class:`DraftError` listing every problem in French. User text is never
interpreted: the structured result keeps it as text runs, and the Markdown
escapes every character Markdown would read.
"""

from __future__ import annotations

import re

from agreements import TERRITORIES, TERRITORY_NAMES

BLANK = "________"
PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")
PARTNER_KEYS = ("name", "legal_form", "address", "representative")
PARTNER_LABELS = {
    "name": "nom",
    "legal_form": "forme juridique",
    "address": "adresse du siège",
    "representative": "représentant ou représentante",
}
# Characters Markdown (CommonMark and Python-Markdown) could read as syntax.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~&-])")


class DraftError(ValueError):
    """The draft cannot be assembled; ``errors`` is ``[{"field", "message"}]``."""

    def __init__(self, errors: list[dict]):
        super().__init__("; ".join(e["message"] for e in errors))
        self.errors = errors


_LINE_BREAKS = re.compile(r"[ \t\r\n]+")


def flatten(text: str) -> str:
    """User text on one line; no-break spaces (as in « 400,00 $ ») are kept."""
    return _LINE_BREAKS.sub(" ", str(text)).strip()


def escape_markdown(text: str) -> str:
    """User text as literal Markdown: special characters escaped, lines joined."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", flatten(text))


def clauses_for(model: dict, territory: str) -> list[dict]:
    """The clauses of ``model`` that apply in ``territory``, in order."""
    return [c for c in model["clauses"] if territory in c["territories"]]


def placeholders(text: str) -> list[str]:
    """Names of the placeholders in ``text``, in order, each once."""
    seen: list[str] = []
    for name in PLACEHOLDER.findall(text):
        if name not in seen:
            seen.append(name)
    return seen


def fields_for(model: dict, territory: str) -> list[dict]:
    """Fields used by the model in ``territory``: ``[{"name", "label", "help", "required"}]``.

    A field is required when a clause that cannot be switched off (or the
    closing text) uses it.
    """
    used: dict[str, bool] = {}
    for clause in clauses_for(model, territory):
        for name in placeholders(clause["text"]):
            used[name] = used.get(name, False) or not clause["optional"]
    for name in placeholders(model.get("closing", "")):
        used[name] = True
    out = []
    for field in model["fields"]:
        if field["name"] in used:
            item = {"name": field["name"], "label": field["label"], "required": used[field["name"]]}
            for key in ("help", "prefill"):
                if key in field:
                    item[key] = field[key]
            out.append(item)
    return out


def describe(model: dict, territory: str) -> dict:
    """What ``python -m agreements fields`` prints."""
    return {
        "fields": [{"name": f["name"], "label": f["label"], "required": f["required"]} for f in fields_for(model, territory)],
        "clauses": [{"id": c["id"], "title": c["title"], "optional": c["optional"]} for c in clauses_for(model, territory)],
    }


# --------------------------------------------------------------------------
# Checking the draft
# --------------------------------------------------------------------------


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
                errors.append({"field": f"{where}.{key}", "message": f"Le {PARTNER_LABELS[key]} du partenaire n° {index + 1} doit être du texte."})
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


# --------------------------------------------------------------------------
# Assembly
# --------------------------------------------------------------------------


def _runs(text: str, values: dict, labels: dict, missing: dict) -> list[dict]:
    """Split one paragraph into runs: ``{"text"}`` (model or user text) and blanks."""
    runs: list[dict] = []
    position = 0
    for match in PLACEHOLDER.finditer(text):
        if match.start() > position:
            runs.append({"text": text[position : match.start()]})
        name = match.group(1)
        value = values.get(name, "")
        if value:
            runs.append({"text": flatten(value), "field": name})
        else:
            runs.append({"blank": True, "field": name, "label": labels[name]})
            missing.setdefault(name, labels[name])
        position = match.end()
    if position < len(text):
        runs.append({"text": text[position:]})
    return runs


def _paragraphs(text: str, values, labels, missing) -> list[list[dict]]:
    return [_runs(" ".join(p.split()), values, labels, missing) for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


def assemble(model: dict, territory: str, draft: dict) -> dict:
    """The agreement as structured data plus its Markdown.

    Returns ``{"model", "title", "territory", "territory_name", "parties":
    [{"number", "name", "legal_form", "address", "representative"}],
    "articles": [{"number", "id", "title", "paragraphs": [[run]]}],
    "closing": [[run]], "note", "missing": [{"field", "label"}],
    "markdown"}`` where a run is ``{"text", "field"?}`` or
    ``{"blank": true, "field", "label"}``.
    """
    partners, values, options = check_draft(model, territory, draft)
    labels = {f["name"]: f["label"] for f in model["fields"]}
    missing: dict[str, str] = {}

    parties = []
    for index, partner in enumerate(partners, start=1):
        entry = {"number": index}
        for key in PARTNER_KEYS:
            entry[key] = partner[key]
            if not partner[key]:
                missing[f"partners[{index - 1}].{key}"] = f"Partie {index} : {PARTNER_LABELS[key]}"
        parties.append(entry)

    articles = []
    for clause in clauses_for(model, territory):
        if clause["optional"] and not options.get(clause["id"], True):
            continue
        articles.append(
            {
                "number": len(articles) + 1,
                "id": clause["id"],
                "title": clause["title"],
                "paragraphs": _paragraphs(clause["text"], values, labels, missing),
            }
        )
    closing = _paragraphs(model.get("closing", ""), values, labels, missing)
    result = {
        "model": model["id"],
        "title": model["title"],
        "territory": territory,
        "territory_name": TERRITORY_NAMES[territory],
        "parties": parties,
        "articles": articles,
        "closing": closing,
        "note": model["note"],
        "missing": [{"field": k, "label": v} for k, v in missing.items()],
    }
    result["markdown"] = to_markdown(result)
    return result


def _md_runs(runs: list[dict]) -> str:
    out = []
    for run in runs:
        if run.get("blank"):
            out.append(BLANK)
        elif "field" in run:
            out.append(escape_markdown(run["text"]))
        else:
            out.append(run["text"])
    return "".join(out)


def _md_user(text: str) -> str:
    return escape_markdown(text) if text else BLANK


def to_markdown(result: dict) -> str:
    """The assembled agreement as Markdown; user text is escaped, model text is not."""
    lines = [f"# {result['title']}", "", f"*Modèle pour : {result['territory_name']}*", "", "## Entre les parties", ""]
    for party in result["parties"]:
        lines.append(
            f"{party['number']}. **{_md_user(party['name'])}**, {_md_user(party['legal_form'])}, "
            f"dont le siège est situé {_md_user(party['address'])}, représentée par {_md_user(party['representative'])} ;"
        )
    lines += ["", "ci-après « les parties », conviennent de ce qui suit.", ""]
    for article in result["articles"]:
        lines += [f"## Article {article['number']} – {article['title']}", ""]
        for paragraph in article["paragraphs"]:
            lines += [_md_runs(paragraph), ""]
    for paragraph in result["closing"]:
        lines += [_md_runs(paragraph), ""]
    lines += ["## Signatures", "", "| Partie | Nom et qualité de la personne qui signe | Date | Signature |", "| --- | --- | --- | --- |"]
    for party in result["parties"]:
        lines.append(f"| {_md_user(party['name'])} | {_md_user(party['representative'])} |  |  |")
    lines += ["", f"> {result['note']}", ""]
    if result["missing"]:
        lines += ["## À compléter", ""]
        lines += [f"- {item['label']}" for item in result["missing"]]
        lines.append("")
    return "\n".join(lines)
