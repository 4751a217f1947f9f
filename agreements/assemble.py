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
from blocks import BLANK, blank_run  # noqa: F401 (BLANK: the tests' name)
from blocks import heading, list_block, note, paragraph, table, to_markdown
from words import t
from blocks.markdown import escape_markdown, flatten  # noqa: F401 (escape_markdown: the CLI's and tests' name)

PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")
PARTNER_KEYS = ("name", "legal_form", "address", "identifier", "representative", "authority")
PARTNER_LABELS = {
    "name": "nom",
    "legal_form": "forme juridique",
    "address": "adresse du siège",
    "identifier": "numéro d'immatriculation",
    "representative": "personne qui signe (nom et qualité)",
    "authority": "décision qui autorise la signature",
}
# How each country numbers its organisations, as the party's line names it.
IDENTIFIER_NAMES = {
    "QC": "numéro d'entreprise du Québec (NEQ)",
    "FR": "numéro SIREN ou RNA",
    "BE": "numéro d'entreprise (BCE)",
}
# The currency an agreement of each country is written in, and the signs of the others.
CURRENCIES = {"QC": ("$", "dollars canadiens"), "FR": ("€", "euros"), "BE": ("€", "euros")}
_CURRENCY_SIGNS = {"$": re.compile(r"\d\s*\$|\$\s*\d|\bCAD\b"), "€": re.compile(r"\d\s*€|€\s*\d|\bEUR\b")}


def currency_warnings(values: dict, labels: dict, territory: str) -> list[str]:
    """A sentence per field whose amounts are in another currency than the country's."""
    sign, name = CURRENCIES[territory]
    out = []
    for field, text in values.items():
        for other, pattern in _CURRENCY_SIGNS.items():
            if other != sign and pattern.search(text):
                out.append(
                    f"« {labels.get(field, field)} » contient des montants en {other} : une convention pour "
                    f"{_COUNTRY_WITH_ARTICLE[territory]} se rédige d'ordinaire en {name} ({sign}). "
                    f"Convertissez-les, ou dites dans la convention en quelle monnaie ils sont payés."
                )
    return out


_COUNTRY_WITH_ARTICLE = {"QC": "le Québec", "FR": "la France", "BE": "la Belgique"}
OF_COUNTRY = {"QC": "du Québec", "FR": "de la France", "BE": "de la Belgique"}
PAGE_SIZES = {"QC": {"width": 12240, "height": 15840}, "FR": {"width": 11906, "height": 16838},
              "BE": {"width": 11906, "height": 16838}}
LANGUAGES = {"QC": "fr-CA", "FR": "fr-FR", "BE": "fr-BE"}
# Who should read the draft before it is signed, per country.
REVIEWERS = {
    "QC": "un avocat ou un notaire du Québec",
    "FR": "un avocat ou un juriste en droit français",
    "BE": "un avocat ou un juriste en droit belge",
}
# Elision before a value that starts with a vowel: "de {duree}" + "un an"
# gives "d'un an". Not before "onze", "oui", or a "h" other than the few
# mute ones a clause is likely to meet ("heures", "hébergement"…).
_ELIDED = {"de": "d'", "que": "qu'", "le": "l'", "la": "l'", "ne": "n'", "se": "s'",
           "jusque": "jusqu'", "lorsque": "lorsqu'", "puisque": "puisqu'"}
_BEFORE_VALUE = re.compile(r"(?i)(?:^|(?<=[\s(«’']))(" + "|".join(_ELIDED) + r")\s+$")
_VOWEL_START = re.compile(r"(?i)^(?![«\"]?(onze|onzième|oui)\b)[«\"]?([aeiouàâäéèêëîïôöùûüœæ]|h(?:eure|iver|ôpita|ébergement|abita|ôtel|omme|istoire|onoraire|uile))")


class DraftError(ValueError):
    """The draft cannot be assembled; ``errors`` is ``[{"field", "message"}]``."""

    def __init__(self, errors: list[dict]):
        super().__init__("; ".join(e["message"] for e in errors))
        self.errors = errors


