"""HTML of the agreement pages: one model read as a page, and the generator's scaffold.

Plain functions on the validated models (``agreements.loader``), tested
without MkDocs. Placeholders become blanks followed by their explanation, so
the page reads and prints without JavaScript. Every text is escaped.
"""

from __future__ import annotations

import json
from html import escape

from agreements import TERRITORIES, TERRITORY_NAMES
from agreements.assemble import CURRENCIES, PARTNER_KEYS, PLACEHOLDER, fields_for, reference_after
from macros.countries import site_countries
from macros.questionnaire_render import link_href

BLANK = "________"


def _blanks(text: str, labels: dict) -> str:
    """One paragraph of model text with each {placeholder} as a labelled blank."""
    out, position = [], 0
    for match in PLACEHOLDER.finditer(text):
        out.append(escape(text[position : match.start()]))
        label = escape(labels[match.group(1)])
        out.append(f'<span class="mu-ag-blank">{BLANK}</span> <span class="mu-ag-hint">({label})</span>')
        position = match.end()
    out.append(escape(text[position:]))
    return "".join(out)


def _paragraphs(text: str, labels: dict) -> str:
    parts = [" ".join(p.split()) for p in text.strip().split("\n\n") if p.strip()]
    return "".join(f"<p>{_blanks(p, labels)}</p>" for p in parts)


def _territory_note(clause: dict, model: dict) -> str:
    if clause["territories"] == model["territories"]:
        return ""
    names = ", ".join(TERRITORY_NAMES[t] for t in clause["territories"])
    return f'<p class="mu-ag-territory"><strong>S\'applique à :</strong> {escape(names)}</p>'


def _countries_note(item: dict, model: dict) -> str:
    if item["territories"] == model["territories"]:
        return ""
    return " (" + ", ".join(TERRITORY_NAMES[t] for t in item["territories"]) + ")"


def render_model(model: dict, page_url: str = "", use_directory_urls: bool = True) -> str:
    """The whole model as HTML: every clause, with blanks, territories, why and law."""
    labels = {f["name"]: f["label"] for f in model["fields"]}
    html = [f'<div class="mu-ag-model" id="modele-{escape(model["id"])}">']
    html.append(f'<p class="mu-ag-summary">{escape(model["summary"])}</p>')
    names = ", ".join(TERRITORY_NAMES[t] for t in model["territories"])
    html.append(f"<p><strong>Pays :</strong> {escape(names)}. Les clauses propres à un pays le disent.</p>")
    html.append('<h2 id="parties">Entre les parties</h2>')
    html.append(
        f"<p>1. <span class=\"mu-ag-blank\">{BLANK}</span> <span class=\"mu-ag-hint\">(nom, forme juridique, "
        f"adresse du siège, représentant ou représentante)</span> ;<br>2. <span class=\"mu-ag-blank\">{BLANK}</span> "
        "<span class=\"mu-ag-hint\">(idem pour chaque partie)</span> ;</p><p>ci-après « les parties », conviennent de ce qui suit.</p>"
    )
    for clause in model["clauses"]:
        cid = escape(f'clause-{clause["id"]}')
        html.append(f'<section class="mu-ag-clause" aria-labelledby="{cid}">')
        html.append(f'<h2 id="{cid}">{escape(clause["title"])}</h2>')
        html.append(_territory_note(clause, model))
        if clause["optional"]:
            html.append(f'<p class="mu-ag-optional"><strong>Clause facultative.</strong> {escape(clause["applies_when"])}</p>')
        html.append(_paragraphs(clause["text"], labels))
        href = escape(link_href(clause["link"], page_url, use_directory_urls))
        html.append(f'<p class="mu-ag-why"><strong>Pourquoi :</strong> {escape(clause["why"])} <a href="{href}">Voir le guide</a>.</p>')
        if clause["references"]:
            html.append('<ul class="mu-ag-law">')
            for ref in clause["references"]:
                html.append(
                    f'<li>{escape(ref["jurisdiction"])} : <a href="{escape(ref["url"])}">{escape(ref["label"])}</a>{escape(reference_after(ref))}</li>'
                )
            html.append("</ul>")
        html.append("</section>")
    if model.get("closing"):
        html.append(_paragraphs(model["closing"], labels))
    html.append('<h2 id="signatures">Signatures</h2>')
    html.append(
        '<table class="mu-ag-signatures"><thead><tr><th scope="col">Partie</th><th scope="col">Nom et qualité de la personne qui signe</th>'
        '<th scope="col">Date</th><th scope="col">Signature</th></tr></thead><tbody>'
        + "".join(f"<tr><td>{BLANK}</td><td>{BLANK}</td><td></td><td></td></tr>" for _ in range(2))
        + "".join(
            f"<tr><td>{escape(c['role'])}{_countries_note(c, model)}</td><td>{BLANK}</td><td></td><td></td></tr>"
            for c in model.get("cosigners", [])
        )
        + "</tbody></table>"
    )
    html.append(f'<div class="admonition warning"><p class="admonition-title">À adapter et à faire relire</p><p>{escape(model["note"])}</p></div>')
    html.append("</div>")
    return "\n".join(part for part in html if part)


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


