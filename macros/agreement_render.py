"""HTML of the agreement pages: one model read as a page, and the generator's scaffold.

Plain functions on the validated models (``agreements.loader``), tested
without MkDocs. A model's page is written as blocks (the package ``blocks``),
like the agreement itself: placeholders become blanks followed by their
explanation, so the page reads and prints without JavaScript. Every text is
escaped.
"""

from __future__ import annotations

import json
from html import escape

from agreements import TERRITORIES, TERRITORY_NAMES
from agreements.assemble import fields_for, model_text_blocks, reference_after
from agreements.draft import PARTNER_KEYS
from blocks import blank_run, heading, list_block, note, paragraph, section, table, to_html
from macros.countries import site_countries
from macros.questionnaire_render import link_href
from words import t


def _countries(territories: list) -> str:
    return ", ".join(TERRITORY_NAMES[t] for t in territories)


def _labelled(label: str, text, css_class: str) -> dict:
    """A paragraph that starts with a bold label: « Pourquoi : … »."""
    runs = [{"text": label, "strong": True}, {"text": " "}]
    return paragraph(runs + ([{"text": text}] if isinstance(text, str) else text), css_class)


def _clause(clause: dict, model: dict, labels: dict, href: str) -> dict:
    cid = f"clause-{clause['id']}"
    parts = [heading(2, clause["title"], block_id=cid)]
    if clause["territories"] != model["territories"]:
        parts.append(_labelled(t("agreements.page_applies"), _countries(clause["territories"]), "mu-ag-territory"))
    if clause["optional"]:
        parts.append(_labelled(t("agreements.page_optional"), clause["applies_when"], "mu-ag-optional"))
    parts += model_text_blocks(clause["text"], labels)
    why = [{"text": clause["why"] + " "}, {"text": t("agreements.page_guide"), "href": href}, {"text": "."}]
    parts.append(_labelled(t("agreements.page_why"), why, "mu-ag-why"))
    if clause["references"]:
        items = [[{"text": f"{ref['jurisdiction']} : "}, {"text": ref["label"], "href": ref["url"]}, {"text": reference_after(ref)}]
                 for ref in clause["references"]]
        parts.append(list_block(items, css_class="mu-ag-law"))
    return section(parts, "mu-ag-clause")


def model_blocks(model: dict, page_url: str = "", use_directory_urls: bool = True) -> list[dict]:
    """The whole model as blocks: every clause, with blanks, territories, why and law."""
    labels = {f["name"]: f["label"] for f in model["fields"]}
    out = [
        paragraph(model["summary"], "mu-ag-summary"),
        _labelled(t("agreements.page_countries"), t("agreements.page_countries_note", countries=_countries(model["territories"])), ""),
        heading(2, t("agreements.parties"), block_id="parties"),
        list_block([[blank_run(t("agreements.page_party")), {"text": " ;"}],
                    [blank_run(t("agreements.page_party_more")), {"text": " ;"}]], ordered=True),
        paragraph(t("agreements.parties_end")),
    ]
    for clause in model["clauses"]:
        out.append(_clause(clause, model, labels, link_href(clause["link"], page_url, use_directory_urls)))
    if model.get("closing"):
        out += model_text_blocks(model["closing"], labels)
    out.append(heading(2, t("agreements.signatures"), block_id="signatures"))
    rows = [[[blank_run()], [blank_run()], "", ""] for _ in range(2)]
    for cosigner in model.get("cosigners", []):
        where = "" if cosigner["territories"] == model["territories"] else f" ({_countries(cosigner['territories'])})"
        rows.append([cosigner["role"] + where, [blank_run()], "", ""])
    head = [t(f"agreements.signature_{key}") for key in ("party", "signatory", "date", "sign")]
    out.append(table(head, rows, sign=True, css_class="mu-ag-signatures"))
    out.append(note(model["note"], title=t("agreements.page_note_title"), kind="warning"))
    return out


def render_model(model: dict, page_url: str = "", use_directory_urls: bool = True) -> str:
    """The model's page as HTML (blocks.to_html), read and printed without JavaScript."""
    blocks = model_blocks(model, page_url, use_directory_urls)
    return f'<div class="mu-ag-model" id="modele-{escape(model["id"])}">\n{to_html(blocks)}\n</div>'


def prefill_questions(models: dict, questionnaires: dict) -> dict:
    """For each questionnaire a ``prefill`` rule names: its version, its title and, per question, kind and option labels."""
    out: dict = {}
    for model in models.values():
        for field in model["fields"]:
            rule = field.get("prefill", "")
            if not rule.startswith("questionnaire:"):
                continue
            _, qid, question_id = rule.split(":")
            definition = questionnaires.get(qid)
            if definition is None:
                continue
            entry = out.setdefault(qid, {"version": definition["version"], "title": definition["title"], "questions": {}})
            for section in definition["sections"]:
                for question in section["questions"]:
                    if question["id"] == question_id:
                        entry["questions"][question_id] = {
                            "kind": question["kind"],
                            "options": {o["value"]: o["label"] for o in question.get("options", [])},
                        }
    return out


