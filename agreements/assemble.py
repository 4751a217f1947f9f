"""Assemble one agreement from a model (plain JSON data) and a draft.

A model, as the catalog holds it (see ``agreements/schema.json``)::

    {"id", "title", "summary", "territories": ["QC", "FR", "BE"],
     "fields": [{"name", "label", "help"}],
     "clauses": [{"id", "title", "text", "why", "link", "optional",
                  "applies_when"?, "territories", "references": [...]}],
     "closing", "note"}

A draft, as the CLI reads it and the browser stores it, is checked by
``agreements.draft``. ``assemble`` returns a plain dict (see :func:`assemble`)
or raises :class:`DraftError` listing every problem in French. The agreement
itself is written as blocks (``agreements.document``), from which come the
preview, print, the .docx and the Markdown. User text is never interpreted:
it stays text runs, and the Markdown escapes what Markdown would read.
"""

from __future__ import annotations

import re

from agreements import TERRITORY_NAMES
from agreements.document import block_runs, check_blocks, document_blocks
from agreements.draft import PARTNER_KEYS, PARTNER_LABELS, DraftError, check_draft  # noqa: F401 (DraftError: what assemble raises, its callers catch it here)
from blocks import paragraph, to_markdown
from blocks.markdown import flatten
from words import t

PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")
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


def _parties(partners: list[dict], territory: str, missing: dict) -> list[dict]:
    """Each party's values and line; its empty values listed in ``missing``."""
    parties = []
    for index, partner in enumerate(partners, start=1):
        entry = {"number": index}
        for key in PARTNER_KEYS:
            entry[key] = partner[key]
            if not partner[key]:
                missing[f"partners[{index - 1}].{key}"] = t("agreements.party_missing", number=index, what=PARTNER_LABELS[key])
        entry["runs"] = party_runs(index, partner, territory)
        parties.append(entry)
    return parties


def _kept_clauses(model: dict, territory: str, options: dict) -> list[dict]:
    """The clauses of the territory, less the optional ones switched off."""
    return [c for c in clauses_for(model, territory) if not (c["optional"] and not options.get(c["id"], True))]


def _signatures(model: dict, territory: str, parties: list[dict], values: dict, labels: dict, missing: dict) -> list[dict]:
    """One row per party, then the people who sign beside them (the worker of a Belgian staff agreement)."""
    signatures = [{"party": p["name"], "signatory": p["representative"]} for p in parties]
    for cosigner in model.get("cosigners", []):
        if territory in cosigner["territories"]:
            name = flatten(values.get(cosigner["field"], ""))
            if not name:
                missing.setdefault(cosigner["field"], labels[cosigner["field"]])
            signatures.append({"party": cosigner["role"], "signatory": name})
    return signatures


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
    parties = _parties(partners, territory, missing)
    articles = [
        {"number": number, "id": clause["id"], "title": clause["title"],
         "paragraphs": _paragraphs(clause["text"], values, labels, missing)}
        for number, clause in enumerate(_kept_clauses(model, territory, options), start=1)
    ]
    closing = _paragraphs(model.get("closing", ""), values, labels, missing)
    signatures = _signatures(model, territory, parties, values, labels, missing)
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
        "model_line": t("agreements.model_line", title=model["title"], territory=TERRITORY_NAMES[territory],
                        version=t("agreements.model_version", version=version) if version else ""),
        # The .docx page and language: Letter in Québec, A4 elsewhere (twentieths of a point).
        "page_size": PAGE_SIZES[territory],
        "language": LANGUAGES[territory],
        # Shown beside the preview when the draft's country is not the reader's.
        "other_country": t("agreements.other_country", of_country=OF_COUNTRY[territory],
                           currency_name=CURRENCIES[territory][1], currency_sign=CURRENCIES[territory][0]),
        "reminder": t("agreements.reminder", reviewer=REVIEWERS[territory]),
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


def model_text_blocks(text: str, labels: dict) -> list[dict]:
    """A model's text as paragraphs with every placeholder blank, followed by its label (the model's page)."""
    return [paragraph(block_runs(runs)) for runs in _paragraphs(text, {}, labels, {})]