def elide(before: str, value: str) -> str:
    """``before`` with its last word elided when ``value`` starts with a vowel sound.

    >>> elide("pour une durée de ", "un an"), elide("pour une durée de ", "six mois")
    ("pour une durée d'", 'pour une durée de ')
    """
    match = _BEFORE_VALUE.search(before)
    if not match or not _VOWEL_START.match(value):
        return before
    word = match.group(1)
    elided = _ELIDED[word.lower()]
    if word[0].isupper():
        elided = elided[0].upper() + elided[1:]
    return before[: match.start(1)] + elided


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
    for cosigner in model.get("cosigners", []):
        if territory in cosigner["territories"]:
            used[cosigner["field"]] = True
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
            value = flatten(value)
            if runs and "field" not in runs[-1]:
                runs[-1]["text"] = elide(runs[-1]["text"], value)
            runs.append({"text": value, "field": name})
        else:
            runs.append({"blank": True, "field": name, "label": labels[name]})
            missing.setdefault(name, labels[name])
        position = match.end()
    if position < len(text):
        runs.append({"text": text[position:]})
    return runs


def _paragraphs(text: str, values, labels, missing) -> list[list[dict]]:
    return [_runs(" ".join(p.split()), values, labels, missing) for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


def party_runs(number: int, party: dict, territory: str) -> list[dict]:
    """One party's line as runs (the list numbers it): its name, form, seat, number, who signs and on what authority."""

    def value(key):
        text = party[key]
        if text:
            return {"text": flatten(text), "field": f"partners[{number - 1}].{key}"}
        return {"blank": True, "field": f"partners[{number - 1}].{key}", "label": PARTNER_LABELS[key]}

    name = value("name")
    name["strong"] = True
    return [
        name, {"text": ", "}, value("legal_form"),
        {"text": ", dont le siège est situé "}, value("address"),
        {"text": f", {IDENTIFIER_NAMES[territory]} : "}, value("identifier"),
        {"text": ", agissant par "}, value("representative"),
        {"text": ", en vertu de "}, value("authority"), {"text": " ;"},
    ]


def references_for(articles: list[dict], clauses: dict, territory: str) -> list[dict]:
    """The register entries the kept articles cite for ``territory``, each once, in order."""
    seen, out = set(), []
    for article in articles:
        for ref in clauses[article["id"]].get("references", []):
            if territory in ref.get("applies_in", [territory]) and ref["url"] not in seen:
                seen.add(ref["url"])
                item = {key: ref[key] for key in ("id", "jurisdiction", "label", "url", "checked", "checked_text", "confirmed")}
                item["after"] = reference_after(item)
                out.append(item)
    return out


def assemble(model: dict, territory: str, draft: dict) -> dict:
    """The agreement as structured data plus its Markdown.

    Returns ``{"model", "title", "version", "territory", "territory_name",
    "parties": [{"number", "name", "legal_form", "address", "identifier",
    "representative", "authority", "runs"}], "signatures": [{"party", "signatory"}],
    "articles": [{"number", "id", "title", "paragraphs": [[run]]}],
    "closing": [[run]], "note", "missing": [{"field", "label"}], "warnings": [text],
    "references": [{"id", "jurisdiction", "label", "url", "checked",
    "checked_text", "confirmed"}], "references_title", "model_line",
    "reminder", "page_size", "language", "blocks", "checks", "markdown"}`` where a
    run is ``{"text", "field"?, "strong"?}`` or ``{"blank": true, "field", "label"}``.
    ``blocks`` is the agreement as the preview, print and the .docx show it
    (see the package ``blocks``), ``checks`` what is left to check and fill
    in; the Markdown is both.
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
                missing[f"partners[{index - 1}].{key}"] = t("agreements.party_missing", number=index, what=PARTNER_LABELS[key])
        entry["runs"] = party_runs(index, partner, territory)
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
    # People who sign beside the parties (the worker of a Belgian staff agreement).
    signatures = [{"party": p["name"], "signatory": p["representative"]} for p in parties]
    for cosigner in model.get("cosigners", []):
        if territory in cosigner["territories"]:
            name = flatten(values.get(cosigner["field"], ""))
            if not name:
                missing.setdefault(cosigner["field"], labels[cosigner["field"]])
            signatures.append({"party": cosigner["role"], "signatory": name})
    references = references_for(articles, {c["id"]: c for c in model["clauses"]}, territory)
    dates = [r for r in references if r["checked"]]
    latest = max(dates, key=lambda r: r["checked"]) if dates else None
    version = model.get("version") or ""
    result = {
        "model": model["id"],
        "title": model["title"],
        "version": version,
        "territory": territory,
        "territory_name": TERRITORY_NAMES[territory],
        "parties": parties,
        "signatures": signatures,
        "articles": articles,
        "closing": closing,
        "note": model["note"],
        "missing": [{"field": k, "label": v} for k, v in missing.items()],
        "warnings": currency_warnings(values, labels, territory),
        "references": references,
        "references_title": t("agreements.references_dated", date=latest["checked_text"]) if latest else t("agreements.references"),
        "model_line": f"Modèle Mutuus « {model['title']} »" + (f", version {version}" if version else "")
        + f", écrit pour le droit applicable : {TERRITORY_NAMES[territory]}.",
        # The .docx page and language: Letter in Québec, A4 elsewhere (twentieths of a point).
        "page_size": PAGE_SIZES[territory],
        "language": LANGUAGES[territory],
        # Shown beside the preview when the draft's country is not the reader's.
        "other_country": t("agreements.other_country", of_country=OF_COUNTRY[territory],
                           currency_name=CURRENCIES[territory][1], currency_sign=CURRENCIES[territory][0]),
        "reminder": (
            f"Ce texte est un modèle : faites-le relire par {REVIEWERS[territory]} avant de le signer. "
            "Les textes marqués « à faire vérifier » n'ont pas pu être confirmés sur leur source officielle."
        ),
    }
    result["blocks"] = document_blocks(result)
    result["checks"] = check_blocks(result)
    result["markdown"] = to_markdown(result["blocks"] + result["checks"])
    return result


def reference_after(ref: dict) -> str:
    """What follows an entry's link in « Textes de référence »: when it was read, or that it is to be checked."""
    if ref["confirmed"] and ref.get("checked_text"):
        return f" (vérifié le {ref['checked_text']})"
    when = f" au {ref['checked_text']}" if ref.get("checked_text") else ""
    return f" (texte officiel non relu{when} : à faire vérifier)"


def _block_runs(runs: list[dict]) -> list[dict]:
    """Assembly runs as block runs: a user's value marked, a blank with its label."""
    out = []
    for run in runs:
        if run.get("blank"):
            out.append(blank_run(run["label"]))
        elif "field" in run:
            out.append({"text": run["text"], "class": "mu-ag-value", **({"strong": True} if run.get("strong") else {})})
        else:
            out.append({"text": run["text"]})
    return out


def model_text_blocks(text: str, labels: dict) -> list[dict]:
    """A model's text as paragraphs with every placeholder blank, followed by its label (the model's page)."""
    return [paragraph(_block_runs(runs)) for runs in _paragraphs(text, {}, labels, {})]


def document_blocks(result: dict) -> list[dict]:
    """The agreement itself as blocks: what the preview, print, the .docx and the Markdown show."""
    out = [
        heading(1, result["title"], "mu-ag-title"),
        paragraph([{"text": t("agreements.model_for", territory=result["territory_name"]), "em": True}], "mu-ag-territory"),
        heading(2, t("agreements.parties")),
        list_block([_block_runs(party["runs"]) for party in result["parties"]], ordered=True, css_class="mu-ag-parties"),
        paragraph(t("agreements.parties_end")),
    ]
    for article in result["articles"]:
        out.append(heading(2, t("agreements.article", number=article["number"], title=article["title"]), block_id=f"mu-ag-article-{article['id']}"))
        out += [paragraph(_block_runs(runs)) for runs in article["paragraphs"]]
    out += [paragraph(_block_runs(runs)) for runs in result["closing"]]
    out.append(heading(2, t("agreements.signatures")))
    rows = [[row["party"] or [blank_run()], row["signatory"] or [blank_run()], "", ""] for row in result["signatures"]]
    head = [t(f"agreements.signature_{key}") for key in ("party", "signatory", "date", "sign")]
    out.append(table(head, rows, sign=True,
                     css_class="mu-ag-signatures"))
    out.append(note(result["note"], css_class="mu-ag-note"))
    out.append(heading(2, result["references_title"]))
    if result["references"]:
        items = [[{"text": f"{ref['jurisdiction']} — "}, {"text": ref["label"], "href": ref["url"]}, {"text": ref["after"]}]
                 for ref in result["references"]]
        out.append(list_block(items, css_class="mu-ag-references"))
    out.append(paragraph([{"text": result["model_line"], "em": True}], "mu-ag-model-line"))
    out.append(paragraph([{"text": result["reminder"], "em": True}], "mu-ag-reminder"))
    return out


def check_blocks(result: dict) -> list[dict]:
    """What is left to check and to fill in, after the agreement in the files (not in the preview)."""
    out = []
    if result["warnings"]:
        out += [heading(2, t("agreements.to_check")), list_block(result["warnings"])]
    if result["missing"]:
        out += [heading(2, t("agreements.to_fill")), list_block([item["label"] for item in result["missing"]])]
    return out