def catalog(models: dict, questionnaires: dict | None = None) -> dict:
    """What the generator reads: every model, plus per territory its fields (with ``required``)."""
    out = {
        "territories": {t: TERRITORY_NAMES[t] for t in TERRITORIES},
        "partner_keys": list(PARTNER_KEYS),
        "questionnaires": prefill_questions(models, questionnaires or {}),
        "models": [],
    }
    for model in models.values():
        item = dict(model)
        item["fields_by_territory"] = {t: fields_for(model, t) for t in model["territories"]}
        out["models"].append(item)
    return out


def inert_json(data) -> str:
    """JSON with no ``<``, ``>`` or ``&``: plain text inside a <template>."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def catalog_json(models: dict, questionnaires: dict | None = None) -> str:
    """The catalog as JSON, for a <template> (see render_generator)."""
    return inert_json(catalog(models, questionnaires))


LOCALE_TERRITORY = {"fr_CA": "QC", "fr_FR": "FR", "fr_BE": "BE"}



def default_territory(network: dict) -> str:
    """``extra.network.country`` if set, else the locale's country, else Québec."""
    country = str(network.get("country", "")).upper()
    if country in TERRITORIES:
        return country
    return LOCALE_TERRITORY.get(str(network.get("locale", "")), "QC")


def render_generator(models: dict, network: dict, questionnaires: dict | None = None) -> str:
    """The generator: static scaffold (labels, buttons) + catalog; agreement-app.js fills it (its sentences: words/agreements.py)."""
    territory = default_territory(network)
    model_options = "".join(f'<option value="{escape(m["id"])}">{escape(m["title"])}</option>' for m in models.values())
    territory_options = "".join(
        f'<option value="{t}"{" selected" if t == territory else ""}>{escape(TERRITORY_NAMES[t])}</option>' for t in TERRITORIES
    )
    currency = escape(str(network.get("currency", "$")))
    locale = escape(str(network.get("locale", "fr_CA")))
    countries = escape(json.dumps(site_countries(territory), ensure_ascii=False))
    return f"""<div class="mu-agreement" data-default-territory="{territory}" data-currency="{currency}" data-locale="{locale}" data-countries="{countries}">
<noscript><p class="mu-ag-noscript">Le générateur a besoin de JavaScript. Sans lui, lisez et imprimez les modèles listés plus bas : chaque page montre les blancs à remplir.</p></noscript>
<p class="mu-ag-engine" role="status" aria-live="polite"></p>
<form class="mu-ag-form" novalidate>
<fieldset class="mu-ag-choice"><legend>Modèle et pays</legend>
<p><label for="mu-ag-model">Modèle de convention</label><br><select id="mu-ag-model" name="model">{model_options}</select></p>
<p><label for="mu-ag-territory">Pays dont le droit s'applique</label><br><select id="mu-ag-territory" name="territory">{territory_options}</select></p>
</fieldset>
<fieldset class="mu-ag-partners"><legend>Partenaires (au moins deux)</legend>
<ol class="mu-ag-partner-list"></ol>
<button type="button" class="md-button" data-action="add-partner">Ajouter un partenaire</button>
</fieldset>
<fieldset class="mu-ag-fields"><legend>Contenu de la convention</legend>
<p class="mu-ag-fields-help">Les champs vides restent des blancs « ________ » dans le texte, à compléter plus tard.</p>
<div class="mu-ag-field-list"></div>
</fieldset>
<fieldset class="mu-ag-options"><legend>Clauses facultatives</legend>
<div class="mu-ag-option-list"></div>
</fieldset>
<div class="mu-ag-actions">
<button type="button" class="md-button" data-action="prefill">Reprendre mes réponses et calculs enregistrés</button>
<button type="button" class="md-button md-button--primary" data-action="docx">Télécharger en .docx</button>
<button type="button" class="md-button" data-action="markdown">Télécharger en Markdown</button>
<button type="button" class="md-button" data-action="print">Imprimer ou enregistrer en PDF</button>
</div>
<p class="mu-ag-status" role="status" aria-live="polite"></p>
<p class="mu-ag-alert" role="alert"></p>
</form>
<template data-search-exclude class="mu-ag-partner-template"><li class="mu-ag-partner">
<fieldset><legend></legend>
<p><label data-for="name">Nom de l'organisation</label><br><input type="text" data-key="name" autocomplete="organization"></p>
<p><label data-for="legal_form">Forme juridique</label><br><input type="text" data-key="legal_form"></p>
<p><label data-for="address">Adresse du siège</label><br><input type="text" data-key="address"></p>
<p><label data-for="identifier">Numéro d'immatriculation : NEQ au Québec, SIREN ou RNA en France, numéro d'entreprise (BCE) en Belgique</label><br><input type="text" data-key="identifier"></p>
<p><label data-for="representative">Personne qui signe (nom et qualité)</label><br><input type="text" data-key="representative"></p>
<p><label data-for="authority">Décision qui l'autorise à signer (par exemple : résolution du conseil d'administration du 12 mars)</label><br><input type="text" data-key="authority"></p>
<button type="button" class="md-button" data-action="remove-partner"></button>
</fieldset></li></template>
<section class="mu-ag-preview" aria-labelledby="mu-ag-preview-title">
<h2 id="mu-ag-preview-title">Aperçu de la convention</h2>
<div class="mu-ag-missing" role="status" aria-live="polite"></div>
<div class="mu-ag-document"></div>
</section>
<template data-search-exclude class="mu-ag-catalog">{catalog_json(models, questionnaires)}</template>
</div>"""