OF_COUNTRY = {"QC": "du Québec", "FR": "de la France", "BE": "de la Belgique"}


def default_territory(network: dict) -> str:
    """``extra.network.country`` if set, else the locale's country, else Québec."""
    country = str(network.get("country", "")).upper()
    if country in TERRITORIES:
        return country
    return LOCALE_TERRITORY.get(str(network.get("locale", "")), "QC")


def render_generator(models: dict, network: dict, questionnaires: dict | None = None) -> str:
    """The generator: static scaffold (labels, buttons, messages) + catalog; agreement-app.js fills it."""
    territory = default_territory(network)
    model_options = "".join(f'<option value="{escape(m["id"])}">{escape(m["title"])}</option>' for m in models.values())
    territory_options = "".join(
        f'<option value="{t}"{" selected" if t == territory else ""}>{escape(TERRITORY_NAMES[t])}</option>' for t in TERRITORIES
    )
    messages = {
        "saved": "Brouillon enregistré dans ce navigateur.",
        "engine": "Préparation de l'aperçu…",
        "missing": "À compléter :",
        "complete": "Tous les champs sont remplis.",
        # Said when a model opened for the first time takes the partners of another draft.
        "partners_reused": "Partenaires repris de votre brouillon « {model} » : modifiez-les ici si besoin.",
        "erased_elsewhere": "Tout ce que Mutuus gardait sur cet appareil vient d'être effacé dans un autre onglet : ce brouillon est effacé ici aussi.",
        "damaged": "Le brouillon enregistré était illisible : il a été mis de côté sous une autre clé, rien n'est effacé.",
        "engine_failed": "L'aperçu n'a pas pu être préparé :",
        "docx_failed": "Le fichier .docx n'a pas pu être créé :",
        "remove_partner": "Retirer ce partenaire",
        "partner": "Partenaire",
        "article": "Article",
        "parties": "Entre les parties",
        "parties_end": "ci-après « les parties », conviennent de ce qui suit.",
        "signatures": "Signatures",
        "signature_headers": ["Partie", "Nom et qualité de la personne qui signe", "Date", "Signature"],
        "model_for": "Modèle pour :",
        "todo": "À compléter",
        "optional_when": "Facultative :",
        "required_mark": "(obligatoire pour signer)",
        # Shown when the draft's country is not the reader's ("Votre pays", country.js).
        "other_country": {
            code: f"Ce brouillon suit le droit {OF_COUNTRY[code]}, pas celui de votre pays : "
            f"ses montants s'écrivent en {CURRENCIES[code][1]} ({CURRENCIES[code][0]})."
            for code in TERRITORIES
        },
    }
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
<template data-search-exclude class="mu-ag-messages">{inert_json(messages)}</template>
</div>"""
